import { approveChangeOrder, rejectChangeOrder, reopenChangeOrder } from '$lib/domain/change-orders';
import { buildCreditNote, buildReissue, type Correction, type CorrectionInput, type CreditPick } from '$lib/domain/corrections';
import { billedTaskKeys, buildInvoice, invoicesBilling, markPaid, naturalCompare, sendInvoice, voidEffect, voidInvoice } from '$lib/domain/invoicing';
import { allow, availableActions, billedKey, cancelWork, closeWork, completeWithTasks, reopen, startWork, type Outcome, type SignOff, type WorkOrderAction } from '$lib/domain/lifecycle';
import type { Invoice, WorkOrder } from '$lib/domain/records';
import { confirmer } from './confirm.svelte';
import { app, applySet, newId, today } from './app.svelte';
import { linesOf } from './lookups';
import { notices } from './notices.svelte';
import { updateOne, updateSome } from './update-one';
import type { RecordOf } from '$lib/db/records';
import type { Cause } from '$lib/db/cause';

/** A status action in history and on the Undo button, in the words its notice uses ("Invoice INV-1 marked sent"). */
const actionCause = (done: string): Cause => ({ kind: 'action', label: done.replace(/\.$/, '') });

/** Life-cycle moves of jobs, change orders and invoices: the domain decides, this stores and tells the person. */

const wb = () => app.wb;

function billed(): Set<string> {
	return billedTaskKeys(wb().tables.invoices.rows(), wb().tables.invoiceLines.rows());
}

export function workOrderActions(wo: WorkOrder): WorkOrderAction[] {
	return availableActions(wo, {
		tasks: linesOf(wb()).tasks(wo.id),
		alreadyBilled: billed(),
		billingInvoices: invoicesBilling(wo.number, wb().tables.invoices.rows())
	});
}

/** Stores an allowed move, shows its warnings; shows a refusal. Resolves true when stored. */
async function store<T>(outcome: Outcome<T>, write: (value: T) => Parameters<typeof applySet>[0], done: string): Promise<boolean> {
	if (!outcome.ok) {
		notices.push('error', outcome.reason);
		return false;
	}
	if (await applySet(write(outcome.value), true, undefined, actionCause(done))) return false;
	notices.push('success', done);
	for (const w of outcome.warnings) notices.push('info', w);
	return true;
}

/**
 * Stores an allowed move of one record that exists, shows its warnings; shows a refusal. A record
 * deleted meanwhile (in another tab) is not made again: `onGone` is told (a form keeps what was
 * typed), or the person is. Resolves true when stored.
 */
async function storeOne<K extends 'workOrders' | 'changeOrders'>(outcome: Outcome<RecordOf[K]>, table: K, what: string, done: string, onGone?: () => void): Promise<boolean> {
	if (!outcome.ok) {
		notices.push('error', outcome.reason);
		return false;
	}
	const refused = await updateOne(table, outcome.value, actionCause(done));
	if (refused?.gone) {
		if (onGone) onGone();
		else notices.push('error', `${what} was deleted in another tab, so nothing was saved.`);
		return false;
	}
	if (refused) {
		notices.push('error', refused.message);
		return false;
	}
	notices.push('success', done);
	for (const w of outcome.warnings) notices.push('info', w);
	return true;
}

const job = (wo: WorkOrder, outcome: Outcome<WorkOrder>, done: string, onGone?: () => void) => storeOne(outcome, 'workOrders', `Work order ${wo.number}`, done, onGone);

export function startJob(wo: WorkOrder) {
	return job(wo, startWork(wo), `${wo.number} started.`);
}

/** `onGone`: the job was deleted (in another tab) before the sign-off was stored. */
export async function completeJob(wo: WorkOrder, signOff: SignOff, onGone?: () => void, markDone: ReadonlySet<string> = new Set()) {
	const outcome = completeWithTasks(wo, signOff, linesOf(wb()).tasks(wo.id), today(), markDone);
	const done = `${wo.number} is complete, signed off by ${signOff.signedOffBy.trim()}`;
	if (!outcome.ok || outcome.value.tasks.length === 0) return job(wo, outcome.ok ? allow(outcome.value.workOrder, outcome.warnings) : outcome, `${done}.`, onGone);
	const { workOrder, tasks } = outcome.value;
	// The job and its tasks together: a job complete with its tasks still open would bill nothing.
	const refused = await updateSome([{ table: 'workOrders', record: workOrder }, ...tasks.map((record) => ({ table: 'tasks' as const, record }))], actionCause(done));
	if (refused?.gone && onGone) onGone();
	else if (refused) notices.push('error', refused.gone ? `Work order ${wo.number} or one of its tasks was deleted in another tab, so nothing was saved.` : refused.message);
	if (refused) return false;
	notices.push('success', `${done}; ${tasks.length === 1 ? `task ${tasks[0]!.code} is` : `${tasks.length} tasks are`} marked done.`);
	for (const w of outcome.warnings) notices.push('info', w);
	return true;
}

