/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection). Text already
 * starting with apostrophes before one gets another, so the importer's one-apostrophe strip
 * gives back exactly the original text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe: shown, not run. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A number already written as exact decimal text ("1234.50", "-150.00"): written as is, never neutralised. */
export interface CsvNumber {
	num: string;
}
export type CsvCell = string | number | null | CsvNumber;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Exact decimal text as a number cell; anything else stays text (and is neutralised). */
export function csvNumber(text: string): CsvCell {
	return DECIMAL.test(text) ? { num: text } : text;
}

function cellText(c: CsvCell): string {
	if (c === null) return '';
	if (typeof c === 'number') return String(c);
	if (typeof c === 'object') return DECIMAL.test(c.num) ? c.num : quote(neutralise(c.num));
	return quote(neutralise(c));
}

export interface CsvOptions {
	/** Prefix a byte-order mark so Excel reads the file as UTF-8. */
	bom?: boolean;
}

/** CSV text (RFC 4180, CRLF). Numbers are written plain; every text cell is neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
	const line = (cells: readonly CsvCell[]) => cells.map(cellText).join(',');
	return (options.bom ? '\ufeff' : '') + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
