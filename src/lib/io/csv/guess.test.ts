import { describe, expect, it } from 'vitest';
import { guessDateOrder, guessDecimal } from './guess';

describe('guessDecimal', () => {
	const rows = (...cells: string[][]) => cells.map((c) => ({ cells: c }));

	it('takes a comma as the decimal separator only where a comma cannot group thousands', () => {
		expect(guessDecimal(rows(['PO-1', '80,00', '1.234,50', '12']), 10)).toBe(',');
		expect(guessDecimal(rows(['-12,5', '(150,00)', '€ 3,75']))).toBe(',');
		expect(guessDecimal(rows(['80.00', '$1,234.50', '12,125']))).toBe('.');
		// Ambiguous alone: 12,125 is twelve thousand with a point, twelve with a comma.
		expect(guessDecimal(rows(['12,125', '1,500']))).toBe('.');
		expect(guessDecimal(rows(['WO-1', '03/15/2027', '12.03.2027', 'Net 30']))).toBe('.');
		expect(guessDecimal([])).toBe('.');
	});
});

describe('guessDateOrder', () => {
	const rows = (...cells: string[][]) => cells.map((c) => ({ cells: c }));

	it('reads a day past 12 as the part that is the day, dots as day first, and defaults to month first', () => {
		expect(guessDateOrder(rows(['05.02.2027'], ['28.02.2027']))).toBe('dmy');
		expect(guessDateOrder(rows(['05.02.2027']))).toBe('dmy');
		expect(guessDateOrder(rows(['02/28/2027', '03/01/2027 00:00']))).toBe('mdy');
		expect(guessDateOrder(rows(['28/02/2027']))).toBe('dmy');
		expect(guessDateOrder(rows(['03/04/2027']))).toBe('mdy');
		expect(guessDateOrder(rows(['2027/02/28']))).toBe('ymd');
		expect(guessDateOrder(rows(['2027-02-28', 'Net 30', '12.5']))).toBe('mdy');
		expect(guessDateOrder([])).toBe('mdy');
	});
});
