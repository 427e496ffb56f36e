import Papa from 'papaparse';

/**
 * A block from the clipboard as rows of cells: tab-separated, cells quoted when they hold tabs,
 * line breaks or quotes (Excel, Sheets, and `encodeTsv`). The line break that ends the last row
 * (Excel writes one, Sheets does not) is not a further, empty row.
 */
export function parseTsv(text: string): string[][] {
	if (text === '') return [];
	const { data } = Papa.parse<string[]>(text, { delimiter: '\t', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
	if (/[\r\n]$/.test(text)) {
		const last = data[data.length - 1];
		if (last && last.length === 1 && last[0] === '') data.pop();
	}
	return data;
}
