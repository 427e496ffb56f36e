import type { Table } from 'dexie';
import type { Cause } from './cause';
import type { TableName } from './database';
import { OWNER_OF } from './owners';

/*
 * The history of every change made through the repository, kept in IndexedDB in the same
 * transaction as the change itself, so it can neither be lost nor claim a change that was not
 * stored. One repository call is one change, and one undo step.
 *
 * Layout, chosen for the 100,000-line import (docs/benchmarks.md, "Issue 22"): one row per change,
 * or per `PART` records of a big one. `keys` names every record the row touched ("poLines:<id>").
 * `lookup`, a multi-entry index, is how a record's history is found: it names the row's records,
 * except that a line created with its owner in the same change (a new PO's lines, a new job's
 * tasks, a new invoice's lines) is filed under its owner's key, so an import of 2,000 POs with
 * 100,000 lines writes 2,000 index entries, not 102,000 (schema version 6). What happened to each:
 * - created: named in `keys` only; the record itself holds its values (an import stores nothing twice);
 * - updated: the fields that changed, old and new (`updated`);
 * - deleted: the whole record as it was (`deleted`), children of a cascade too, so it can come back whole.
 */

/** The kinds of stored thing a change may touch: the records, and what goes with a job or a PO. */
export type HistoryTable = TableName | 'attachments' | 'poRevisions';

/** A field-level change of one record: only the fields that changed, old and new. */
export interface FieldChange {
	key: string;
	before: Record<string, unknown>;
	after: Record<string, unknown>;
}

/** A record deleted by the change, whole as it was stored. */
export interface Removal {
	key: string;
	record: Record<string, unknown>;
}

export interface HistoryRow {
	/** `change` and the part's number: ids sort in the order changes were made. */
	id: string;
	change: string;
	/** When (ISO timestamp). */
	at: string;
	cause: { kind: Cause['kind']; file: string; label: string };
	/** The change this one takes back (an undo or redo), or ''. */
	undoes: string;
	/** Records the whole change touched, over all its parts (for the words "paste of 500 rows"). */
	total: number;
	/** Every record this part touched: created ones are those without an entry in `updated` or `deleted`. */
	keys: string[];
	/** The keys the row is found by (indexed): `keys`, with a line created with its owner given as its owner's key. */
	lookup: string[];
	updated: FieldChange[];
	deleted: Removal[];
}

/** Records per history row: the index entries of one row are written in one request. */
export const PART = 2_000;

export const keyOf = (table: HistoryTable, id: string): string => `${table}:${id}`;

export function splitKey(key: string): { table: HistoryTable; id: string } {
	const at = key.indexOf(':');
	return { table: key.slice(0, at) as HistoryTable, id: key.slice(at + 1) };
}

