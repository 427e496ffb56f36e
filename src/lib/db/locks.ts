import { changeOrderEditRefusal } from '$lib/domain/change-orders';
import { invoiceChangeRefusal, invoiceDeleteRefusal, invoiceLinesRefusal } from '$lib/domain/invoice-changes';
import type { Invoice, InvoiceLine } from '$lib/domain/records';
import type { TableName, TieoutDB } from './database';
import { RecordError } from './errors';
import type { RecordOf } from './records';

/*
 * Records that may no longer change as they are, applied inside every write's transaction so
 * that a cell, a file and another tab all meet the domain's rule: a settled invoice and its lines
 * (domain/invoice-changes.ts), and what a decided change order was about (domain/change-orders.ts).
 */

/** A decided change order keeps the amount and description that were decided. */
export function refuseRedecided<K extends TableName>(table: K, before: RecordOf[K] | undefined, after: RecordOf[K], what: string): void {
	if (table !== 'changeOrders' || !before) return;
	const why = changeOrderEditRefusal(before as RecordOf['changeOrders'], after as RecordOf['changeOrders']);
	if (why) throw new RecordError([{ field: 'amountCents', message: why }], what);
}

/** Invoice records about to be written or removed, by table. */
export interface InvoiceWrites {
	invoices?: readonly Invoice[];
	invoiceLines?: readonly InvoiceLine[];
	removeInvoices?: readonly string[];
	removeInvoiceLines?: readonly string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why these writes would change an invoice that has gone out (domain/invoicing.ts), read against
 * what is stored now: every path that writes (a cell, an import, another tab) meets the same
 * rule. A record written again exactly as stored changes nothing and passes, so re-importing a
 * file with sent invoices in it is not refused for them. Call inside the write's transaction.
 */
export async function invoiceLockProblems(db: TieoutDB, w: InvoiceWrites): Promise<string[]> {
	const out = new Set<string>();
	const invoices = new Map<string, Invoice | undefined>();
	// Each invoice is read once, all in one request: an await per line with nothing to read (the
	// invoice already known) let IndexedDB commit the transaction under a paste of 200 lines.
	const load = async (ids: Iterable<string>) => {
		const missing = [...new Set(ids)].filter((id) => !invoices.has(id));
		if (!missing.length) return;
		const found = await db.invoices.bulkGet(missing);
		missing.forEach((id, i) => invoices.set(id, found[i]));
	};
	const linesOf = (id: string) => {
		const inv = invoices.get(id);
		const why = inv && invoiceLinesRefusal(inv);
		if (why) out.add(why);
	};

	if (w.invoices?.length) {
		const before = await db.invoices.bulkGet(w.invoices.map((i) => i.id));
		w.invoices.forEach((after, n) => {
			const why = before[n] && invoiceChangeRefusal(before[n], after);
			if (why) out.add(why);
		});
	}
	const touched: string[] = [];
	if (w.invoiceLines?.length) {
		const before = await db.invoiceLines.bulkGet(w.invoiceLines.map((l) => l.id));
		w.invoiceLines.forEach((after, n) => {
			const was = before[n];
			if (was && same(was, after)) return;
			touched.push(after.invoiceId);
			if (was && was.invoiceId !== after.invoiceId) touched.push(was.invoiceId);
		});
	}
	if (w.removeInvoiceLines?.length) for (const line of await db.invoiceLines.bulkGet([...w.removeInvoiceLines])) if (line) touched.push(line.invoiceId);
	await load([...touched, ...(w.removeInvoices ?? [])]);
	for (const id of new Set(touched)) linesOf(id);
	for (const id of w.removeInvoices ?? []) {
		const inv = invoices.get(id);
		const why = inv && invoiceDeleteRefusal(inv);
		if (why) out.add(why);
	}
	return [...out];
}

/** Throws, naming every invoice concerned, when the writes would change one that has gone out. */
export async function refuseLockedInvoices(db: TieoutDB, w: InvoiceWrites, what: string): Promise<void> {
	const problems = await invoiceLockProblems(db, w);
	// One problem of full sentences: RecordError joins problems with semicolons.
	if (problems.length) throw new RecordError([{ field: 'status', message: problems.join(' ') }], what);
}
