import { describe, expect, it } from 'vitest';
import { booleanCell, cellText, dateCell, enumCell, integerCell, moneyCell, quantityCell, termsCell } from './values';

const us = { decimal: '.', dateOrder: 'mdy' } as const;
const eu = { decimal: ',', dateOrder: 'dmy' } as const;
const v = <T>(p: { ok: true; value: T } | { ok: false; error: string }) => (p.ok ? p.value : `ERR ${p.error}`);

describe('cell values', () => {
	it('amounts as buyer exports write them, never rounded', () => {
		expect(['$1,234.50', '1234.5', '(150.00)', '-150', '12.3400', '€ 5.00', 'USD 7'].map((t) => v(moneyCell(t, us)))).toEqual([123450, 123450, -15000, -15000, 1234, 500, 700]);
		expect(['1.234,50', '7,5', '-0,01', '1.234,5000 EUR'].map((t) => v(moneyCell(t, eu)))).toEqual([123450, 750, -1, 123450]);
		expect(v(moneyCell('12.345', us))).toBe('ERR "12.345" has more than 2 decimals; amounts are kept in whole cents');
		expect(v(moneyCell('1,5', us))).toBe('ERR "1,5" is not an amount');
		expect(v(moneyCell('1.5', eu))).toBe('ERR "1.5" is not an amount (with decimal comma)');
	});

	it('quantities to the thousandth', () => {
		expect(['1.5', '1,000', '2.1250', '0'].map((t) => v(quantityCell(t, us)))).toEqual([1500, 1000000, 2125, 0]);
		expect(v(quantityCell('7,5', eu))).toBe(7500);
		expect(v(quantityCell('1.2345', us))).toBe('ERR "1.2345" has more than 3 decimals');
	});

	it('dates in the chosen order, with spreadsheet midnights dropped', () => {
		expect(['01/05/2027', '1/5/27', '2027-01-05', '01/05/2027 00:00', '2027-01-05T00:00:00', '1/5/2027 12:00 AM'].map((t) => v(dateCell(t, us)))).toEqual(Array(6).fill('2027-01-05'));
		expect(['05.01.2027', '5/1/27', '2027-01-05'].map((t) => v(dateCell(t, eu)))).toEqual(Array(3).fill('2027-01-05'));
		expect(v(dateCell('2027/01/05', { decimal: '.', dateOrder: 'ymd' }))).toBe('2027-01-05');
		// Oracle's DD-MON-YYYY, whatever order the file's other dates are read in.
		expect(['05-JAN-2027', '5-Jan-27', '05-JAN-2027 00:00:00'].flatMap((t) => [v(dateCell(t, us)), v(dateCell(t, eu))])).toEqual(Array(6).fill('2027-01-05'));
		expect(v(dateCell('31-FEB-2027', us))).toMatch(/^ERR "31-FEB-2027" is not a real calendar date/);
		expect(v(dateCell('13/05/2027', us))).toBe('ERR "13/05/2027" is not a real calendar date (read as MM/DD/YYYY)');
		expect(v(dateCell('soon', us))).toBe('ERR "soon" is not a date (expected MM/DD/YYYY or YYYY-MM-DD)');
	});

	it('whole numbers, yes/no, terms and enum values as people write them', () => {
		expect(['10', '0010', '10.0', '10,00'].map((t) => v(integerCell(t)))).toEqual([10, 10, 10, 10]);
		expect(v(integerCell('10.5'))).toBe('ERR "10.5" is not a whole number');
		expect(['Yes', 'y', 'TRUE', '1', 'x', 'No', 'n', '0', 'false'].map((t) => v(booleanCell(t)))).toEqual([true, true, true, true, true, false, false, false, false]);
		expect(v(booleanCell('maybe'))).toBe('ERR "maybe" is not yes or no');
		expect(v(termsCell('2% 10 net 30'))).toBe('2/10 Net 30');
		expect(v(enumCell('In progress', ['open', 'in_progress'] as const))).toBe('in_progress');
		expect(v(enumCell('Labour', ['labor', 'material'] as const, { labour: 'labor' }))).toBe('labor');
		expect(v(enumCell('later', ['open'] as const))).toBe('ERR "later" is not one of open');
	});

	it('cell text is trimmed and un-neutralised, keeping a trigger that is whitespace', () => {
		expect(["  padded  ", "'=SUM(A1)", "'-5", "'\t", "'plain", " '@x "].map(cellText)).toEqual(['padded', '=SUM(A1)', '-5', '\t', "'plain", '@x ']);
	});
});
