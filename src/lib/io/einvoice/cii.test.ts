import { describe, expect, it } from 'vitest';
import { ciiSchemaErrors } from './xsd.test-helper';
import { ciiXml } from './index';
import { buildModel, type EinvoiceInput } from './model';
import { creditLinesInput, creditNoteInput, sampleInput, SAMPLE_INVOICES } from './fixtures.test-helper';
import { all, cents, one, readXml, text } from './xml-read.test-helper';

const CASES: [string, () => EinvoiceInput][] = [
	...SAMPLE_INVOICES.map((n): [string, () => EinvoiceInput] => [n, () => sampleInput(n)]),
	['a credit note', creditNoteInput],
	['credit lines and a tax on some lines', creditLinesInput],
	[
		'awkward text',
		() => {
			const input = sampleInput('INV-1043');
			const lines = input.lines.map((l, i) => (i === 0 ? { ...l, description: 'Coil <cleaning> & "flush"\u0007, 3\' ducts\n2nd line' } : l));
			return { ...input, lines, invoice: { ...input.invoice, notes: 'Ref: A&B <urgent>' } };
		}
	]
];

describe('CII (Factur-X EN 16931)', () => {
	it.each(CASES)('%s validates against the Factur-X 1.07.3 EN16931 schema', (name, make) => {
		expect(ciiSchemaErrors(ciiXml(make()), name.replace(/\W+/g, '-'))).toBe('');
	});

	it('is refused by the schema when out of order, so the check above is real', () => {
		const xml = ciiXml(sampleInput('INV-1042'));
		const swapped = xml.replace(/(\t*<ram:ApplicableHeaderTradeDelivery\/>\n)([\s\S]*?<\/ram:ApplicableHeaderTradeSettlement>\n)/, '$2$1');
		expect(swapped).not.toBe(xml);
		expect(ciiSchemaErrors(swapped, 'swapped')).toMatch(/ApplicableHeaderTradeSettlement|not expected/);
	});

	it('carries the order reference, order line references, buyer item codes and totals', () => {
		const doc = readXml(ciiXml(sampleInput('INV-1042')));
		const tx = one(doc, 'rsm:SupplyChainTradeTransaction');
		expect(text(doc, 'rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID')).toBe('urn:cen.eu:en16931:2017');
		expect(text(tx, 'ram:ApplicableHeaderTradeAgreement/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID')).toBe('1001');
		const items = all(tx, 'ram:IncludedSupplyChainTradeLineItem');
		expect(items.map((i) => [text(i, 'ram:SpecifiedLineTradeAgreement/ram:BuyerOrderReferencedDocument/ram:LineID'), text(i, 'ram:SpecifiedTradeProduct/ram:BuyerAssignedID')])).toEqual([
			['1', 'ELEC-LAB'],
			['2', 'LED-2X4']
		]);
		const sum = one(tx, 'ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation');
		expect(['ram:LineTotalAmount', 'ram:TaxTotalAmount', 'ram:GrandTotalAmount', 'ram:DuePayableAmount'].map((p) => cents(text(sum, p)))).toEqual([194800, 7743, 202543, 202543]);
		expect(one(sum, 'ram:TaxTotalAmount').attrs.currencyID).toBe('USD');
		const taxes = all(tx, 'ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax');
		expect(taxes.map((t) => [text(t, 'ram:CategoryCode'), text(t, 'ram:RateApplicablePercent'), text(t, 'ram:BasisAmount'), text(t, 'ram:CalculatedAmount')])).toEqual([
			['S', '7.25', '1068.00', '77.43'],
			['E', '0', '880.00', '0.00']
		]);
	});

	it('writes a credit note as type 381 referring to the invoice it credits', () => {
		const input = creditNoteInput();
		const doc = readXml(ciiXml(input));
		expect(text(doc, 'rsm:ExchangedDocument/ram:TypeCode')).toBe('381');
		const ref = one(doc, 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument');
		expect([text(ref, 'ram:IssuerAssignedID'), text(ref, 'ram:FormattedIssueDateTime/qdt:DateTimeString')]).toEqual(['INV-1041', '20261221']);
		expect(buildModel(input).totals.payable).toBe(16900);
	});

	it('gives a tax-exempt buyer an exempt breakdown with its reason', () => {
		const doc = readXml(ciiXml(sampleInput('INV-1041')));
		const tax = one(doc, 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax');
		expect([text(tax, 'ram:CategoryCode'), text(tax, 'ram:ExemptionReason'), text(tax, 'ram:CalculatedAmount')]).toEqual(['E', 'Exempt from sales tax: the buyer is tax-exempt', '0.00']);
	});

	it('keeps awkward text as data', () => {
		const input = CASES.find(([n]) => n === 'awkward text')![1]();
		const doc = readXml(ciiXml(input));
		const first = all(doc, 'rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem')[0]!;
		expect(text(first, 'ram:SpecifiedTradeProduct/ram:Name')).toBe('Coil <cleaning> & "flush", 3\' ducts\n2nd line');
	});
});
