import { refuse, type ImportProblem } from '../csv/problem';
import { FIELD_COLUMNS, findFields, type PoFields } from './fields';
import { rowsOf } from './rows';
import { findTable } from './table';
import { textItems, type PdfJs, type TextItem } from './text-items';

/**
 * A buyer's PO PDF as the CSV wizard takes a file after parsing: header names and rows of text
 * cells. The header fields found by label (PO Number, PO Date, Buyer, …) come first, repeated on
 * every line; then `Line` (numbering the lines in print order) when the table has no line
 * numbers; then the table's own columns.
 */
export interface PoPdf {
	ok: true;
	headers: string[];
	rows: string[][];
	fields: PoFields;
	pages: number;
	/** The page each row's line starts on. */
	rowPages: number[];
	/** Said to the person beside the table: what was added to the printed table. */
	notes: string[];
}

export type PoPdfResult = PoPdf | { ok: false; problems: ImportProblem[] };

/** Fewer pieces of text than this: a scan, or an image of a PO, with at most a stamp or page number as text. */
export const LEAST_TEXT = 12;

const refused = (fileName: string, message: string): { ok: false; problems: ImportProblem[] } => ({ ok: false, problems: [refuse(fileName, null, null, message)] });

/** The PO's table and fields from its text items (pure: what readPoPdf does once pdf.js has read the pages). */
export function poFromItems(fileName: string, items: readonly TextItem[], pages: number): PoPdfResult {
	if (items.length < LEAST_TEXT) {
		return refused(fileName, `${fileName} has no text layer (it looks like a scan); Tieout cannot read scanned POs yet — ask the buyer for the PDF from their system or a CSV export`);
	}
	const rows = rowsOf(items);
	const table = findTable(rows, pages);
	if (!table.ok) {
		return refused(
			fileName,
			table.reason === 'no-header'
				? `${fileName} has no table of PO lines that Tieout can find: no row of its text names at least three columns such as Line, Description, Quantity, Unit Price and Amount`
				: `${fileName} has a table header (${'the row naming its columns'}) but no lines under it: no row has a line number, quantity or price`
		);
	}
	const found = findFields(table.above);
	// In the order the columns are added, whatever the order they are printed in.
	const fields: PoFields = Object.fromEntries(FIELD_COLUMNS.filter((c) => found[c] !== undefined).map((c) => [c, found[c]!]));
	// A field the table itself has as a column (its own Cost Center) is taken from the table.
	const tableNames = new Set(table.columns.map((c) => c.name.toLowerCase()));
	const fieldColumns = FIELD_COLUMNS.filter((c) => fields[c] !== undefined && !tableNames.has(c.toLowerCase()));
	const numbered = table.columns.some((c) => c.field === 'lineNo');
	const notes = numbered ? [] : [`The table has no line numbers: its lines are numbered 1, 2, 3… in the order printed, as column "Line"`];
	const headers = [...fieldColumns, ...(numbered ? [] : ['Line']), ...table.columns.map((c) => c.name)];
	const rows2 = table.lines.map((l, i) => [...fieldColumns.map((c) => fields[c]!), ...(numbered ? [] : [String(i + 1)]), ...l.cells]);
	return { ok: true, headers, rows: rows2, fields, pages, rowPages: table.lines.map((l) => l.page), notes };
}

/** Reads a PO PDF's text with pdf.js and finds its lines and header fields; refuses a scan, an encrypted or a broken file with a sentence naming it. */
export async function readPoPdf(pdfjs: PdfJs, bytes: Uint8Array, fileName: string, onProgress?: (fraction: number) => void): Promise<PoPdfResult> {
	let read;
	try {
		read = await textItems(pdfjs, bytes, (done, pages) => onProgress?.(done / pages));
	} catch (e) {
		const name = e instanceof Error ? e.name : '';
		if (name === 'PasswordException') return refused(fileName, `${fileName} is protected by a password, so its text cannot be read — ask the buyer for a copy without one, or a CSV export`);
		if (name === 'InvalidPDFException') return refused(fileName, `${fileName} is not a readable PDF (the file is damaged or is not a PDF at all)`);
		return refused(fileName, `${fileName} could not be read as a PDF: ${e instanceof Error ? e.message : String(e)}`);
	}
	return poFromItems(fileName, read.items, read.pages);
}
