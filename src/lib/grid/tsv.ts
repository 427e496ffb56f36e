/**
 * Cells as tab-separated text, the way Excel and Google Sheets put a block on the clipboard: a
 * cell holding a tab, a line break or a quote is quoted with its quotes doubled; each row ends
 * with CRLF, as Excel's own copy does, so an empty single cell still reads back as one cell.
 */
export function encodeTsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(quoted).join('\t') + '\r\n').join('');
}

const NEEDS_QUOTES = /[\t\r\n"]/;

function quoted(cell: string): string {
	return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** More than one cell: a block to paste across cells, never text for one cell's editor. */
export function isBlock(text: string): boolean {
	return /[\t\r\n]/.test(text.replace(/(\r\n|\r|\n)$/, ''));
}
