import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInvoiceLine } from '../../domain/factories';
import { percentOf } from '../../domain/money';
import type { InvoiceLine, InvoiceLineKind } from '../../domain/records';
import { ciiXml, einvoiceProblems, ublXml } from './index';
import type { EinvoiceInput } from './model';
import { sampleInput } from './fixtures.test-helper';
import { all, cents, readXml, text } from './xml-read.test-helper';

/*
 * For random invoices (credit lines, credit notes, taxed and exempt, the tax on any of the sets
 * of lines Tieout recognises), the totals written in both syntaxes equal a recompute from the
 * stored lines done here from scratch, each line's amount is its written quantity times its
 * written price, and no rule is broken.
 */

/** Quantity (thousandths) × rate (cents) to cents, half away from zero, in BigInt: independent of the app's code. */
function amount(qty: number, rate: number): bigint {
	const p = BigInt(qty) * BigInt(rate);
	const abs = p < 0n ? -p : p;
	const r = (abs * 2n + 1000n) / 2000n;
	return p < 0n ? -r : r;
}

/** `-12.125` → thousandths, by string. */
function milli(decimal: string): bigint {
	const m = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(decimal)!;
	const v = BigInt(m[2]!) * 1000n + BigInt((m[3] ?? '').padEnd(3, '0'));
	return m[1] ? -v : v;
}

const KINDS: Exclude<InvoiceLineKind, 'tax'>[] = ['labor', 'material', 'subcontract', 'fee', 'freight', 'discount'];

const lineArb = fc.record({
	kind: fc.constantFrom(...KINDS),
	qty: fc.integer({ min: -40_000, max: 400_000 }),
	rate: fc.integer({ min: -500_000, max: 5_000_000 }),
	description: fc.constantFrom('Labor', 'Filter MERV 13, 24x24x2', 'Returned part', 'Discount <5%> & "goodwill"', "Tech's trip"),
	unit: fc.constantFrom('h', 'ea', 'lb', '', 'crate'),
	poLineNo: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
	item: fc.constantFrom('', 'HVAC-LAB', 'LED-2X4')
});

const invoiceArb = fc.record({
	lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
	tax: fc.option(fc.record({ rateBp: fc.integer({ min: 1, max: 1500 }), on: fc.constantFrom('all', 'notFreight', 'work', 'material') }), { nil: null }),
	credit: fc.boolean(),
	terms: fc.constantFrom('Net 30', '2/10 Net 30', 'Due on receipt', '1.5/15 Net 45'),
	taxAllowed: fc.boolean()
});

type Drawn = typeof invoiceArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(d: Drawn): EinvoiceInput {
	const base = sampleInput('INV-1042');
	const invoice = { ...base.invoice, terms: d.terms, creditOf: d.credit ? 'INV-1041' : '' };
	const lines: InvoiceLine[] = d.lines.map((l, i) =>
		newInvoiceLine(`l${i}`, invoice.id, i + 1, {
			kind: l.kind,
			// A credit is a negative quantity or a negative price, never both (domain.md).
			qtyMilli: l.qty,
			rateCents: l.qty < 0 && l.rate < 0 ? -l.rate : l.rate,
			description: l.description,
			unit: l.unit,
			poLineNo: l.poLineNo,
			buyerItemCode: l.item
		})
	);
	if (d.tax) {
		const on = { all: () => true, notFreight: (l: InvoiceLine) => l.kind !== 'freight', work: (l: InvoiceLine) => ['labor', 'material', 'subcontract', 'fee'].includes(l.kind), material: (l: InvoiceLine) => l.kind === 'material' }[d.tax.on];
		const base = lines.filter(on).reduce((a, l) => a + Number(amount(l.qtyMilli, l.rateCents)), 0);
		const rate = `${Math.floor(d.tax.rateBp / 100)}.${String(d.tax.rateBp % 100).padStart(2, '0')}`;
		lines.push(newInvoiceLine('tax', invoice.id, lines.length + 1, { kind: 'tax', description: `Sales tax ${rate}%`, qtyMilli: 1000, rateCents: percentOf(base, d.tax.rateBp) }));
	}
	return { ...base, invoice, lines, customer: { ...base.customer!, taxAllowed: d.taxAllowed } };
}

describe('e-invoices of random invoices', () => {
	it('write totals equal to a recompute from the lines, and break no rule', () => {
		fc.assert(
			fc.property(invoiceArb, (d) => {
				const input = inputOf(d);
				expect(einvoiceProblems(input)).toEqual([]);
				const sign = d.credit ? -1n : 1n;
				const net = input.lines.filter((l) => l.kind !== 'tax').reduce((a, l) => a + amount(l.qtyMilli, l.rateCents), 0n) * sign;
				const tax = input.lines.filter((l) => l.kind === 'tax').reduce((a, l) => a + amount(l.qtyMilli, l.rateCents), 0n) * sign;
				const want = [net, tax, net + tax, net + tax].map(Number);

				const ubl = readXml(ublXml(input));
				const t = 'cac:LegalMonetaryTotal/cbc:';
				expect([`${t}LineExtensionAmount`, 'cac:TaxTotal/cbc:TaxAmount', `${t}TaxInclusiveAmount`, `${t}PayableAmount`].map((p) => cents(text(ubl, p)))).toEqual(want);
				for (const l of all(ubl, d.credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine')) {
					const q = milli(text(l, d.credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity'));
					const price = cents(text(l, 'cac:Price/cbc:PriceAmount'));
					expect(price).toBeGreaterThanOrEqual(0);
					expect(BigInt(cents(text(l, 'cbc:LineExtensionAmount')))).toBe(amount(Number(q), price));
				}

				const cii = readXml(ciiXml(input));
				const s = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:';
				expect(['LineTotalAmount', 'TaxTotalAmount', 'GrandTotalAmount', 'DuePayableAmount'].map((p) => cents(text(cii, s + p)))).toEqual(want);
				const breakdown = all(cii, 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax');
				expect(breakdown.reduce((a, b) => a + cents(text(b, 'ram:CalculatedAmount')), 0)).toBe(want[1]);
				expect(breakdown.reduce((a, b) => a + cents(text(b, 'ram:BasisAmount')), 0)).toBe(want[0]);
			}),
			{ numRuns: 300 }
		);
	});
});
