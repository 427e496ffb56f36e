import {
	validateChangeOrder,
	validateCustomer,
	validateInvoice,
	validateInvoiceLine,
	validatePoLine,
	validatePurchaseOrder,
	validateSettings,
	validateSite,
	validateTask,
	validateWorkOrder
} from '$lib/domain/validate';
import type { Problem } from '$lib/domain/result';
import type { Table } from 'dexie';
import { RECORD_TABLES, type ColumnMapping, type PoRevision, type TableName, type TieoutDB } from './database';
import { RecordError } from './errors';
import { bulkWriteNamed, namesKeys, RowsRefused } from './named-writes';
import { writeTransaction } from './write-transaction';
import { checkpoint, type WriteWatch } from './write-watch';
import { cascadeDelete, deleteBlockers, integrityProblems, nameClashes, propagateRename, referenceProblems, RENAME_FIELDS, type BatchProblem } from './integrity';
import { describeRecord, TABLE_LABEL, type AnyRecord, type RecordOf } from './records';
import { EDIT, type Cause } from './cause';
import { announce, ChangeRecorder, type HistoryRow } from './history';
import { FULL_SHAPES } from './shapes';

export { describeRecord };
import { refuseLockedInvoices, refuseRedecided, type InvoiceWrites } from './locks';

/** The invoice records among one table's writes, for the lock on invoices that have gone out. */
function invoiceWrites(table: TableName, rows: readonly AnyRecord[], removes: readonly string[] = []): InvoiceWrites {
	if (table === 'invoices') return { invoices: rows as never, removeInvoices: removes };
	if (table === 'invoiceLines') return { invoiceLines: rows as never, removeInvoiceLines: removes };
	return {};
}

const VALIDATORS: { [K in TableName]: (x: RecordOf[K]) => Problem[] } = {
	customers: validateCustomer,
	sites: validateSite,
	workOrders: validateWorkOrder,
	tasks: validateTask,
	changeOrders: validateChangeOrder,
	purchaseOrders: validatePurchaseOrder,
	poLines: validatePoLine,
	invoices: validateInvoice,
	invoiceLines: validateInvoiceLine,
	settings: validateSettings
};

/**
 * Each kind's fields. A record stored with any other field would make its workbook's backup one
 * that its own restore refuses ("the field … is not one Tieout keeps", backup-read.ts), so no
 * write stores one.
 */
const FIELDS = Object.fromEntries(RECORD_TABLES.map((t) => [t, new Set(Object.keys(FULL_SHAPES[t]))])) as Record<TableName, Set<string>>;

export function validateRecord<K extends TableName>(table: K, x: RecordOf[K]): Problem[] {
	const problems = (VALIDATORS[table] as (x: RecordOf[K]) => Problem[])(x);
	const known = FIELDS[table];
	for (const field in x) if (!known.has(field)) problems.push({ field, message: `the field "${field}" is not one Tieout keeps` });
	return problems;
}

const ALL = (db: TieoutDB) => [...RECORD_TABLES, 'attachments', 'poRevisions'].map((t) => db.table(t));

/**
 * One write transaction that is one change: what `scope` notes on the recorder is written to the
 * history in the same transaction, and this tab's listeners hear of it once it has committed.
 */
export async function recordedWrite<T>(db: TieoutDB, tables: Table[], cause: Cause, scope: (rec: ChangeRecorder) => Promise<T>, undoes = ''): Promise<T> {
	const rec = new ChangeRecorder();
	let rows: HistoryRow[] = [];
	const out = await writeTransaction(db, [...tables, db.history], async () => {
		const result = await scope(rec);
		rows = await rec.write(db.history, cause, undoes);
		return result;
	});
	if (rows.length) announce({ db: db.name, change: rows[0]!.change, cause, total: rows[0]!.total, undoes });
	return out;
}

async function checkedPut<K extends TableName>(db: TieoutDB, table: K, x: RecordOf[K]): Promise<void> {
	const problems = validateRecord(table, x);
	problems.push(...(await integrityProblems(db, table, x)));
	if (problems.length) throw new RecordError(problems, describeRecord(table, x));
	await db.table(table).put(x);
}

