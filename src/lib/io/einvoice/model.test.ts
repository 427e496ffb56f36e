import { describe, expect, it } from 'vitest';
import { newInvoiceLine } from '../../domain/factories';
import { invoiceTotals } from '../../domain/totals';
import { countryCode, decimal2, percentText, unitCode } from './codes';
import { buildModel, EXEMPT_BUYER, NOT_TAXED } from './model';
import { checkRules } from './rules';
import { creditLinesInput, creditNoteInput, sampleInput } from './fixtures.test-helper';

describe('the EN 16931 model of an invoice', () => {
	it("carries the PO, each line's PO line and buyer item code, the parties and the terms with the discount", () => {
		const m = buildModel(sampleInput('INV-1041'));
		expect(m.typeCode).toBe('380');
		expect(m.orderReference).toBe('884120');
		expect(m.buyerReference).toBe('');
		expect(m.lines.map((l) => [l.id, l.orderLineRef, l.buyerItemId, l.unitCode, l.kind])).toEqual([
			['1', '1', 'HVAC-LAB-STD', 'HUR', 'labor'],
			['2', '3', 'REF-R134A', 'LBR', 'material'],
			['3', '6', 'TRIP-CHG', 'EA', 'fee'],
			['4', '', '', 'DAY', 'material'],
			['5', '', '', 'EA', 'freight']
		]);
		expect(m.lines[0]!.note).toBe('Job WO-18472, task T1');
		expect(m.buyer).toMatchObject({ name: 'Mercy General Hospital', endpoint: { scheme: 'EM', id: 'ap@mercygeneral.example' }, contact: { name: 'Dana Whitfield', email: 'ap@mercygeneral.example' } });
		expect(m.buyer.address).toEqual({ lines: ['Accounts Payable, 1200 Mercy Way'], city: 'Dayton', postalCode: '45409', region: 'OH', country: 'US' });
		expect(m.seller).toMatchObject({ name: 'Alvarez Mechanical & Electric LLC', taxRegistrationId: 'EIN 37-1234567', endpoint: { scheme: 'EM', id: 'billing@alvarez-mech.example' } });
		// 2/10 Net 30 on $3,074.00 of work before freight: $61.48 off within 10 days.
		expect(m.dueDate).toBe('2027-01-20');
		expect(m.paymentTerms).toBe('2/10 Net 30: pay $3,057.52 by Dec 31, 2026 (2% early-payment discount of $61.48), or the full $3,119.00 by Jan 20, 2027.');
		expect(m.note).toContain('Remit payment to: Alvarez Mechanical & Electric LLC, PO Box 8812, Springfield, IL 62791');
	});

	it("puts a tax-exempt buyer's lines in category E with the exemption", () => {
		const m = buildModel(sampleInput('INV-1041'));
		expect(m.lines.every((l) => l.category === 'E' && l.rateBp === 0)).toBe(true);
		expect(m.taxes).toEqual([{ category: 'E', rateBp: 0, taxable: 311900, tax: 0, exemptionReason: EXEMPT_BUYER }]);
		expect(m.totals).toEqual({ lineNet: 311900, taxExclusive: 311900, tax: 0, taxInclusive: 311900, prepaid: 0, payable: 311900 });
	});

	it('finds the lines a sales tax was charged on: on materials only, at the rate its line states', () => {
		const m = buildModel(sampleInput('INV-1042'));
		expect(m.lines.map((l) => [l.id, l.category, l.rateBp])).toEqual([
			['1', 'E', 0],
			['2', 'S', 725]
		]);
		expect(m.taxes).toEqual([
			{ category: 'S', rateBp: 725, taxable: 106800, tax: 7743, exemptionReason: '' },
			{ category: 'E', rateBp: 0, taxable: 88000, tax: 0, exemptionReason: NOT_TAXED }
		]);
		expect(m.totals.payable).toBe(invoiceTotals(sampleInput('INV-1042').lines).total);
	});

	it("takes Settings' rate when the tax line states none, and every line when the tax is on all of them", () => {
		const input = sampleInput('INV-1042');
		const work = input.lines.filter((l) => l.kind !== 'tax');
		const tax = newInvoiceLine('t', input.invoice.id, 3, { description: 'Sales tax', kind: 'tax', qtyMilli: 1000, rateCents: 16071 });
		const m = buildModel({ ...input, lines: [...work, tax], taxRateBp: 825 });
		expect(m.taxes).toEqual([{ category: 'S', rateBp: 825, taxable: 194800, tax: 16071, exemptionReason: '' }]);
		expect(checkRules(m)).toEqual([]);
	});

	it('says by how much a sales tax fits no lines, rather than moving a cent', () => {
		const input = sampleInput('INV-1042');
		const lines = input.lines.map((l) => (l.kind === 'tax' ? { ...l, rateCents: 9000 } : l));
		const m = buildModel({ ...input, lines });
		expect(m.totals.tax).toBe(9000);
		expect(checkRules(m).map((f) => f.rule)).toEqual(['BR-S-09']);
	});

	it('writes a credit line as a negative quantity at a positive price, with its amount unchanged', () => {
		const m = buildModel(creditLinesInput());
		const byId = Object.fromEntries(m.lines.map((l) => [l.id, l]));
		expect(byId['4']).toMatchObject({ quantity: -1000, price: 8900, net: -8900, orderLineRef: '2', category: 'S' });
		expect(byId['5']).toMatchObject({ quantity: -1000, price: 2500, net: -2500, unitCode: 'C62', category: 'E' });
		expect(m.totals.payable).toBe(invoiceTotals(creditLinesInput().lines).total);
	});

	it('makes a credit note type 381 in positive figures, naming the invoice it credits', () => {
		const input = creditNoteInput();
		const m = buildModel(input);
		expect(m.typeCode).toBe('381');
		expect(m.preceding).toEqual({ number: 'INV-1041', issueDate: '2026-12-21' });
		expect(m.lines.map((l) => [l.quantity, l.price, l.net, l.orderLineRef])).toEqual([
			[4000, 1850, 7400, '3'],
			[1000, 9500, 9500, '6']
		]);
		expect(m.totals.payable).toBe(-invoiceTotals(input.lines).total);
		expect(m.totals.payable).toBe(16900);
		expect(m.dueDate).toBeNull();
		expect(m.paymentTerms).toContain('INV-1041');
	});

	it('names the AP contact as buyer reference when the invoice has no PO', () => {
		const m = buildModel(sampleInput('INV-1044'));
		expect([m.orderReference, m.buyerReference]).toEqual(['', 'Dana Whitfield']);
	});
});

describe('codes and numbers', () => {
	it('writes amounts, rates and dates exactly, with no float on the way', () => {
		expect([decimal2(0), decimal2(5), decimal2(-5), decimal2(123456789012), decimal2(-100)]).toEqual(['0.00', '0.05', '-0.05', '1234567890.12', '-1.00']);
		expect(() => decimal2(0.5)).toThrow(RangeError);
		expect([percentText(725), percentText(800), percentText(0), percentText(1), percentText(1250)]).toEqual(['7.25', '8', '0', '0.01', '12.5']);
	});

	it('codes units and countries as typed by US contractors', () => {
		expect(['h', 'Hrs', 'ea', 'lb.', 'day', 'lot', 'ft', 'gal', '', 'widget'].map(unitCode)).toEqual(['HUR', 'HUR', 'EA', 'LBR', 'DAY', 'LO', 'FOT', 'GLL', 'C62', 'C62']);
		expect(['', 'USA', 'United States', 'Canada', 'de', 'Freedonia'].map(countryCode)).toEqual(['US', 'US', 'US', 'CA', 'DE', 'Freedonia']);
	});
});
