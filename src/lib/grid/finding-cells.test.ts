import { describe, expect, it } from 'vitest';
import type { ColDef } from 'ag-grid-community';
import { computedMoneyCol, qtyCol, textCol } from './columns';
import { findingColumns } from './finding-cells';

type Line = { id: string; description: string; qtyMilli: number };
const columns = [textCol<Line>('description', 'Description'), qtyCol<Line>('qtyMilli', 'Qty'), computedMoneyCol<Line>('amount', 'Amount', (l) => l.qtyMilli)] as ColDef<unknown>[];

describe('which cells a change of findings redraws', () => {
	it('the columns showing the fields the changed findings name, and the row marker', () => {
		expect(findingColumns(columns, ['qtyMilli'])).toEqual(['findings', 'qtyMilli']);
		expect(findingColumns(columns, ['qtyMilli', 'amount', 'qtyMilli'])).toEqual(['findings', 'qtyMilli', 'amount']);
	});

	it('only the marker when the field is not shown in this grid (an invoice total on a lines grid)', () => {
		expect(findingColumns(columns, ['total'])).toEqual(['findings']);
	});

	it('every cell (null) when a column cannot be named', () => {
		expect(findingColumns([...columns, { headerName: 'Anonymous', context: { field: 'qtyMilli' } }] as ColDef<unknown>[], ['qtyMilli'])).toBeNull();
	});
});
