import Papa from 'papaparse';
import { LONGEST_TEXT } from '$lib/domain/limits';
import { refuse, warn, type ImportProblem } from './problem';
import { guessNewline, type Delimiter } from './sniff';
import type { ImportError } from './decode';

export interface TableRow {
	/** Spreadsheet row number: the record's 1-based place in the file, title and blank rows counted. */
	row: number;
	/** Exactly as many cells as the header; short rows are padded with ''. */
	cells: string[];
}

export interface ParsedTable {
	ok: true;
	/** Column names, unique and never blank (a blank header cell becomes `Column 4`, a repeat `Qty (2)`). */
	header: string[];
	headerRow: number;
	rows: TableRow[];
	warnings: ImportProblem[];
}

export interface ParseOptions {
	delimiter: Delimiter;
	/** Spreadsheet row number of the header row; the rows above it are titles and are skipped. */
	headerRow: number;
	fileName: string;
}

/** Progress as a fraction 0..1 of the text read. */
export type OnProgress = (fraction: number) => void;

/** Parsed in slices so a worker can report progress on a large file without holding up the parse. */
const CHUNK = 1024 * 1024;

/**
 * The longest cell a file may hold. No field takes more than LONGEST_TEXT (an over-long cell of a
 * mapped column is refused when the rows are converted, naming the field's own limit); a column
 * no field reads may hold more, such as terms and conditions repeated on every line, up to ten
 * times that. Past it, the file is refused as it is read: a 50 MB cell otherwise cost seconds of
 * parsing (the unfinished row is parsed again with every chunk) before anything was said.
 */
export const CELL_MAX = LONGEST_TEXT * 10;

const count = (n: number) => n.toLocaleString('en-US');

/** How many row numbers a message lists before "and N more". */
const ROWS_LISTED = 20;

