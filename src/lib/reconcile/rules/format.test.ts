import { describe, expect, it } from 'vitest';
import { agree, count, qty } from './format';

describe('qty', () => {
	it('keeps abbreviated units as typed, whatever the number', () => {
		expect(qty(1000, 'h')).toBe('1 h');
		expect(qty(14000, 'h')).toBe('14 h');
		expect(qty(1500, 'lb')).toBe('1.5 lb');
		expect(qty(3000, 'ea')).toBe('3 ea');
	});

	it('makes a unit that is a word agree with its number, from either form typed', () => {
		expect(qty(1000, 'day')).toBe('1 day');
		expect(qty(2000, 'day')).toBe('2 days');
		expect(qty(1000, 'days')).toBe('1 day');
		expect(qty(1500, 'hour')).toBe('1.5 hours');
		expect(qty(0, 'visit')).toBe('0 visits');
		expect(qty(-1000, 'box')).toBe('-1 box');
		expect(qty(2000, 'box')).toBe('2 boxes');
	});

	it('counts a quantity with no unit in units, so a number never stands alone', () => {
		expect(qty(1000, '')).toBe('1 unit');
		expect(qty(3000, '')).toBe('3 units');
		expect(qty(2000, '  ')).toBe('2 units');
	});

	it('leaves a unit typed with capitals as it was typed', () => {
		expect(qty(2000, 'Day')).toBe('2 Day');
	});
});

describe('count and agree', () => {
	it('say one thing in the singular and any other number in the plural', () => {
		expect(count(1, 'invoice')).toBe('1 invoice');
		expect(count(2, 'invoice')).toBe('2 invoices');
		expect(count(0, 'day')).toBe('0 days');
		expect(count(1200, 'day')).toBe('1,200 days');
		expect(count(2, 'box', 'boxes')).toBe('2 boxes');
		expect(agree(1, 'bills', 'bill')).toBe('bills');
		expect(agree(3, 'bills', 'bill')).toBe('bill');
	});
});
