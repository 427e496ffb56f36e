import { describe, expect, it } from 'vitest';
import { changeWords, historyLine } from './change-words';
import type { HistoryRow } from '$lib/db/history';

const row = (over: Partial<HistoryRow>): HistoryRow => ({ id: 'c:0000', change: 'c', at: '2026-12-05T14:02:00', cause: { kind: 'edit', file: '', label: '' }, undoes: '', total: 1, keys: [], lookup: [], updated: [], deleted: [], ...over });

describe('a change in words', () => {
	it('names what the Undo button takes back', () => {
		expect(changeWords({ kind: 'paste' }, 500)).toBe('paste of 500 rows');
		expect(changeWords({ kind: 'import', file: 'buyer-po.csv' }, 3)).toBe('import of buyer-po.csv');
		expect(changeWords({ kind: 'delete', label: 'work order WO-1' }, 5)).toBe('delete of work order WO-1');
		expect(changeWords({ kind: 'action', label: 'Invoice INV-1 marked sent' }, 2)).toBe('invoice INV-1 marked sent');
		expect(changeWords({ kind: 'edit' }, 1)).toBe('edit');
	});

	it('tells one record\'s change: when, by what, each field from and to', () => {
		const key = 'sites:s1';
		expect(historyLine(row({ keys: [key], updated: [{ key, before: { costCenter: 'CC-410' }, after: { costCenter: '' } }] }), key)).toBe('5 Dec 2026 14:02 · Edit · Cost centre: "CC-410" → (blank)');
		expect(historyLine(row({ keys: ['poLines:p'], cause: { kind: 'import', file: 'buyer-po.csv', label: '' }, total: 51 }), 'poLines:p')).toBe('5 Dec 2026 14:02 · Import of buyer-po.csv · created');
		expect(historyLine(row({ keys: ['poLines:p'], updated: [{ key: 'poLines:p', before: { unitPriceCents: 8900, qtyMilli: 2000 }, after: { unitPriceCents: 9250, qtyMilli: 2500 } }] }), 'poLines:p')).toBe('5 Dec 2026 14:02 · Edit · Unit price: $89.00 → $92.50 · Quantity: 2 → 2.5');
	});
});
