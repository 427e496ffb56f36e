import { describe, expect, it } from 'vitest';
import type { ColDef, IRowNode } from 'ag-grid-community';
import { computedMoneyCol, moneyCol, qtyCol, rateCol, textCol } from './columns';
import { totalColumns, withTotalsRow } from './totals-row';

interface Line {
	id: string;
	description: string;
	qtyMilli: number;
	unit: string;
	rateCents: number;
	extendedCents: number;
}

const line: Line = { id: 'l1', description: 'Labor', qtyMilli: 2500, unit: 'h', rateCents: 9500, extendedCents: 23750 };
const columns: ColDef<Line>[] = [
	textCol<Line>('description', 'Description'),
	qtyCol<Line>('qtyMilli', 'Qty'),
	rateCol<Line>('rateCents', 'Rate'),
	moneyCol<Line>('extendedCents', 'Extended', { cellClassRules: { over: (p) => (p.value as number) > 0 } }),
	computedMoneyCol<Line>('amount', 'Amount', (l) => Math.round((l.qtyMilli * l.rateCents) / 1000))
];

describe('totalColumns', () => {
	it('sums amounts and quantities, never a price per unit', () => {
		const cols = totalColumns(columns);
		expect(cols.map((c) => [c.colId, c.kind])).toEqual([
			['qtyMilli', 'qty'],
			['extendedCents', 'money'],
			['amount', 'money']
		]);
		expect(cols.map((c) => c.value(line))).toEqual([2500, 23750, 23750]);
		expect(cols[0]!.unit!(line)).toBe('h');
	});
});

describe('withTotalsRow', () => {
	const wrapped = withTotalsRow(columns);
	const pinnedNode = { rowPinned: 'bottom' } as IRowNode<Line>;
	const rowNode = { rowPinned: null } as unknown as IRowNode<Line>;

	it('reads rows as before, and never edits or flags the totals row', () => {
		const amount = wrapped[4]!;
		const getter = amount.valueGetter as (p: object) => unknown;
		expect(getter({ data: line, node: rowNode, colDef: amount })).toBe(23750);
		const extended = wrapped[3]!;
		// A column read by field stays so (the totals row's text is in its field): nothing slows its sort.
		expect(extended.valueGetter).toBeUndefined();
		const editable = extended.editable as (p: object) => boolean;
		expect(editable({ node: rowNode, data: line })).toBe(true);
		expect(editable({ node: pinnedNode, data: {} })).toBe(false);
		const rule = extended.cellClassRules!.over as (p: object) => boolean;
		expect(rule({ node: rowNode, value: 5 })).toBe(true);
		expect(rule({ node: pinnedNode, value: 5 })).toBe(false);
		// The totals row's value is its text, shown as it is.
		expect((extended.valueFormatter as (p: object) => unknown)({ node: pinnedNode, value: '$1.00' })).toBe('$1.00');
		expect((extended.valueFormatter as (p: object) => unknown)({ node: rowNode, value: 23750 })).toBe('$237.50');
	});
});
