import type { Invoice } from './records';

/*
 * What may change on an invoice already stored: the status along its life cycle (invoicing.ts),
 * and while it is not settled, the rest. Storage, the grids and the import all ask here.
 */

/** Where each status may go when an invoice is stored again (invoicing.ts's moves, and staying put). */
const NEXT_STATUS: Record<Invoice['status'], readonly Invoice['status'][]> = {
	draft: ['draft', 'sent', 'void'],
	sent: ['sent', 'paid', 'void'],
	paid: ['paid'],
	void: ['void']
};

/**
 * Why `after` may not replace the stored `before`, or null. The status only moves on along the
 * life cycle. A sent invoice may still be corrected, as accounting systems allow while it awaits
 * payment (AP's rejections are fixed on it); a paid or void one is settled: only a new document
 * (a credit, a new invoice) changes what it stands for.
 */
export function invoiceChangeRefusal(before: Invoice, after: Invoice): string | null {
	if (!NEXT_STATUS[before.status].includes(after.status)) return `Invoice ${before.number} is ${before.status} and cannot become ${after.status}.`;
	if (!settled(before)) return null;
	const changed = (Object.keys(before) as (keyof Invoice)[]).filter((k) => k !== 'status' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
	return changed.length ? lockedReason(before) : null;
}

/** Why the lines of `inv` may not be added, changed or removed, or null while it is not settled. */
export function invoiceLinesRefusal(inv: Invoice): string | null {
	return settled(inv) ? lockedReason(inv) : null;
}

const settled = (inv: Invoice): boolean => inv.status === 'paid' || inv.status === 'void';

const lockedReason = (inv: Invoice): string =>
	inv.status === 'paid'
		? `Invoice ${inv.number} is paid: it is what the buyer paid and cannot be changed. Issue a credit instead.`
		: `Invoice ${inv.number} is void: it stays on file as it was and cannot be changed. Make a new invoice instead.`;

/**
 * Why the stored invoice `inv` may not be deleted, or null. Only a draft has never left the
 * contractor: once sent, its number is in the buyer's books, so it is voided, credited or kept,
 * never removed.
 */
export function invoiceDeleteRefusal(inv: Invoice): string | null {
	switch (inv.status) {
		case 'draft':
			return null;
		case 'sent':
			return `Invoice ${inv.number} has been sent and cannot be deleted: void it instead, so the record of what the buyer received is kept.`;
		case 'paid':
			return `Invoice ${inv.number} is paid and cannot be deleted: it is what the buyer paid. Issue a credit instead.`;
		case 'void':
			return `Invoice ${inv.number} is void and cannot be deleted: it stays on file so that every invoice number sent is accounted for.`;
	}
}
