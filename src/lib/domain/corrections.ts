import type { LocalDate } from './dates';
import { newInvoice, newInvoiceLine } from './factories';
import { nextInvoiceNumber, voidInvoice, withEvent, naturalCompare } from './invoicing';
import { allow, refuse, type Outcome } from './lifecycle';
import { formatQuantity, type Milli } from './quantity';
import type { Id, IdGen, Invoice, InvoiceLine, Settings, WorkOrder } from './records';

/*
 * The two ways a sent (or paid) invoice is corrected, since it is never edited once the buyer
 * holds it (invoice-changes.ts): a credit note, a new invoice carrying credit lines (domain.md,
 * "Credit line": a negative quantity) that gives back what was over-billed; and a void and
 * reissue, which voids the original and starts a draft copy to correct. Each writes an event in
 * the history of both invoices, naming the other.
 */

export interface CorrectionInput {
	original: Invoice;
	/** The original's lines. */
	lines: readonly InvoiceLine[];
	settings: Pick<Settings, 'invoicePrefix' | 'nextInvoiceNo'>;
	/** Every invoice number in use, void ones included: a number is never reused. */
	existingInvoiceNumbers: Iterable<string>;
	today: LocalDate;
	idGen: IdGen;
}

export interface Correction {
	/** The original with the event added (and, for a reissue, voided). */
	original: Invoice;
	/** The new invoice: a draft credit note or a draft reissue. */
	invoice: Invoice;
	lines: InvoiceLine[];
	settingsPatch: { nextInvoiceNo: number };
	/** Jobs whose status moves (a reissue voids the original). */
	workOrders: WorkOrder[];
}

/** One line to credit, and how much of its quantity (positive, at most the line's own). */
export interface CreditPick {
	lineId: Id;
	qtyMilli: Milli;
}

/** Why `inv` cannot be credited, or null. */
export function creditNoteRefusal(inv: Invoice): string | null {
	if (inv.creditOf) return `Invoice ${inv.number} is itself a credit note for ${inv.creditOf}; to correct it, void it and reissue.`;
	if (inv.status === 'draft') return `Invoice ${inv.number} is a draft: correct its lines; a credit note is for an invoice the buyer has.`;
	if (inv.status === 'void') return `Invoice ${inv.number} is void: it bills nothing to credit.`;
	return null;
}

/** Why `inv` cannot be voided and reissued, or null: only a sent invoice (a paid one is credited). */
export function reissueRefusal(inv: Invoice): string | null {
	if (inv.status === 'sent') return null;
	if (inv.status === 'paid') return `Invoice ${inv.number} is paid and cannot be voided: issue a credit note instead.`;
	if (inv.status === 'void') return `Invoice ${inv.number} is already void.`;
	return `Invoice ${inv.number} is a draft: correct it as it is; void and reissue is for an invoice the buyer has.`;
}

/** A line that is itself a credit (a negative quantity or price): crediting it would charge again. */
export const isCreditLine = (l: InvoiceLine): boolean => l.qtyMilli < 0 || l.rateCents < 0;

/**
 * A draft credit note for `picks` of the original's lines: each a line like the one it credits
 * (same task, PO line, item code, rate) with the quantity given back as a negative quantity, so
 * reconciliation gives that quantity back to the PO line and the task. Its number comes from the
 * invoice sequence; it names the original (`creditOf`), and both histories name each other.
 */
