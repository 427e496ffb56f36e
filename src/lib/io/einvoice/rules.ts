import { isLocalDate } from '../../domain/dates';
import { formatMoney, percentOf } from '../../domain/money';
import type { EinvoiceModel, EParty, TaxCategory } from './model';
import { percentText } from './codes';

/*
 * The EN 16931 business rules (and the Peppol BIS Billing 3.0 rules Tieout relies on) that can be
 * checked on the semantic model, each as a sentence a person can act on. The table of rules
 * covered, and the test that breaks each, is docs/einvoice-rules.md. Amounts are compared in
 * integer cents: exactly, with no tolerance, even where a validator would allow rounding slack.
 */

export interface EinvoiceFinding {
	/** The rule's own identifier, e.g. `BR-CO-15` or `PEPPOL-EN16931-R003`. */
	rule: string;
	sentence: string;
}

/** A plain sum: the rules must report a fractional amount (BR-DEC), not throw on it as sumCents does. */
const sumCents = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const money = (c: number) => (Number.isSafeInteger(c) ? formatMoney(c) : `${c / 100} dollars`);
const CATEGORY: Readonly<Record<TaxCategory, string>> = { S: 'standard rated (S)', E: 'exempt (E)' };

function partyRules(p: EParty, who: 'seller' | 'buyer', out: EinvoiceFinding[]): void {
	const seller = who === 'seller';
	const where = seller ? 'in Settings, Business profile' : 'on the Customers page';
	if (p.name === '') out.push({ rule: seller ? 'BR-06' : 'BR-07', sentence: seller ? `The seller's name is missing: add your legal name ${where}.` : `The buyer's name is missing: the invoice's customer has no name, or is not in the workbook.` });
	if (!p.address) {
		out.push({ rule: seller ? 'BR-08' : 'BR-10', sentence: seller ? `The seller's postal address is missing: add your business address ${where}.` : `The buyer's postal address is missing: add ${p.name || 'the customer'}'s billing address ${where}.` });
	} else if (p.address.country === '') {
		out.push({ rule: seller ? 'BR-09' : 'BR-11', sentence: `The ${who}'s address has no country code.` });
	} else if (!/^[A-Z]{2}$/.test(p.address.country)) {
		out.push({ rule: 'BR-CL-14', sentence: `The ${who}'s country "${p.address.country}" is not an ISO 3166 country code: write it as a two-letter code such as US or CA ${where}.` });
	}
	if (!p.endpoint) {
		out.push({
			rule: seller ? 'PEPPOL-EN16931-R020' : 'PEPPOL-EN16931-R010',
			sentence: seller ? `The seller's electronic address is missing: add your business e-mail ${where}; the e-invoice names it as your address.` : `The buyer's electronic address is missing: add ${p.name || 'the customer'}'s AP e-mail ${where}; the e-invoice is addressed to it.`
		});
	}
}

function documentRules(m: EinvoiceModel, out: EinvoiceFinding[]): void {
	if (m.number === '') out.push({ rule: 'BR-02', sentence: 'The invoice has no number.' });
	if (!isLocalDate(m.issueDate)) out.push({ rule: 'BR-03', sentence: `The invoice date "${m.issueDate}" is not a date.` });
	if (m.lines.length === 0) out.push({ rule: 'BR-16', sentence: 'The invoice has no lines other than tax: an e-invoice needs at least one invoice line.' });
	if (m.orderReference === '' && m.buyerReference === '') out.push({ rule: 'PEPPOL-EN16931-R003', sentence: "The invoice names no PO and the customer has no AP contact: an e-invoice needs the buyer's PO number or a buyer reference." });
	if (m.totals.payable > 0 && !m.dueDate && m.paymentTerms === '') out.push({ rule: 'BR-CO-25', sentence: `${money(m.totals.payable)} is due but the invoice states neither payment terms nor a due date.` });
}

function lineRules(m: EinvoiceModel, out: EinvoiceFinding[]): void {
	for (const l of m.lines) {
		if (l.name === '') out.push({ rule: 'BR-25', sentence: `Line ${l.id} has no description: each line needs the name of what is billed.` });
		if (l.price < 0) out.push({ rule: 'BR-27', sentence: `Line ${l.id}'s price ${money(l.price)} is negative: a credit is written as a negative quantity at a positive price.` });
		if (l.category === 'S' && l.rateBp <= 0) out.push({ rule: 'BR-S-05', sentence: `Line ${l.id} is taxed but its tax rate is ${percentText(l.rateBp)}%: set the sales tax rate in Settings, or write it in the tax line's description (e.g. "Sales tax 7.25%").` });
		if (l.category === 'E' && l.rateBp !== 0) out.push({ rule: 'BR-E-05', sentence: `Line ${l.id} is exempt from tax but carries a rate of ${percentText(l.rateBp)}%.` });
	}
}

