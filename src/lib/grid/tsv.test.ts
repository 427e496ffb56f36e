import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTsv, isBlock } from './tsv';
import { parseTsv } from './tsv-parse';

describe('TSV for the clipboard', () => {
	it('quotes only cells with tabs, line breaks or quotes, doubling the quotes, as Excel does', () => {
		expect(encodeTsv([['a', 'b c'], ['x\ty', 'say "hi"', 'two\nlines']])).toBe('a\tb c\r\n"x\ty"\t"say ""hi"""\t"two\nlines"\r\n');
	});

	it('reads what Excel puts on the clipboard: CRLF rows, a trailing CRLF, quoted line breaks, $ amounts and negatives', () => {
		const excel = 'Description\tQty\tRate\r\n"Labor,\nafter hours"\t2\t$1,234.50\r\nCredit\t1\t(150.00)\r\n';
		expect(parseTsv(excel)).toEqual([
			['Description', 'Qty', 'Rate'],
			['Labor,\nafter hours', '2', '$1,234.50'],
			['Credit', '1', '(150.00)']
		]);
	});

	it('reads Sheets’ LF rows with no final line break, and one cell as one cell', () => {
		expect(parseTsv('a\tb\nc\td')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(parseTsv('150.00-')).toEqual([['150.00-']]);
		expect(parseTsv('')).toEqual([]);
	});

	it('tells a block from text for one cell', () => {
		expect(isBlock('plain text\n')).toBe(false);
		expect(isBlock('a\tb')).toBe(true);
		expect(isBlock('a\nb')).toBe(true);
	});

	it('round-trips any block: encode then parse gives the same cells (tabs, quotes, line breaks included)', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\r', '"', ',', '$', '(', '1', 'é'), maxLength: 8 });
		const block = fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }));
		fc.assert(fc.property(block, (rows) => {
			expect(parseTsv(encodeTsv(rows))).toEqual(rows);
		}), { numRuns: 300 });
	});
});