/** Create or replace one record. Refused with every problem, and nothing stored, when invalid or not unique. */
export async function saveRecord<K extends TableName>(db: TieoutDB, table: K, x: RecordOf[K], cause: Cause = EDIT): Promise<void> {
	await recordedWrite(db, ALL(db), cause, async (rec) => {
		const before = (await db.table(table).get(x.id)) as RecordOf[K] | undefined;
		refuseRedecided(table, before, x, describeRecord(table, x));
		await refuseLockedInvoices(db, invoiceWrites(table, [x]), describeRecord(table, x));
		await checkedPut(db, table, x);
		rec.changed(table, before, x);
		if (before) await propagateRename(db, table, before, x, rec);
	});
}

/**
 * Change some fields of one record (a cell edit). Returns the stored record. `startedAs` holds the
 * values the edit began from: when the stored ones differ, another tab changed them while the
 * person typed, and writing would silently undo that change, so the edit is refused instead.
 */
export async function updateRecord<K extends TableName>(
	db: TieoutDB,
	table: K,
	id: string,
	patch: Partial<RecordOf[K]>,
	startedAs?: Partial<RecordOf[K]>,
	cause: Cause = EDIT
): Promise<RecordOf[K]> {
	return recordedWrite(db, ALL(db), cause, (rec) => updateInside(db, rec, table, id, patch, startedAs));
}

/** A new version of each of these records, all or none, each refused as updateRecord refuses it (a record deleted meanwhile is never made again). */
export async function updateRecords(db: TieoutDB, updates: readonly { [K in TableName]: { table: K; record: RecordOf[K] } }[TableName][], cause: Cause = EDIT): Promise<void> {
	await recordedWrite(db, ALL(db), cause, async (rec) => {
		for (const u of updates) await updateInside(db, rec, u.table, u.record.id, u.record as never);
	});
}

async function updateInside<K extends TableName>(db: TieoutDB, rec: ChangeRecorder, table: K, id: string, patch: Partial<RecordOf[K]>, startedAs?: Partial<RecordOf[K]>): Promise<RecordOf[K]> {
	const before = (await db.table(table).get(id)) as RecordOf[K] | undefined;
	if (!before) throw new RecordError([{ field: 'id', message: 'it was deleted (perhaps in another tab)' }], TABLE_LABEL[table]);
	const stored = before as unknown as Record<string, unknown>;
	// By value: a field may hold an object (a customer's tolerances), read afresh from storage.
	const moved = Object.entries(startedAs ?? {}).filter(([k, v]) => JSON.stringify(stored[k]) !== JSON.stringify(v)).map(([k]) => k);
	if (moved.length) {
		throw new RecordError(
			moved.map((field) => ({ field, message: 'it was changed in another tab while you were typing, and the cell now shows that value' })),
			describeRecord(table, before)
		);
	}
	const after = { ...before, ...patch, id } as RecordOf[K];
	refuseRedecided(table, before, after, describeRecord(table, after));
	await refuseLockedInvoices(db, invoiceWrites(table, [after]), describeRecord(table, after));
	await checkedPut(db, table, after);
	rec.changed(table, before, after);
	await propagateRename(db, table, before, after, rec);
	return after;
}

/** Delete one record; refused, naming them, while other records point at it. Owned children go with it. */
export async function deleteRecord(db: TieoutDB, table: TableName, id: string, cause: Cause = { kind: 'delete' }): Promise<void> {
	await recordedWrite(db, ALL(db), cause, async (history) => {
		const rec = (await db.table(table).get(id)) as AnyRecord | undefined;
		if (!rec) return;
		if (table === 'invoiceLines' || table === 'invoices') {
			await refuseLockedInvoices(db, table === 'invoices' ? { removeInvoices: [id] } : { removeInvoiceLines: [id] }, `${describeRecord(table, rec)} cannot be deleted`);
		}
		const blockers = await deleteBlockers(db, table, rec);
		if (blockers.length) {
			throw new RecordError(
				blockers.map((b) => ({ field: 'id', message: `still used by ${b}` })),
				`${describeRecord(table, rec)} cannot be deleted`
			);
		}
		await cascadeDelete(db, table, id, history);
		history.deleted(table, rec);
		await db.table(table).delete(id);
	});
}

export type Batch = { [K in TableName]?: RecordOf[K][] };

/**
 * Write many records in one transaction, all or nothing: every record is validated first and
 * the unique indexes refuse duplicates; any problem aborts the whole batch.
 */
