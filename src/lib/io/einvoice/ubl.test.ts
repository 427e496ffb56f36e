import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ublXml } from './index';
import type { EinvoiceInput } from './model';
import { creditLinesInput, creditNoteInput, sampleInput, SAMPLE_INVOICES } from './fixtures.test-helper';
import { all, cents, one, readXml, text, type Node } from './xml-read.test-helper';

/*
 * The OASIS UBL 2.1 schemas cannot be fetched on this machine (docs/einvoice-rules.md), so the
 * UBL is checked here against its structure as UBL 2.1 and Peppol BIS Billing 3.0 define it:
 * every element is one the parent may hold, in the order of the parent's schema sequence (the
 * lists below are those sequences, cut to the elements Peppol BIS uses), with what Peppol makes
 * mandatory present. xmllint still checks that the document is well-formed XML.
 */

const PARTY = ['cbc:EndpointID', 'cac:PartyIdentification', 'cac:PartyName', 'cac:PostalAddress', 'cac:PartyTaxScheme', 'cac:PartyLegalEntity', 'cac:Contact'];
const TAX_CATEGORY = ['cbc:ID', 'cbc:Percent', 'cbc:TaxExemptionReasonCode', 'cbc:TaxExemptionReason', 'cac:TaxScheme'];
const LINE_TAIL = ['cbc:LineExtensionAmount', 'cbc:AccountingCost', 'cac:InvoicePeriod', 'cac:OrderLineReference', 'cac:DocumentReference', 'cac:AllowanceCharge', 'cac:Item', 'cac:Price'];

/** Each element's children in their schema order; a parent not listed here may hold only text. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
	Invoice: ['cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:DueDate', 'cbc:InvoiceTypeCode', 'cbc:Note', 'cbc:TaxPointDate', 'cbc:DocumentCurrencyCode', 'cbc:TaxCurrencyCode', 'cbc:AccountingCost', 'cbc:BuyerReference', 'cac:InvoicePeriod', 'cac:OrderReference', 'cac:BillingReference', 'cac:DespatchDocumentReference', 'cac:ReceiptDocumentReference', 'cac:OriginatorDocumentReference', 'cac:ContractDocumentReference', 'cac:AdditionalDocumentReference', 'cac:ProjectReference', 'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:PayeeParty', 'cac:TaxRepresentativeParty', 'cac:Delivery', 'cac:PaymentMeans', 'cac:PaymentTerms', 'cac:AllowanceCharge', 'cac:TaxTotal', 'cac:LegalMonetaryTotal', 'cac:InvoiceLine'],
	CreditNote: ['cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:TaxPointDate', 'cbc:CreditNoteTypeCode', 'cbc:Note', 'cbc:DocumentCurrencyCode', 'cbc:TaxCurrencyCode', 'cbc:AccountingCost', 'cbc:BuyerReference', 'cac:InvoicePeriod', 'cac:OrderReference', 'cac:BillingReference', 'cac:DespatchDocumentReference', 'cac:ReceiptDocumentReference', 'cac:ContractDocumentReference', 'cac:AdditionalDocumentReference', 'cac:OriginatorDocumentReference', 'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:PayeeParty', 'cac:TaxRepresentativeParty', 'cac:Delivery', 'cac:PaymentMeans', 'cac:PaymentTerms', 'cac:AllowanceCharge', 'cac:TaxTotal', 'cac:LegalMonetaryTotal', 'cac:CreditNoteLine'],
	'cac:OrderReference': ['cbc:ID', 'cbc:SalesOrderID'],
	'cac:BillingReference': ['cac:InvoiceDocumentReference'],
	'cac:InvoiceDocumentReference': ['cbc:ID', 'cbc:IssueDate'],
	'cac:AccountingSupplierParty': ['cac:Party'],
	'cac:AccountingCustomerParty': ['cac:Party'],
	'cac:Party': PARTY,
	'cac:PartyName': ['cbc:Name'],
	'cac:PostalAddress': ['cbc:StreetName', 'cbc:AdditionalStreetName', 'cbc:CityName', 'cbc:PostalZone', 'cbc:CountrySubentity', 'cac:AddressLine', 'cac:Country'],
	'cac:AddressLine': ['cbc:Line'],
	'cac:Country': ['cbc:IdentificationCode'],
	'cac:PartyTaxScheme': ['cbc:CompanyID', 'cac:TaxScheme'],
	'cac:TaxScheme': ['cbc:ID'],
	'cac:PartyLegalEntity': ['cbc:RegistrationName', 'cbc:CompanyID', 'cbc:CompanyLegalForm'],
	'cac:Contact': ['cbc:Name', 'cbc:Telephone', 'cbc:ElectronicMail'],
	'cac:PaymentTerms': ['cbc:Note'],
	'cac:TaxTotal': ['cbc:TaxAmount', 'cac:TaxSubtotal'],
	'cac:TaxSubtotal': ['cbc:TaxableAmount', 'cbc:TaxAmount', 'cac:TaxCategory'],
	'cac:TaxCategory': TAX_CATEGORY,
	'cac:ClassifiedTaxCategory': TAX_CATEGORY,
	'cac:LegalMonetaryTotal': ['cbc:LineExtensionAmount', 'cbc:TaxExclusiveAmount', 'cbc:TaxInclusiveAmount', 'cbc:AllowanceTotalAmount', 'cbc:ChargeTotalAmount', 'cbc:PrepaidAmount', 'cbc:PayableRoundingAmount', 'cbc:PayableAmount'],
	'cac:InvoiceLine': ['cbc:ID', 'cbc:Note', 'cbc:InvoicedQuantity', ...LINE_TAIL],
	'cac:CreditNoteLine': ['cbc:ID', 'cbc:Note', 'cbc:CreditedQuantity', ...LINE_TAIL],
	'cac:OrderLineReference': ['cbc:LineID'],
	'cac:Item': ['cbc:Description', 'cbc:Name', 'cac:BuyersItemIdentification', 'cac:SellersItemIdentification', 'cac:StandardItemIdentification', 'cac:OriginCountry', 'cac:CommodityClassification', 'cac:ClassifiedTaxCategory', 'cac:AdditionalItemProperty'],
	'cac:BuyersItemIdentification': ['cbc:ID'],
	'cac:Price': ['cbc:PriceAmount', 'cbc:BaseQuantity', 'cac:AllowanceCharge']
};

/** Elements a parent may hold more than once (UBL's maxOccurs="unbounded", as Peppol allows). */
const REPEATS = new Set(['cac:TaxSubtotal', 'cac:InvoiceLine', 'cac:CreditNoteLine', 'cac:AdditionalDocumentReference', 'cac:AllowanceCharge', 'cac:PaymentMeans', 'cac:TaxTotal', 'cac:CommodityClassification', 'cac:AdditionalItemProperty']);

