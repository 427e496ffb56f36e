/**
 * Every released schema version, append-only. A version, once released, is never edited or
 * removed: users' browsers hold data at that version and Dexie upgrades through each in turn.
 * Changing the schema means adding VERSIONS[n+1] (with an upgrade function if data moves), a
 * frozen fixture of version n in tests/fixtures/db/, and a test that upgrades it.
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

export const VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
	{ version: 1, stores: SCHEMA_V1 }
];

export const DB_NAME = 'tieout';
