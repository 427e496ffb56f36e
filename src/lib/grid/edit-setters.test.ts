import { describe, expect, it } from 'vitest';
import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import { EditStarts, withValueSetters } from './edit-setters';
import { computedCol, qtyCol } from './columns';

type Row = { id: string; qtyMilli: number };
const set = (c: ColDef<Row>, data: Row, newValue: unknown) => (c.valueSetter as (p: ValueSetterParams<Row>) => boolean)({ colDef: c, data, newValue } as ValueSetterParams<Row>);

describe('value setters: the grid never writes a row itself', () => {
	it('an editable column hands the typed value on after the key press, and leaves the row as it was', async () => {
		const saved: unknown[][] = [];
		const [qty] = withValueSetters<Row>([qtyCol<Row>('qtyMilli', 'Qty')], (row, ctx, header, value) => saved.push([row.id, ctx.field, header, value]));
		const row = { id: 'r1', qtyMilli: 1000 };
		expect(set(qty!, row, '12')).toBe(false);
		expect(saved).toEqual([]);
		await Promise.resolve();
		expect(saved).toEqual([['r1', 'qtyMilli', 'Qty', '12']]);
		expect(row.qtyMilli).toBe(1000);
	});

	it('a computed column refuses any value and saves nothing', async () => {
		const saved: unknown[] = [];
		const [amount] = withValueSetters<Row>([computedCol<Row>('amount', 'Amount', (r) => r.qtyMilli)], (...a) => saved.push(a));
		expect(set(amount!, { id: 'r1', qtyMilli: 1000 }, '5')).toBe(false);
		await Promise.resolve();
		expect(saved).toEqual([]);
	});
});

describe('EditStarts: the value an edit began from', () => {
	it('keeps the value shown when the editor opened, though the row has since taken another tab’s value', () => {
		const starts = new EditStarts();
		starts.began({ id: 'r1', qtyMilli: 1000 } as Row, 'qtyMilli');
		const updated: Row = { id: 'r1', qtyMilli: 3000 };
		expect(starts.take(updated, 'qtyMilli')).toBe(1000);
		// Read once: a later edit without a seen start is judged from the row as it is then.
		expect(starts.take(updated, 'qtyMilli')).toBe(3000);
	});

	// Bug: an edit ended with Escape left its start behind, and a later Delete on the cell was judged against it.
	it('forgets an edit that ended without a save', () => {
		const starts = new EditStarts();
		starts.began({ id: 'r1', qtyMilli: 1000 } as Row, 'qtyMilli');
		starts.forget({ id: 'r1', qtyMilli: 1000 } as Row, 'qtyMilli');
		expect(starts.take({ id: 'r1', qtyMilli: 4000 } as Row, 'qtyMilli')).toBe(4000);
	});

	it('tells cells apart by row and field', () => {
		const starts = new EditStarts();
		starts.began({ id: 'r1', qtyMilli: 1000 } as Row, 'qtyMilli');
		starts.began({ id: 'r2', qtyMilli: 2000 } as Row, 'qtyMilli');
		expect(starts.take({ id: 'r2', qtyMilli: 5 } as Row, 'qtyMilli')).toBe(2000);
		expect(starts.take({ id: 'r1', qtyMilli: 5 } as Row, 'qtyMilli')).toBe(1000);
	});
});
