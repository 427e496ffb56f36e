import { describe, expect, it } from 'vitest';
import { sameRecord, storedDelta } from './same-record';

describe('sameRecord', () => {
	it('compares nested fields by value, as a read from storage makes them anew', () => {
		const shown = { id: 'a', name: 'Acme', otherNames: ['ACME Corp.'], tolerances: { qtyBp: 100 } };
		expect(sameRecord(shown, structuredClone(shown))).toBe(true);
		expect(sameRecord(shown, { ...shown, otherNames: ['ACME'] })).toBe(false);
		expect(sameRecord(shown, { ...shown, tolerances: null })).toBe(false);
		expect(sameRecord(shown, { ...shown, extra: undefined })).toBe(false);
		expect(sameRecord(undefined, shown)).toBe(false);
	});
});

describe('storedDelta', () => {
	it('names the stored rows that differ and the shown rows no longer stored, leaving kept ids alone', () => {
		const shown = new Map([
			['a', { id: 'a', v: 1 }],
			['b', { id: 'b', v: 2 }],
			['c', { id: 'c', v: 3 }],
			['k', { id: 'k', v: 9 }]
		]);
		const stored = [{ id: 'a', v: 1 }, { id: 'b', v: 20 }, { id: 'd', v: 4 }];
		expect(storedDelta(shown, stored, new Set(['k']))).toEqual({ upserts: [{ id: 'b', v: 20 }, { id: 'd', v: 4 }], removes: ['c'] });
		expect(storedDelta(shown, [...shown.values()])).toEqual({ upserts: [], removes: [] });
	});
});
