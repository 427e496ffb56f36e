import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invoiceLineAmount, invoiceSchedule, invoiceTotals, poLineAmount, poLineEdit, poLineEditBasis, poTotal } from './totals';
import { INVOICE_LINE_KINDS, type InvoiceLine } from './records';
import { invoiceLine, poLine } from '$lib/testing/builders';

const line = (kind: InvoiceLine['kind'], qtyMilli: number, rateCents: number) => invoiceLine({ kind, qtyMilli, rateCents });

describe('invoiceTotals', () => {
	const lines = [
		line('labor', 1_500, 333), // 1.5 h × $3.33 = $5.00 (4.995 rounded per line)
		line('material', 3_000, 1_999), // $59.97
		line('subcontract', 1_000, 40_000), // $400.00
		line('fee', 1_000, 7_500), // $75.00
		line('discount', 1_000, -2_500), // -$25.00
		line('tax', 1_000, 4_321), // $43.21
		line('freight', 1_000, 1_250) // $12.50
	];

	it('splits work, discount, tax and freight and adds them up', () => {
		expect(invoiceTotals(lines)).toEqual({ subtotal: 53_997, discount: -2_500, tax: 4_321, freight: 1_250, total: 57_068 });
	});

	it('is all zero for no lines', () => {
		expect(invoiceTotals([])).toEqual({ subtotal: 0, discount: 0, tax: 0, freight: 0, total: 0 });
	});

	it('rounds each line, then sums (never rounds a sum of raw products)', () => {
		// Three lines of 0.005: each rounds to $0.01 → $0.03, where rounding the sum (0.015) would give $0.02.
		const t = invoiceTotals([line('labor', 125, 4), line('labor', 125, 4), line('labor', 125, 4)]);
		expect(t.subtotal).toBe(3);
	});

	it('total equals the sum of per-line amounts, and parts add up to it (property)', () => {
		const arbLine = fc
			.record({
				kind: fc.constantFrom(...INVOICE_LINE_KINDS),
				qtyMilli: fc.integer({ min: 0, max: 10_000_000 }),
				rateCents: fc.integer({ min: 0, max: 10_000_000 })
			})
			.map((x) => line(x.kind, x.qtyMilli, x.kind === 'discount' ? -x.rateCents : x.rateCents));
		fc.assert(
			fc.property(fc.array(arbLine, { maxLength: 30 }), (ls) => {
				const t = invoiceTotals(ls);
				const ref = (kinds: string[]) =>
					ls
						.filter((l) => kinds.includes(l.kind))
						.reduce((acc, l) => {
							const p = BigInt(l.qtyMilli) * BigInt(l.rateCents);
							const r = ((p < 0n ? -p : p) + 500n) / 1000n;
							return acc + (p < 0n ? -r : r);
						}, 0n);
				return (
					BigInt(t.subtotal) === ref(['labor', 'material', 'subcontract', 'fee']) &&
					BigInt(t.discount) === ref(['discount']) &&
					BigInt(t.tax) === ref(['tax']) &&
					BigInt(t.freight) === ref(['freight']) &&
					t.total === t.subtotal + t.discount + t.tax + t.freight
				);
			})
		);
	});

	it('refuses a total it cannot hold exactly rather than rounding it', () => {
		expect(() => invoiceTotals([line('labor', 1_000, Number.MAX_SAFE_INTEGER), line('tax', 1_000, 10)])).toThrow(RangeError);
	});

	it('invoiceLineAmount is quantity × rate, half-up', () => {
		expect(invoiceLineAmount({ qtyMilli: 12_125, rateCents: 199 })).toBe(2_413);
		expect(invoiceLineAmount({ qtyMilli: 1_000, rateCents: -2_500 })).toBe(-2_500);
	});
});

