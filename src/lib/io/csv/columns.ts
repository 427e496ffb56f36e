import { clip } from '$lib/domain/limits';
import type { FieldMapping } from './mapping';
import type { TableRow } from './parse';

/** The most characters of an example cell the wizard shows beside a column's name. */
export const EXAMPLE_CELL = 40;

/**
 * The first non-blank cell of each column in the whole file (not only the preview), clipped;
 * null for a column with no data at all. One pass that stops as soon as every column has one,
 * so only a file with an empty column is read to its end.
 */
export function columnExamples(width: number, rows: readonly TableRow[]): (string | null)[] {
	const out: (string | null)[] = new Array<string | null>(width).fill(null);
	let pending = Array.from({ length: width }, (_, i) => i);
	for (const r of rows) {
		if (pending.length === 0) break;
		let found = false;
		for (const i of pending) {
			const cell = r.cells[i]?.trim() ?? '';
			if (cell !== '') {
				out[i] = clip(cell.replace(/\s+/g, ' '), EXAMPLE_CELL);
				found = true;
			}
		}
		// Most rows find nothing new once the first has filled the busy columns: no array per row then.
		if (found) pending = pending.filter((i) => out[i] === null);
	}
	return out;
}

export interface UnmappedColumn {
	column: string;
	example: string;
}

/** The columns that hold data but fill no field: what an import would leave behind without a word. */
export function unmappedColumns(header: readonly string[], examples: readonly (string | null)[], mapping: FieldMapping): UnmappedColumn[] {
	const mapped = new Set(Object.values(mapping).filter((c) => c !== ''));
	return header.flatMap((column, i) => {
		const example = examples[i];
		return example == null || mapped.has(column) ? [] : [{ column, example }];
	});
}
