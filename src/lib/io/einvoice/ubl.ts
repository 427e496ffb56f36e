import { decimal2, percentText, quantityText } from './codes';
import type { EAddress, EinvoiceModel, ELine, EParty, ETax } from './model';
import { el, leaf, serialize, type XmlElement } from './xml';

/*
 * The model as a UBL 2.1 Invoice or CreditNote following Peppol BIS Billing 3.0. Children are
 * written in the order the UBL 2.1 schema's sequences give them (ubl.test.ts checks that order
 * against its own table, since the OASIS schemas are not available to the tests). Only what
 * Peppol BIS uses is written.
 */

const NS = {
	Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
} as const;

type Money = (name: string, cents: number) => XmlElement;

function postal(a: EAddress): XmlElement {
	return el(
		'cac:PostalAddress',
		null,
		leaf('cbc:StreetName', a.lines[0]),
		leaf('cbc:AdditionalStreetName', a.lines[1]),
		leaf('cbc:CityName', a.city),
		leaf('cbc:PostalZone', a.postalCode),
		leaf('cbc:CountrySubentity', a.region),
		a.lines[2] ? el('cac:AddressLine', null, leaf('cbc:Line', a.lines[2])) : null,
		el('cac:Country', null, leaf('cbc:IdentificationCode', a.country))
	);
}

function party(role: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty', p: EParty): XmlElement {
	return el(
		role,
		null,
		el(
			'cac:Party',
			null,
			p.endpoint ? leaf('cbc:EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme }) : null,
			p.name ? el('cac:PartyName', null, leaf('cbc:Name', p.name)) : null,
			p.address ? postal(p.address) : null,
			// BT-32: a tax registration that is not VAT, so its scheme is not `VAT` (Peppol reads `VAT` as BT-31).
			p.taxRegistrationId ? el('cac:PartyTaxScheme', null, leaf('cbc:CompanyID', p.taxRegistrationId), el('cac:TaxScheme', null, leaf('cbc:ID', 'TAX'))) : null,
			el('cac:PartyLegalEntity', null, leaf('cbc:RegistrationName', p.name)),
			p.contact ? el('cac:Contact', null, leaf('cbc:Name', p.contact.name), leaf('cbc:Telephone', p.contact.phone), leaf('cbc:ElectronicMail', p.contact.email)) : null
		)
	);
}

function category(name: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory', c: string, rateBp: number, reason = ''): XmlElement {
	return el(name, null, leaf('cbc:ID', c), leaf('cbc:Percent', percentText(rateBp)), leaf('cbc:TaxExemptionReason', reason), el('cac:TaxScheme', null, leaf('cbc:ID', 'VAT')));
}

const subtotal = (t: ETax, money: Money) => el('cac:TaxSubtotal', null, money('cbc:TaxableAmount', t.taxable), money('cbc:TaxAmount', t.tax), category('cac:TaxCategory', t.category, t.rateBp, t.exemptionReason));

function line(l: ELine, credit: boolean, money: Money): XmlElement {
	return el(
		credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
		null,
		leaf('cbc:ID', l.id),
		leaf('cbc:Note', l.note),
		leaf(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', quantityText(l.quantity), { unitCode: l.unitCode }),
		money('cbc:LineExtensionAmount', l.net),
		l.orderLineRef ? el('cac:OrderLineReference', null, leaf('cbc:LineID', l.orderLineRef)) : null,
		el(
			'cac:Item',
			null,
			leaf('cbc:Name', l.name),
			l.buyerItemId ? el('cac:BuyersItemIdentification', null, leaf('cbc:ID', l.buyerItemId)) : null,
			category('cac:ClassifiedTaxCategory', l.category, l.rateBp)
		),
		el('cac:Price', null, money('cbc:PriceAmount', l.price))
	);
}

/** The UBL document for `m`: an Invoice, or a CreditNote for type 381. */
export function ublDocument(m: EinvoiceModel): XmlElement {
	const credit = m.typeCode === '381';
	const root = credit ? 'CreditNote' : 'Invoice';
	const money: Money = (name, cents) => leaf(name, decimal2(cents), { currencyID: m.currency })!;
	const t = m.totals;
	return el(
		root,
		{ xmlns: NS[root], 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc },
		leaf('cbc:CustomizationID', m.customizationId),
		leaf('cbc:ProfileID', m.profileId),
		leaf('cbc:ID', m.number),
		leaf('cbc:IssueDate', m.issueDate),
		// UBL 2.1's CreditNote has no DueDate; a credit note's is not written (nothing is due from the buyer).
		credit ? null : leaf('cbc:DueDate', m.dueDate),
		leaf(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', m.typeCode),
		leaf('cbc:Note', m.note),
		leaf('cbc:DocumentCurrencyCode', m.currency),
		leaf('cbc:BuyerReference', m.buyerReference),
		m.orderReference ? el('cac:OrderReference', null, leaf('cbc:ID', m.orderReference)) : null,
		m.preceding ? el('cac:BillingReference', null, el('cac:InvoiceDocumentReference', null, leaf('cbc:ID', m.preceding.number), leaf('cbc:IssueDate', m.preceding.issueDate))) : null,
		party('cac:AccountingSupplierParty', m.seller),
		party('cac:AccountingCustomerParty', m.buyer),
		m.paymentTerms ? el('cac:PaymentTerms', null, leaf('cbc:Note', m.paymentTerms)) : null,
		el('cac:TaxTotal', null, money('cbc:TaxAmount', t.tax), m.taxes.map((x) => subtotal(x, money))),
		el(
			'cac:LegalMonetaryTotal',
			null,
			money('cbc:LineExtensionAmount', t.lineNet),
			money('cbc:TaxExclusiveAmount', t.taxExclusive),
			money('cbc:TaxInclusiveAmount', t.taxInclusive),
			t.prepaid !== 0 ? money('cbc:PrepaidAmount', t.prepaid) : null,
			money('cbc:PayableAmount', t.payable)
		),
		m.lines.map((l) => line(l, credit, money))
	);
}

export const ublText = (m: EinvoiceModel): string => serialize(ublDocument(m));
