import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	boolCodec,
	dateCodec,
	enumCodec,
	intCodec,
	moneyCodec,
	optionalDateCodec,
	optionalIntCodec,
	optionalMoneyCodec,
	percentBpCodec,
	taxRateCodec,
	qtyCodec,
	restated,
	requiredTextCodec,
	termsCodec,
	textCodec,
	tolerancesCodec,
	type Codec
} from './codecs';
import { BILLING_TYPES, WORK_ORDER_STATUSES } from './records';
import type { Parsed } from './result';

const value = <T>(p: Parsed<T>): T => {
	if (!p.ok) throw new Error(`expected a value, got: ${p.error}`);
	return p.value;
};
const error = <T>(p: Parsed<T>): string => {
	if (p.ok) throw new Error(`expected an error, got ${JSON.stringify(p.value)}`);
	return p.error;
};
/** What a grid shows must read back as the same value. */
const roundTrips = <T>(codec: Codec<T>, v: T) => expect(value(codec.parse(codec.format(v)))).toEqual(v);

describe('text codecs', () => {
	it('trims; required text refuses blanks', () => {
		expect(value(textCodec.parse('  Boiler room  '))).toBe('Boiler room');
		expect(value(textCodec.parse('   '))).toBe('');
		expect(error(requiredTextCodec.parse('  '))).toBe('is required');
		expect(value(requiredTextCodec.parse(' WO-1 '))).toBe('WO-1');
	});
});

describe('money codecs', () => {
	it('parses and formats money', () => {
		expect(value(moneyCodec.parse('(1,234.50)'))).toBe(-123_450);
		expect(moneyCodec.format(123_450)).toBe('$1,234.50');
		expect(error(moneyCodec.parse('12.345'))).toMatch(/more than 2 decimals/);
		expect(error(moneyCodec.parse(''))).toBe('is empty');
	});

	it('optional money: blank is null, not zero', () => {
		expect(value(optionalMoneyCodec.parse('  '))).toBeNull();
		expect(value(optionalMoneyCodec.parse('0'))).toBe(0);
		expect(optionalMoneyCodec.format(null)).toBe('');
		expect(optionalMoneyCodec.format(0)).toBe('$0.00');
		roundTrips(optionalMoneyCodec, null);
	});

	it('round trips any amount (property)', () => {
		fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (c) => value(moneyCodec.parse(moneyCodec.format(c))) === c));
	});
});

describe('quantity codec', () => {
	it('parses and formats thousandths', () => {
		expect(value(qtyCodec.parse('12.125'))).toBe(12_125);
		expect(qtyCodec.format(1_500)).toBe('1.5');
		expect(error(qtyCodec.parse('1.2345'))).toMatch(/more than 3 decimals/);
		fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (q) => value(qtyCodec.parse(qtyCodec.format(q))) === q));
	});
});

describe('date codecs', () => {
	it('shows dates as `Jan 15, 2027` and reads that back', () => {
		expect(dateCodec.format('2027-01-15')).toBe('Jan 15, 2027');
		expect(value(dateCodec.parse('01/15/2027'))).toBe('2027-01-15');
		roundTrips(dateCodec, '2028-02-29');
		expect(error(dateCodec.parse('2026-02-30'))).toMatch(/not a real calendar date/);
	});

	it('optional date: blank is null', () => {
		expect(value(optionalDateCodec.parse(''))).toBeNull();
		expect(optionalDateCodec.format(null)).toBe('');
		roundTrips(optionalDateCodec, null);
		roundTrips(optionalDateCodec, '2027-11-07');
	});
});

