import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIXED, sumRows, totalsLabel, totalText, type TotalColumn } from './totals';

interface Line {
	amountCents: number | null;
	qtyMilli: number | null;
	unit: string;
}

const cols: TotalColumn<Line>[] = [
	{ colId: 'amount', kind: 'money', value: (r) => r.amountCents },
	{ colId: 'qty', kind: 'qty', value: (r) => r.qtyMilli, unit: (r) => r.unit }
];
const over = (rows: Line[]) => (visit: (r: Line) => void) => rows.forEach(visit);

describe('sumRows', () => {
	it('adds money exactly in cents and a quantity with its one unit', () => {
		const { rows, totals } = sumRows(over([
			{ amountCents: 10, qtyMilli: 1500, unit: 'hr' },
			{ amountCents: 20, qtyMilli: 250, unit: 'HR ' },
			{ amountCents: null, qtyMilli: null, unit: 'ea' }
		]), cols);
		expect(rows).toBe(3);
		expect(totals.map(totalText)).toEqual(['$0.30', '1.75 hr']);
		expect(totalsLabel(rows)).toBe('Total (3 rows)');
		expect(totalsLabel(1)).toBe('Total (1 row)');
	});

	it('says "mixed" rather than adding hours to each', () => {
		const { totals } = sumRows(over([
			{ amountCents: 1, qtyMilli: 1000, unit: 'hr' },
			{ amountCents: -1, qtyMilli: 1000, unit: 'ea' }
		]), cols);
		expect(totals[1]!.unit).toBe(MIXED);
		expect(totals.map(totalText)).toEqual(['$0.00', 'mixed']);
	});

	it('equals a from-scratch recompute in cents, whatever the rows (credits included)', () => {
		const line = fc.record({
			amountCents: fc.option(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 })),
			qtyMilli: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 })),
			unit: fc.constantFrom('hr', 'ea', '')
		});
		fc.assert(
			fc.property(fc.array(line, { maxLength: 300 }), (rows) => {
				const { rows: n, totals } = sumRows(over(rows), cols);
				const cents = rows.reduce((s, r) => s + BigInt(r.amountCents ?? 0), 0n);
				const milli = rows.reduce((s, r) => s + BigInt(r.qtyMilli ?? 0), 0n);
				const units = new Set(rows.filter((r) => r.qtyMilli !== null).map((r) => r.unit));
				expect(n).toBe(rows.length);
				expect(BigInt(totals[0]!.sum!)).toBe(cents);
				expect(BigInt(totals[1]!.sum!)).toBe(milli);
				expect(totals[1]!.unit === MIXED).toBe(units.size > 1);
			})
		);
	});

	it('refuses to show a sum that would not be exact', () => {
		const { totals } = sumRows(over([
			{ amountCents: Number.MAX_SAFE_INTEGER, qtyMilli: 0, unit: '' },
			{ amountCents: 1, qtyMilli: 0, unit: '' }
		]), cols);
		expect(totalText(totals[0]!)).toBe('too large');
	});
});
