import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderedBy, topBy } from './row-order';

type Row = { n: number; key: number | string };

/** What orderedBy must equal: a stable sort by key. */
const reference = (rows: Row[]) => rows.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

describe('orderedBy: rows in the order of their keys, ties in the order given', () => {
	it('whole-number keys (sorted packed with the row position) give the stable order', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 2_000_000_000 }), { maxLength: 300 }), (keys) => {
				const rows = keys.map((key, n) => ({ n, key: key % 7 === 0 ? 5 : key }));
				expect(orderedBy(rows, () => (r) => r.key)).toEqual(reference(rows));
			})
		);
	});

	it('keys too big to pack, fractions, negatives and text fall back to the same stable order', () => {
		const cases: (number | string)[][] = [
			[Number.MAX_SAFE_INTEGER - 1, 3, Number.MAX_SAFE_INTEGER - 1, 0],
			[2.5, 1, 2.5, -1],
			['WO-2\u0000T1', 'WO-10\u0000T1', 'WO-2\u0000T1', '']
		];
		for (const keys of cases) {
			const rows = keys.map((key, n) => ({ n, key }));
			expect(orderedBy(rows, () => (r) => r.key)).toEqual(reference(rows));
		}
	});

	it('no key function leaves the rows as they are', () => {
		const rows = [{ n: 0, key: 2 }, { n: 1, key: 1 }];
		expect(orderedBy(rows, undefined)).toBe(rows);
	});
});

describe('topBy: the first n rows of orderedBy, without ordering the rest', () => {
	it('equals orderedBy then slice, for number and text keys with ties', () => {
		const key = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom('A', 'B\u0000T1', 'B\u0000T2', ''));
		fc.assert(
			fc.property(fc.array(key, { maxLength: 200 }), fc.boolean(), fc.nat({ max: 60 }), (raw, asText, n) => {
				const rows = raw.map((k, i) => ({ n: i, key: asText ? String(k) : typeof k === 'number' ? k : k.length }));
				expect(topBy(rows, () => (r) => r.key, n)).toEqual(orderedBy(rows, () => (r) => r.key).slice(0, n));
			})
		);
	});

	it('no key function gives the first n as they are', () => {
		const rows = [{ n: 0 }, { n: 1 }, { n: 2 }];
		expect(topBy(rows, undefined, 2)).toEqual([{ n: 0 }, { n: 1 }]);
		expect(topBy(rows, () => () => 0, 0)).toEqual([]);
	});
});
