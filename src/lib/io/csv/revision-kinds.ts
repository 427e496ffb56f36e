import { STATUS_LABEL, type Id, type Invoice, type InvoiceLine, type Task, type WorkOrder } from '$lib/domain/records';
import { validateWorkOrder } from '$lib/domain/validate';
import { sentenceStart } from '$lib/domain/words';
import { invoiceChangeRefusal, invoiceLinesRefusal } from '$lib/domain/invoice-changes';
import type { ImportedInvoice } from './convert-invoices';
import { WO_KEYS, type ImportedWorkOrder } from './convert-work-orders';
import { planMatched, writesOf, type MatchSpec, type RecordPlan } from './plan-core';

const WO_SPEC: MatchSpec<WorkOrder, Task> = {
	name: (w) => `Work order ${w.number}`,
	key: (w) => w.number,
	childKey: (t) => t.code,
	childName: (t) => `task ${t.code} (${t.description})`,
	parentOf: (t) => t.workOrderId,
	withParent: (t, workOrderId) => ({ ...t, workOrderId }),
	headerFields: [
		{ key: 'customer', field: 'customerId', label: 'customer', as: 'text' },
		{ key: 'site', field: 'siteId', label: 'site', as: 'text' },
		{ key: 'type', field: 'type', label: 'type', as: 'text' },
		{ key: 'status', field: 'status', label: 'status', as: 'text' },
		{ key: 'priority', field: 'priority', label: 'priority', as: 'text' },
		{ key: 'description', field: 'description', label: 'description', as: 'text' },
		{ key: 'poNumber', field: 'poNumber', label: 'PO number', as: 'text' },
		{ key: 'nte', field: 'nteCents', label: 'NTE', as: 'moneyOrNone' },
		{ key: 'openedOn', field: 'openedOn', label: 'opened on', as: 'date' },
		{ key: 'scheduledStart', field: 'scheduledStart', label: 'scheduled start', as: 'date' },
		{ key: 'scheduledEnd', field: 'scheduledEnd', label: 'scheduled end', as: 'date' },
		{ key: 'completedOn', field: 'completedOn', label: 'completed on', as: 'date' },
		{ key: 'signedOffBy', field: 'signedOffBy', label: 'signed off by', as: 'text' },
		{ key: 'signedOffOn', field: 'signedOffOn', label: 'signed off on', as: 'date' },
		{ key: 'completionNotes', field: 'completionNotes', label: 'completion notes', as: 'text' },
		{ key: 'assignedTo', field: 'assignedTo', label: 'assigned to', as: 'text' },
		{ key: 'warrantyOf', field: 'warrantyOf', label: 'warranty of', as: 'text' }
	],
	childFields: [
		{ key: 'taskDescription', field: 'description', label: 'description', as: 'text' },
		{ key: 'kind', field: 'kind', label: 'kind', as: 'text' },
		{ key: 'quantity', field: 'qtyMilli', label: 'quantity', as: 'quantity' },
		{ key: 'unit', field: 'unit', label: 'unit', as: 'text' },
		{ key: 'rate', field: 'rateCents', label: 'rate', as: 'money' },
		{ key: 'buyerItemCode', field: 'buyerItemCode', label: 'item code', as: 'text' },
		{ key: 'poLine', field: 'poLineNo', label: 'PO line', as: 'integer' },
		{ key: 'done', field: 'done', label: 'done', as: 'boolean' }
	]
};

const INVOICE_SPEC: MatchSpec<Invoice, InvoiceLine> = {
	name: (v) => `Invoice ${v.number}`,
	key: (v) => v.number,
	childKey: (l) => l.lineNo,
	childName: (l) => `line ${l.lineNo} (${l.description})`,
	parentOf: (l) => l.invoiceId,
	withParent: (l, invoiceId) => ({ ...l, invoiceId }),
	headerFields: [
		{ key: 'customer', field: 'customerId', label: 'customer', as: 'text' },
		{ key: 'invoiceDate', field: 'invoiceDate', label: 'invoice date', as: 'date' },
		{ key: 'terms', field: 'terms', label: 'terms', as: 'text' },
		{ key: 'poNumber', field: 'poNumber', label: 'PO number', as: 'text' },
		{ key: 'woNumbers', field: 'workOrderNumbers', label: 'work orders', as: 'list' },
		{ key: 'status', field: 'status', label: 'status', as: 'text' }
	],
	childFields: [
		{ key: 'description', field: 'description', label: 'description', as: 'text' },
		{ key: 'kind', field: 'kind', label: 'kind', as: 'text' },
		{ key: 'quantity', field: 'qtyMilli', label: 'quantity', as: 'quantity' },
		{ key: 'unit', field: 'unit', label: 'unit', as: 'text' },
		{ key: 'rate', field: 'rateCents', label: 'rate', as: 'money' },
		{ key: 'woNumber', field: 'woNumber', label: 'work order', as: 'text' },
		{ key: 'taskCode', field: 'taskCode', label: 'task', as: 'text' },
		{ key: 'poLine', field: 'poLineNo', label: 'PO line', as: 'integer' },
		{ key: 'buyerItemCode', field: 'buyerItemCode', label: 'item code', as: 'text' }
	]
};

