import { nameKey } from '$lib/domain/customer-names';
import { clip } from '$lib/domain/limits';
import type { ParsedTable } from './parse';
import { cellText } from './values';

/** One company the file's Customer column names, with the rows that name it. */
export interface FileCustomerName {
	/** As the file first spells it. */
	name: string;
	/** nameKey(name): every spelling that reads the same is one entry. */
	key: string;
	/** Spreadsheet rows, as [first, last] runs, in file order. */
	ranges: [number, number][];
	/** Rows beyond the runs listed (a name on thousands of scattered rows is not listed row by row). */
	more: number;
}

/** Runs listed per name; the rest are counted. */
export const MAX_RANGES = 20;

/** Every name in the column, in the order each first appears; blank cells name none. */
export function namesInColumn(table: ParsedTable, column: string): FileCustomerName[] {
	const i = table.header.indexOf(column);
	if (i === -1) return [];
	const byKey = new Map<string, FileCustomerName & { last: number }>();
	for (const r of table.rows) {
		const name = cellText(r.cells[i] ?? '');
		if (name === '') continue;
		const key = nameKey(name);
		let entry = byKey.get(key);
		if (!entry) byKey.set(key, (entry = { name: clip(name, 200), key, ranges: [], more: 0, last: -1 }));
		const run = entry.ranges.at(-1);
		// A run goes on over the rows of other names only when it is unbroken in the file.
		if (run && entry.last === r.row - 1 && run[1] === entry.last && entry.more === 0) run[1] = r.row;
		else if (entry.ranges.length < MAX_RANGES) entry.ranges.push([r.row, r.row]);
		else entry.more++;
		entry.last = r.row;
	}
	return [...byKey.values()].map(({ last: _last, ...e }) => e);
}
