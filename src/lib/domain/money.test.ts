import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRoundHalfUp, formatMoney, formatMoneyPlain, parseMoney, percentOf, sumCents } from './money';

const parsed = (text: string, decimal?: '.' | ',') => {
	const r = parseMoney(text, decimal ? { decimal } : {});
	if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
	return r.value;
};
const refused = (text: string, decimal?: '.' | ',') => {
	const r = parseMoney(text, decimal ? { decimal } : {});
	if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
	return r.error;
};

describe('parseMoney', () => {
	it.each([
		['$1,234.50', 123_450],
		['1234.5', 123_450],
		['1234', 123_400],
		['0.07', 7],
		['.5', 50],
		['12.', 1_200],
		['$12,345,678.90', 1_234_567_890],
		['  $ 15.00 ', 1_500],
		['USD 12.00', 1_200],
		['12.00 USD', 1_200],
		['+3.10', 310]
	])('reads %s as %i cents', (text, cents) => {
		expect(parsed(text)).toBe(cents);
	});

	it.each([
		['(150.00)', -15_000],
		['($1,234.50)', -123_450],
		['-150', -15_000],
		['-$1,234', -123_400],
		['$-1,234', -123_400],
		['150.00-', -15_000],
		['( 2.5 )', -250]
	])('reads the negative %s as %i cents', (text, cents) => {
		expect(parsed(text)).toBe(cents);
	});

	it('never yields negative zero', () => {
		expect(Object.is(parsed('-0.00'), 0)).toBe(true);
		expect(Object.is(parsed('(0)'), 0)).toBe(true);
	});

	it('refuses more than two decimals instead of rounding, naming the problem', () => {
		expect(refused('1.005')).toMatch(/more than 2 decimals/);
		expect(refused('$1,234.567')).toMatch(/"\$1,234.567".*more than 2 decimals/);
	});

	it.each(['', '   ', 'abc', '$', '.', '-', '12a', '1.2.3', '1,23', '12,34.00', '1,2345', '--5', '(-5)', '-$-5', '-5-', '(5-)', '$$5', '5 5'])(
		'refuses %j with a message',
		(text) => {
			const error = refused(text);
			expect(error.length).toBeGreaterThan(3);
		}
	);

	it('quotes the offending text in the message', () => {
		expect(refused('twelve')).toContain('"twelve"');
		expect(refused('  ')).toBe('is empty');
	});

	it('refuses amounts beyond the exact integer range', () => {
		expect(refused('99999999999999999')).toMatch(/too large/);
		expect(parsed('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
	});

	describe("with decimal ','", () => {
		it.each([
			['1.234,50', 123_450],
			['1234,5', 123_450],
			['12.345.678,90', 1_234_567_890],
			['1 234,50', 123_450],
			['1\u00a0234,50', 123_450],
			['(1.234,50)', -123_450],
			['-0,07', -7]
		])('reads %s as %i cents', (text, cents) => {
			expect(parsed(text, ',')).toBe(cents);
		});

		it('refuses a dot that is not thousands grouping, and US-style text', () => {
			refused('1.5', ',');
			refused('1,234.50', ',');
			expect(refused('1,005', ',')).toMatch(/more than 2 decimals/);
		});
	});
});

describe('formatMoney', () => {
	it.each([
		[0, '$0.00'],
		[5, '$0.05'],
		[100, '$1.00'],
		[123_450, '$1,234.50'],
		[100_000_000, '$1,000,000.00'],
		[-15_000, '-$150.00'],
		[-1, '-$0.01'],
		[-0, '$0.00']
	])('shows %i cents as %s', (cents, text) => {
		expect(formatMoney(cents)).toBe(text);
	});

	it('plain format has no symbol or grouping', () => {
		expect(formatMoneyPlain(123_450)).toBe('1234.50');
		expect(formatMoneyPlain(-15_000)).toBe('-150.00');
		expect(formatMoneyPlain(0)).toBe('0.00');
		expect(formatMoneyPlain(7)).toBe('0.07');
	});
});

describe('round trips (properties)', () => {
	const safeCents = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

	it('parseMoney(formatMoney(c)) === c for any safe cents integer', () => {
		fc.assert(fc.property(safeCents, (c) => parsed(formatMoney(c)) === c));
	});

	it('parseMoney(formatMoneyPlain(c)) === c', () => {
		fc.assert(fc.property(safeCents, (c) => parsed(formatMoneyPlain(c)) === c));
	});

	it('parenthesised accounting negatives read back as the negative amount', () => {
		fc.assert(fc.property(fc.integer({ min: 1, max: 1e13 }), (c) => parsed(`(${formatMoney(c)})`) === -c));
	});

	it('the comma-decimal rendering round trips too', () => {
		fc.assert(
			fc.property(safeCents, (c) => {
				const euro = formatMoneyPlain(c).replace('.', ',');
				return parsed(euro, ',') === c;
			})
		);
	});
});

describe('sumCents', () => {
	it('is exact where float sums are not', () => {
		expect(sumCents([10, 20])).toBe(30);
		expect(sumCents(Array(10).fill(10))).toBe(100);
		expect(sumCents([])).toBe(0);
	});

	it('agrees with a BigInt sum for any list of cents that stays in range', () => {
		const small = fc.integer({ min: -1e12, max: 1e12 });
		fc.assert(
			fc.property(fc.array(small, { maxLength: 200 }), (xs) => {
				const exact = xs.reduce((a, b) => a + BigInt(b), 0n);
				return BigInt(sumCents(xs)) === exact;
			})
		);
	});

	it('throws rather than returning a rounded total', () => {
		expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
		// The running total leaves the range then comes back: it must not come back wrong.
		expect(() => sumCents([Number.MAX_SAFE_INTEGER, 2, -2])).toThrow(RangeError);
		expect(() => sumCents([0.5, 0.5])).toThrow(RangeError);
	});

	it('never returns a wrong total: either the exact sum or an error', () => {
		const big = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
		fc.assert(
			fc.property(fc.array(big, { maxLength: 6 }), (xs) => {
				let got: number;
				try {
					got = sumCents(xs);
				} catch {
					return true;
				}
				return BigInt(got) === xs.reduce((a, b) => a + BigInt(b), 0n);
			})
		);
	});
});

describe('divRoundHalfUp and percentOf', () => {
	it('rounds halves away from zero, other fractions to nearest', () => {
		expect(divRoundHalfUp(5n, 2n)).toBe(3n);
		expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
		expect(divRoundHalfUp(5n, -2n)).toBe(-3n);
		expect(divRoundHalfUp(7n, 3n)).toBe(2n);
		expect(divRoundHalfUp(8n, 3n)).toBe(3n);
		expect(divRoundHalfUp(-8n, -3n)).toBe(3n);
		expect(divRoundHalfUp(0n, 7n)).toBe(0n);
	});

	it('is within half a unit of the exact quotient, ties away from zero (property)', () => {
		const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
		const den = fc.bigInt({ min: 1n, max: 10n ** 12n });
		fc.assert(
			fc.property(big, den, fc.boolean(), (n, d0, negDen) => {
				const d = negDen ? -d0 : d0;
				const q = divRoundHalfUp(n, d);
				// |n/d - q| <= 1/2  <=>  |2n - 2qd| <= |d|
				const twice = 2n * n - 2n * q * d;
				const abs = (x: bigint) => (x < 0n ? -x : x);
				if (abs(twice) > abs(d)) return false;
				// On an exact tie the result is the one farther from zero.
				if (abs(twice) === abs(d)) return abs(q * d) > abs(n);
				return true;
			})
		);
	});

	it('takes basis points of an amount, half-up to the cent', () => {
		expect(percentOf(100_000, 200)).toBe(2_000); // 2% of $1,000.00
		expect(percentOf(25, 200)).toBe(1); // 0.5 cent rounds up
		expect(percentOf(24, 200)).toBe(0); // 0.48 cent rounds down
		expect(percentOf(-25, 200)).toBe(-1);
		expect(percentOf(12_345, 825)).toBe(1_018); // 8.25% of $123.45 = 10.1846...
		expect(percentOf(0, 5_000)).toBe(0);
	});
});
