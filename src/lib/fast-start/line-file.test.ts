import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeLineFile, encodeLineFile } from './line-file';

const text = (chunks: Uint8Array[]) => chunks.map((c) => new TextDecoder().decode(c));

describe('the fast-start copy file', () => {
	it('gives back each chunk and when it was saved, whatever the text holds', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), fc.nat(), (chunks, savedAt) => {
				const file = decodeLineFile(encodeLineFile(chunks, savedAt));
				expect(file).not.toBeNull();
				expect(file!.savedAt).toBe(savedAt);
				expect(text(file!.chunks)).toEqual(chunks.map((c) => new TextDecoder().decode(new TextEncoder().encode(c))));
			})
		);
	});

	it('keeps rows with quotes, newlines and characters outside ASCII as they were', () => {
		const rows = [{ id: 'a', description: 'Pump "A"\nline two, café ✓ 🚒' }];
		const file = decodeLineFile(encodeLineFile([JSON.stringify(rows), '[]'], 7))!;
		expect(JSON.parse(text(file.chunks)[0]!)).toEqual(rows);
		expect(text(file.chunks)[1]).toBe('[]');
	});

	it('refuses a file cut short or run on, so a half-written copy is never read as rows', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), fc.nat(), (chunks, cut) => {
				const whole = encodeLineFile(chunks, 1);
				const at = cut % whole.length;
				expect(decodeLineFile(whole.subarray(0, at))).toBeNull();
				const longer = new Uint8Array(whole.length + 1);
				longer.set(whole);
				expect(decodeLineFile(longer)).toBeNull();
			})
		);
	});

	it('refuses files that are not copies of this format', () => {
		const enc = (s: string) => new TextEncoder().encode(s);
		expect(decodeLineFile(enc(''))).toBeNull();
		expect(decodeLineFile(enc('[{"id":"a"}]'))).toBeNull();
		expect(decodeLineFile(enc('{"format":"tieout-lines","v":2,"savedAt":1,"bytes":[2]}\n[]'))).toBeNull();
		expect(decodeLineFile(enc('{"format":"tieout-lines","v":1,"savedAt":1,"bytes":[-2]}\n[]'))).toBeNull();
		expect(decodeLineFile(enc('{"format":"tieout-lines","v":1,"savedAt":1,"bytes":[2]}\n[]'))).not.toBeNull();
	});
});