/** "5", "5 and 9", "5, 9 and 12", "5, 9, …, 80 and 212 more": rows as a sentence lists them. */
export function listRows(rows: readonly number[]): string {
	const shown = rows.slice(0, ROWS_LISTED).map(count);
	if (rows.length > ROWS_LISTED) return `${shown.join(', ')} and ${count(rows.length - ROWS_LISTED)} more`;
	return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * Short rows are read with their missing cells empty (many exports drop trailing empty cells),
 * but never without a word: one warning names every such row.
 */
function shortRowsWarning(fileName: string, rows: readonly number[], headerRow: number, width: number): ImportProblem {
	const which = rows.length === 1 ? `Row ${count(rows[0]!)} has` : `Rows ${listRows(rows)} have`;
	return warn(fileName, rows[0]!, null, `${which} fewer cells than the header (row ${headerRow}, ${width} cells): the cells missing at the end are read as empty`);
}

/**
 * The first cell longer than `max` in one row's text (the row as far as it has been read), with
 * its place in the row; null when every cell so far fits. A quoted cell may hold the delimiter,
 * newlines and doubled quotes; one still open at the end of `row` is as long as what was read.
 */
export function longCellIn(row: string, delimiter: string, max: number): { column: number; length: number } | null {
	let i = 0;
	for (let column = 0; i < row.length; column++) {
		let end: number;
		if (row[i] === '"') {
			let j = i + 1;
			let quotes = 1;
			for (;;) {
				const q = row.indexOf('"', j);
				if (q === -1) {
					end = row.length;
					break;
				}
				if (row[q + 1] === '"') {
					j = q + 2;
					continue;
				}
				end = q + 1;
				quotes = 2;
				break;
			}
			// The quotes around the cell are not part of its text.
			if (end - i - quotes > max) return { column, length: end - i - quotes };
			const next = row.indexOf(delimiter, end);
			i = next === -1 ? row.length : next + 1;
		} else {
			const next = row.indexOf(delimiter, i);
			end = next === -1 ? row.length : next;
			if (end - i > max) return { column, length: end - i };
			i = end + 1;
		}
	}
	return null;
}

/** A row cut by a chunk boundary is parsed again with the next chunk, so its quote problem may be reported twice. */
function unique(problems: ImportProblem[]): ImportProblem[] {
	const seen = new Set<string>();
	return problems.filter((p) => {
		const key = `${p.row}|${p.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function uniqueHeader(cells: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return cells.map((raw, i) => {
		const base = raw.trim() === '' ? `Column ${i + 1}` : raw.trim();
		const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
		seen.set(base.toLowerCase(), n);
		return n === 1 ? base : `${base} (${n})`;
	});
}

/**
 * The table under the header row, with every row's spreadsheet row number. A row with more
 * non-empty cells than the header, a malformed or unterminated quote, a missing header row and a
 * header without rows refuse the whole file: every such problem is listed, nothing is half-read.
 */
export function parseTable(text: string, options: ParseOptions, onProgress?: OnProgress): ParsedTable | ImportError {
	const { fileName, delimiter, headerRow } = options;
	const problems: ImportProblem[] = [];
	const warnings: ImportProblem[] = [];
	let header: string[] | null = null;
	let rawWidth = 0;
	const rows: TableRow[] = [];
	const shortRows: number[] = [];
	let longRows = false;
	let record = 0;
	/** How much of the text PapaParse has been given: it is fed CHUNK characters at a time. */
	let read = 0;
	const total = text.length || 1;
	/** Set when a cell over CELL_MAX stopped the reading. */
	let stopped = false;
	const longCell = (row: number, column: number, length: number, sure: boolean) =>
		refuse(
			fileName,
			row,
			header?.[column] ?? null,
			`The cell holds ${sure ? '' : 'more than '}${count(sure ? length : CELL_MAX)} characters, and no field takes more than ${count(LONGEST_TEXT)}, so the file was not read. Shorten that cell, or remove the column (if a quote opened in it is never closed, close it)`
		);

	const take = (cells: string[], row: number) => {
		const long = cells.findIndex((c) => c.length > CELL_MAX);
		if (long !== -1) {
			problems.push(longCell(row, long, cells[long]!.length, true));
			return;
		}
		if (row < headerRow) return;
		if (row === headerRow) {
			header = uniqueHeader(cells);
			rawWidth = cells.length;
			header.forEach((name, i) => {
				if (name !== cells[i]!.trim()) warnings.push(warn(fileName, row, name, cells[i]!.trim() === '' ? `Column ${i + 1} has no header; it is called "${name}"` : `Another column is also called "${cells[i]!.trim()}"; this one is called "${name}"`));
			});
			return;
		}
		if (isBlank(cells)) return;
		if (cells.length > rawWidth) {
			const extra = cells.slice(rawWidth);
			if (extra.some((c) => c.trim() !== '')) {
				longRows = true;
				problems.push(refuse(fileName, row, null, `Row ${row} has ${cells.length} cells but the header (row ${headerRow}) has ${rawWidth}: ${cells.length === rawWidth + 1 ? `cell ${cells.length} is` : `cells ${rawWidth + 1}–${cells.length} are`} under no column`));
				return;
			}
			cells = cells.slice(0, rawWidth);
		}
		if (cells.length < rawWidth) shortRows.push(row);
		while (cells.length < rawWidth) cells.push('');
		rows.push({ row, cells });
	};

	Papa.parse<string[]>(text, {
		delimiter,
		newline: guessNewline(text),
		skipEmptyLines: false,
		chunkSize: CHUNK,
		worker: false,
		// A string with a chunk callback is parsed synchronously, chunk by chunk (PapaParse's
		// typings only admit chunking for files).
		complete() {},
		chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
			const base = record;
			read = Math.min(text.length, read + CHUNK);
			for (const e of results.errors) {
				const row = base + (e.row ?? 0) + 1;
				if (e.code === 'MissingQuotes') problems.push(refuse(fileName, row, null, `A quote opened on row ${row} is never closed, so the rest of the file would be read as one cell`));
				else if (e.code === 'InvalidQuotes') problems.push(refuse(fileName, row, null, `Row ${row} has a quoted cell with text after its closing quote (a quote inside a cell must be doubled: "")`));
			}
			for (const cells of results.data) take(cells, ++record);
			onProgress?.(Math.min(1, results.meta.cursor / total));
			// The row not yet ended is parsed again with each chunk: a huge cell is found before that work.
			const pending = read - results.meta.cursor;
			if (read < text.length && pending > CELL_MAX) {
				const long = longCellIn(text.slice(results.meta.cursor, read), delimiter, CELL_MAX);
				if (long) {
					problems.push(longCell(record + 1, long.column, long.length, false));
					stopped = true;
					parser.abort();
				}
			}
		}
	});
	if (stopped) return { ok: false, problems };
	onProgress?.(1);

	if (header === null) return { ok: false, problems: [refuse(fileName, headerRow, null, `${fileName} has no row ${headerRow} to use as the header: it has ${record} rows`)] };
	const h: string[] = header;
	if (isBlank(h)) problems.unshift(refuse(fileName, headerRow, null, `The header row (row ${headerRow}) is empty: choose the row that names the columns`));
	// A ragged file is told whole: the short rows beside the long ones that refuse it. (A quote
	// never closed makes its row look short; that row is named by its own problem.)
	if (shortRows.length && (problems.length === 0 || longRows)) (problems.length ? problems : warnings).push(shortRowsWarning(fileName, shortRows, headerRow, rawWidth));
	if (problems.length > 0) return { ok: false, problems: unique(problems) };
	if (rows.length === 0) return { ok: false, problems: [refuse(fileName, headerRow, null, `${fileName} has a header (row ${headerRow}) but no rows`)] };
	return { ok: true, header: h, headerRow, rows, warnings };
}
