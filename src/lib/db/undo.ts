import { fieldLabel } from '$lib/domain/field-labels';
import type { Cause } from './cause';
import { RECORD_TABLES, type TableName, type TieoutDB } from './database';
import { RecordError } from './errors';
import { eventOf, sameValue, splitKey, type HistoryRow, type HistoryTable } from './history';
import { batchIntegrityProblems, deleteBlockers, PARENTS } from './integrity';
import { OWNED } from './owners';
import { mayBeBlocked, withChildren } from './delete-screen';
import { refuseLockedInvoices, refuseRedecided } from './locks';
import { bulkWriteNamed, namesKeys, RowsRefused } from './named-writes';
import { describeRecord, type AnyRecord } from './records';
import { deleteMany, readMany } from './read-many';
import { recordedWrite, validateRecord } from './repository';

/*
 * Undo takes one change back: what it created goes, what it deleted comes back whole, what it
 * changed gets its old values. It is a change of its own, written through the same checks as any
 * other and kept in the history, so redo is the undo of an undo. A change that a later one
 * overwrote (in this tab or another) is not taken back: the refusal names the record and field.
 */

type Rec = Record<string, unknown>;

export const NOT_UNDONE = 'Nothing was undone';

const isRecordTable = (t: HistoryTable): t is TableName => (RECORD_TABLES as readonly string[]).includes(t);
const nameOf = (table: HistoryTable, r: Rec | undefined): string =>
	r && isRecordTable(table) ? describeRecord(table, r as unknown as AnyRecord) : table === 'attachments' ? `Attachment ${String(r?.name ?? '')}`.trim() : table === 'poRevisions' ? `PO revision ${String(r?.revision ?? '')}`.trim() : table;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

async function readAll(db: TieoutDB, keys: string[]): Promise<Map<string, Rec>> {
	const byTable = new Map<HistoryTable, string[]>();
	for (const k of keys) {
		const { table, id } = splitKey(k);
		push(byTable, table, id);
	}
	const out = new Map<string, Rec>();
	for (const [table, ids] of byTable) {
		const found = (await readMany(db.table(table), ids)) as (Rec | undefined)[];
		found.forEach((r, i) => r && out.set(`${table}:${ids[i]}`, r));
	}
	return out;
}

/**
 * What later changes say about the records of this one: for each record, its fields' values just
 * before the first later change of each (or the whole record before a later delete). A record is as
 * this change left it when those values are still the ones stored.
 */
function laterStates(later: HistoryRow[], keys: Set<string>): Map<string, { fields: Rec; whole?: Rec }> {
	const out = new Map<string, { fields: Rec; whole?: Rec }>();
	for (const row of later) {
		for (const key of row.keys) {
			if (!keys.has(key)) continue;
			const e = eventOf(row, key)!;
			const seen = out.get(key) ?? { fields: {} };
			out.set(key, seen);
			if (e.kind === 'updated') for (const [f, v] of Object.entries(e.before)) if (!(f in seen.fields)) seen.fields[f] = v;
			if (e.kind === 'deleted' && !seen.whole && !Object.keys(seen.fields).length) seen.whole = e.record;
		}
	}
	return out;
}

/** Why `change` cannot be taken back as it is: each record and field changed since, in words. */
function conflicts(rows: HistoryRow[], later: HistoryRow[], now: Map<string, Rec>): string[] {
	const out: string[] = [];
	const created: string[] = [];
	for (const row of rows) {
		const special = new Set([...row.updated.map((u) => u.key), ...row.deleted.map((d) => d.key)]);
		for (const k of row.keys) if (!special.has(k)) created.push(k);
		for (const u of row.updated) {
			const { table } = splitKey(u.key);
			const cur = now.get(u.key);
			if (!cur) {
				out.push(`${nameOf(table, u.after)} was deleted after this step`);
				continue;
			}
			for (const [f, v] of Object.entries(u.after)) if (!sameValue(cur[f] ?? null, v)) out.push(`${nameOf(table, cur)}: ${fieldLabel(table, f)} was changed after this step`);
		}
		for (const d of row.deleted) if (now.has(d.key)) out.push(`${nameOf(splitKey(d.key).table, now.get(d.key))} was made again after this step`);
	}
	const states = laterStates(later, new Set(created));
	for (const k of created) {
		const { table } = splitKey(k);
		const cur = now.get(k);
		if (!cur) {
			out.push(`${nameOf(table, undefined)} ${splitKey(k).id} was deleted after this step`);
			continue;
		}
		const s = states.get(k);
		if (!s) continue;
		if (s.whole && !sameValue(s.whole, cur)) out.push(`${nameOf(table, cur)} was changed after this step`);
		for (const [f, v] of Object.entries(s.fields)) if (!sameValue(cur[f] ?? null, v)) out.push(`${nameOf(table, cur)}: ${fieldLabel(table, f)} was changed after this step`);
	}
	return [...new Set(out)];
}

const refuse = (problems: string[]): never => {
	const listed = problems.slice(0, 10);
	if (problems.length > 10) listed.push(`…and ${problems.length - 10} more`);
	throw new RecordError(listed.map((message) => ({ field: '', message })), NOT_UNDONE);
};

/**
 * Takes `change` back as one new change of `cause` (kind 'undo' or 'redo'); refused, with nothing
 * written, when a later change overwrote what it did or when the records it would bring back or
 * remove no longer pass the checks every write passes.
 */
