/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe: shown, not run. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface CsvOptions {
	/** Prefix a byte-order mark so Excel reads the file as UTF-8. */
	bom?: boolean;
}

/** CSV text (RFC 4180, CRLF). Numbers are written plain; every text cell is neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], options: CsvOptions = {}): string {
	const line = (cells: readonly (string | number | null)[]) =>
		cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : quote(neutralise(c)))).join(',');
	return (options.bom ? '\ufeff' : '') + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
