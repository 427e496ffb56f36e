import { describe, expect, it } from 'vitest';
import { sameUnit, unitKey } from './units';

describe('units', () => {
	it.each([
		['h', 'Hrs.'],
		['hour', 'HR'],
		['ea', 'Each'],
		['PCS', 'ea'],
		['ST', 'ea'],
		['Std', 'h'],
		['lbs', 'LB'],
		['lump  sum', 'LS'],
		['', 'kg'],
		['m2', 'M2']
	])('%j and %j are one unit', (a, b) => expect(sameUnit(a, b)).toBe(true));

	it.each([
		['kg', 'lb'],
		['h', 'day'],
		['ea', 'ft'],
		['m', 'min'],
		['ls', 'l']
	])('%j and %j are not (regression: 20 kg were billed against a PO line in lb with no finding)', (a, b) => expect(sameUnit(a, b)).toBe(false));

	it('names a unit it does not list as written, lowercased', () => expect(unitKey(' Sq Ft ')).toBe('sq ft'));
});