describe('integer codecs', () => {
	it('reads whole numbers only', () => {
		expect(value(intCodec.parse(' 42 '))).toBe(42);
		expect(value(intCodec.parse('-3'))).toBe(-3);
		for (const bad of ['1.5', '', 'abc', '1e3', '4 2']) expect(error(intCodec.parse(bad))).toMatch(/not a whole number/);
	});

	it('refuses a number too large to hold exactly instead of changing it', () => {
		expect(error(intCodec.parse('99999999999999999999'))).toMatch(/not a whole number/);
		expect(value(intCodec.parse(String(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
	});

	it('optional int: blank is null', () => {
		expect(value(optionalIntCodec.parse(' '))).toBeNull();
		expect(value(optionalIntCodec.parse('3'))).toBe(3);
		expect(optionalIntCodec.format(null)).toBe('');
		roundTrips(optionalIntCodec, 7);
		expect(error(optionalIntCodec.parse('x'))).toMatch(/not a whole number/);
	});
});

describe('boolCodec', () => {
	it.each(['yes', 'Y', 'TRUE', 't', '1', 'x', '✓'])('reads %j as true', (t) => expect(value(boolCodec.parse(t))).toBe(true));
	it.each(['no', 'N', 'false', 'F', '0', ''])('reads %j as false', (t) => expect(value(boolCodec.parse(t))).toBe(false));
	it('refuses anything else and round trips', () => {
		expect(error(boolCodec.parse('maybe'))).toMatch(/"maybe" is not yes or no/);
		roundTrips(boolCodec, true);
		roundTrips(boolCodec, false);
	});
});

describe('enumCodec', () => {
	const status = enumCodec(WORK_ORDER_STATUSES);

	it('accepts the stored value, the label, and loose spelling', () => {
		expect(value(status.parse('in_progress'))).toBe('in_progress');
		expect(value(status.parse('In Progress'))).toBe('in_progress');
		expect(value(status.parse('in-progress'))).toBe('in_progress');
		expect(value(status.parse(' CLOSED '))).toBe('closed');
		expect(status.format('in_progress')).toBe('in progress');
	});

	it('refuses an unknown value, listing the choices', () => {
		expect(error(status.parse('done'))).toBe('"done" is not one of open, in progress, complete, invoiced, closed, cancelled');
	});

	it('round trips every value, with a custom label too', () => {
		for (const v of WORK_ORDER_STATUSES) roundTrips(status, v);
		const billing = enumCodec(BILLING_TYPES, (v) => ({ fixed: 'Fixed price', time_and_materials: 'T&M', hybrid: 'Hybrid' })[v]);
		expect(billing.format('time_and_materials')).toBe('T&M');
		expect(value(billing.parse('t&m'))).toBe('time_and_materials');
		for (const v of BILLING_TYPES) roundTrips(billing, v);
	});
});

describe('termsCodec', () => {
	it('stores the canonical spelling', () => {
		expect(value(termsCodec.parse('2% 10 net 30'))).toBe('2/10 Net 30');
		expect(value(termsCodec.parse('cod'))).toBe('Due on receipt');
		expect(error(termsCodec.parse('2/30 Net 30'))).toMatch(/shorter than the net period/);
		roundTrips(termsCodec, '1.5/15 Net 45');
	});

	it('names the form terms typed in another shape will be stored as, so it is shown before saving', () => {
		const terms = termsCodec as Codec<unknown>;
		expect(restated(terms, '2% 10 net 30')).toBe('2/10 Net 30');
		expect(restated(terms, 'net30')).toBe('Net 30');
		expect(restated(terms, '2 10 n 30')).toBe('2/10 Net 30');
		expect(restated(terms, 'cod')).toBe('Due on receipt');
	});

	it('asks nothing of terms typed in the normal form (spacing aside), or that do not parse', () => {
		const terms = termsCodec as Codec<unknown>;
		expect(restated(terms, '2/10 Net 30')).toBeNull();
		expect(restated(terms, '  Net 30 ')).toBeNull();
		expect(restated(terms, '2/10  Net 30')).toBeNull();
		expect(restated(terms, 'whenever')).toBeNull();
	});

	it('is asked of terms only: other codecs tidy what is typed without a question', () => {
		expect(restated(percentBpCodec as Codec<unknown>, '5')).toBeNull();
		expect(restated(moneyCodec as Codec<unknown>, '25')).toBeNull();
		expect(restated(textCodec as Codec<unknown>, ' a ')).toBeNull();
	});
});

describe('taxRateCodec', () => {
	it('takes a rate up to 100% as percentBpCodec reads it', () => {
		for (const [t, bp] of [['8.25', 825], ['100', 10_000], ['0', 0]] as const) expect(value(taxRateCodec.parse(t))).toBe(bp);
	});

	it('refuses a rate over 100%, naming it (regression: 150% was saved as the sales tax rate)', () => {
		for (const bad of ['150', '100.01', '999.99%']) expect(error(taxRateCodec.parse(bad))).toBe(`"${bad}" is over 100%; a sales tax rate is a percent of the amount, e.g. 8.25`);
		expect(error(taxRateCodec.parse('abc'))).toMatch(/not a percentage/);
	});
});

describe('percentBpCodec', () => {
	it.each([
		['8.25', 825],
		['8.25%', 825],
		['8.5', 850],
		['0', 0],
		[' 10 % ', 1_000],
		['0.05', 5]
	])('reads %j as %i bp', (t, bp) => expect(value(percentBpCodec.parse(t))).toBe(bp));

	it.each([
		[825, '8.25%'],
		[850, '8.5%'],
		[800, '8%'],
		[1_000, '10%'],
		[0, '0%'],
		[5, '0.05%'],
		[10_000, '100%']
	])('shows %i bp as %s', (bp, t) => expect(percentBpCodec.format(bp)).toBe(t));

	it('refuses a third decimal and non-numbers', () => {
		for (const bad of ['8.255', 'abc', '-1', '']) expect(error(percentBpCodec.parse(bad))).toMatch(/not a percentage/);
	});

	it('round trips any bp up to 999.99% (property)', () => {
		fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 }), (bp) => value(percentBpCodec.parse(percentBpCodec.format(bp))) === bp));
	});
});

describe('tolerancesCodec', () => {
	it('reads a customer override and writes it back the same', () => {
		const parsed = tolerancesCodec.parse('qty 5%, price 1.5%, $25.00');
		expect(parsed).toEqual({ ok: true, value: { qtyBp: 500, priceBp: 150, absCents: 2500 } });
		expect(tolerancesCodec.format({ qtyBp: 500, priceBp: 150, absCents: 2500 })).toBe('qty 5%, price 1.5%, $25.00');
	});

	it('blank means the global tolerances; nonsense is refused with the expected form', () => {
		expect(tolerancesCodec.parse('  ')).toEqual({ ok: true, value: null });
		const bad = tolerancesCodec.parse('five percent');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error).toContain('qty 5%, price 1%, $25.00');
	});
});
