import { refuse, type ImportProblem } from './problem';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
	ok: true;
	text: string;
	encoding: Encoding;
}

export interface ImportError {
	ok: false;
	problems: ImportProblem[];
}

/** How much of the start is checked for control characters: enough to tell, cheap on 50 MB. */
const SAMPLE = 64 * 1024;

function isControl(b: number): boolean {
	// Tab, LF, CR and form feed occur in real text exports; Ctrl-Z is an old DOS end-of-file mark.
	return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a;
}

/** Windows-1252's characters at bytes 0x80–0x9F (where Latin-1 has control codes); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder reads 'windows-1252' as Latin-1 (bytes 0x80–0x9F become control codes);
 * browsers follow the Encoding Standard. Mapping that range here gives the same text in both.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/**
 * The file's bytes as text. UTF-8 (with or without a byte-order mark) when the bytes are valid
 * UTF-8; otherwise Windows-1252, which is what Excel on Windows writes as "CSV", so `Café`
 * survives either way. Excel's "Unicode text" (UTF-16 with a byte-order mark) is read too.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string): Decoded | ImportError {
	const no = (message: string): ImportError => ({ ok: false, problems: [refuse(fileName, null, null, message)] });
	const wide = utf16(bytes);
	if (wide) {
		const text = new TextDecoder(wide, { ignoreBOM: true }).decode(bytes.subarray(2));
		if (text.trim() === '') return no(`${fileName} is empty: it holds no rows`);
		if (text.includes('\u0000')) return no(`${fileName} is not a text file: it holds binary data. Export the data as CSV and choose that file`);
		return { ok: true, text, encoding: wide };
	}
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	const nul = body.indexOf(0);
	if (nul !== -1) return no(`${fileName} is not a text file: it holds binary data (a zero byte at position ${nul + (bom ? 3 : 0)}). Export the data as CSV and choose that file`);
	const sample = body.subarray(0, SAMPLE);
	let controls = 0;
	for (const b of sample) if (isControl(b)) controls++;
	if (controls > 0 && controls * 100 > sample.length) {
		return no(`${fileName} is not a text file: it holds binary data (${controls} control characters in its first ${sample.length} bytes). Export the data as CSV and choose that file`);
	}
	let text: string;
	let encoding: Encoding;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
		encoding = bom ? 'utf-8-bom' : 'utf-8';
	} catch {
		text = decodeWindows1252(body);
		encoding = 'windows-1252';
	}
	if (text.trim() === '') return no(`${fileName} is empty: it holds no rows`);
	return { ok: true, text, encoding };
}
