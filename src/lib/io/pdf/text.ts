import type { Measure } from './model';
import { toWinAnsi } from './winansi';

/** Breaks a word that is wider than the column on its own (part numbers, URLs) at any character. */
function breakWord(word: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
	const parts: string[] = [];
	let rest = word;
	while (rest !== '') {
		let n = rest.length;
		while (n > 1 && measure(rest.slice(0, n), size, bold) > width) n--;
		// Codes read better broken after a hyphen (HVAC-LAB- / STD) than mid-part.
		const hyphen = n < rest.length ? rest.lastIndexOf('-', n - 1) : -1;
		if (hyphen > 0) n = hyphen + 1;
		parts.push(rest.slice(0, n));
		rest = rest.slice(n);
	}
	return parts;
}

/**
 * Lines of `text` that each fit `width` at the given font. Explicit line breaks are kept (an
 * address is written one part per line); runs of spaces collapse. Empty text gives no lines.
 */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
	const lines: string[] = [];
	for (const paragraph of toWinAnsi(text).split('\n')) {
		const words = paragraph.split(' ').filter((w) => w !== '');
		let line = '';
		for (const word of words) {
			const candidate = line === '' ? word : `${line} ${word}`;
			if (measure(candidate, size, bold) <= width) {
				line = candidate;
				continue;
			}
			if (line !== '') lines.push(line);
			if (measure(word, size, bold) <= width) {
				line = word;
			} else {
				const pieces = breakWord(word, width, size, bold, measure);
				lines.push(...pieces.slice(0, -1));
				line = pieces[pieces.length - 1]!;
			}
		}
		if (line !== '') lines.push(line);
	}
	return lines;
}

/** One line: the text itself when it fits, else as much as fits followed by '…'. */
export function ellipsize(text: string, width: number, size: number, bold: boolean, measure: Measure): string {
	const flat = toWinAnsi(text).replace(/\s*\n\s*/g, ', ');
	if (measure(flat, size, bold) <= width) return flat;
	let n = flat.length;
	while (n > 0 && measure(`${flat.slice(0, n).trimEnd()}…`, size, bold) > width) n--;
	return `${flat.slice(0, n).trimEnd()}…`;
}
