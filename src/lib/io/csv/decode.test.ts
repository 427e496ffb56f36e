import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

const text = (bytes: number[] | Uint8Array) => {
	const r = decodeBytes(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), 'f.csv');
	if (!r.ok) throw new Error(r.problems[0]!.message);
	return r;
};

describe('decodeBytes', () => {
	it('reads UTF-8 with and without a byte-order mark, dropping the mark', () => {
		const utf8 = new TextEncoder().encode('a,b\r\nCafé,1\r\n');
		expect(text(utf8)).toEqual({ ok: true, text: 'a,b\r\nCafé,1\r\n', encoding: 'utf-8' });
		expect(text(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, text: 'a,b\r\nCafé,1\r\n', encoding: 'utf-8-bom' });
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8, including the 0x80–0x9F range browsers and Node read differently', () => {
		const r = text([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x96, 0x93, 0x94, 0x9f, 0x81]);
		expect(r.encoding).toBe('windows-1252');
		expect(r.text).toBe('Café €–“”Ÿ\u0081');
	});

	it('reads Excel "Unicode text" (UTF-16 LE with a mark)', () => {
		const r = text([0xff, 0xfe, 0x61, 0, 0x09, 0, 0xe9, 0]);
		expect(r).toEqual({ ok: true, text: 'a\té', encoding: 'utf-16le' });
	});

	it('refuses empty and blank files, and binary ones', () => {
		const msg = (b: number[]) => {
			const r = decodeBytes(Uint8Array.from(b), 'f.csv');
			return r.ok ? 'imported' : r.problems[0]!.message;
		};
		expect(msg([])).toBe('f.csv is empty: it holds no rows');
		expect(msg([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20])).toBe('f.csv is empty: it holds no rows');
		expect(msg([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])).toMatch(/not a text file.*zero byte at position 5/);
		expect(msg([...'abc'].map((c) => c.charCodeAt(0)).concat([1, 2, 3]))).toMatch(/not a text file.*3 control characters/);
	});
});