export async function saveBatch(db: TieoutDB, batch: Batch, cause: Cause = { kind: 'create' }): Promise<void> {
	const problems: string[] = [];
	for (const table of RECORD_TABLES) {
		for (const x of (batch[table] ?? []) as AnyRecord[]) {
			for (const p of validateRecord(table, x as never)) problems.push(`${describeRecord(table, x)}: ${p.message}`);
		}
	}
	if (problems.length) throw new RecordError(problems.map((message) => ({ field: '', message })), 'The batch was not saved');
	await recordedWrite(db, ALL(db), cause, async (rec) => {
		await refuseLockedInvoices(db, { invoices: batch.invoices, invoiceLines: batch.invoiceLines }, 'The batch was not saved');
		for (const table of RECORD_TABLES) {
			const rows = batch[table];
			// The one settings record is replaced; every other record is new and must not overwrite one.
			if (!rows?.length) continue;
			const before = table === 'settings' ? await db.settings.bulkGet(rows.map((r) => r.id)) : [];
			rows.forEach((r, i) => rec.changed(table, before[i], r));
			try {
				await bulkWriteNamed(db.table(table), rows, table === 'settings' ? 'put' : 'add');
			} catch (err) {
				if (!(err instanceof RowsRefused)) throw err;
				const clashes = err.positions.map((i) => ({ field: '', message: `${describeRecord(table, rows[i]!)}: its id or number is already used` }));
				throw new RecordError(clashes.slice(0, 20), 'The batch was not saved');
			}
		}
		// With the whole batch in place, the same reference and uniqueness checks as a single
		// save; a problem throws and the transaction takes every record back out.
		const refused: string[] = [];
		for (const table of RECORD_TABLES) {
			for (const x of (batch[table] ?? []) as AnyRecord[]) {
				for (const p of await integrityProblems(db, table, x as never)) refused.push(`${describeRecord(table, x)}: ${p.message}`);
			}
		}
		if (refused.length) throw new RecordError(refused.slice(0, 20).map((message) => ({ field: '', message })), 'The batch was not saved');
	});
}

/** True when `after` changes a field other records follow (a number, a code). */
function renames(table: TableName, before: AnyRecord, after: AnyRecord): boolean {
	const b = before as unknown as Record<string, unknown>;
	const a = after as unknown as Record<string, unknown>;
	return ((RENAME_FIELDS[table] ?? []) as readonly string[]).some((f) => b[f] !== a[f]) || (table === 'purchaseOrders' && b.customerId !== a.customerId);
}

/**
 * Records per bulk call inside a large write: IndexedDB clones each record on the page's thread as
 * it is put, one task per call. At 2,000, 5 of 38 runs of a 10,000-row paste had a task of
 * 202–276 ms; at 1,000 none of 38 went past 172 ms, and run in turns the two took the same time
 * (docs/benchmarks.md, issue 22).
 */
const WRITE_SLICE = 1_000;

/** Several records created, changed and removed together: an import, a revision, an invoice made from jobs. */
export interface ChangeSet {
	put?: Batch;
	/**
	 * Records the caller has just made (rows a paste adds): written without first reading a
	 * previous version that cannot exist, which was a quarter of a 10,000-row paste. An id already
	 * stored is refused, never overwritten.
	 */
	add?: Batch;
	/** Ids to remove. Owned parts go with them; references elsewhere are left for reconciliation to flag. */
	remove?: { [K in TableName]?: string[] };
	revisions?: PoRevision[];
	mappings?: ColumnMapping[];
}

const refuseProblems = (problems: BatchProblem[]) => {
	const refused = problems.map((p) => `${describeRecord(p.table, p.record)}: ${p.message}`);
	if (refused.length) throw new RecordError(refused.slice(0, 20).map((message) => ({ field: '', message })), 'Nothing was saved');
};

/** One slice of a change set's writes; a unique index's refusals are named (rethrowing still aborts the transaction). */
async function writeSlice(db: TieoutDB, table: TableName, rows: AnyRecord[], op: 'put' | 'add', named: boolean): Promise<void> {
	try {
		await bulkWriteNamed(db.table(table), rows, op, named);
	} catch (err) {
		if (!(err instanceof RowsRefused)) throw err;
		const used = op === 'add' ? 'its id or number is already used' : 'its number is already used by another record';
		throw new RecordError(err.positions.slice(0, 20).map((i) => ({ field: '', message: `${describeRecord(table, rows[i]!)}: ${used}` })), 'Nothing was saved');
	}
}