export function buildCreditNote(input: CorrectionInput, picks: readonly CreditPick[]): Outcome<Correction> {
	const { original, today } = input;
	const no = creditNoteRefusal(original);
	if (no) return refuse(no);
	const byId = new Map(input.lines.filter((l) => l.invoiceId === original.id).map((l) => [l.id, l]));
	const chosen = picks.filter((p) => p.qtyMilli !== 0);
	if (!chosen.length) return refuse('Choose at least one line, and how much of it to credit.');
	const problems: string[] = [];
	for (const p of chosen) {
		const line = byId.get(p.lineId);
		if (!line) problems.push(`A chosen line is not on invoice ${original.number}.`);
		else if (isCreditLine(line)) problems.push(`Line ${line.lineNo} is itself a credit; crediting it would charge the buyer again.`);
		else if (!Number.isSafeInteger(p.qtyMilli) || p.qtyMilli < 0 || p.qtyMilli > line.qtyMilli) {
			const billed = [formatQuantity(line.qtyMilli), line.unit.trim()].filter(Boolean).join(' ');
			problems.push(`Line ${line.lineNo} bills ${billed}: credit more than 0 and at most that.`);
		}
	}
	if (problems.length) return refuse(problems.join(' '));

	const { number, nextInvoiceNo } = nextInvoiceNumber(input.settings.invoicePrefix, input.settings.nextInvoiceNo, input.existingInvoiceNumbers);
	const invoice = newInvoice(input.idGen(), number, original.customerId, today, original.terms, {
		poNumber: original.poNumber,
		workOrderNumbers: [...original.workOrderNumbers],
		creditOf: original.number,
		history: [{ on: today, what: 'credit_note_for', other: original.number }]
	});
	const ordered = chosen.map((p) => ({ p, line: byId.get(p.lineId)! })).sort((a, b) => a.line.lineNo - b.line.lineNo);
	const lines = ordered.map(({ p, line }, n) => copyLine(input.idGen(), invoice.id, n + 1, line, { qtyMilli: -p.qtyMilli }));
	return allow({ original: withEvent(original, today, 'credited', number), invoice, lines, settingsPatch: { nextInvoiceNo }, workOrders: [] });
}

/**
 * Voids the sent original (its jobs go back to complete, as any void does) and starts a draft
 * copy of it, every line as it was, under a new number, to be corrected and sent in its place.
 */
export function buildReissue(input: CorrectionInput, workOrders: readonly WorkOrder[], otherInvoices: readonly Invoice[]): Outcome<Correction> {
	const { original, today } = input;
	const no = reissueRefusal(original);
	if (no) return refuse(no);
	const voided = voidInvoice(original, workOrders, otherInvoices, today);
	if (!voided.ok) return voided;
	const { number, nextInvoiceNo } = nextInvoiceNumber(input.settings.invoicePrefix, input.settings.nextInvoiceNo, input.existingInvoiceNumbers);
	const invoice = newInvoice(input.idGen(), number, original.customerId, today, original.terms, {
		poNumber: original.poNumber,
		workOrderNumbers: [...original.workOrderNumbers],
		notes: original.notes,
		reissueOf: original.number,
		history: [{ on: today, what: 'reissue_of', other: original.number }]
	});
	const lines = input.lines
		.filter((l) => l.invoiceId === original.id)
		.sort((a, b) => a.lineNo - b.lineNo || naturalCompare(a.id, b.id))
		.map((l) => copyLine(input.idGen(), invoice.id, l.lineNo, l));
	return allow(
		{ original: withEvent(voided.value.invoice, today, 'reissued', number), invoice, lines, settingsPatch: { nextInvoiceNo }, workOrders: voided.value.workOrders },
		voided.warnings
	);
}

function copyLine(id: Id, invoiceId: Id, lineNo: number, l: InvoiceLine, x: Partial<InvoiceLine> = {}): InvoiceLine {
	const { description, kind, qtyMilli, unit, rateCents, woNumber, taskCode, poLineNo, buyerItemCode } = l;
	return newInvoiceLine(id, invoiceId, lineNo, { description, kind, qtyMilli, unit, rateCents, woNumber, taskCode, poLineNo, buyerItemCode, ...x });
}

/** One history entry as a person reads it: "Credited by credit note INV-1045". */
export function describeEvent(e: Invoice['history'][number]): string {
	switch (e.what) {
		case 'sent':
			return 'Sent';
		case 'paid':
			return 'Marked paid';
		case 'voided':
			return 'Voided';
		case 'credited':
			return `Credited by credit note ${e.other}`;
		case 'credit_note_for':
			return `Credit note made for invoice ${e.other}`;
		case 'reissued':
			return `Reissued as ${e.other}`;
		case 'reissue_of':
			return `Made as the reissue of voided invoice ${e.other}`;
	}
}
