import { Dexie, type Table } from 'dexie';
import { isConstraintFailure } from './storage-failure';

/**
 * Dexie's change feed names each key only for bulk writes of fewer than 50 records; a larger one
 * is reported as "every record of the table changed" (dexie.mjs, the observability middleware),
 * and every open tab then read the whole table again: 100,000 PO lines, the grids dropped to their
 * first page meanwhile, for a 60-line import. Writes go in slices small enough to be named.
 */
export const NAMED_SLICE = 49;

/**
 * Past this many records in one write, naming each key costs more than it saves: an 85,318-line
 * import took 15.4 s with a 615 ms long task named, against 9.9 s and 137 ms reported whole (a
 * 17,141-line one was as fast either way). A tab re-reads the whole table after such a write.
 */
export const NAMED_MAX = 10_000;

/** Below this many records a write is always named: a table's count is not worth asking. */
const NAMED_ALWAYS = 1_000;

/**
 * Whether a write of `n` records to `table` is named key by key. Reported whole, every tab reads
 * the table again; named, each tab reads the n records. So a write that is most of its table is
 * cheaper whole: a 10,000-row paste into Customers spent ~1.5 s naming keys (in the write, and in
 * showing the rows) that a re-read of the table does in a fraction of that.
 */
export async function namesKeys(table: Table, n: number): Promise<boolean> {
	if (n <= NAMED_ALWAYS) return true;
	if (n > NAMED_MAX) return false;
	return n * 4 <= (await table.count());
}

/** Rows a unique index refused, by position in the rows given. */
export class RowsRefused extends Error {
	constructor(readonly positions: number[]) {
		super(`${positions.length} rows were refused by a unique index`);
		this.name = 'RowsRefused';
	}
}

/**
 * `bulkPut` (or `bulkAdd`) of any number of rows, reported to the change feed key by key unless
 * `named` is false (pass `total <= NAMED_MAX` when `rows` are one slice of a larger write).
 */
export async function bulkWriteNamed(table: Table, rows: readonly unknown[], op: 'put' | 'add' = 'put', named = rows.length <= NAMED_MAX): Promise<void> {
	const refused: number[] = [];
	const slices: Promise<void>[] = [];
	const size = named ? NAMED_SLICE : Math.max(1, rows.length);
	for (let from = 0; from < rows.length; from += size) {
		const slice = rows.slice(from, from + size);
		const write = op === 'put' ? table.bulkPut(slice) : table.bulkAdd(slice);
		slices.push(
			write.then(
				() => {},
				(err: unknown) => {
					// Only a unique index's refusals name rows. When the transaction was aborted (a full
					// disk, a quota) every pending row fails too, with an AbortError: that is no duplicate.
					if (!(err instanceof Dexie.BulkError) || !err.failures.every(isConstraintFailure)) throw err;
					for (const i of Object.keys(err.failuresByPos)) refused.push(from + Number(i));
				}
			)
		);
	}
	await Promise.all(slices);
	if (refused.length) throw new RowsRefused(refused.sort((a, b) => a - b));
}