let counter = 0;
/** Time-sortable and unique across tabs: milliseconds, this tab's counter, a random tail. */
export function newChangeId(now = Date.now()): string {
	counter = (counter + 1) % 36 ** 4;
	return `${now.toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
}

/**
 * Off only in the benchmark that measures what recording costs (tests/bench/import-scale.mjs sets it
 * before the page loads): nothing in the app sets it, and no setting or page reaches it.
 */
export const recordingOff = (): boolean => (globalThis as { __tieoutBenchHistoryOff?: boolean }).__tieoutBenchHistoryOff === true;

type Rec = Record<string, unknown>;

/** Deep equality of stored values, whatever the order of their fields. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (a instanceof Blob || b instanceof Blob) return a === b;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a).filter((k) => (a as Rec)[k] !== undefined);
	const kb = Object.keys(b).filter((k) => (b as Rec)[k] !== undefined);
	return ka.length === kb.length && ka.every((k) => sameValue((a as Rec)[k], (b as Rec)[k]));
}

/** What one change did to one record, first state to last. */
export interface Effect {
	before: Rec | undefined;
	after: Rec | undefined;
}

/**
 * Collects what a change does as it does it, inside its transaction, and writes its history rows
 * at the end. A record touched twice in one change (put, then moved by a rename) counts once:
 * from its state before the change to its state after.
 */
export class ChangeRecorder {
	readonly effects = new Map<string, Effect>();

	created(table: HistoryTable, record: object): void {
		this.#note(table, undefined, record as Rec);
	}

	changed(table: HistoryTable, before: object | undefined, after: object): void {
		this.#note(table, before as Rec | undefined, after as Rec);
	}

	deleted(table: HistoryTable, record: object): void {
		this.#note(table, record as Rec, undefined);
	}

	#note(table: HistoryTable, before: Rec | undefined, after: Rec | undefined): void {
		const key = keyOf(table, (after ?? before)!.id as string);
		const known = this.effects.get(key);
		if (known) known.after = after;
		else this.effects.set(key, { before, after });
	}

	/** The change's history rows; none when it changed nothing. */
	rows(change: string, at: string, cause: Cause, undoes = ''): HistoryRow[] {
		const parts: HistoryRow[] = [];
		let row: HistoryRow | null = null;
		const entries: [string, Effect, { before: Rec; after: Rec } | null][] = [];
		for (const [key, { before, after }] of this.effects) {
			if (!before && !after) continue;
			const diff = before && after ? fieldDiff(before, after) : null;
			if (diff && !Object.keys(diff.after).length) continue;
			entries.push([key, { before, after }, diff]);
		}
		const born = new Set(entries.filter(([, e]) => !e.before).map(([key]) => key));
		let lookup = new Set<string>();
		for (const [key, { before, after }, diff] of entries) {
			if (!row || row.keys.length >= PART) {
				lookup = new Set();
				row = { id: `${change}:${String(parts.length).padStart(4, '0')}`, change, at, cause: { kind: cause.kind, file: cause.file ?? '', label: cause.label ?? '' }, undoes, total: entries.length, keys: [], lookup: [], updated: [], deleted: [] };
				parts.push(row);
			}
			row.keys.push(key);
			const filed = !before && filedUnder(key, after!, born);
			if (!lookup.has(filed || key)) {
				lookup.add(filed || key);
				row.lookup.push(filed || key);
			}
			if (diff) row.updated.push({ key, ...diff });
			else if (before) row.deleted.push({ key, record: before });
		}
		return parts;
	}

	/** Writes the change's history into `table` (inside the change's transaction); returns what was written. */
	async write(table: Table<HistoryRow, string>, cause: Cause, undoes = ''): Promise<HistoryRow[]> {
		if (recordingOff()) return [];
		const change = newChangeId();
		const rows = this.rows(change, new Date().toISOString(), cause, undoes);
		if (rows.length) await table.bulkAdd(rows);
		return rows;
	}
}

/** The key of the owner a record created in the same change as its owner is filed under, or ''. */
function filedUnder(key: string, record: Rec, born: Set<string>): string {
	const owner = OWNER_OF[splitKey(key).table];
	if (!owner || typeof record[owner[0]] !== 'string') return '';
	const ownerKey = keyOf(owner[1], record[owner[0]] as string);
	return born.has(ownerKey) ? ownerKey : '';
}

/** The fields that differ, old and new; a field absent on one side reads as null there. */
export function fieldDiff(before: Rec, after: Rec): { before: Rec; after: Rec } {
	const out = { before: {} as Rec, after: {} as Rec };
	for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (k === 'id' || sameValue(before[k], after[k])) continue;
		out.before[k] = before[k] ?? null;
		out.after[k] = after[k] ?? null;
	}
	return out;
}

/** What one record went through in one change, read back from history. */
export type RecordEvent =
	| { kind: 'created' }
	| { kind: 'updated'; before: Rec; after: Rec }
	| { kind: 'deleted'; record: Rec };

export function eventOf(row: HistoryRow, key: string): RecordEvent | null {
	if (!row.keys.includes(key)) return null;
	const u = row.updated.find((x) => x.key === key);
	if (u) return { kind: 'updated', before: u.before, after: u.after };
	const d = row.deleted.find((x) => x.key === key);
	return d ? { kind: 'deleted', record: d.record } : { kind: 'created' };
}

/**
 * Every history row that touched a record, newest first: the rows found by its own key, and those
 * of its owner (the one it names now, or named before an edit moved it) that list it among their
 * records, which is where its creation is when it was created with its owner.
 */
export async function historyOf(db: { history: Table<HistoryRow, string>; table(name: string): Table }, table: HistoryTable, id: string): Promise<HistoryRow[]> {
	const key = keyOf(table, id);
	const rows = await db.history.where('lookup').equals(key).toArray();
	const owner = OWNER_OF[table];
	if (owner) {
		const [field, ownerTable] = owner;
		const ownerIds = new Set<unknown>([((await db.table(table).get(id)) as Rec | undefined)?.[field]]);
		for (const row of rows) {
			const e = eventOf(row, key);
			ownerIds.add(e?.kind === 'updated' ? e.before[field] : e?.kind === 'deleted' ? e.record[field] : undefined);
		}
		const ownerKeys = [...ownerIds].filter((o): o is string => typeof o === 'string').map((o) => keyOf(ownerTable, o));
		const seen = new Set(rows.map((r) => r.id));
		for (const row of ownerKeys.length ? await db.history.where('lookup').anyOf(ownerKeys).toArray() : []) {
			if (!seen.has(row.id) && row.keys.includes(key)) rows.push(row);
		}
	}
	return rows.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** A change as it committed, told to this tab's listeners (the undo stack). */
export interface CommittedChange {
	db: string;
	change: string;
	cause: Cause;
	total: number;
	undoes: string;
}

const listeners = new Set<(c: CommittedChange) => void>();

/** Tells `listener` of every change this tab commits through the repository. */
export function onCommitted(listener: (c: CommittedChange) => void): () => void {
	listeners.add(listener);
	return () => void listeners.delete(listener);
}

export function announce(c: CommittedChange): void {
	for (const listener of listeners) listener(c);
}
