import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatQuantity, lineAmount, parseQuantity } from './quantity';

const qty = (text: string, decimal: '.' | ',' = '.') => {
	const r = parseQuantity(text, decimal);
	if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
	return r.value;
};
const refusal = (text: string, decimal: '.' | ',' = '.') => {
	const r = parseQuantity(text, decimal);
	if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
	return r.error;
};

/** Reference: qty (thousandths) × rate (cents) / 1000, half away from zero, in BigInt. */
function referenceLineAmount(q: number, rate: number): bigint {
	const p = BigInt(q) * BigInt(rate);
	const abs = p < 0n ? -p : p;
	const r = (abs + 500n) / 1000n;
	return p < 0n ? -r : r;
}

describe('parseQuantity', () => {
	it.each([
		['1.5', 1_500],
		['12.125', 12_125],
		['3', 3_000],
		['0.001', 1],
		['.5', 500],
		['7.', 7_000],
		['+2', 2_000],
		['-2.25', -2_250],
		['1,234.5', 1_234_500],
		['1 000', 1_000_000],
		['  40  ', 40_000],
		['(2)', -2_000],
		['2-', -2_000],
		['(1,234.5)', -1_234_500]
	])('reads %s as %i thousandths', (text, milli) => {
		expect(qty(text)).toBe(milli);
	});

	it('reads decimal-comma text', () => {
		expect(qty('1,5', ',')).toBe(1_500);
		expect(qty('1.234,125', ',')).toBe(1_234_125);
		expect(qty('-0,25', ',')).toBe(-250);
		expect(qty('(0,25)', ',')).toBe(-250);
		expect(qty('1,5-', ',')).toBe(-1_500);
	});

	it('refuses a fourth decimal rather than rounding it away', () => {
		expect(refusal('1.0005')).toMatch(/more than 3 decimals/);
		expect(refusal('0,1234', ',')).toMatch(/more than 3 decimals/);
	});

	it('refuses separators that are not thousands grouping instead of misreading by 10× or 1000×', () => {
		refusal('1,5'); // European 1.5 in a US file
		refusal('1234,567'); // not grouped in threes from the left
		refusal('1.5', ','); // a dot in a decimal-comma file is grouping, and this is not grouping
		refusal('12.34,5', ',');
	});

	it.each(['', 'abc', '1.2.3', '-', '.', '1e3', '--1', '1/2', '-(2)', '(-2)', '-2-', '()', '(2', '+2-'])('refuses %j with a message', (text) => {
		expect(refusal(text).length).toBeGreaterThan(3);
	});

	it('never yields negative zero', () => {
		expect(Object.is(qty('-0'), 0)).toBe(true);
	});
});

describe('formatQuantity', () => {
	it.each([
		[1_500, '1.5'],
		[12_125, '12.125'],
		[3_000, '3'],
		[1, '0.001'],
		[10, '0.01'],
		[0, '0'],
		[-2_250, '-2.25'],
		[1_234_500, '1234.5']
	])('shows %i as %s', (milli, text) => {
		expect(formatQuantity(milli)).toBe(text);
	});

	it('round trips any safe quantity (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (q) => qty(formatQuantity(q)) === q)
		);
	});

	it('round trips through decimal-comma text (property)', () => {
		fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (q) => qty(formatQuantity(q).replace('.', ','), ',') === q));
	});
});

describe('lineAmount', () => {
	it('multiplies exactly and rounds half-up per line', () => {
		expect(lineAmount(1_500, 333)).toBe(500); // 1.5 × $3.33 = 4.995 → $5.00
		expect(lineAmount(125, 4)).toBe(1); // 0.125 × $0.04 = 0.005 → $0.01
		expect(lineAmount(124, 4)).toBe(0); // 0.00496 → $0.00
		expect(lineAmount(2_000, 12_500)).toBe(25_000);
		expect(lineAmount(12_125, 199)).toBe(2_413); // 24.12875 → $24.13
		expect(lineAmount(333, 1_000)).toBe(333); // 0.333 × $10 = $3.33
		expect(lineAmount(0, 99_999)).toBe(0);
	});

	it('does not drift like a float product would', () => {
		// 1.005 × $1.00 is 1.005 exactly; binary floats hold 1.00499999..., which rounds the wrong way.
		expect(lineAmount(1_005, 100)).toBe(101);
		expect(lineAmount(1_000, 1_005)).toBe(1_005);
		expect(lineAmount(3, 16_650)).toBe(50); // 0.003 × $166.50 = 0.4995 → $0.50
	});

	it('is symmetric for negatives: halves round away from zero', () => {
		expect(lineAmount(-1_500, 333)).toBe(-500);
		expect(lineAmount(1_500, -333)).toBe(-500);
		expect(lineAmount(-1_500, -333)).toBe(500);
		expect(lineAmount(-125, 4)).toBe(-1);
		expect(Object.is(lineAmount(-124, 4), 0)).toBe(true);
	});

	it('matches lineAmount(-q, r) === -lineAmount(q, r) (property)', () => {
		const q = fc.integer({ min: 0, max: 1e9 });
		const r = fc.integer({ min: -1e7, max: 1e7 });
		fc.assert(fc.property(q, r, (a, b) => lineAmount(-a, b) === -lineAmount(a, b) || lineAmount(a, b) === 0));
	});

	it('agrees with a BigInt reference for everyday values (property)', () => {
		const q = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
		const r = fc.integer({ min: -10_000_000, max: 10_000_000 });
		fc.assert(fc.property(q, r, (a, b) => BigInt(lineAmount(a, b)) === referenceLineAmount(a, b)));
	});

	it('agrees with the reference when the product leaves the safe-integer range (property)', () => {
		// |q × r| up to 2^62: mostly beyond 2^53, while the rounded cents still fit a safe integer.
		const big = fc.integer({ min: -(2 ** 31), max: 2 ** 31 });
		let outside = 0;
		fc.assert(
			fc.property(big, big, (a, b) => {
				if (!Number.isSafeInteger(a * b)) outside++;
				return BigInt(lineAmount(a, b)) === referenceLineAmount(a, b);
			}),
			{ numRuns: 500 }
		);
		expect(outside).toBeGreaterThan(100);
	});

	it('rounds correctly right below the safe-integer limit, where adding the half would round', () => {
		// 0.001 × 90,071,992,547,404.99 = 9,007,199,254,740.499 cents → 9,007,199,254,740
		expect(lineAmount(1, 9_007_199_254_740_499)).toBe(9_007_199_254_740);
		expect(lineAmount(-1, 9_007_199_254_740_499)).toBe(-9_007_199_254_740);
		expect(lineAmount(1, 9_007_199_254_740_500)).toBe(9_007_199_254_741);
		fc.assert(
			fc.property(fc.integer({ min: Number.MAX_SAFE_INTEGER - 5_000, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1, -1), (rate, q) => {
				return BigInt(lineAmount(q, rate)) === referenceLineAmount(q, rate);
			})
		);
	});
});
