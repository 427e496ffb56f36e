import { describe, expect, it } from 'vitest';
import { sameRecord, storedDelta, storedDeltaSlices } from './same-record';

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

describe('storedDeltaSlices', () => {
	it('gives what storedDelta gives, a slice at a time, and reads what to keep as it stands when each slice is asked for', () => {
		const shown = new Map([['a', { id: 'a', v: 1 }], ['b', { id: 'b', v: 2 }], ['c', { id: 'c', v: 3 }]]);
		const stored = [[{ id: 'a', v: 1 }, { id: 'b', v: 20 }], [{ id: 'd', v: 4 }, { id: 'e', v: 5 }]];
		const keep = new Set<string>();
		const slices = storedDeltaSlices(shown, stored, keep, 1);
		expect(slices.next().value).toEqual({ upserts: [], removes: [] });
		expect(slices.next().value).toEqual({ upserts: [{ id: 'b', v: 20 }], removes: [] });
		// The change feed applied e after the read: its slice leaves it as shown.
		keep.add('e');
		expect([...slices]).toEqual([{ upserts: [{ id: 'd', v: 4 }], removes: [] }, { upserts: [], removes: [] }, { upserts: [], removes: ['c'] }]);
		expect(storedDelta(shown, stored.flat())).toEqual({ upserts: [{ id: 'b', v: 20 }, { id: 'd', v: 4 }, { id: 'e', v: 5 }], removes: ['c'] });
	});
});
