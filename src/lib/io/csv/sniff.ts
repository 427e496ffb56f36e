import Papa from 'papaparse';
import { KNOWN_HEADERS, normaliseHeader } from './fields';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface Sniffed {
	delimiter: Delimiter;
	/** Spreadsheet row number (1-based) of the header row. */
	headerRow: number;
}

/** Enough of the file to see its shape: the title rows, the header and a good run of rows. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 60;

function sampleRows(text: string, delimiter: Delimiter): string[][] {
	const newline = guessNewline(text);
	return Papa.parse<string[]>(text.slice(0, SAMPLE_CHARS), { delimiter, newline, preview: SAMPLE_ROWS, skipEmptyLines: false }).data;
}

const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '').length;

/** The table's width: the field count most rows share, counting from the end so title rows do not vote. */
function tableWidth(rows: string[][]): { width: number; votes: number } {
	const counts = new Map<number, number>();
	for (const r of rows) if (filled(r) > 0) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
	let width = 1;
	let votes = 0;
	for (const [w, n] of counts) if (n > votes || (n === votes && w > width)) [width, votes] = [w, n];
	return { width, votes };
}

/** Newline of the file, outside quoted cells, the way PapaParse would guess it (so a quoted LF in a CRLF file stays inside its cell). */
export function guessNewline(text: string): '\r\n' | '\n' | '\r' {
	const sample = text.slice(0, 1024 * 1024).replace(/"[^"]*"/g, '');
	const cr = sample.indexOf('\r');
	const lf = sample.indexOf('\n');
	if (cr === -1) return '\n';
	if (lf !== -1 && lf < cr) return '\n';
	return sample[cr + 1] === '\n' ? '\r\n' : '\r';
}

const looksNumeric = (cell: string) => /^[-+($€£]*[\d.,\s/:-]+[)%]*$/.test(cell.trim());

/** Which known field headers a row holds (PO Number, Qty, ...): the strongest sign of a header row. */
const knownCells = (row: readonly string[]) => row.filter((c) => KNOWN_HEADERS.has(normaliseHeader(c))).length;

function guessHeaderRow(rows: string[][], width: number): number {
	const candidates = rows.slice(0, 30);
	// A header row names at least two known fields and spans most of the table.
	const named = candidates.findIndex((r) => knownCells(r) >= 2 && filled(r) * 2 >= width);
	if (named !== -1) return named + 1;
	// Otherwise: the first wide row of text only, with a row of the table's width under it.
	for (let i = 0; i < candidates.length; i++) {
		const r = candidates[i]!;
		if (filled(r) < 2 || filled(r) * 2 < width) continue;
		if (r.some((c) => c.trim() !== '' && looksNumeric(c))) continue;
		const next = rows.slice(i + 1).find((x) => filled(x) > 0);
		if (!next || next.length === r.length || next.length === width) return i + 1;
	}
	const first = rows.findIndex((r) => filled(r) > 0);
	return first === -1 ? 1 : first + 1;
}

/**
 * How well a delimiter explains the sample: rows sharing the table's width, weighted by that
 * width (a quoted line break splits rows for the wrong delimiter and must not win by count alone),
 * and far more for a row that names known fields (PO Number, Qty, ...) when split by it.
 */
function score(rows: string[][]): { width: number; score: number } {
	const { width, votes } = tableWidth(rows);
	if (width < 2) return { width, score: 0 };
	const named = Math.max(0, ...rows.slice(0, 30).map(knownCells));
	return { width, score: votes * width + (named >= 2 ? 100 * named : 0) };
}

/** A guess at the delimiter and the header row; the user can change both. */
export function sniffTable(text: string): Sniffed {
	let best: { delimiter: Delimiter; width: number; score: number; rows: string[][] } | null = null;
	for (const delimiter of DELIMITERS) {
		const rows = sampleRows(text, delimiter);
		const s = score(rows);
		if (!best || s.score > best.score) best = { delimiter, ...s, rows };
	}
	const chosen = best!;
	return { delimiter: chosen.delimiter, headerRow: guessHeaderRow(chosen.rows, chosen.width) };
}
