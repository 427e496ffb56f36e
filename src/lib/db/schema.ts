/**
 * Every released schema version, append-only. A version, once released, is never edited or
 * removed: users' browsers hold data at that version and Dexie upgrades through each in turn.
 * Changing the schema, or the fields of any stored record, means adding VERSIONS[n+1] with its
 * step in migrations.ts, its frozen fixtures in tests/fixtures/db/ (indexes, field sets, real
 * records) and a new backup format (backup-format.ts); schema.test.ts fails until all are there.
 */
export const SCHEMA_V1 = {
	customers: 'id, name',
	sites: 'id, customerId',
	workOrders: 'id, &number, customerId, siteId, poNumber, status',
	tasks: 'id, workOrderId, &[workOrderId+code], changeOrderNumber',
	changeOrders: 'id, workOrderId, &[workOrderId+number]',
	purchaseOrders: 'id, &[customerId+number], number, customerId',
	poLines: 'id, poId, &[poId+lineNo]',
	invoices: 'id, &number, customerId, poNumber, status, *workOrderNumbers',
	invoiceLines: 'id, invoiceId, &[invoiceId+lineNo], [woNumber+taskCode], woNumber',
	settings: 'id',
	/** Column mappings remembered per customer and file kind (CSV import). */
	mappings: 'id, [customerId+kind]',
	/** Sign-off evidence (photos, readings) kept with the work order. */
	attachments: 'id, workOrderId',
	/** What each PO revision changed, written when a re-import is applied. */
	poRevisions: 'id, poId'
} as const;

/**
 * Version 2 keeps every index of version 1. It exists for the records: settings stored before
 * the logo, the CSV byte-order mark and the backup reminder were added are brought up to date
 * (migrations.ts), so a workbook that predates them backs up and restores like a new one.
 */
export const SCHEMA_V2 = SCHEMA_V1;

/**
 * Version 3 keeps every index of version 2. It exists for the records: customers remember the
 * other names their files use, and work orders hold the date the work was completed.
 */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * Version 4 keeps every index of version 3. It exists for the records: invoices name the invoice
 * a credit note corrects or a reissue replaces, and keep their history (sent, paid, voided,
 * credited, reissued); customers', sites', the business's and the remit-to addresses are in
 * parts (street, city, region, postal code, country); settings hold the bookkeeping names
 * (Xero account and tax type, QuickBooks product/service) per kind of invoice line.
 */
export const SCHEMA_V4 = SCHEMA_V3;

/**
 * Version 5 adds the history of every change (db/history.ts): one row per change (or per 2,000
 * records of a big one), its `keys` a multi-entry index of every record it touched, so a record's
 * history is one index read. No record changes shape.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, history: 'id, change, *keys' } as const;

/**
 * Version 6 finds history rows by `lookup` instead of `keys` (db/history.ts): a line created with
 * its owner in the same change is filed under the owner's key, so a 100,000-line import adds one
 * index entry per PO, not per line. Rows stored before it are found by all their keys, as before.
 */
export const SCHEMA_V6 = { ...SCHEMA_V5, history: 'id, change, *lookup' } as const;

export const VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
	{ version: 1, stores: SCHEMA_V1 },
	{ version: 2, stores: SCHEMA_V2 },
	{ version: 3, stores: SCHEMA_V3 },
	{ version: 4, stores: SCHEMA_V4 },
	{ version: 5, stores: SCHEMA_V5 },
	{ version: 6, stores: SCHEMA_V6 }
];

export const CURRENT_SCHEMA = VERSIONS[VERSIONS.length - 1]!.version;

export const DB_NAME = 'tieout';
