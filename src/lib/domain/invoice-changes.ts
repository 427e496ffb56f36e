import { formatDate } from './dates';
import type { Invoice } from './records';

/*
 * What may change on an invoice already stored: the status along its life cycle (invoicing.ts),
 * the history by being added to, and while it is a draft, the rest. Once sent, the buyer holds it:
 * what it bills is corrected by a new document (a credit note, or a void and reissue), never by
 * editing it. Storage, the grids and the import all ask here.
 */

/** Where each status may go when an invoice is stored again (invoicing.ts's moves, and staying put). */
const NEXT_STATUS: Record<Invoice['status'], readonly Invoice['status'][]> = {
	draft: ['draft', 'sent', 'void'],
	sent: ['sent', 'paid', 'void'],
	paid: ['paid'],
	void: ['void']
};

/**
 * Fields a sent invoice may still change. Notes say nothing about what is billed (an AP query,
 * a remittance reference), so they stay open until the invoice is settled; every other field is
 * what the buyer was billed, or how (number, customer, PO, terms, dates, jobs).
 */
const OPEN_WHEN_SENT: ReadonlySet<keyof Invoice> = new Set(['notes']);

/**
 * Why `after` may not replace the stored `before`, or null. The status only moves on along the
 * life cycle, and the history is only added to. A draft may change freely; a sent one only in
 * its notes; a paid or void one not at all.
 */
export function invoiceChangeRefusal(before: Invoice, after: Invoice): string | null {
	if (!NEXT_STATUS[before.status].includes(after.status)) return `Invoice ${before.number} is ${before.status} and cannot become ${after.status}.`;
	if (!historyKept(before, after)) return `Invoice ${before.number}'s history is kept as it happened: it is only ever added to.`;
	if (before.status === 'draft') return null;
	const changed = (Object.keys(before) as (keyof Invoice)[]).filter(
		(k) => k !== 'status' && k !== 'history' && !(before.status === 'sent' && OPEN_WHEN_SENT.has(k)) && JSON.stringify(before[k]) !== JSON.stringify(after[k])
	);
	return changed.length ? lockedReason(before) : null;
}

const historyKept = (before: Invoice, after: Invoice): boolean =>
	after.history.length >= before.history.length && before.history.every((e, i) => JSON.stringify(e) === JSON.stringify(after.history[i]));

/** Why the lines of `inv` may not be added, changed or removed, or null while it is a draft. */
export function invoiceLinesRefusal(inv: Invoice): string | null {
	return inv.status === 'draft' ? null : lockedReason(inv);
}

/** "INV-1041 was sent on Nov 11, 2026", or without the date for an invoice sent before the history was kept. */
function sentPhrase(inv: Invoice): string {
	const sent = inv.history.find((e) => e.what === 'sent');
	return sent ? `Invoice ${inv.number} was sent on ${formatDate(sent.on)}` : `Invoice ${inv.number} has been sent`;
}

/** The way out, in words: a credit note corrects what a sent or paid invoice billed. */
const CORRECT = 'issue a credit note, or void it and reissue a corrected copy';

function lockedReason(inv: Invoice): string {
	switch (inv.status) {
		case 'draft':
		case 'sent':
			return `${sentPhrase(inv)}: its lines and totals stay as the buyer received them. To change what it bills, ${CORRECT}.`;
		case 'paid':
			return `Invoice ${inv.number} is paid: it is what the buyer paid and cannot be changed. Issue a credit note instead.`;
		case 'void':
			return `Invoice ${inv.number} is void: it stays on file as it was and cannot be changed. Make a new invoice instead.`;
	}
}

/**
 * Why the stored invoice `inv` may not be deleted, or null. Only a draft has never left the
 * contractor: once sent, its number is in the buyer's books, so it is credited, voided or kept,
 * never removed.
 */
export function invoiceDeleteRefusal(inv: Invoice): string | null {
	switch (inv.status) {
		case 'draft':
			return null;
		case 'sent':
			return `${sentPhrase(inv)} and cannot be deleted: ${CORRECT}.`;
		case 'paid':
			return `Invoice ${inv.number} is paid and cannot be deleted: it is what the buyer paid. Issue a credit note instead.`;
		case 'void':
			return `Invoice ${inv.number} is void and cannot be deleted: it stays on file so that every invoice number sent is accounted for.`;
	}
}
