import { addressLines, customerAddress, plainAddress, remitAddress, type Address } from '../../domain/addresses';
import { isLocalDate, type LocalDate } from '../../domain/dates';
import { percentOf, sumCents, type Cents } from '../../domain/money';
import { lineAmount, type Milli } from '../../domain/quantity';
import type { BusinessProfile, Customer, Invoice, InvoiceLine, InvoiceLineKind } from '../../domain/records';
import { invoiceSchedule, invoiceTotals } from '../../domain/totals';
import { termsSentence } from '../pdf/invoice-layout';
import { countryCode, unitCode } from './codes';

/*
 * An invoice as the EN 16931 semantic model names it (BT-n terms, BG-n groups), built from
 * Tieout's records. ubl.ts and cii.ts only write this model; rules.ts checks it.
 *
 * How Tieout's records map, where EN 16931 has no exact counterpart:
 * - Document: a credit note (`creditOf` set) is type 381 and every amount and quantity is written
 *   with its sign turned (Tieout stores a credit note's lines as negative quantities; a credit note
 *   states what is given back as positive figures). Anything else is an invoice, 380, signs as
 *   stored; its credit lines stay negative lines.
 * - Lines: every line except `tax` is an invoice line (BG-25): work, freight and discount lines
 *   alike. Freight and discounts are not turned into document-level charges or allowances
 *   (BG-20/BG-21), so each keeps its own line number and description, as on the PDF. A line with a
 *   negative rate (a discount, a price credit) is written as the negated quantity at the positive
 *   price, since the item net price (BT-146) may not be negative (BR-27); the line amount is
 *   the same, because Tieout rounds half away from zero.
 * - Sales tax is not VAT, but it is the tax the buyer pays on this bill, so it goes in the VAT
 *   breakdown (BG-23):
 *   · No `tax` lines (or they add up to zero): every line is category E (exempt), rate 0, with the
 *     reason "Exempt from sales tax: the buyer is tax-exempt" for a customer with `taxAllowed`
 *     off, else "Not subject to sales tax".
 *   · `tax` lines: category S at one rate: the percentage written in the tax lines' descriptions
 *     ("Sales tax 7.25%", as Tieout writes them) when they all state the same one, else the rate
 *     in Settings. The tax amount is exactly what the tax lines add up to. The lines it was charged
 *     on are the first of these whose amount at that rate, rounded half-up, is the tax to the cent:
 *     every line; every line but freight; the work lines (labor, material, subcontract, fee);
 *     the material lines. Those lines are S; the others are E, "Not subject to sales tax". When
 *     none fits, every line is S and BR-S-09 says by how much the tax is off.
 * - Seller (BG-4): Settings' business profile; its tax ID is the seller tax registration
 *   identifier (BT-32, scheme FC in CII, a non-VAT tax scheme in UBL), never a VAT identifier
 *   (BT-31), which a US business does not have. Its e-mail is the electronic address (BT-34) with
 *   the Peppol EAS scheme `EM` (e-mail): Tieout stores no Peppol participant id.
 * - Buyer (BG-7): the customer, its billing address, its AP contact (BT-56) and AP e-mail, which is
 *   also its electronic address (BT-49, scheme `EM`).
 * - BT-13 (order reference) is the PO number the invoice names; BT-132 each line's PO line;
 *   BT-156 its buyer item code. With no PO, the buyer reference (BT-10) is the AP contact's name,
 *   so PEPPOL-EN16931-R003 (a buyer or order reference) holds when the buyer is named at all.
 * - Payment terms (BT-20) are the same sentence the PDF prints, with the early-payment discount's
 *   date and amount; the due date (BT-9) follows the terms. The remit-to address, which EN 16931
 *   has no group for, goes in the invoice note (BT-22) with the notes and the job numbers.
 * - Currency is US dollars; an address with no country is in the United States (codes.ts).
 */

/** What the e-invoice is made from: plain records (it may cross to a worker by structured clone). */
export interface EinvoiceInput {
	invoice: Invoice;
	lines: readonly InvoiceLine[];
	/** Null when the customer record is missing: the buyer is then unnamed and the rules say so. */
	customer: Pick<Customer, 'name' | 'billingStreet' | 'billingCity' | 'billingRegion' | 'billingPostalCode' | 'billingCountry' | 'apContact' | 'apEmail' | 'taxAllowed'> | null;
	business: BusinessProfile;
	/** Settings' sales tax rate, basis points: used when the tax lines do not state theirs. */
	taxRateBp: number;
	/** For a credit note: the invoice it credits (BG-3), when it is in the workbook. */
	credited: Pick<Invoice, 'number' | 'invoiceDate'> | null;
}

export type TaxCategory = 'S' | 'E';

export interface EAddress {
	/** Up to three street lines (BT-35, BT-36, BT-162 for the seller). */
	lines: string[];
	city: string;
	postalCode: string;
	region: string;
	/** ISO 3166-1 alpha-2 when Tieout could code it, else as typed (BR-CL-14 names it). */
	country: string;
}