/** What Peppol BIS Billing 3.0 makes mandatory in each element, when the element is there. */
const MANDATORY: Readonly<Record<string, readonly string[]>> = {
	Invoice: ['cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:InvoiceTypeCode', 'cbc:DocumentCurrencyCode', 'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:TaxTotal', 'cac:LegalMonetaryTotal', 'cac:InvoiceLine'],
	CreditNote: ['cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:CreditNoteTypeCode', 'cbc:DocumentCurrencyCode', 'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:TaxTotal', 'cac:LegalMonetaryTotal', 'cac:CreditNoteLine'],
	'cac:Party': ['cbc:EndpointID', 'cac:PostalAddress', 'cac:PartyLegalEntity'],
	'cac:PostalAddress': ['cac:Country'],
	'cac:PartyLegalEntity': ['cbc:RegistrationName'],
	'cac:TaxSubtotal': ['cbc:TaxableAmount', 'cbc:TaxAmount', 'cac:TaxCategory'],
	'cac:TaxCategory': ['cbc:ID', 'cbc:Percent', 'cac:TaxScheme'],
	'cac:ClassifiedTaxCategory': ['cbc:ID', 'cbc:Percent', 'cac:TaxScheme'],
	'cac:LegalMonetaryTotal': ['cbc:LineExtensionAmount', 'cbc:TaxExclusiveAmount', 'cbc:TaxInclusiveAmount', 'cbc:PayableAmount'],
	'cac:InvoiceLine': ['cbc:ID', 'cbc:InvoicedQuantity', 'cbc:LineExtensionAmount', 'cac:Item', 'cac:Price'],
	'cac:CreditNoteLine': ['cbc:ID', 'cbc:CreditedQuantity', 'cbc:LineExtensionAmount', 'cac:Item', 'cac:Price'],
	'cac:Item': ['cbc:Name', 'cac:ClassifiedTaxCategory'],
	'cac:Price': ['cbc:PriceAmount']
};

/** Every place `node` (and what it holds) departs from the structure above, as `path: problem`. */
function structureProblems(node: Node, path = node.name): string[] {
	const order = ORDER[node.name];
	const out: string[] = [];
	if (!order) return node.children.length ? [`${path}: holds elements but should hold only text`] : [];
	let last = -1;
	let lastName = '';
	for (const c of node.children) {
		const at = order.indexOf(c.name);
		if (at < 0) out.push(`${path}: ${c.name} is not an element it may hold`);
		else if (at < last) out.push(`${path}: ${c.name} comes after ${lastName}, out of schema order`);
		else if (at === last && !REPEATS.has(c.name)) out.push(`${path}: ${c.name} appears twice`);
		else [last, lastName] = [at, c.name];
		out.push(...structureProblems(c, `${path}/${c.name}`));
	}
	for (const m of MANDATORY[node.name] ?? []) if (!node.children.some((c) => c.name === m)) out.push(`${path}: ${m} is missing`);
	return out;
}