/**
 * Apply a change set in one transaction, all or nothing. Every record is validated before the
 * transaction starts; uniqueness and references are checked with the whole set in place, so
 * records that point at each other (a PO and its new lines) can arrive together.
 */
export async function applyChanges(db: TieoutDB, changes: ChangeSet, watch?: WriteWatch, cause: Cause = EDIT): Promise<void> {
	const put = changes.put ?? {};
	const add = changes.add ?? {};
	const every = (table: TableName) => [...((put[table] ?? []) as AnyRecord[]), ...((add[table] ?? []) as AnyRecord[])];
	const problems: string[] = [];
	for (const table of RECORD_TABLES) {
		for (const x of every(table)) {
			for (const p of validateRecord(table, x as never)) problems.push(`${describeRecord(table, x)}: ${p.message}`);
		}
	}
	if (problems.length) throw new RecordError(problems.slice(0, 20).map((message) => ({ field: '', message })), 'Nothing was saved');
	await recordedWrite(db, [...ALL(db), db.mappings], cause, async (rec) => {
		const rm = changes.remove ?? {};
		const total = RECORD_TABLES.reduce((n, t) => n + (rm[t]?.length ?? 0) + every(t).length, 0);
		let done = 0;
		const handled = (n: number) => {
			done += n;
			watch?.progress?.(done, total);
			checkpoint(watch);
		};
		await refuseLockedInvoices(db, { invoices: every('invoices') as never, invoiceLines: every('invoiceLines') as never, removeInvoices: rm.invoices, removeInvoiceLines: rm.invoiceLines }, 'Nothing was saved');
		checkpoint(watch);
		for (const table of RECORD_TABLES) {
			for (const id of changes.remove?.[table] ?? []) {
				const gone = (await db.table(table).get(id)) as AnyRecord | undefined;
				await cascadeDelete(db, table, id, rec);
				if (gone) rec.deleted(table, gone);
				await db.table(table).delete(id);
				handled(1);
			}
		}
		// Before the writes (see nameClashes): the same answer, and cheap.
		refuseProblems(await nameClashes(db, every('customers') as RecordOf['customers'][]));
		const renamed: [TableName, AnyRecord, AnyRecord][] = [];
		for (const table of RECORD_TABLES) {
			const updates = (put[table] ?? []) as AnyRecord[];
			const fresh = (add[table] ?? []) as AnyRecord[];
			const named = updates.length + fresh.length ? await namesKeys(db.table(table), updates.length + fresh.length) : true;
			// In slices: IndexedDB clones each record on the page's thread as it is put, so one
			// bulk call of 40,000 records is a multi-second freeze; slices let the page breathe.
			for (let from = 0; from < updates.length; from += WRITE_SLICE) {
				const rows = updates.slice(from, from + WRITE_SLICE);
				const before = await db.table(table).bulkGet(rows.map((r) => r.id));
				before.forEach((b, i) => {
					rec.changed(table, b, rows[i]!);
					if (b) renamed.push([table, b as AnyRecord, rows[i]!]);
				});
				await writeSlice(db, table, rows, 'put', named);
				handled(rows.length);
			}
			for (let from = 0; from < fresh.length; from += WRITE_SLICE) {
				const rows = fresh.slice(from, from + WRITE_SLICE);
				for (const r of rows) rec.changed(table, undefined, r);
				await writeSlice(db, table, rows, 'add', named);
				handled(rows.length);
			}
		}
		refuseProblems(await referenceProblems(db, Object.fromEntries(RECORD_TABLES.map((t) => [t, every(t)]))));
		// Only a record whose number moved moves others: awaiting a rename check per record of a
		// 100-line revision let the transaction commit under it (PrematureCommitError), and costs a 100k one dearly.
		for (const [table, before, after] of renamed) if (renames(table, before, after)) await propagateRename(db, table, before as never, after as never, rec);
		// The last chance to stop: what follows is short, then the commit, which cannot be called back.
		checkpoint(watch);
		watch?.committing?.();
		if (changes.revisions?.length) {
			await db.poRevisions.bulkAdd(changes.revisions);
			for (const r of changes.revisions) rec.created('poRevisions', r);
		}
		if (changes.mappings?.length) await db.mappings.bulkPut(changes.mappings);
	});
}