export interface WorkOrderRefusal {
	/** The job's first row. */
	row: number;
	number: string;
	/** The import field whose column is at fault, or null when no one column is. */
	field: string | null;
	/** Only its sign-off is missing, on a job the file calls complete: it may come in as in progress instead. */
	signOff: boolean;
	message: string;
}

export interface WorkOrderImportPlan {
	plans: RecordPlan<WorkOrder, Task>[];
	changed: boolean;
	/** Changes the file may not make (a job moved back from invoiced, a job left without its sign-off), one per job at its first row; the import is refused whole while any remain, unless the person skips them (bad-jobs.ts). */
	refused: WorkOrderRefusal[];
	/** Jobs complete in the file with no sign-off, planned as in progress because the person chose so. */
	asInProgress: { number: string; row: number; field: string | null; message: string }[];
	write: { put: { workOrders: WorkOrder[]; tasks: Task[] }; delete: { tasks: Id[] } };
}

const SIGN_OFF_FIELDS: ReadonlySet<string> = new Set(['signedOffBy', 'signedOffOn']);
const AFTER_COMPLETE: ReadonlySet<WorkOrder['status']> = new Set(['complete', 'invoiced', 'closed', 'cancelled']);

/**
 * Jobs matched by number, tasks by code; matched records keep their ids. A customer or site
 * filled only by the wizard's choice (no Customer column) is not a change to a stored job. With
 * `inProgress`, a job the file calls complete whose only fault is a missing sign-off is planned as
 * in progress (its other fields as the file gives them) rather than refused.
 */
export function planWorkOrderImport(
	imported: readonly ImportedWorkOrder[],
	mapped: readonly string[],
	stored: { workOrders: readonly WorkOrder[]; tasks: readonly Task[] },
	fileName: string,
	o: { inProgress?: boolean; customerName?: (id: Id) => string | undefined } = {}
): WorkOrderImportPlan {
	const byNumber = new Map(stored.workOrders.map((wo) => [wo.number, wo]));
	const items = imported.map((i) => {
		const before = byNumber.get(i.workOrder.number);
		// A status read from a completed date only moves a job on, never back from invoiced, closed or cancelled.
		const keepStatus = i.statusInferred && before !== undefined && AFTER_COMPLETE.has(before.status);
		return { record: i.workOrder, children: i.tasks, given: keepStatus ? i.given.filter((k) => k !== 'status') : i.given };
	});
	const storedSet = { records: stored.workOrders, children: stored.tasks };
	const plans = planMatched(WO_SPEC, items, mapped, storedSet, fileName);
	const refused: WorkOrderRefusal[] = [];
	const unsigned: (WorkOrderRefusal & { n: number })[] = [];
	plans.forEach((p, n) => {
		if (p.status === 'unchanged') return;
		const row = imported[n]!.rows[0] ?? 0;
		const before = byNumber.get(p.key);
		const moved = otherCustomer('job', before, p.record, o.customerName) ?? importedJobRefusal(before, p.record, p.removed);
		if (moved) return refused.push({ row, number: p.key, signOff: false, ...moved });
		const problems = validateWorkOrder(p.record);
		if (problems.length === 0) return;
		const signOff = p.record.status === 'complete' && problems.every((x) => SIGN_OFF_FIELDS.has(x.field));
		const refusal = { row, number: p.key, field: WO_KEYS[problems[0]!.field] ?? null, signOff, message: `${p.record.number}: ${problems[0]!.message}` };
		if (signOff && o.inProgress) unsigned.push({ ...refusal, n });
		else refused.push(refusal);
	});
	const asInProgress: WorkOrderImportPlan['asInProgress'] = [];
	if (unsigned.length) {
		const again = planMatched(WO_SPEC, unsigned.map(({ n }) => ({ ...items[n]!, record: { ...items[n]!.record, status: 'in_progress' as const }, given: [...new Set([...items[n]!.given, 'status'])] })), mapped, storedSet, fileName);
		unsigned.forEach(({ n, signOff: _, ...r }, k) => {
			plans[n] = again[k]!;
			asInProgress.push(r);
		});
	}
	const w = writesOf(plans);
	return { plans, changed: w.records.length > 0, refused, asInProgress, write: { put: { workOrders: w.records, tasks: w.children }, delete: { tasks: w.deleteChildren } } };
}