const CASES: [string, () => EinvoiceInput][] = [...SAMPLE_INVOICES.map((n): [string, () => EinvoiceInput] => [n, () => sampleInput(n)]), ['a credit note', creditNoteInput], ['credit lines', creditLinesInput]];

describe('UBL 2.1 (Peppol BIS Billing 3.0)', () => {
	it.each(CASES)('%s is well-formed and every element is where UBL and Peppol put it', (_name, make) => {
		const xml = ublXml(make());
		execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
		expect(structureProblems(readXml(xml))).toEqual([]);
	});

	it('finds elements out of order, unknown or missing, so the check above is real', () => {
		const doc = readXml(ublXml(sampleInput('INV-1042')));
		const line = all(doc, 'cac:InvoiceLine')[0]!;
		line.children.reverse();
		doc.children = doc.children.filter((c) => c.name !== 'cac:TaxTotal');
		doc.children.push({ name: 'cbc:Bogus', attrs: {}, children: [], text: 'x' });
		const problems = structureProblems(doc);
		expect(problems).toContain('Invoice/cac:InvoiceLine: cbc:LineExtensionAmount comes after cac:Price, out of schema order');
		expect(problems).toContain('Invoice: cbc:Bogus is not an element it may hold');
		expect(problems).toContain('Invoice: cac:TaxTotal is missing');
	});

	it('declares Peppol BIS Billing 3.0 and addresses both parties by e-mail (EAS scheme EM)', () => {
		const doc = readXml(ublXml(sampleInput('INV-1041')));
		expect(doc.attrs.xmlns).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
		expect(text(doc, 'cbc:CustomizationID')).toBe('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0');
		expect(text(doc, 'cbc:ProfileID')).toBe('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0');
		const endpoints = ['cac:AccountingSupplierParty', 'cac:AccountingCustomerParty'].map((p) => one(doc, `${p}/cac:Party/cbc:EndpointID`));
		expect(endpoints.map((e) => [e.attrs.schemeID, e.text])).toEqual([
			['EM', 'billing@alvarez-mech.example'],
			['EM', 'ap@mercygeneral.example']
		]);
		// The seller's tax ID is a tax registration (BT-32), not a VAT number: its scheme is not VAT.
		expect(text(doc, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID')).not.toBe('VAT');
	});

	it('carries BT-13, each BT-132 and BT-156, and totals that add up', () => {
		const doc = readXml(ublXml(sampleInput('INV-1041')));
		expect(text(doc, 'cac:OrderReference/cbc:ID')).toBe('884120');
		const lines = all(doc, 'cac:InvoiceLine');
		expect(lines.map((l) => all(l, 'cac:OrderLineReference/cbc:LineID').map((n) => n.text)[0] ?? '')).toEqual(['1', '3', '6', '', '']);
		expect(lines.map((l) => all(l, 'cac:Item/cac:BuyersItemIdentification/cbc:ID').map((n) => n.text)[0] ?? '')).toEqual(['HVAC-LAB-STD', 'REF-R134A', 'TRIP-CHG', '', '']);
		const lineSum = lines.reduce((a, l) => a + cents(text(l, 'cbc:LineExtensionAmount')), 0);
		expect(cents(text(doc, 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount'))).toBe(lineSum);
		expect(cents(text(doc, 'cac:LegalMonetaryTotal/cbc:PayableAmount'))).toBe(311900);
		expect(text(doc, 'cbc:DueDate')).toBe('2027-01-20');
		expect(text(doc, 'cac:PaymentTerms/cbc:Note')).toContain('2% early-payment discount of $61.48');
	});

	it('writes a credit note as a CreditNote with positive quantities, referring to the invoice it credits', () => {
		const doc = readXml(ublXml(creditNoteInput()));
		expect(doc.name).toBe('CreditNote');
		expect(doc.attrs.xmlns).toBe('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2');
		expect(text(doc, 'cbc:CreditNoteTypeCode')).toBe('381');
		expect(text(doc, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toBe('INV-1041');
		expect(all(doc, 'cac:CreditNoteLine').map((l) => [text(l, 'cbc:CreditedQuantity'), one(l, 'cbc:CreditedQuantity').attrs.unitCode])).toEqual([
			['4', 'LBR'],
			['1', 'EA']
		]);
		expect(cents(text(doc, 'cac:LegalMonetaryTotal/cbc:PayableAmount'))).toBe(16900);
	});
});
