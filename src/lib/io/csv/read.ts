import { decodeBytes, type Encoding, type ImportError } from './decode';
import { oneLineEnding } from './line-endings';
import { parseTable, type OnProgress, type ParsedTable } from './parse';
import { sniffTable, type Delimiter } from './sniff';

export interface ReadTable {
	ok: true;
	encoding: Encoding;
	delimiter: Delimiter;
	headerRow: number;
	/** The decoded text, kept so the user can change the delimiter or header row without reading the file again. */
	text: string;
	table: ParsedTable;
}

/**
 * Bytes to table in one call (what the worker runs): decode, guess the delimiter and header row
 * unless the user chose them, parse.
 */
export function readTable(bytes: Uint8Array, fileName: string, chosen: { delimiter?: Delimiter; headerRow?: number } = {}, onProgress?: OnProgress): ReadTable | ImportError {
	const decoded = decodeBytes(bytes, fileName);
	if (!decoded.ok) return decoded;
	const text = oneLineEnding(decoded.text);
	const guess = chosen.delimiter && chosen.headerRow ? null : sniffTable(text);
	const delimiter = chosen.delimiter ?? guess!.delimiter;
	const headerRow = chosen.headerRow ?? guess!.headerRow;
	const table = parseTable(text, { delimiter, headerRow, fileName }, onProgress);
	if (!table.ok) return table;
	return { ok: true, encoding: decoded.encoding, delimiter, headerRow, text, table };
}
