import { describe, expect, it } from 'vitest';
import { newInvoiceLine } from '../../domain/factories';
import { buildModel, type EinvoiceModel } from './model';
import { checkRules } from './rules';
import { creditLinesInput, creditNoteInput, sampleInput, SAMPLE_INVOICES } from './fixtures.test-helper';

/*
 * Each rule: a clean e-invoice with exactly that rule broken, and the rule (and no other) reported.
 * The table in docs/einvoice-rules.md names these tests.
 */

/** INV-1042 with a returned part and a discount: standard rated and exempt lines, credit lines. */
const clean = (): EinvoiceModel => structuredClone(buildModel(creditLinesInput()));

/** Totals recomputed from the lines and breakdown, so a broken breakdown breaks nothing further. */
function retotal(m: EinvoiceModel): EinvoiceModel {
	const lineNet = m.lines.reduce((a, l) => a + l.net, 0);
	const tax = m.taxes.reduce((a, t) => a + t.tax, 0);
	m.totals = { lineNet, taxExclusive: lineNet, tax, taxInclusive: lineNet + tax, prepaid: 0, payable: lineNet + tax };
	return m;
}

/** An invoice whose sales tax is on every line: all standard rated. */
function allTaxed(): EinvoiceModel {
	const input = sampleInput('INV-1042');
	const work = input.lines.filter((l) => l.kind !== 'tax');
	const tax = newInvoiceLine('t', input.invoice.id, 9, { description: 'Sales tax 7.25%', kind: 'tax', qtyMilli: 1000, rateCents: 14123 });
	return buildModel({ ...input, lines: [...work, tax] });
}

const rulesOf = (m: EinvoiceModel) => [...new Set(checkRules(m).map((f) => f.rule))];