function totalRules(m: EinvoiceModel, out: EinvoiceFinding[]): void {
	const t = m.totals;
	const lineSum = sumCents(m.lines.map((l) => l.net));
	if (t.lineNet !== lineSum) out.push({ rule: 'BR-CO-10', sentence: `The sum of the line amounts is ${money(lineSum)}, but the invoice states ${money(t.lineNet)}.` });
	if (t.taxExclusive !== t.lineNet) out.push({ rule: 'BR-CO-13', sentence: `The total without tax ${money(t.taxExclusive)} is not the sum of the lines ${money(t.lineNet)} (the invoice has no document allowances or charges).` });
	const taxSum = sumCents(m.taxes.map((x) => x.tax));
	if (t.tax !== taxSum) out.push({ rule: 'BR-CO-14', sentence: `The tax total ${money(t.tax)} is not the sum of the tax breakdown ${money(taxSum)}.` });
	if (t.taxInclusive !== t.taxExclusive + t.tax) out.push({ rule: 'BR-CO-15', sentence: `The invoice total with tax ${money(t.taxInclusive)} is not the total without tax ${money(t.taxExclusive)} plus the tax ${money(t.tax)}.` });
	if (t.payable !== t.taxInclusive - t.prepaid) out.push({ rule: 'BR-CO-16', sentence: `The amount due ${money(t.payable)} is not the total with tax ${money(t.taxInclusive)} less the amount paid ${money(t.prepaid)}.` });
}

function taxRules(m: EinvoiceModel, out: EinvoiceFinding[]): void {
	for (const c of ['S', 'E'] as const) {
		const lines = m.lines.filter((l) => l.category === c);
		const breakdowns = m.taxes.filter((x) => x.category === c);
		if (lines.length && !breakdowns.length) out.push({ rule: `BR-${c}-01`, sentence: `Lines ${lines.map((l) => l.id).join(', ')} are ${CATEGORY[c]} but the tax breakdown has no ${CATEGORY[c]} entry.` });
		if (lines.length && m.seller.taxRegistrationId === '') out.push({ rule: `BR-${c}-02`, sentence: `The invoice has ${CATEGORY[c]} lines but no seller tax identifier: add your tax ID (e.g. your EIN) in Settings, Business profile.` });
		for (const b of breakdowns) {
			// Standard rated lines are summed per rate (BR-S-08); exempt lines all have rate 0 (BR-E-08).
			const net = sumCents(lines.filter((l) => c === 'E' || l.rateBp === b.rateBp).map((l) => l.net));
			if (b.taxable !== net) out.push({ rule: `BR-${c}-08`, sentence: `The ${CATEGORY[c]} taxable amount${c === 'S' ? ` at ${percentText(b.rateBp)}%` : ''} is ${money(b.taxable)}, but its lines add up to ${money(net)}.` });
			if (c === 'S' && Number.isSafeInteger(b.taxable) && b.tax !== percentOf(b.taxable, b.rateBp)) {
				out.push({ rule: 'BR-S-09', sentence: `The sales tax ${money(b.tax)} is not ${percentText(b.rateBp)}% of the ${money(b.taxable)} it is charged on (that is ${money(percentOf(b.taxable, b.rateBp))}): correct the tax line, or its rate.` });
			}
			if (c === 'E' && b.tax !== 0) out.push({ rule: 'BR-E-09', sentence: `The exempt (E) tax amount is ${money(b.tax)}; exempt lines carry no tax.` });
			if (c === 'E' && b.exemptionReason.trim() === '') out.push({ rule: 'BR-E-10', sentence: 'The exempt (E) tax breakdown gives no exemption reason.' });
		}
	}
}

/**
 * BR-DEC-23: every line amount is a whole number of cents. The totals and the tax breakdown are
 * sums of line amounts and of the tax lines' amounts (whole cents by construction, domain/quantity.ts),
 * so BR-CO-10..16 holding keeps their decimals (BR-DEC-09..20) right as well.
 */
function decimalRules(m: EinvoiceModel, out: EinvoiceFinding[]): void {
	for (const l of m.lines) if (!Number.isSafeInteger(l.net)) out.push({ rule: 'BR-DEC-23', sentence: `Line ${l.id}'s amount (${l.net / 100}) has more than two decimals.` });
}

/** Every rule the model breaks, in the order a person would fix them: parties, document, lines, totals, tax. */
export function checkRules(m: EinvoiceModel): EinvoiceFinding[] {
	const out: EinvoiceFinding[] = [];
	partyRules(m.seller, 'seller', out);
	partyRules(m.buyer, 'buyer', out);
	documentRules(m, out);
	lineRules(m, out);
	decimalRules(m, out);
	totalRules(m, out);
	taxRules(m, out);
	return out;
}
