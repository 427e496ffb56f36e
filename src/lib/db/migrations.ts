/**
 * How stored records move from one schema version to the next: one step per version, each a
 * function per record kind that takes a record as version n-1 stored it and returns it as
 * version n stores it. Steps are frozen once released, like the versions in schema.ts: they
 * name the defaults of their own day, never today's factories, so a later change of a default
 * cannot change what an old upgrade produces. The database (database.ts) runs them as Dexie
 * upgrades; a restore runs the same steps on a backup's records (backup-read.ts).
 */

import { customerAddressFields, parseAddress, remitAddressFields } from '$lib/domain/addresses';

/** A record as it comes out of storage or a backup: any object, checked after upgrading. */
type Stored = Record<string, unknown>;

export type StoredKind =
	| 'customers'
	| 'sites'
	| 'workOrders'
	| 'tasks'
	| 'changeOrders'
	| 'purchaseOrders'
	| 'poLines'
	| 'invoices'
	| 'invoiceLines'
	| 'settings'
	| 'mappings'
	| 'attachments'
	| 'poRevisions'
	| 'history';

export type MigrationStep = Partial<Record<StoredKind, (r: Stored) => Stored>>;

const isObject = (v: unknown): v is Stored => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
	/**
	 * Settings gained the invoice logo and the CSV byte-order mark during version 1 without a
	 * version of their own (a workbook from before them backed up into a file its own restore
	 * refused), and version 2 adds the backup reminder: every settings record gets all three.
	 */
	2: {
		settings: (s) => ({
			...s,
			business: { logoDataUrl: '', ...(isObject(s.business) ? s.business : {}) },
			csvBom: typeof s.csvBom === 'boolean' ? s.csvBom : true,
			backupReminderDays: 14
		})
	},
	/**
	 * Customers remember other names (none yet); work orders gain the completion date, unknown
	 * for jobs stored before it (the sign-off date is a different day, so it is not copied).
	 */
	3: {
		customers: (c) => ({ ...c, otherNames: [] }),
		workOrders: (w) => ({ ...w, completedOn: null })
	},
	/**
	 * Invoices gain the references of a correction (none: every stored invoice is an ordinary
	 * one) and their history, empty: when an invoice stored before was sent is not known, and a
	 * guess (its invoice date) would be shown as fact. One-text addresses (customers' billing,
	 * sites', the business's and its remit-to) become their parts, read by `parseAddress`; what
	 * it cannot read stays whole in the street. That parser is this step's: if it ever changes,
	 * the version 4 reading is copied here first. Settings gain the bookkeeping names per kind of
	 * line, at the values the exports used before they were settings.
	 */
	4: {
		invoices: (i) => ({ ...i, creditOf: '', reissueOf: '', history: [] }),
		customers: ({ billingAddress, ...c }) => ({ ...c, ...customerAddressFields(parseAddress(text(billingAddress))) }),
		sites: ({ address, ...s }) => ({ ...s, ...parseAddress(text(address)) }),
		settings: (s) => {
			const { address, remitTo, ...business } = isObject(s.business) ? s.business : {};
			return {
				...s,
				business: { ...business, ...parseAddress(text(address)), ...remitAddressFields(parseAddress(text(remitTo))) },
				accounting: {
					xeroAccount: perKind(() => '200'),
					xeroTaxType: perKind(() => 'Tax Exempt'),
					quickBooksItem: { labor: 'Labor', material: 'Materials', subcontract: 'Subcontract', fee: 'Fee', tax: 'Sales Tax', freight: 'Freight', discount: 'Discount' }
				}
			};
		}
	},
	/**
	 * History rows are found by `lookup` (db/history.ts). A row stored before it is found by every
	 * record it names, as version 5 found it: its lookup is its keys.
	 */
	6: {
		history: (h) => ({ ...h, lookup: Array.isArray(h.keys) ? [...(h.keys as unknown[])] : [] })
	}
};

/*
 * Version 5 adds the history table and changes no record: it has no step. A later step that
 * reshapes a kind of record must reshape the whole records kept in history rows (`deleted`) too.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The kinds of invoice line as of version 4, named here so that a kind added later does not change this step. */
const perKind = (value: () => string) => Object.fromEntries(['labor', 'material', 'subcontract', 'fee', 'tax', 'freight', 'discount'].map((k) => [k, value()]));

/** `record` of `kind`, stored at schema `from`, as schema `to` stores it. */
export function upgradeRecord(kind: StoredKind, record: Stored, from: number, to: number): Stored {
	let r = record;
	for (let v = from + 1; v <= to; v++) {
		const step = MIGRATIONS[v]?.[kind];
		if (step) r = step(r);
	}
	return r;
}