const BREAKS: [rule: string, test: string, make: () => EinvoiceModel][] = [
	['BR-02', 'an invoice with no number', () => ({ ...clean(), number: '' })],
	['BR-03', 'an issue date that is not a date', () => ({ ...clean(), issueDate: '2027-02-30' })],
	['BR-06', 'a seller with no name', () => { const m = clean(); m.seller.name = ''; return m; }],
	['BR-07', 'a buyer with no name', () => { const m = clean(); m.buyer.name = ''; return m; }],
	['BR-08', 'a seller with no address', () => { const m = clean(); m.seller.address = null; return m; }],
	['BR-09', "a seller's address with no country", () => { const m = clean(); m.seller.address!.country = ''; return m; }],
	['BR-10', 'a buyer with no address', () => { const m = clean(); m.buyer.address = null; return m; }],
	['BR-11', "a buyer's address with no country", () => { const m = clean(); m.buyer.address!.country = ''; return m; }],
	['BR-CL-14', 'a country that is not an ISO code', () => { const m = clean(); m.buyer.address!.country = 'Ohio'; return m; }],
	['BR-16', 'an invoice with no lines', () => buildModel({ ...sampleInput('INV-1041'), lines: [] })],
	['BR-25', 'a line with no item name', () => { const m = clean(); m.lines[0]!.name = ''; return m; }],
	['BR-27', 'a negative item price', () => { const m = clean(); const l = m.lines[1]!; [l.quantity, l.price] = [-l.quantity, -l.price]; return m; }],
	['BR-CO-10', 'a line total that is not the sum of the lines', () => { const m = clean(); for (const k of ['lineNet', 'taxExclusive', 'taxInclusive', 'payable'] as const) m.totals[k] += 1; return m; }],
	['BR-CO-13', 'a total without tax that is not the line total', () => { const m = clean(); for (const k of ['taxExclusive', 'taxInclusive', 'payable'] as const) m.totals[k] += 1; return m; }],
	['BR-CO-14', 'a tax total that is not the sum of the breakdown', () => { const m = clean(); for (const k of ['tax', 'taxInclusive', 'payable'] as const) m.totals[k] += 1; return m; }],
	['BR-CO-15', 'a total with tax that is not total without tax plus tax', () => { const m = clean(); for (const k of ['taxInclusive', 'payable'] as const) m.totals[k] += 1; return m; }],
	['BR-CO-16', 'an amount due that is not the total less what was paid', () => { const m = clean(); m.totals.payable += 1; return m; }],
	['BR-CO-25', 'an amount due with neither terms nor due date', () => ({ ...clean(), paymentTerms: '', dueDate: null })],
	['BR-S-01', 'standard rated lines with no standard rated breakdown', () => { const m = clean(); m.taxes = m.taxes.filter((t) => t.category !== 'S'); return retotal(m); }],
	['BR-S-02', 'standard rated lines and no seller tax id', () => { const m = allTaxed(); m.seller.taxRegistrationId = ''; return m; }],
	['BR-S-05', 'a standard rated line at 0%', () => { const m = allTaxed(); for (const l of m.lines) l.rateBp = 0; m.taxes[0]!.rateBp = 0; m.taxes[0]!.tax = 0; return retotal(m); }],
	['BR-S-08', 'a standard rated taxable amount that is not the sum of its lines', () => { const m = clean(); m.taxes.find((t) => t.category === 'S')!.taxable += 1; return m; }],
	['BR-S-09', 'a sales tax that is not the rate times the taxable amount', () => { const m = clean(); m.taxes.find((t) => t.category === 'S')!.tax += 1; return retotal(m); }],
	['BR-E-01', 'exempt lines with no exempt breakdown', () => { const m = clean(); m.taxes = m.taxes.filter((t) => t.category !== 'E'); return m; }],
	['BR-E-02', 'exempt lines and no seller tax id', () => { const m = buildModel(sampleInput('INV-1041')); m.seller.taxRegistrationId = ''; return m; }],
	['BR-E-05', 'an exempt line with a rate', () => { const m = clean(); m.lines.find((l) => l.category === 'E')!.rateBp = 500; return m; }],
	['BR-E-08', 'an exempt taxable amount that is not the sum of its lines', () => { const m = clean(); m.taxes.find((t) => t.category === 'E')!.taxable += 1; return m; }],
	['BR-E-09', 'tax on exempt lines', () => { const m = clean(); m.taxes.find((t) => t.category === 'E')!.tax = 100; return retotal(m); }],
	['BR-E-10', 'an exempt breakdown with no reason', () => { const m = clean(); m.taxes.find((t) => t.category === 'E')!.exemptionReason = ''; return m; }],
	['BR-DEC-23', 'a line amount with three decimals', () => { const m = clean(); m.lines[1]!.net += 0.5; m.lines[2]!.net -= 0.5; return m; }],
	['PEPPOL-EN16931-R003', 'neither an order nor a buyer reference', () => ({ ...clean(), orderReference: '', buyerReference: '' })],
	['PEPPOL-EN16931-R010', 'a buyer with no electronic address', () => { const m = clean(); m.buyer.endpoint = null; return m; }],
	['PEPPOL-EN16931-R020', 'a seller with no electronic address', () => { const m = clean(); m.seller.endpoint = null; return m; }]
];

describe('EN 16931 rules on the e-invoice', () => {
	it('find nothing wrong with the sample invoices, a credit note and credit lines', () => {
		for (const n of SAMPLE_INVOICES) expect(checkRules(buildModel(sampleInput(n))), n).toEqual([]);
		expect(checkRules(buildModel(creditNoteInput()))).toEqual([]);
		expect(checkRules(clean())).toEqual([]);
		expect(checkRules(allTaxed())).toEqual([]);
	});

	it.each(BREAKS)('%s: %s is reported, and nothing else', (rule, _what, make) => {
		const m = make();
		expect(rulesOf(m)).toEqual([rule]);
		for (const f of checkRules(m)) expect(f.sentence.length).toBeGreaterThan(20);
	});

	it('name what to fix in words a person understands', () => {
		const m = clean();
		m.buyer.address = null;
		expect(checkRules(m)).toEqual([{ rule: 'BR-10', sentence: "The buyer's postal address is missing: add Harbor Point Property Management LLC's billing address on the Customers page." }]);
		const tax = clean();
		tax.taxes.find((t) => t.category === 'S')!.tax += 1;
		expect(checkRules(retotal(tax)).map((f) => f.sentence)).toEqual(['The sales tax $70.99 is not 7.25% of the $979.00 it is charged on (that is $70.98): correct the tax line, or its rate.']);
	});
});
