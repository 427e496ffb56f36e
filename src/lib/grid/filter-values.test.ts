import { describe, expect, it } from 'vitest';
import type { ColDef, GetQuickFilterTextParams, ValueGetterParams } from 'ag-grid-community';
import { dateCol, intCol, moneyCol, qtyCol, refCol, textCol } from './columns';
import { filterValue, quickFilterText } from './filter-values';
import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import fc from 'fast-check';

type Row = Record<string, unknown>;

/** The params the grid passes, for one cell of a column built as the pages build them. */
function cell(col: ColDef<Row>, row: Row) {
	const column = { getColId: () => col.field };
	const getter = { data: row, colDef: col, column, getValue: (k: string) => row[k] } as unknown as ValueGetterParams;
	// As the grid does: the search box's callback is given the column filter's value.
	const quick = { ...getter, value: filterValue(getter) } as unknown as GetQuickFilterTextParams;
	return { getter, quick };
}

const customers = () => [{ id: 'c1', name: 'Mercy General Hospital' }];

describe('column filters compare what the cell shows, not what is stored', () => {
	it('money and quantity number filters work in dollars and units', () => {
		expect(filterValue(cell(moneyCol<Row>('unitPriceCents', 'Unit price'), { unitPriceCents: 18750 }).getter)).toBe(187.5);
		expect(filterValue(cell(moneyCol<Row>('unitPriceCents', 'Unit price'), { unitPriceCents: -5 }).getter)).toBe(-0.05);
		expect(filterValue(cell(qtyCol<Row>('qtyMilli', 'Qty'), { qtyMilli: 2500 }).getter)).toBe(2.5);
		expect(filterValue(cell(intCol<Row>('lineNo', 'Line'), { lineNo: 7 }).getter)).toBe(7);
		expect(filterValue(cell(moneyCol<Row>('unitPriceCents', 'Unit price'), { unitPriceCents: null }).getter)).toBeNull();
	});

	it('text filters see the shown date and the customer’s name, not the ISO date or the id', () => {
		expect(filterValue(cell(dateCol<Row>('issued', 'Issued'), { issued: '2026-11-25' }).getter)).toBe(formatDate('2026-11-25'));
		expect(filterValue(cell(refCol<Row>('customerId', 'Customer', customers), { customerId: 'c1' }).getter)).toBe('Mercy General Hospital');
		expect(filterValue(cell(textCol<Row>('description', 'Description'), { description: 'Lift' }).getter)).toBe('Lift');
	});
});

describe('the search box finds the text people read', () => {
	it('a price by its shown and its plain form, a customer by name, a date as shown', () => {
		const price = quickFilterText(cell(moneyCol<Row>('unitPriceCents', 'Unit price'), { unitPriceCents: 123450 }).quick);
		expect(price).toContain('$1,234.50');
		expect(price).toContain('1234.50');
		expect(price).not.toContain('123450');
		expect(quickFilterText(cell(refCol<Row>('customerId', 'Customer', customers), { customerId: 'c1' }).quick)).toBe('Mercy General Hospital');
		expect(quickFilterText(cell(dateCol<Row>('issued', 'Issued'), { issued: '2026-11-25' }).quick)).toBe(formatDate('2026-11-25'));
		expect(quickFilterText(cell(qtyCol<Row>('qtyMilli', 'Qty'), { qtyMilli: 2500 }).quick)).toBe('2.5');
	});

	it('finds every amount by exactly the text its cell shows, though the grid hands it dollars', () => {
		const col = moneyCol<Row>('unitPriceCents', 'Unit price');
		fc.assert(
			fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
				expect(quickFilterText(cell(col, { unitPriceCents: cents }).quick).split(' ')[0]).toBe(formatMoney(cents));
			})
		);
	});
});