export function reopenJob(wo: WorkOrder) {
	return job(wo, reopen(wo), wo.status === 'cancelled' ? `${wo.number} reinstated.` : `${wo.number} reopened.`);
}

export function closeJob(wo: WorkOrder) {
	return job(wo, closeWork(wo), `${wo.number} closed.`);
}

export async function cancelJob(wo: WorkOrder) {
	const outcome = cancelWork(wo, invoicesBilling(wo.number, wb().tables.invoices.rows()));
	if (outcome.ok && !(await confirmer.ask(`Cancel ${wo.number}?`, 'A cancelled job is never invoiced. You can reinstate it later.', 'Cancel job'))) return false;
	return job(wo, outcome, `${wo.number} cancelled.`);
}

/** `onGone`: the change order was deleted (in another tab) before the decision was stored. */
export async function decideChangeOrder(coId: string, decision: 'approve' | 'reject', by: string, on: string, onGone?: () => void) {
	const co = wb().tables.changeOrders.get(coId);
	if (!co) {
		onGone?.();
		return false;
	}
	const outcome = (decision === 'approve' ? approveChangeOrder : rejectChangeOrder)(co, { by, on }, today());
	const stored = await storeOne(outcome, 'changeOrders', `Change order ${co.number}`, `${co.number} ${decision === 'approve' ? 'approved' : 'rejected'}.`, onGone);
	if (stored && decision === 'approve') {
		// Approved by the buyer's site does not mean covered by the buyer's PO: AP pays against the PO.
		const past = linesOf(wb())
			.tasks(co.workOrderId)
			.filter((t) => t.changeOrderNumber.trim() !== '' && t.changeOrderNumber.trim() === co.number.trim())
			.flatMap((t) => app.findings?.forRecord('tasks', t.id).filter((f) => f.code === 'TASK_OVER_PO') ?? []);
		if (past.length > 0) notices.push('info', `${co.number} takes work past what the buyer's PO authorises, so the PO needs a revision before this is billed. ${past.map((f) => f.message).join(' ')}`);
	}
	return stored;
}

export function reopenChangeOrderById(coId: string) {
	const co = wb().tables.changeOrders.get(coId);
	if (!co) return Promise.resolve(false);
	return storeOne(reopenChangeOrder(co), 'changeOrders', `Change order ${co.number}`, `${co.number} is pending again.`);
}

/** Complete jobs that could share an invoice with `wo`: same customer and PO, not yet billed. */
export function invoiceCompanions(wo: WorkOrder): WorkOrder[] {
	const done = billed();
	return wb()
		.tables.workOrders.rows()
		.filter((w) => w.id !== wo.id && w.status === 'complete' && w.customerId === wo.customerId && w.poNumber === wo.poNumber && w.type !== 'internal')
		.filter((w) => linesOf(wb()).tasks(w.id).some((t) => t.done && !done.has(billedKey(w.number, t.code))));
}

/** Builds one invoice from complete jobs and stores it with the advanced counter. Resolves to the invoice id. */
export async function createInvoiceFrom(workOrders: WorkOrder[]): Promise<string | null> {
	// Built from every task of the jobs and every invoice so far: not before all are read.
	await app.checked;
	const w = wb();
	const first = workOrders[0];
	if (!first) return null;
	const customer = w.tables.customers.get(first.customerId);
	if (!customer) {
		notices.push('error', `The customer of ${first.number} is not on file.`);
		return null;
	}
	const po = linesOf(w).poOfJob(first) ?? null;
	const settings = w.settings;
	const built = buildInvoice({
		workOrders,
		tasksByWo: new Map(workOrders.map((wo) => [wo.id, linesOf(w).tasks(wo.id)])),
		customer,
		po,
		poLines: po ? linesOf(w).poLines(po.id) : [],
		settings,
		today: today(),
		idGen: newId,
		existingInvoiceNumbers: w.tables.invoices.rows().map((i) => i.number),
		alreadyBilled: billed()
	});
	if (!built.ok) {
		notices.push('error', `No invoice was made. ${built.reasons.join(' ')}`);
		return null;
	}
	const { invoice, lines, settingsPatch, notes } = built.value;
	// The counter moves in the same transaction as the invoice, so two invoices never share a number.
	const refused = await applySet({ put: { invoices: [invoice], invoiceLines: lines, settings: [{ ...settings, ...settingsPatch }] } }, true, undefined, { kind: 'invoice', label: `invoice ${invoice.number} made from ${workOrders.map((x) => x.number).join(', ')}` });
	if (refused) return null;
	notices.push('success', `Invoice ${invoice.number} created with ${lines.length} line${lines.length === 1 ? '' : 's'} from ${workOrders.map((x) => x.number).join(', ')}.`);
	for (const n of notes) notices.push('info', n);
	return invoice.id;
}

