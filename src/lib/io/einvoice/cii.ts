import { date102, decimal2, percentText, quantityText } from './codes';
import { CII_GUIDELINE_ID, type EAddress, type EinvoiceModel, type ELine, type EParty, type ETax } from './model';
import { el, leaf, serialize, type XmlElement } from './xml';

/*
 * The model as a UN/CEFACT CII D16B CrossIndustryInvoice in the Factur-X / ZUGFeRD EN 16931
 * profile. Children follow the sequences of the Factur-X 1.07.3 EN16931 schema, which the tests
 * validate every document against with xmllint (tests/fixtures/xsd/factur-x-1.07.3-en16931).
 */

const NS = {
	rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
	ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
	udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
	qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100'
} as const;

const amount = (name: string, cents: number) => leaf(name, decimal2(cents))!;
const udtDate = (name: string, d: string) => el(name, null, leaf('udt:DateTimeString', date102(d), { format: '102' }));

function address(a: EAddress): XmlElement {
	return el(
		'ram:PostalTradeAddress',
		null,
		leaf('ram:PostcodeCode', a.postalCode),
		leaf('ram:LineOne', a.lines[0]),
		leaf('ram:LineTwo', a.lines[1]),
		leaf('ram:LineThree', a.lines[2]),
		leaf('ram:CityName', a.city),
		leaf('ram:CountryID', a.country),
		leaf('ram:CountrySubDivisionName', a.region)
	);
}

function party(name: 'ram:SellerTradeParty' | 'ram:BuyerTradeParty', p: EParty): XmlElement {
	const c = p.contact;
	return el(
		name,
		null,
		leaf('ram:Name', p.name),
		c
			? el(
					'ram:DefinedTradeContact',
					null,
					leaf('ram:PersonName', c.name),
					c.phone ? el('ram:TelephoneUniversalCommunication', null, leaf('ram:CompleteNumber', c.phone)) : null,
					c.email ? el('ram:EmailURIUniversalCommunication', null, leaf('ram:URIID', c.email)) : null
				)
			: null,
		p.address ? address(p.address) : null,
		p.endpoint ? el('ram:URIUniversalCommunication', null, leaf('ram:URIID', p.endpoint.id, { schemeID: p.endpoint.scheme })) : null,
		// BT-32: scheme FC (tax number), not VA (a VAT number, BT-31).
		p.taxRegistrationId ? el('ram:SpecifiedTaxRegistration', null, leaf('ram:ID', p.taxRegistrationId, { schemeID: 'FC' })) : null
	);
}

function lineItem(l: ELine): XmlElement {
	return el(
		'ram:IncludedSupplyChainTradeLineItem',
		null,
		el('ram:AssociatedDocumentLineDocument', null, leaf('ram:LineID', l.id), l.note ? el('ram:IncludedNote', null, leaf('ram:Content', l.note)) : null),
		el('ram:SpecifiedTradeProduct', null, leaf('ram:BuyerAssignedID', l.buyerItemId), leaf('ram:Name', l.name)),
		el(
			'ram:SpecifiedLineTradeAgreement',
			null,
			l.orderLineRef ? el('ram:BuyerOrderReferencedDocument', null, leaf('ram:LineID', l.orderLineRef)) : null,
			el('ram:NetPriceProductTradePrice', null, amount('ram:ChargeAmount', l.price))
		),
		el('ram:SpecifiedLineTradeDelivery', null, leaf('ram:BilledQuantity', quantityText(l.quantity), { unitCode: l.unitCode })),
		el(
			'ram:SpecifiedLineTradeSettlement',
			null,
			el('ram:ApplicableTradeTax', null, leaf('ram:TypeCode', 'VAT'), leaf('ram:CategoryCode', l.category), leaf('ram:RateApplicablePercent', percentText(l.rateBp))),
			el('ram:SpecifiedTradeSettlementLineMonetarySummation', null, amount('ram:LineTotalAmount', l.net))
		)
	);
}

const tradeTax = (t: ETax) =>
	el(
		'ram:ApplicableTradeTax',
		null,
		amount('ram:CalculatedAmount', t.tax),
		leaf('ram:TypeCode', 'VAT'),
		leaf('ram:ExemptionReason', t.exemptionReason),
		amount('ram:BasisAmount', t.taxable),
		leaf('ram:CategoryCode', t.category),
		leaf('ram:RateApplicablePercent', percentText(t.rateBp))
	);

/** The CII document for `m`. */
export function ciiDocument(m: EinvoiceModel): XmlElement {
	const t = m.totals;
	return el(
		'rsm:CrossIndustryInvoice',
		{ 'xmlns:rsm': NS.rsm, 'xmlns:qdt': NS.qdt, 'xmlns:ram': NS.ram, 'xmlns:udt': NS.udt },
		el('rsm:ExchangedDocumentContext', null, el('ram:GuidelineSpecifiedDocumentContextParameter', null, leaf('ram:ID', CII_GUIDELINE_ID))),
		el('rsm:ExchangedDocument', null, leaf('ram:ID', m.number), leaf('ram:TypeCode', m.typeCode), udtDate('ram:IssueDateTime', m.issueDate), m.note ? el('ram:IncludedNote', null, leaf('ram:Content', m.note)) : null),
		el(
			'rsm:SupplyChainTradeTransaction',
			null,
			m.lines.map(lineItem),
			el(
				'ram:ApplicableHeaderTradeAgreement',
				null,
				leaf('ram:BuyerReference', m.buyerReference),
				party('ram:SellerTradeParty', m.seller),
				party('ram:BuyerTradeParty', m.buyer),
				m.orderReference ? el('ram:BuyerOrderReferencedDocument', null, leaf('ram:IssuerAssignedID', m.orderReference)) : null
			),
			el('ram:ApplicableHeaderTradeDelivery', null),
			el(
				'ram:ApplicableHeaderTradeSettlement',
				null,
				leaf('ram:InvoiceCurrencyCode', m.currency),
				m.taxes.map(tradeTax),
				m.paymentTerms || m.dueDate ? el('ram:SpecifiedTradePaymentTerms', null, leaf('ram:Description', m.paymentTerms), m.dueDate ? udtDate('ram:DueDateDateTime', m.dueDate) : null) : null,
				el(
					'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
					null,
					amount('ram:LineTotalAmount', t.lineNet),
					amount('ram:TaxBasisTotalAmount', t.taxExclusive),
					leaf('ram:TaxTotalAmount', decimal2(t.tax), { currencyID: m.currency }),
					amount('ram:GrandTotalAmount', t.taxInclusive),
					t.prepaid !== 0 ? amount('ram:TotalPrepaidAmount', t.prepaid) : null,
					amount('ram:DuePayableAmount', t.payable)
				),
				m.preceding
					? el(
							'ram:InvoiceReferencedDocument',
							null,
							leaf('ram:IssuerAssignedID', m.preceding.number),
							m.preceding.issueDate ? el('ram:FormattedIssueDateTime', null, leaf('qdt:DateTimeString', date102(m.preceding.issueDate), { format: '102' })) : null
						)
					: null
			)
		)
	);
}

export const ciiText = (m: EinvoiceModel): string => serialize(ciiDocument(m));
