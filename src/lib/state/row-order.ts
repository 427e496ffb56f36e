// Row order is the records' own (a line page's opening order, the workbook's first page of lines):
// here in state, which orders them, so grids and the fast-start copies read one implementation.

/**
 * A grid's initial order as sort keys. Called once per ordering, so it can rank the parent
 * records first and give each row a number: sorting 100,000 numbers costs a fraction of sorting
 * 100,000 composite strings.
 */
export type OrderKeys<T> = () => (row: T) => number | string;

/** Rows in the order of a precomputed key: one plain sort, far cheaper than the grid's own through value getters. Ties keep their order. */
export function orderedBy<T>(rows: T[], keys: OrderKeys<T> | undefined): T[] {
	if (!keys) return rows;
	const key = keys();
	const all = rows.map(key);
	return orderedByNumbers(rows, all) ?? orderedByWrapping(rows, all);
}

/**
 * Whole-number keys with the row's position packed in below them, sorted as plain numbers: no
 * comparator calls and no object per row. For 100,000 rows, 17 ms against 50 ms in Node. Null
 * when a key is not a whole number, or the packed values would not be exact.
 */
function orderedByNumbers<T>(rows: T[], all: (number | string)[]): T[] | null {
	const n = rows.length;
	const span = 2 ** Math.ceil(Math.log2(n + 1));
	let max = 0;
	for (const k of all) {
		if (typeof k !== 'number' || !Number.isInteger(k) || k < 0) return null;
		if (k > max) max = k;
	}
	if ((max + 1) * span > Number.MAX_SAFE_INTEGER) return null;
	const packed = new Float64Array(n);
	for (let i = 0; i < n; i++) packed[i] = (all[i] as number) * span + i;
	packed.sort();
	const out = new Array<T>(n);
	for (let i = 0; i < n; i++) out[i] = rows[packed[i]! % span]!;
	return out;
}

function orderedByWrapping<T>(rows: T[], all: (number | string)[]): T[] {
	const keyed = rows.map((row, i) => ({ key: all[i]!, row }));
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return keyed.map((k) => k.row);
}

/**
 * The first `n` of `orderedBy(rows, keys)` without ordering the rest: one pass keeping the best
 * `n` seen. A grid's first screen of 100,000 lines costs the key of each row, not a sort.
 */
export function topBy<T>(rows: T[], keys: OrderKeys<T> | undefined, n: number): T[] {
	if (n <= 0) return [];
	if (!keys) return rows.slice(0, n);
	const key = keys();
	// Kept in order; a row enters only if it comes before the last kept one. Ties go to the earlier row.
	const best: { key: number | string; row: T }[] = [];
	for (const row of rows) {
		const k = key(row);
		if (best.length === n && !(k < best[n - 1]!.key)) continue;
		let at = best.length;
		while (at > 0 && k < best[at - 1]!.key) at--;
		best.splice(at, 0, { key: k, row });
		if (best.length > n) best.pop();
	}
	return best.map((b) => b.row);
}
