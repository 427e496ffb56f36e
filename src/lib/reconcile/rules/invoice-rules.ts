import { formatTerms, parseTerms } from '../../domain/terms';
import type { Invoice, WorkOrder } from '../../domain/records';
import type { Index } from '../keys/indexes';
import { poFor, poOfInvoice, woByNumber } from '../keys/resolve';
import type { Finding, Target } from '../types';
import { finding, target, type FindingContext } from './finding';
import { evaluateLine, type InvoiceScope } from './line-rules';
import { DONE_STATUSES, OPEN_STATUSES } from './statuses';
import { STATUS_LABEL } from '../../domain/records';

/** Terms compared as the buyer means them: `2% 10 net 30` is `2/10 Net 30`. */
export function normaliseTerms(text: string): string {
	const t = parseTerms(text);
	return t.ok ? formatTerms(t.value) : text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Rules about one invoice (scope "I"): its header, the jobs it bills, and each of its lines
 * (line-rules.ts). An invoice bills the work orders in its header (`workOrderNumbers`) and those
 * its lines name; void invoices are skipped entirely.
 *
 * - PO_MISSING: (a) the customer requires a PO and the invoice has no PO number; (b) the invoice
 *   names a PO that does not exist for its customer (whether or not one is required: a reference
 *   that names nothing is always reported); (c) the customer requires a PO and a billed work order
 *   has no PO number; (d) a billed work order names a PO that does not exist for its customer.
 * - TERMS_MISMATCH: the invoice's PO exists, states terms, and its terms normalise differently.
 * - TICKET_NOT_COMPLETE: a billed work order is not complete/invoiced/closed, or lacks sign-off
 *   (who and when). A job number in the header that names no work order is reported here too.
 * - INTERNAL_BILLED: a billed work order is internal.
 * - TICKET_OPEN_AFTER_BILLING: the invoice is `sent` and a billed work order is still open or in
 *   progress (alongside TICKET_NOT_COMPLETE: one says "AP will reject", the other "you already sent it").
 */
export function evaluateInvoice(idx: Index, inv: Invoice, out: Finding[]): void {
	if (inv.status === 'void') return;
	const self = `invoices:${inv.id}`;
	const ctx: FindingContext = { customerId: inv.customerId, poNumber: inv.poNumber || null, invoiceNumber: inv.number };
	const customer = idx.customers.get(inv.customerId);
	const requiresPo = customer?.requiresPo ?? false;
	const customerName = customer?.name || 'the customer';

	const po = poOfInvoice(idx, inv);
	if (inv.poNumber === '' && requiresPo) {
		out.push(finding('PO_MISSING', [self], [target('invoices', inv.id, 'poNumber')], `Invoice ${inv.number} has no PO number; ${customerName} requires one.`, ctx));
	} else if (inv.poNumber !== '' && !po) {
		out.push(
			finding('PO_MISSING', [self], [target('invoices', inv.id, 'poNumber')], `Invoice ${inv.number} names PO ${inv.poNumber}, which does not exist for ${customerName}.`, ctx)
		);
	}
	if (po && inv.terms !== po.terms && po.terms.trim() !== '' && normaliseTerms(inv.terms) !== normaliseTerms(po.terms)) {
		out.push(
			finding(
				'TERMS_MISMATCH',
				[self],
				[target('invoices', inv.id, 'terms'), target('purchaseOrders', po.id, 'terms')],
				`Invoice ${inv.number} ${inv.terms.trim() ? `has terms ${inv.terms.trim()}` : 'has no terms'}; PO ${po.number} states ${po.terms.trim()}.`,
				ctx
			)
		);
	}

	const scope: InvoiceScope = { inv, po, ctx, lastWoNumber: '', lastWo: undefined, lastTasks: [] };
	const lines = idx.linesByInvoice.get(inv.id);
	for (let i = 0; i < lines.length; i++) evaluateLine(idx, scope, lines[i]!, out);

	for (const number of billedJobs(idx, inv)) {
		const wo = woByNumber(idx, number);
		if (wo) jobRules(idx, inv, wo, requiresPo, customerName, ctx, out);
		else if (inv.workOrderNumbers.includes(number)) {
			out.push(
				finding(
					'TICKET_NOT_COMPLETE',
					[self, `wo#${number}`],
					[target('invoices', inv.id, 'workOrderNumbers')],
					`Invoice ${inv.number} names work order ${number}, which does not exist.`,
					{ ...ctx, workOrderNumber: number }
				)
			);
		}
	}
}

/** The distinct job numbers the invoice bills: in its header or on its lines. */
function billedJobs(idx: Index, inv: Invoice): string[] {
	const out: string[] = [];
	const header = inv.workOrderNumbers;
	for (let i = 0; i < header.length; i++) if (header[i] !== '' && !out.includes(header[i]!)) out.push(header[i]!);
	const lines = idx.linesByInvoice.get(inv.id);
	for (let i = 0; i < lines.length; i++) {
		const n = lines[i]!.woNumber;
		if (n !== '' && !out.includes(n)) out.push(n);
	}
	return out;
}

/** The invoice cells naming this job: its header, and each line naming it (so they light up). */
function jobRefs(idx: Index, inv: Invoice, number: string): Target[] {
	const refs: Target[] = inv.workOrderNumbers.includes(number) ? [target('invoices', inv.id, 'workOrderNumbers')] : [];
	for (const l of idx.linesByInvoice.get(inv.id)) if (l.woNumber === number) refs.push(target('invoiceLines', l.id, 'woNumber'));
	return refs;
}

function jobRules(
	idx: Index,
	inv: Invoice,
	wo: WorkOrder,
	requiresPo: boolean,
	customerName: string,
	invoiceCtx: FindingContext,
	out: Finding[]
): void {
	const missingPo = wo.poNumber === '' ? requiresPo : !poFor(idx, wo.customerId, wo.poNumber);
	const done = DONE_STATUSES.has(wo.status);
	const signed = wo.signedOffBy.trim() !== '' && !!wo.signedOffOn;
	const openAfterSent = inv.status === 'sent' && OPEN_STATUSES.has(wo.status);
	if (!missingPo && done && signed && wo.type !== 'internal' && !openAfterSent) return;

	// Something to report: now build the names and cells.
	const keyIds = [`invoices:${inv.id}`, `workOrders:${wo.id}`];
	const bills = `Invoice ${inv.number} bills ${wo.number}`;
	const refs = jobRefs(idx, inv, wo.number);
	const ctx = { ...invoiceCtx, workOrderNumber: wo.number };

	if (missingPo) {
		const why = wo.poNumber === '' ? `which has no PO number; ${customerName} requires one` : `which names PO ${wo.poNumber}; no such PO exists for that customer`;
		out.push(finding('PO_MISSING', keyIds, [target('workOrders', wo.id, 'poNumber'), ...refs], `${bills}, ${why}.`, ctx));
	}

	if (!done || !signed) {
		const cells: Target[] = [];
		if (!done) cells.push(target('workOrders', wo.id, 'status'));
		if (!wo.signedOffBy.trim()) cells.push(target('workOrders', wo.id, 'signedOffBy'));
		if (!wo.signedOffOn) cells.push(target('workOrders', wo.id, 'signedOffOn'));
		const state = done ? `${STATUS_LABEL[wo.status]} but not signed off` : signed ? `${STATUS_LABEL[wo.status]}, not complete` : `${STATUS_LABEL[wo.status]} and not signed off`;
		out.push(finding('TICKET_NOT_COMPLETE', keyIds, [...cells, ...refs], `${bills}, which is ${state}.`, ctx));
	}
	if (wo.type === 'internal') {
		out.push(finding('INTERNAL_BILLED', keyIds, [target('workOrders', wo.id, 'type'), ...refs], `${bills}, an internal work order that is not billable.`, ctx));
	}
	if (openAfterSent) {
		out.push(
			finding(
				'TICKET_OPEN_AFTER_BILLING',
				keyIds,
				[target('invoices', inv.id, 'status'), target('workOrders', wo.id, 'status'), ...refs],
				`Invoice ${inv.number} has been sent, but ${wo.number} is still ${STATUS_LABEL[wo.status]}.`,
				ctx
			)
		);
	}
}
