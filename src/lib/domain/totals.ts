import { sumCents, type Cents } from './money';
import { lineAmount } from './quantity';
import { parseTerms, scheduleFor, type TermsSchedule } from './terms';
import type { Invoice, InvoiceLine, PoLine } from './records';

export interface InvoiceTotals {
	/** Work billed: labor, material, subcontract and fee lines. */
	subtotal: Cents;
	discount: Cents;
	tax: Cents;
	freight: Cents;
	total: Cents;
}

export const invoiceLineAmount = (l: Pick<InvoiceLine, 'qtyMilli' | 'rateCents'>): Cents => lineAmount(l.qtyMilli, l.rateCents);

export function invoiceTotals(lines: readonly InvoiceLine[]): InvoiceTotals {
	const by = (kinds: readonly string[]) => sumCents(lines.filter((l) => kinds.includes(l.kind)).map(invoiceLineAmount));
	const subtotal = by(['labor', 'material', 'subcontract', 'fee']);
	const discount = by(['discount']);
	const tax = by(['tax']);
	const freight = by(['freight']);
	return { subtotal, discount, tax, freight, total: sumCents([subtotal, discount, tax, freight]) };
}

/** Due date, discount date and early-payment discount; null when the terms do not parse. */
export function invoiceSchedule(invoice: Pick<Invoice, 'terms' | 'invoiceDate'>, totals: InvoiceTotals): TermsSchedule | null {
	const t = parseTerms(invoice.terms);
	if (!t.ok) return null;
	return scheduleFor(t.value, invoice.invoiceDate, totals.subtotal + totals.discount);
}

export const poLineAmount = (l: Pick<PoLine, 'qtyMilli' | 'unitPriceCents'>): Cents => lineAmount(l.qtyMilli, l.unitPriceCents);

export function poTotal(lines: readonly PoLine[]): Cents {
	return sumCents(lines.map((l) => l.extendedCents));
}

/**
 * The patch a person's edit of a PO line makes. When they change its quantity or unit price and
 * its extended amount was the product of the two, the amount follows, so a line typed by hand
 * authorises what it says. A buyer's own extended figure that differs (a lump sum, their
 * rounding) is theirs, and is left as it is.
 */
export function poLineEdit(before: PoLine, patch: Partial<PoLine>): Partial<PoLine> {
	if (!('qtyMilli' in patch || 'unitPriceCents' in patch) || 'extendedCents' in patch) return patch;
	if (before.extendedCents !== poLineAmount(before)) return patch;
	return { ...patch, extendedCents: poLineAmount({ ...before, ...patch }) };
}

/**
 * The stored figures a PO line edit's derived amount was worked out from (none when nothing was
 * derived): if another tab has changed them since, the amount would no longer follow, so the edit
 * must be refused rather than stored.
 */
export function poLineEditBasis(before: PoLine, field: string, patch: Partial<PoLine>): Partial<PoLine> {
	const basis: Partial<PoLine> = {};
	if (!('extendedCents' in patch) || field === 'extendedCents') return basis;
	for (const k of ['qtyMilli', 'unitPriceCents', 'extendedCents'] as const) if (k !== field) basis[k] = before[k];
	return basis;
}
