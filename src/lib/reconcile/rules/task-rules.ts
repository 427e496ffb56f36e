import { isCharge, quantityDrawn } from '../../domain/credit';
import { lineAmount } from '../../domain/quantity';
import type { ChangeOrder, InvoiceLine, Task, WorkOrder } from '../../domain/records';
import type { Index } from '../keys/indexes';
import { hasRepeatedCodes, isWork, taskAmong } from '../keys/resolve';
import type { Finding } from '../types';
import { invoiceNumbers, withInvoices } from './billing';
import { finding, target, type FindingContext } from './finding';
import { list, money, qty, shortLineName } from './format';
import { DONE_STATUSES } from './statuses';

/**
 * Rules about each task of a work order and everything billing it, run as part of the work
 * order's scope. "Billing" means a labor/material/subcontract/fee line on a non-void invoice
 * naming the task's work order number and task code.
 *
 * - DUPLICATE_BILLING: the task is billed on two or more lines (on one invoice or several) and the
 *   quantities billed add up to more than the task records (no tolerance): each line alone may be
 *   within it, so QTY_OVER_PERFORMED, which reads one line, does not see it. Targets the task's
 *   quantity and every line's. Only a task that records a charge can be over; a returned part
 *   gives its quantity back and a price credit draws none (credit.ts).
 * - CHANGE_UNAPPROVED: a billed task marked extra has no change order of its own work order with
 *   its change order number in status `approved` (missing number, unknown number, or pending /
 *   rejected all count).
 * - UNBILLED_COMPLETE_WORK: a done task, with a non-zero amount, of a work order that is billable
 *   (not internal, not cancelled; warranty excluded since it bills at zero) and complete, invoiced
 *   or closed, billed on no non-void invoice. A credit task (a returned part) unbilled is said as
 *   a credit the customer has not been given yet.
 */
export function evaluateTasks(idx: Index, wo: WorkOrder, billedOnWo: readonly InvoiceLine[], out: Finding[]): void {
	const tasks = idx.tasksByWo.get(wo.id);
	const repeated = hasRepeatedCodes(tasks);
	let unbilled: Task[] | null = null;
	for (let i = 0; i < tasks.length; i++) {
		const task = tasks[i]!;
		// A task shadowed by another with the same code on the job is billed by nothing.
		const own = !repeated || taskAmong(tasks, task.code) === task;
		const lines = billedOnWo.length > 0 && own ? billedOnWo : NONE;
		if (!evaluateTask(idx, wo, task, lines, out) && own) (unbilled ??= []).push(task);
	}
	idx.unbilledTasks?.set(wo.id, unbilled ?? NO_TASKS);
}

const NO_TASKS: readonly Task[] = [];

const NONE: readonly InvoiceLine[] = [];

/** `billedOnWo`: every live line naming the job; the task's own are those naming its code. True when a line bills the task. */
function evaluateTask(idx: Index, wo: WorkOrder, task: Task, billedOnWo: readonly InvoiceLine[], out: Finding[]): boolean {
	// Count and add up first, without allocating: almost every task is billed once, or not at all
	// as it should be, or on several invoices within what it records. Only a finding needs the
	// lines sorted and named.
	let count = 0;
	let total = 0;
	for (let i = 0; i < billedOnWo.length; i++) {
		const line = billedOnWo[i]!;
		if (line.taskCode !== task.code || !isWork(line.kind)) continue;
		count++;
		total += quantityDrawn(line.qtyMilli, line.rateCents);
	}
	if (count === 0) {
		if (task.done && wo.type !== 'internal' && wo.type !== 'warranty' && DONE_STATUSES.has(wo.status)) unbilledWork(wo, task, out);
		return false;
	}
	const duplicate = count > 1 && isCharge(task.qtyMilli, task.rateCents) && total > task.qtyMilli;
	const unapproved = task.extra ? unapprovedWhy(idx, wo, task) : null;
	if (!duplicate && !unapproved) return true;

	const self = `tasks:${task.id}`;
	const name = `${wo.number} ${task.code}`;
	const lines = billedOnWo.filter((line) => line.taskCode === task.code && isWork(line.kind));
	const billed = withInvoices(idx, lines);
	const ctx: FindingContext = { ...contextOf(wo), invoiceNumbers: invoiceNumbers(billed) };
	const where = list(billed.map((b) => shortLineName(b.inv, b.line)));

	if (duplicate) {
		out.push(
			finding(
				'DUPLICATE_BILLING',
				[self],
				[target('tasks', task.id, 'qtyMilli'), ...billed.map((b) => target('invoiceLines', b.line.id, 'qtyMilli'))],
				`${name} is billed ${qty(total, task.unit)} across ${where}; the task records ${qty(task.qtyMilli, task.unit)} (${qty(total - task.qtyMilli, task.unit)} over).`,
				ctx
			)
		);
	}

	if (unapproved) {
		out.push(
			finding(
				'CHANGE_UNAPPROVED',
				[self],
				[
					target('tasks', task.id, 'changeOrderNumber'),
					...unapproved.cos.map((c) => target('changeOrders', c.id, 'status')),
					...billed.map((b) => target('invoiceLines', b.line.id, 'taskCode'))
				],
				`${name} is extra work billed on ${where} but ${unapproved.why}.`,
				ctx
			)
		);
	}
	return true;
}

/** Why an extra task's change order does not cover it (with the change orders it names), or null when one is approved. */
function unapprovedWhy(idx: Index, wo: WorkOrder, task: Task): { why: string; cos: ChangeOrder[] } | null {
	const number = task.changeOrderNumber.trim();
	const cos = number === '' ? [] : idx.cosByWo.get(wo.id).filter((c) => c.number.trim() === number);
	if (cos.some((c) => c.status === 'approved')) return null;
	const sorted = cos.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const why =
		number === ''
			? 'names no change order'
			: sorted.length === 0
				? `names change order ${number}, which does not exist on ${wo.number}`
				: `needs change order ${number}, which is ${sorted[0]!.status}, not approved`;
	return { why, cos: sorted };
}

function unbilledWork(wo: WorkOrder, task: Task, out: Finding[]): void {
	const amount = lineAmount(task.qtyMilli, task.rateCents);
	if (amount === 0) return;
	const what = amount < 0 ? `a credit of ${money(-amount)} not yet given` : `${money(amount)} (${qty(task.qtyMilli, task.unit)}) unbilled`;
	out.push(
		finding(
			'UNBILLED_COMPLETE_WORK',
			[`tasks:${task.id}`],
			[target('tasks', task.id, 'amount'), target('tasks', task.id, 'done')],
			`${wo.number} ${task.code} (${task.description || task.kind}) is done but on no invoice: ${what}.`,
			contextOf(wo)
		)
	);
}

const contextOf = (wo: WorkOrder): FindingContext => ({ customerId: wo.customerId, poNumber: wo.poNumber || null, workOrderNumber: wo.number || null });
