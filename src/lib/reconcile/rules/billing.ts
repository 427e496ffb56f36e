import type { Invoice, InvoiceLine, WorkOrder } from '../../domain/records';
import type { Index } from '../keys/indexes';
import { isResolvedWo } from '../keys/resolve';

/**
 * An invoice line with its invoice, for messages and ordering. Built only once a finding needs
 * it: the scans that look for problems work on bare lines, so a clean workbook allocates little.
 */
export interface Billed {
	inv: Invoice;
	line: InvoiceLine;
}

/** The lines with their invoices, in reading order: invoice number, line number, then id. */
export function withInvoices(idx: Index, lines: readonly InvoiceLine[]): Billed[] {
	const out: Billed[] = [];
	for (const line of lines) {
		const inv = idx.invoices.get(line.invoiceId);
		if (inv) out.push({ inv, line });
	}
	return out.sort(compareBilled);
}

function compareBilled(a: Billed, b: Billed): number {
	if (a.inv.number !== b.inv.number) return a.inv.number < b.inv.number ? -1 : 1;
	if (a.line.lineNo !== b.line.lineNo) return a.line.lineNo - b.line.lineNo;
	return a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0;
}

/**
 * Every line on a non-void invoice naming this work order's number. Empty for a work order
 * shadowed by another with the same number: lines resolve to the winner only.
 */
export function linesBillingWo(idx: Index, wo: WorkOrder): readonly InvoiceLine[] {
	if (!isResolvedWo(idx, wo)) return NONE;
	const all = idx.linesByWoNumber.get(wo.number);
	// Usually every line is on a live invoice: then the index's own bucket serves, uncopied.
	let allLive = true;
	for (let i = 0; i < all.length && allLive; i++) allLive = isLive(idx, all[i]!);
	return allLive ? all : all.filter((line) => isLive(idx, line));
}

function isLive(idx: Index, line: InvoiceLine): boolean {
	const inv = idx.invoices.get(line.invoiceId);
	return inv !== undefined && inv.status !== 'void';
}

const NONE: readonly InvoiceLine[] = [];

/** Distinct invoice numbers, in order (of sorted lines). */
export function invoiceNumbers(billed: readonly Billed[]): string[] {
	const out: string[] = [];
	for (const b of billed) if (out[out.length - 1] !== b.inv.number) out.push(b.inv.number);
	return out;
}

/** How many different invoices these lines are on. */
export function invoiceCount(lines: readonly { invoiceId: string }[] | readonly Billed[]): number {
	if (lines.length < 2) return lines.length;
	const ids = new Set<string>();
	for (const l of lines) ids.add('invoiceId' in l ? l.invoiceId : l.inv.id);
	return ids.size;
}