const jobsOf = (inv: Invoice) => wb().tables.workOrders.rows().filter((w) => inv.workOrderNumbers.includes(w.number));

/** Draft → sent; the jobs become invoiced. Resolves to the job numbers that may now be closed. */
export async function sendInv(inv: Invoice): Promise<string[]> {
	await app.checked;
	const outcome = sendInvoice(inv, jobsOf(inv), today());
	const ok = await store(outcome, (m) => ({ put: { invoices: [m.invoice], workOrders: m.workOrders } }), `Invoice ${inv.number} marked sent.`);
	return ok && outcome.ok ? [...outcome.value.closable].sort(naturalCompare) : [];
}

export async function closeJobs(numbers: string[]) {
	const jobs = wb().tables.workOrders.rows().filter((w) => numbers.includes(w.number));
	const closed = jobs.map(closeWork).flatMap((o) => (o.ok ? [o.value] : []));
	if (!closed.length) return;
	if (!(await applySet({ put: { workOrders: closed } }, true, undefined, actionCause(`close ${closed.map((w) => w.number).join(', ')}`)))) notices.push('success', `Closed ${closed.map((w) => w.number).join(', ')}.`);
}

export function payInv(inv: Invoice) {
	return store(markPaid(inv, today()), (m) => ({ put: { invoices: [m.invoice] } }), `Invoice ${inv.number} marked paid.`);
}

export async function voidInv(inv: Invoice) {
	const outcome = voidInvoice(inv, jobsOf(inv), wb().tables.invoices.rows(), today());
	const effect = outcome.ok ? voidEffect(inv, outcome.value) : '';
	if (outcome.ok && !(await confirmer.ask(`Void invoice ${inv.number}?`, `A void invoice stays on file under its number, bills nothing and cannot be sent again. ${effect}`, 'Void invoice'))) return false;
	return store(outcome, (m) => ({ put: { invoices: [m.invoice], workOrders: m.workOrders } }), `Invoice ${inv.number} voided.`);
}

/** What a correction of `inv` is built from: its lines, the invoice sequence, today. */
function correctionInput(inv: Invoice): CorrectionInput {
	const w = wb();
	return {
		original: inv,
		lines: linesOf(w).invoiceLines(inv.id),
		settings: w.settings,
		existingInvoiceNumbers: w.tables.invoices.rows().map((i) => i.number),
		today: today(),
		idGen: newId
	};
}

/** Both invoices, the new one's lines and the advanced counter in one write, so the number is never shared. */
const writeCorrection = (c: Correction) => ({
	put: { invoices: [c.original, c.invoice], invoiceLines: c.lines, workOrders: c.workOrders, settings: [{ ...wb().settings, ...c.settingsPatch }] }
});

/** A draft credit note for the chosen lines of a sent or paid invoice. Resolves to its id. */
export async function creditNote(inv: Invoice, picks: readonly CreditPick[]): Promise<string | null> {
	await app.checked;
	const outcome = buildCreditNote(correctionInput(inv), picks);
	const made = outcome.ok ? outcome.value.invoice : null;
	const n = outcome.ok ? outcome.value.lines.length : 0;
	const done = made ? `Credit note ${made.number} made for invoice ${inv.number} with ${n} line${n === 1 ? '' : 's'}; send it when it is right.` : '';
	return (await store(outcome, writeCorrection, done)) && made ? made.id : null;
}

/** Voids a sent invoice and starts a draft copy of it to correct. Resolves to the copy's id. */
export async function voidAndReissue(inv: Invoice): Promise<string | null> {
	await app.checked;
	const outcome = buildReissue(correctionInput(inv), jobsOf(inv), wb().tables.invoices.rows());
	if (!outcome.ok) {
		notices.push('error', outcome.reason);
		return null;
	}
	const copy = outcome.value.invoice;
	const asked = await confirmer.ask(
		`Void ${inv.number} and reissue it?`,
		`${inv.number} becomes void (it stays on file under its number) and ${copy.number} is made as a draft copy of it, to correct and send in its place.`,
		'Void and reissue'
	);
	if (!asked) return null;
	return (await store(outcome, writeCorrection, `Invoice ${inv.number} voided; ${copy.number} is its draft reissue.`)) ? copy.id : null;
}