export async function undoChange(db: TieoutDB, change: string, cause: Cause): Promise<void> {
	const tables = [...RECORD_TABLES, 'attachments', 'poRevisions'].map((t) => db.table(t));
	await recordedWrite(
		db,
		tables,
		cause,
		async (rec) => {
			const rows = await db.history.where('change').equals(change).sortBy('id');
			if (!rows.length) refuse(['the change is no longer in the history (a backup was restored since)']);
			const later = (await db.history.where(':id').above(rows.at(-1)!.id).toArray()).filter((r) => r.change !== change);
			const keys = rows.flatMap((r) => r.keys);
			const now = await readAll(db, keys);
			const problems = conflicts(rows, later, now);
			if (problems.length) refuse(problems);

			const updated = rows.flatMap((r) => r.updated);
			const deleted = rows.flatMap((r) => r.deleted);
			const special = new Set([...updated.map((u) => u.key), ...deleted.map((d) => d.key)]);
			const created = keys.filter((k) => !special.has(k));

			// Put back: old values of what it changed, and whole what it deleted.
			const puts = new Map<HistoryTable, { before: Rec | undefined; after: Rec }[]>();
			const put = (table: HistoryTable, before: Rec | undefined, after: Rec) => push(puts, table, { before, after });
			for (const u of updated) {
				const cur = now.get(u.key)!;
				put(splitKey(u.key).table, cur, { ...cur, ...u.before });
			}
			for (const d of deleted) put(splitKey(d.key).table, undefined, d.record);
			const checks: string[] = [];
			for (const [table, list] of puts) {
				if (!isRecordTable(table)) continue;
				for (const { before, after } of list) {
					for (const p of validateRecord(table, after as never)) checks.push(`${nameOf(table, after)}: ${p.message}`);
					refuseRedecided(table, before as never, after as never, nameOf(table, after));
				}
			}
			if (checks.length) refuse(checks);
			const going = new Set(created);
			const idsOf = (table: HistoryTable) => created.filter((k) => splitKey(k).table === table).map((k) => splitKey(k).id);
			await refuseLockedInvoices(
				db,
				{
					invoices: puts.get('invoices')?.map((p) => p.after) as never,
					invoiceLines: puts.get('invoiceLines')?.map((p) => p.after) as never,
					removeInvoices: idsOf('invoices'),
					removeInvoiceLines: idsOf('invoiceLines')
				},
				NOT_UNDONE
			);
			for (const [table, list] of puts) {
				try {
					await bulkWriteNamed(db.table(table), list.map((p) => p.after), 'put', await namesKeys(db.table(table), list.length));
				} catch (err) {
					if (!(err instanceof RowsRefused)) throw err;
					refuse(err.positions.map((i) => `${nameOf(table, list[i]!.after)}: its number is now used by another record`));
				}
				for (const p of list) rec.changed(table, p.before, p.after);
			}

			// Remove what it created, unless something made since still points at it or hangs under it.
			const blocked: string[] = [];
			const isGoing = (table: TableName, id: string) => going.has(`${table}:${id}`);
			const createdBy = new Map<TableName, AnyRecord[]>();
			for (const k of created) {
				const { table } = splitKey(k);
				if (isRecordTable(table)) push(createdBy, table, now.get(k)! as unknown as AnyRecord);
			}
			for (const [table, recs] of createdBy) {
				// Screened a table at a time (delete-screen.ts): only records something may hang under or
				// point at are asked one by one.
				const parentIds = recs.map((r) => r.id);
				for (const [child, field] of OWNED[table] ?? []) {
					const parents = await withChildren(db, child, field, parentIds);
					for (const r of recs) {
						if (!parents.has(r.id)) continue;
						const kids = (await db.table(child).where(field).equals(r.id).toArray()) as Rec[];
						const added = kids.filter((c) => !going.has(`${child}:${String(c.id)}`));
						if (added.length) blocked.push(`${nameOf(table, r as unknown as Rec)} has ${added.map((c) => nameOf(child, c)).slice(0, 5).join(', ')} added since`);
					}
				}
				// A line whose owner goes too is held back only by what holds back its owner.
				const owner = PARENTS[table]?.[0];
				const ownedBy = owner && OWNED[owner[1]]?.some(([c]) => c === table) ? owner : null;
				const alone = ownedBy ? recs.filter((r) => !going.has(`${ownedBy[1]}:${String((r as unknown as Rec)[ownedBy[0]])}`)) : recs;
				const suspects = await mayBeBlocked(db, table, alone);
				for (const r of alone) {
					if (!suspects.has(r.id)) continue;
					for (const b of await deleteBlockers(db, table, r, isGoing)) blocked.push(`${nameOf(table, r as unknown as Rec)} is still used by ${b}`);
				}
			}
			if (blocked.length) refuse(blocked);
			const byTable = new Map<HistoryTable, string[]>();
			for (const k of created) {
				const { table, id } = splitKey(k);
				push(byTable, table, id);
				rec.deleted(table, now.get(k)!);
			}
			for (const [table, ids] of byTable) await deleteMany(db.table(table), ids);

			const restored = Object.fromEntries([...puts].filter(([t]) => isRecordTable(t)).map(([t, list]) => [t, list.map((p) => p.after)]));
			const refused = (await batchIntegrityProblems(db, restored as never)).map((p) => `${describeRecord(p.table, p.record)}: ${p.message}`);
			if (refused.length) refuse(refused);
		},
		change
	);
}
