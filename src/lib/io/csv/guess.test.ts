import { describe, expect, it } from 'vitest';
import { formatGuesses, guessDateOrder, guessDecimal, startingFormat } from './guess';

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

describe('the starting format: what the file shows, else what was chosen for these headers', () => {
	const rows = (cells: string[]) => cells.map((c, i) => ({ row: i + 2, cells: [c] }));
	const comma = { decimal: ',' as const, dateOrder: 'dmy' as const };

	it('says whether the file itself showed its decimal separator and date order', () => {
		expect(formatGuesses(rows(['12.500', '06.03.2027'])).decided).toEqual({ decimal: false, dateOrder: false });
		expect(formatGuesses(rows(['1.234,50', '28.02.2027'])).decided).toEqual({ decimal: true, dateOrder: true });
		expect(formatGuesses(rows(['$1,234.50', '2027-03-06'])).decided).toEqual({ decimal: true, dateOrder: false });
	});

	// Review finding: a remembered decimal comma overrode a file that plainly wrote 1,234.50.
	it('takes the remembered choice only where the file shows nothing', () => {
		expect(startingFormat(formatGuesses(rows(['12.500', '06.03.2027'])), comma)).toEqual({ ...comma, fromMemory: true });
		expect(startingFormat(formatGuesses(rows(['$1,234.50', '03/28/2027'])), comma)).toEqual({ decimal: '.', dateOrder: 'mdy', fromMemory: false });
		expect(startingFormat(formatGuesses(rows(['$1,234.50', '06.03.2027'])), { decimal: ',', dateOrder: 'mdy' })).toEqual({ decimal: '.', dateOrder: 'mdy', fromMemory: true });
		expect(startingFormat(formatGuesses(rows(['12.500'])), undefined)).toEqual({ decimal: '.', dateOrder: 'mdy', fromMemory: false });
	});
});
