import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTerms, parseTerms, scheduleFor, type Terms } from './terms';
import { addDays } from './dates';

const terms = (text: string): Terms => {
	const r = parseTerms(text);
	if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
	return r.value;
};
const refusal = (text: string) => {
	const r = parseTerms(text);
	if (r.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(r.value)}`);
	return r.error;
};

describe('parseTerms', () => {
	it.each([
		['Net 30', { netDays: 30, discountBp: 0, discountDays: 0 }],
		['net30', { netDays: 30, discountBp: 0, discountDays: 0 }],
		['N45', { netDays: 45, discountBp: 0, discountDays: 0 }],
		['  NET   60 ', { netDays: 60, discountBp: 0, discountDays: 0 }],
		['2/10 Net 30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2% 10 Net 30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2%/10 net 30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2/10, Net 30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['1.5/15 N45', { netDays: 45, discountBp: 150, discountDays: 15 }],
		['0.25/5 Net 20', { netDays: 20, discountBp: 25, discountDays: 5 }],
		// As buyers' exports write them (regression: "Net 30 Days" refused a whole PO import).
		['Net 30 Days', { netDays: 30, discountBp: 0, discountDays: 0 }],
		['net 45 day', { netDays: 45, discountBp: 0, discountDays: 0 }],
		['N/30', { netDays: 30, discountBp: 0, discountDays: 0 }],
		['2/10 N/30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2/10, n/30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2/10,Net 30', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2/10 Net 30 Days', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['2% 10 days, net 30 days', { netDays: 30, discountBp: 200, discountDays: 10 }],
		['1%10 Net 30', { netDays: 30, discountBp: 100, discountDays: 10 }]
	])('reads %j', (text, expected) => {
		expect(terms(text)).toEqual(expected);
	});

	it.each(['Due on receipt', 'due upon receipt', 'On receipt', 'COD', 'C.O.D.', 'Immediate', 'Net 0'])('reads %j as due at once', (text) => {
		expect(terms(text)).toEqual({ netDays: 0, discountBp: 0, discountDays: 0 });
	});

	it('refuses a discount window as long as or longer than the net period', () => {
		expect(refusal('2/30 Net 30')).toMatch(/discount window must be shorter/);
		expect(refusal('2/45 Net 30')).toMatch(/discount window must be shorter/);
		expect(terms('2/29 Net 30').discountDays).toBe(29);
	});

	it('refuses a zero discount', () => {
		expect(refusal('0/10 Net 30')).toMatch(/between 0 and 100%/);
	});

	it.each(['', 'Net', 'Net thirty', '2/10', 'Net 30 days EOM', '10 Net 30', '2/10 Net', 'Net -5', 'Net 1000', 'Net 30 Dayss', '2/10 N//30', 'Net days'])(
		'refuses %j with a message',
		(text) => {
			expect(refusal(text).length).toBeGreaterThan(3);
		}
	);

	it('suggests the accepted forms', () => {
		expect(refusal('whenever')).toMatch(/Net 30/);
	});
});

describe('formatTerms', () => {
	it('gives the canonical text', () => {
		expect(formatTerms(terms('2% 10 net 30'))).toBe('2/10 Net 30');
		expect(formatTerms(terms('1.5/15 N45'))).toBe('1.5/15 Net 45');
		expect(formatTerms(terms('n 60'))).toBe('Net 60');
		expect(formatTerms(terms('COD'))).toBe('Due on receipt');
	});

	it('reads its own output back to the same terms (property)', () => {
		const t = fc
			.record({ netDays: fc.integer({ min: 1, max: 999 }), discountBp: fc.integer({ min: 1, max: 99 }), discountDays: fc.nat() })
			.map(({ netDays, discountBp, discountDays }) => ({ netDays, discountBp: discountBp * 25, discountDays: discountDays % netDays }));
		fc.assert(fc.property(t, (x) => JSON.stringify(terms(formatTerms(x))) === JSON.stringify(x)));
	});
});

describe('scheduleFor', () => {
	it('2/10 Net 30 on Jan 15, 2027 for $1,000.00: due Feb 14, discount by Jan 25, $20.00 off', () => {
		expect(scheduleFor(terms('2/10 Net 30'), '2027-01-15', 100_000)).toEqual({
			dueDate: '2027-02-14',
			discountDate: '2027-01-25',
			discountCents: 2_000
		});
	});

	it('has no discount date or amount without a discount', () => {
		expect(scheduleFor(terms('Net 45'), '2027-12-20', 100_000)).toEqual({ dueDate: '2028-02-03', discountDate: null, discountCents: 0 });
	});

	it('is due on the invoice date for due-on-receipt terms', () => {
		expect(scheduleFor(terms('Due on receipt'), '2027-01-15', 5_000)).toEqual({ dueDate: '2027-01-15', discountDate: null, discountCents: 0 });
	});

	it('rounds the discount half-up to the cent', () => {
		const t = terms('2/10 Net 30');
		expect(scheduleFor(t, '2027-01-15', 12_325).discountCents).toBe(247); // 246.5 → 247
		expect(scheduleFor(t, '2027-01-15', 12_324).discountCents).toBe(246); // 246.48 → 246
		expect(scheduleFor(terms('1.5/10 Net 30'), '2027-01-15', 33_333).discountCents).toBe(500); // 499.995 → 500
		expect(scheduleFor(t, '2027-01-15', -12_325).discountCents).toBe(-247); // a credit: symmetric
	});

	it('crosses leap day', () => {
		expect(scheduleFor(terms('1/10 Net 30'), '2028-02-15', 0)).toEqual({ dueDate: '2028-03-16', discountDate: '2028-02-25', discountCents: 0 });
	});

	it('always puts the discount date before the due date (property)', () => {
		const days = fc.integer({ min: 1, max: 120 });
		fc.assert(
			fc.property(days, days, fc.integer({ min: 0, max: 1e9 }), (a, b, cents) => {
				const [d, n] = a < b ? [a, b] : [b, a + 1];
				const s = scheduleFor(terms(`2/${d} Net ${n}`), '2027-01-15', cents);
				return s.discountDate! < s.dueDate && s.dueDate === addDays('2027-01-15', n) && s.discountCents <= Math.ceil(cents * 0.02);
			})
		);
	});
});