export interface EParty {
	name: string;
	address: EAddress | null;
	/** BT-32: a tax registration that is not a VAT number ('' when none). */
	taxRegistrationId: string;
	/** BT-34 / BT-49 with its scheme; null when there is no address to give. */
	endpoint: { scheme: 'EM'; id: string } | null;
	contact: { name: string; phone: string; email: string } | null;
}

export interface ELine {
	/** BT-126 */
	id: string;
	/** BT-127: the job and task billed. */
	note: string;
	/** BT-129, thousandths, in the document's sign. */
	quantity: Milli;
	/** BT-130 */
	unitCode: string;
	/** BT-131 */
	net: Cents;
	/** BT-146, never negative. */
	price: Cents;
	/** BT-132: the PO line number ('' when none). */
	orderLineRef: string;
	/** BT-156 */
	buyerItemId: string;
	/** BT-153 */
	name: string;
	kind: Exclude<InvoiceLineKind, 'tax'>;
	/** BT-151, BT-152 */
	category: TaxCategory;
	rateBp: number;
}

/** One VAT breakdown (BG-23). */
export interface ETax {
	category: TaxCategory;
	rateBp: number;
	/** BT-116 */
	taxable: Cents;
	/** BT-117 */
	tax: Cents;
	/** BT-120 ('' for S). */
	exemptionReason: string;
}

export interface ETotals {
	/** BT-106 */ lineNet: Cents;
	/** BT-109 */ taxExclusive: Cents;
	/** BT-110 */ tax: Cents;
	/** BT-112 */ taxInclusive: Cents;
	/** BT-113 */ prepaid: Cents;
	/** BT-115 */ payable: Cents;
}

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
export const CII_GUIDELINE_ID = 'urn:cen.eu:en16931:2017';

export interface EinvoiceModel {
	/** BT-24 */ customizationId: string;
	/** BT-23 */ profileId: string;
	/** BT-3 */ typeCode: '380' | '381';
	/** BT-1 */ number: string;
	/** BT-2 */ issueDate: LocalDate;
	/** BT-9 */ dueDate: LocalDate | null;
	/** BT-5 */ currency: 'USD';
	/** BT-10 */ buyerReference: string;
	/** BT-13 */ orderReference: string;
	/** BG-3 */ preceding: { number: string; issueDate: LocalDate | null } | null;
	/** BT-22: one note, as Peppol allows (PEPPOL-EN16931-R002). */
	note: string;
	/** BT-20 */ paymentTerms: string;
	seller: EParty;
	buyer: EParty;
	lines: ELine[];
	taxes: ETax[];
	totals: ETotals;
}

const WORK: readonly InvoiceLineKind[] = ['labor', 'material', 'subcontract', 'fee'];
export const EXEMPT_BUYER = 'Exempt from sales tax: the buyer is tax-exempt';
export const NOT_TAXED = 'Not subject to sales tax';

function address(a: Address): EAddress | null {
	const street = a.street.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
	if (street.length === 0 && a.city.trim() === '' && a.postalCode.trim() === '') return null;
	const lines = street.length > 3 ? [street[0]!, street[1]!, street.slice(2).join(', ')] : street;
	return { lines, city: a.city.trim(), postalCode: a.postalCode.trim(), region: a.region.trim(), country: countryCode(a.country) };
}

