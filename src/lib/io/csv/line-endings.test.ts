import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLineEnding } from './line-endings';

describe('oneLineEnding', () => {
	it('leaves a file with one way of ending rows exactly as it is, quoted line breaks included', () => {
		for (const text of ['a,b\r\n1,"x\ny"\r\n', 'a,b\n1,"x\r\ny"\n', 'a,b\r1,2\r', 'a,b']) expect(oneLineEnding(text)).toBe(text);
	});

	it('ends every row of a mixed file with LF', () => {
		expect(oneLineEnding('a,b\r\n1,2\n3,4\r5,6\r\n')).toBe('a,b\n1,2\n3,4\n5,6\n');
		expect(oneLineEnding('\na\r\n')).toBe('\na\n');
	});

	it('never changes a line break inside a quoted cell', () => {
		expect(oneLineEnding('a,b\r\n1,"x\ny\r\nz"\n2,"p\rq"\r\n')).toBe('a,b\n1,"x\ny\r\nz"\n2,"p\rq"\n');
	});

	it('keeps every character but line endings, and as many line breaks as the file has', () => {
		const piece = fc.oneof(fc.constantFrom('\r\n', '\n', '\r'), fc.string({ unit: fc.constantFrom('a', ',', '"', ' ', 'é') }));
		fc.assert(
			fc.property(fc.array(piece), (pieces) => {
				const text = pieces.join('');
				const out = oneLineEnding(text);
				const breaks = (s: string) => s.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n').length;
				expect(out.replace(/[\r\n]/g, '')).toBe(text.replace(/[\r\n]/g, ''));
				expect(breaks(out)).toBe(breaks(text));
			})
		);
	});
});
