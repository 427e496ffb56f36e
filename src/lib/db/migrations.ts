/**
 * How stored records move from one schema version to the next: one step per version, each a
 * function per record kind that takes a record as version n-1 stored it and returns it as
 * version n stores it. Steps are frozen once released, like the versions in schema.ts: they
 * name the defaults of their own day, never today's factories, so a later change of a default
 * cannot change what an old upgrade produces. The database (database.ts) runs them as Dexie
 * upgrades; a restore runs the same steps on a backup's records (backup-read.ts).
 */

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
	| 'poRevisions';

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
	 * guess (its invoice date) would be shown as fact.
	 */
	4: {
		invoices: (i) => ({ ...i, creditOf: '', reissueOf: '', history: [] })
	}
};

/** `record` of `kind`, stored at schema `from`, as schema `to` stores it. */
export function upgradeRecord(kind: StoredKind, record: Stored, from: number, to: number): Stored {
	let r = record;
	for (let v = from + 1; v <= to; v++) {
		const step = MIGRATIONS[v]?.[kind];
		if (step) r = step(r);
	}
	return r;
}