describe('invoiceSchedule', () => {
	it('takes the early-payment discount on work less discounts, before tax and freight', () => {
		const t = { subtotal: 100_000, discount: -10_000, tax: 8_250, freight: 5_000, total: 103_250 };
		expect(invoiceSchedule({ terms: '2/10 Net 30', invoiceDate: '2027-01-15' }, t)).toEqual({
			dueDate: '2027-02-14',
			discountDate: '2027-01-25',
			discountCents: 1_800 // 2% of $900.00, not of $1,032.50
		});
	});

	it('works from the lines end to end', () => {
		const totals = invoiceTotals([line('labor', 8_000, 12_500), line('tax', 1_000, 8_250), line('freight', 1_000, 5_000)]);
		const s = invoiceSchedule({ terms: '1/10 Net 45', invoiceDate: '2027-11-01' }, totals);
		expect(s).toEqual({ dueDate: '2027-12-16', discountDate: '2027-11-11', discountCents: 1_000 });
	});

	it('has no discount for plain net terms', () => {
		const s = invoiceSchedule({ terms: 'Net 30', invoiceDate: '2027-01-15' }, invoiceTotals([line('labor', 1_000, 100_000)]));
		expect(s).toEqual({ dueDate: '2027-02-14', discountDate: null, discountCents: 0 });
	});

	it('is null when the terms do not parse', () => {
		expect(invoiceSchedule({ terms: 'whenever', invoiceDate: '2027-01-15' }, invoiceTotals([]))).toBeNull();
		expect(invoiceSchedule({ terms: '', invoiceDate: '2027-01-15' }, invoiceTotals([]))).toBeNull();
	});
});

describe('PO amounts', () => {
	it('poLineAmount is quantity × unit price, half-up', () => {
		expect(poLineAmount(poLine({ qtyMilli: 1_500, unitPriceCents: 333 }))).toBe(500);
		expect(poLineAmount(poLine({ qtyMilli: 10_000, unitPriceCents: 12_500 }))).toBe(125_000);
	});

	it('poTotal adds the extended amounts as the buyer stated them, not recomputed', () => {
		const lines = [
			poLine({ qtyMilli: 10_000, unitPriceCents: 12_500, extendedCents: 125_000 }),
			poLine({ qtyMilli: 1_000, unitPriceCents: 5_000, extendedCents: 4_999 }) // buyer's own rounding
		];
		expect(poTotal(lines)).toBe(129_999);
		expect(poTotal([])).toBe(0);
	});

	it('poTotal refuses a total it cannot hold exactly', () => {
		const huge = poLine({ extendedCents: Number.MAX_SAFE_INTEGER });
		expect(() => poTotal([huge, poLine({ extendedCents: 1 })])).toThrow(RangeError);
	});
});

describe('poLineEdit: a PO line typed by hand keeps its extended amount with quantity × price', () => {
	const qty = fc.integer({ min: 0, max: 10_000_000 });
	const price = fc.integer({ min: 0, max: 100_000_000 });

	it('follows a new quantity or price when the amount was the product, and only then', () => {
		fc.assert(
			fc.property(qty, price, qty, price, fc.boolean(), fc.integer({ min: 1, max: 500 }), (q0, p0, q1, p1, consistent, off) => {
				const before = poLine({ qtyMilli: q0, unitPriceCents: p0, extendedCents: lineAmountOf(q0, p0) + (consistent ? 0 : off) });
				const patch = poLineEdit(before, { qtyMilli: q1, unitPriceCents: p1 });
				const after = { ...before, ...patch };
				if (consistent) expect(after.extendedCents).toBe(poLineAmount(after));
				else expect(after.extendedCents).toBe(before.extendedCents);
			})
		);
	});

	it('leaves other edits, and an amount typed in the same edit, alone', () => {
		const before = poLine({ qtyMilli: 2000, unitPriceCents: 500, extendedCents: 1000 });
		expect(poLineEdit(before, { description: 'Filters' })).toEqual({ description: 'Filters' });
		expect(poLineEdit(before, { qtyMilli: 3000, extendedCents: 1234 })).toEqual({ qtyMilli: 3000, extendedCents: 1234 });
		expect(poLineEdit(before, { unitPriceCents: 750 })).toEqual({ unitPriceCents: 750, extendedCents: 1500 });
	});

	// Bug: a price edit worked its amount out from this tab's quantity; another tab's newer quantity was overwritten unseen.
	it('names the figures a derived amount was worked out from, so storage can refuse the edit if they moved', () => {
		const before = poLine({ qtyMilli: 2000, unitPriceCents: 500, extendedCents: 1000 });
		const patch = poLineEdit(before, { unitPriceCents: 750 });
		expect(poLineEditBasis(before, 'unitPriceCents', patch)).toEqual({ qtyMilli: 2000, extendedCents: 1000 });
		expect(poLineEditBasis(before, 'description', poLineEdit(before, { description: 'Filters' }))).toEqual({});
		expect(poLineEditBasis(before, 'extendedCents', { extendedCents: 1234 })).toEqual({});
	});
});

const lineAmountOf = (q: number, p: number) => poLineAmount({ qtyMilli: q, unitPriceCents: p });
