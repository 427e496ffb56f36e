/**
 * The fast-start copy of one line table as one file: a JSON header line naming the byte length of
 * each chunk, then the chunks (JSON arrays of rows) back to back. The lengths let a reader take
 * the chunks apart without scanning 25 MB, and tell a whole file from one cut short.
 */
const FORMAT = 'tieout-lines';
const VERSION = 1;
const NEWLINE = 0x0a;
/** A header is a few hundred bytes; a file whose first line is longer is not ours. */
const MAX_HEADER = 64 * 1024;

interface Header {
	format: typeof FORMAT;
	v: typeof VERSION;
	savedAt: number;
	bytes: number[];
}

export interface LineFile {
	savedAt: number;
	/** UTF-8 JSON of each chunk, views into the file's bytes. */
	chunks: Uint8Array[];
}

export function encodeLineFile(chunks: readonly string[], savedAt: number): Uint8Array {
	const encoder = new TextEncoder();
	const bodies = chunks.map((c) => encoder.encode(c));
	const header = encoder.encode(JSON.stringify({ format: FORMAT, v: VERSION, savedAt, bytes: bodies.map((b) => b.length) } satisfies Header) + '\n');
	const out = new Uint8Array(header.length + bodies.reduce((n, b) => n + b.length, 0));
	out.set(header, 0);
	let at = header.length;
	for (const b of bodies) {
		out.set(b, at);
		at += b.length;
	}
	return out;
}

/** The file's chunks, or null for anything that is not a whole file of this format. */
export function decodeLineFile(file: Uint8Array): LineFile | null {
	const end = file.subarray(0, MAX_HEADER).indexOf(NEWLINE);
	if (end < 0) return null;
	let header: Header;
	try {
		header = JSON.parse(new TextDecoder().decode(file.subarray(0, end))) as Header;
	} catch {
		return null;
	}
	if (header?.format !== FORMAT || header.v !== VERSION || !Array.isArray(header.bytes)) return null;
	let at = end + 1;
	const chunks: Uint8Array[] = [];
	for (const n of header.bytes) {
		if (!Number.isInteger(n) || n < 0) return null;
		chunks.push(file.subarray(at, at + n));
		at += n;
	}
	return at === file.length ? { savedAt: header.savedAt, chunks } : null;
}