/** The one percentage the tax lines' descriptions state, in basis points, or null. */
function statedRate(taxLines: readonly InvoiceLine[]): number | null {
	const rates = new Set<number>();
	for (const l of taxLines) {
		const m = /(\d{1,2})(?:\.(\d{1,2}))?\s?%/.exec(l.description);
		if (!m) return null;
		rates.add(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
	}
	return rates.size === 1 ? [...rates][0]! : null;
}

/** Which lines the sales tax was charged on (see the header): their ids. */
function taxedLines(others: readonly InvoiceLine[], tax: Cents, rateBp: number): Set<string> {
	const amount = (l: InvoiceLine) => lineAmount(l.qtyMilli, l.rateCents);
	const candidates = [others, others.filter((l) => l.kind !== 'freight'), others.filter((l) => WORK.includes(l.kind)), others.filter((l) => l.kind === 'material')];
	const fits = candidates.find((c) => c.length > 0 && percentOf(sumCents(c.map(amount)), rateBp) === tax);
	return new Set((fits ?? others).map((l) => l.id));
}

function terms(input: EinvoiceInput, credit: boolean): { dueDate: LocalDate | null; text: string } {
	const { invoice } = input;
	if (credit) return { dueDate: null, text: `Credit note for invoice ${invoice.creditOf.trim()}: nothing is due from the buyer; the amount is owed to the buyer.` };
	const totals = invoiceTotals(input.lines);
	const schedule = invoiceSchedule(invoice, totals);
	return { dueDate: schedule?.dueDate ?? null, text: invoice.terms.trim() === '' ? '' : termsSentence(invoice, totals, schedule) };
}

/** The semantic invoice for `input` (see the header for how each record maps). */
export function buildModel(input: EinvoiceInput): EinvoiceModel {
	const { invoice, business, customer } = input;
	const credit = invoice.creditOf.trim() !== '';
	const sign = credit ? -1 : 1;
	const sorted = [...input.lines].sort((a, b) => a.lineNo - b.lineNo);
	const taxLines = sorted.filter((l) => l.kind === 'tax');
	const others = sorted.filter((l) => l.kind !== 'tax');
	const taxCharged = sumCents(taxLines.map((l) => lineAmount(l.qtyMilli, l.rateCents)));
	const rateBp = statedRate(taxLines) ?? input.taxRateBp;
	const taxed = taxCharged !== 0 ? taxedLines(others, taxCharged, rateBp) : new Set<string>();
	const exemptReason = taxed.size === 0 && customer && !customer.taxAllowed ? EXEMPT_BUYER : NOT_TAXED;

	const lines: ELine[] = others.map((l) => {
		let quantity = sign * l.qtyMilli;
		let price = l.rateCents;
		if (price < 0) [quantity, price] = [-quantity, -price];
		const job = [l.woNumber.trim(), l.taskCode.trim()].filter((s) => s !== '');
		const category: TaxCategory = taxed.has(l.id) ? 'S' : 'E';
		return {
			id: String(l.lineNo),
			note: job.length === 2 ? `Job ${job[0]}, task ${job[1]}` : job.length === 1 ? `Job ${job[0]}` : '',
			quantity,
			unitCode: unitCode(l.unit),
			net: lineAmount(quantity, price),
			price,
			orderLineRef: l.poLineNo === null ? '' : String(l.poLineNo),
			buyerItemId: l.buyerItemCode.trim(),
			name: l.description.trim(),
			kind: l.kind as ELine['kind'],
			category,
			rateBp: category === 'S' ? rateBp : 0
		};
	});

	const taxes: ETax[] = [];
	const inCategory = (c: TaxCategory) => lines.filter((l) => l.category === c);
	if (taxCharged !== 0) taxes.push({ category: 'S', rateBp, taxable: sumCents(inCategory('S').map((l) => l.net)), tax: sign * taxCharged, exemptionReason: '' });
	if (inCategory('E').length > 0) taxes.push({ category: 'E', rateBp: 0, taxable: sumCents(inCategory('E').map((l) => l.net)), tax: 0, exemptionReason: exemptReason });

	const lineNet = sumCents(lines.map((l) => l.net));
	const tax = sumCents(taxes.map((t) => t.tax));
	const { dueDate, text } = terms(input, credit);
	const poNumber = invoice.poNumber.trim();
	const remit = addressLines(remitAddress(business));
	const note = [
		invoice.notes.trim(),
		invoice.workOrderNumbers.length ? `Jobs: ${invoice.workOrderNumbers.join(', ')}` : '',
		remit.length ? `Remit payment to: ${remit.join(', ')}` : ''
	]
		.filter((s) => s !== '')
		.join('\n');

	return {
		customizationId: CUSTOMIZATION_ID,
		profileId: PROFILE_ID,
		typeCode: credit ? '381' : '380',
		number: invoice.number.trim(),
		issueDate: invoice.invoiceDate,
		dueDate,
		currency: 'USD',
		buyerReference: poNumber === '' ? (customer?.apContact.trim() ?? '') : '',
		orderReference: poNumber,
		preceding: credit ? { number: invoice.creditOf.trim(), issueDate: input.credited && isLocalDate(input.credited.invoiceDate) ? input.credited.invoiceDate : null } : null,
		note,
		paymentTerms: text,
		seller: {
			name: business.legalName.trim(),
			address: address(plainAddress(business)),
			taxRegistrationId: business.taxId.trim(),
			endpoint: business.email.trim() ? { scheme: 'EM', id: business.email.trim() } : null,
			contact: business.phone.trim() || business.email.trim() ? { name: '', phone: business.phone.trim(), email: business.email.trim() } : null
		},
		buyer: {
			name: customer?.name.trim() ?? '',
			address: customer ? address(customerAddress(customer)) : null,
			taxRegistrationId: '',
			endpoint: customer?.apEmail.trim() ? { scheme: 'EM', id: customer.apEmail.trim() } : null,
			contact: customer && (customer.apContact.trim() || customer.apEmail.trim()) ? { name: customer.apContact.trim(), phone: '', email: customer.apEmail.trim() } : null
		},
		lines,
		taxes,
		totals: { lineNet, taxExclusive: lineNet, tax, taxInclusive: lineNet + tax, prepaid: 0, payable: lineNet + tax }
	};
}