/**
 * A job (or an invoice) keeps its customer. The same number under another customer in a file is a
 * typo or another record, and moving it would leave its site, PO and invoices with the first
 * customer (Apply then failed, after a review that showed the customers as ids).
 */
function otherCustomer(
	noun: 'job' | 'invoice',
	before: { number: string; customerId: Id } | undefined,
	after: { customerId: Id },
	nameOf: ((id: Id) => string | undefined) | undefined
): { field: string; message: string } | null {
	if (!before || before.customerId === after.customerId) return null;
	const name = (id: Id) => nameOf?.(id) ?? 'another customer';
	const a = noun === 'job' ? 'a job' : 'an invoice';
	return { field: 'customer', message: `${before.number} is ${a} of ${name(before.customerId)}, and the file names ${name(after.customerId)}. ${sentenceStart(a)} keeps its customer: correct the file, or give the other ${noun} its own number.` };
}

/**
 * Why a file may not make this change to a job on file, or null. An invoiced or closed job is on
 * an invoice AP has seen: a file moves it on (invoiced → closed) but never back, and does not
 * take away tasks the invoice bills, as the job's own buttons would not.
 */
function importedJobRefusal(before: WorkOrder | undefined, after: WorkOrder, removed: readonly Task[]): { field: string | null; message: string } | null {
	if (!before || (before.status !== 'invoiced' && before.status !== 'closed')) return null;
	const onward = after.status === before.status || (before.status === 'invoiced' && after.status === 'closed');
	if (!onward) return { field: 'status', message: `${before.number} is ${STATUS_LABEL[before.status]} and cannot become ${STATUS_LABEL[after.status]} by import; void its invoice in Tieout first.` };
	if (removed.length) return { field: null, message: `${before.number} is ${STATUS_LABEL[before.status]}; the file leaves out its task${removed.length > 1 ? 's' : ''} ${removed.map((t) => t.code).join(', ')}, which an invoice bills. Keep ${removed.length > 1 ? 'them' : 'it'} in the file.` };
	return null;
}

export interface InvoiceImportPlan {
	plans: RecordPlan<Invoice, InvoiceLine>[];
	changed: boolean;
	/**
	 * Changes the file would make to invoices that may not change (a paid or void one, a status
	 * taken back), one per invoice at its first row; the import is refused whole while any remain.
	 */
	refused: { row: number; statusRefused: boolean; customerRefused?: true; message: string }[];
	write: { put: { invoices: Invoice[]; invoiceLines: InvoiceLine[] }; delete: { invoiceLines: Id[] } };
}

/** Invoices matched by number, lines by line number; matched records keep their ids. */
export function planInvoiceImport(
	imported: readonly ImportedInvoice[],
	mapped: readonly string[],
	stored: { invoices: readonly Invoice[]; invoiceLines: readonly InvoiceLine[] },
	fileName: string,
	customerName?: (id: Id) => string | undefined
): InvoiceImportPlan {
	const given = (i: ImportedInvoice) => (mapped.includes('woNumbers') ? i.given : [...i.given, 'woNumbers']);
	const plans = planMatched(INVOICE_SPEC, imported.map((i) => ({ record: i.invoice, children: i.lines, given: given(i) })), mapped, { records: stored.invoices, children: stored.invoiceLines }, fileName);
	const w = writesOf(plans);
	const byNumber = new Map(stored.invoices.map((i) => [i.number, i]));
	const refused: InvoiceImportPlan['refused'] = [];
	plans.forEach((p, n) => {
		const before = byNumber.get(p.key);
		if (!before || p.status !== 'changed') return;
		const row = imported[n]!.lineRows[0] ?? 0;
		const owner = otherCustomer('invoice', before, p.record, customerName);
		if (owner) return void refused.push({ row, statusRefused: false, customerRefused: true, message: owner.message });
		const status = invoiceChangeRefusal(before, p.record);
		const lines = p.added.length + p.changed.length + p.removed.length > 0 ? invoiceLinesRefusal(before) : null;
		const message = status ?? lines;
		if (message) refused.push({ row, statusRefused: status !== null && before.status !== p.record.status, message });
	});
	return { plans, changed: w.records.length > 0, refused, write: { put: { invoices: w.records, invoiceLines: w.children }, delete: { invoiceLines: w.deleteChildren } } };
}
