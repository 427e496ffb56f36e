const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * How the rows of `text` end, scanned until a second way is met: 0 none, 1 LF, 2 CR, 3 CRLF,
 * -1 more than one. Line breaks inside quoted cells are the cell's own text and are skipped.
 */
function rowEnding(text: string): number {
	let quoted = false;
	let kind = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) {
			quoted = !quoted;
			continue;
		}
		if (quoted || (c !== LF && c !== CR)) continue;
		let k = 1;
		if (c === CR) {
			k = text.charCodeAt(i + 1) === LF ? 3 : 2;
			if (k === 3) i++;
		}
		if (kind !== 0 && k !== kind) return -1;
		kind = k;
	}
	return kind;
}

/** Every row ending outside quoted cells as LF. */
function endRowsWithLf(text: string): string {
	const parts: string[] = [];
	let quoted = false;
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) quoted = !quoted;
		else if (c === CR && !quoted) {
			parts.push(text.slice(from, i));
			if (text.charCodeAt(i + 1) === LF) i++;
			from = i + 1;
		}
	}
	parts.push(text.slice(from));
	return parts.join('\n');
}

/**
 * A file whose rows end in different ways (CRLF from one program, LF from another that appended
 * rows, a lone CR from an old Mac export) ends every row with LF, so the parser splits them all.
 * Line breaks inside quoted cells are never changed, and a file whose rows end one way is
 * returned as it is. Plain loops over character codes: a regular expression, or a generator,
 * took seconds on 50 MB.
 */
export function oneLineEnding(text: string): string {
	return rowEnding(text) === -1 ? endRowsWithLf(text) : text;
}
