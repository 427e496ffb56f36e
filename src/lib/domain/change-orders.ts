import { formatDate, isLocalDate, type LocalDate } from './dates';
import { newChangeOrder, nextCode } from './factories';
import { allow, refuse, type Outcome } from './lifecycle';
import { sumCents, type Cents } from './money';
import { STATUS_LABEL, type ChangeOrder, type IdGen, type Task, type WorkOrder } from './records';

/**
 * Change orders: scope added after the job was authorised. Pending until the buyer decides;
 * approved ones raise what may be billed against the NTE cap.
 *
 * Choices: a decision (approve or reject) is made on a pending change order only, and records who
 * decided and when in approvedBy / approvedOn (the record's one pair of decision fields). To change
 * a decision, reopen it to pending first, so a flip is always two deliberate steps.
 */

export interface Decision {
	by: string;
	on: LocalDate | null;
}

const num = (co: ChangeOrder): string => co.number.trim() || '(no number)';
const name = (co: ChangeOrder): string => `Change order ${num(co)}`;

function decide(co: ChangeOrder, d: Decision, today: LocalDate, to: 'approved' | 'rejected'): Outcome<ChangeOrder> {
	const verb = to === 'approved' ? 'approve' : 'reject';
	if (co.status !== 'pending') {
		const who = [co.approvedBy.trim() && `by ${co.approvedBy.trim()}`, co.approvedOn && `on ${formatDate(co.approvedOn)}`].filter(Boolean).join(' ');
		if (co.status === to) return refuse(`${name(co)} is already ${to}${who ? ` ${who}` : ''}.`);
		return refuse(`${name(co)} was ${co.status}${who ? ` ${who}` : ''}; reopen it before you ${verb} it.`);
	}
	const by = d.by.trim();
	const on = d.on?.trim() ?? '';
	const problems: string[] = [];
	if (!by) problems.push(`Say who ${to} change order ${num(co)}.`);
	if (!on) problems.push(`Give the date it was ${to}.`);
	else if (!isLocalDate(on)) problems.push(`"${on}" is not a date.`);
	else if (on > today) problems.push(`${formatDate(on)} is in the future (today is ${formatDate(today)}).`);
	if (problems.length > 0) return refuse(problems.join(' '));
	return allow({ ...co, status: to, approvedBy: by, approvedOn: on });
}

/** Pending → approved, with who approved it and when (not in the future). */
export const approveChangeOrder = (co: ChangeOrder, d: Decision, today: LocalDate): Outcome<ChangeOrder> => decide(co, d, today, 'approved');

/** Pending → rejected, with who rejected it and when (kept in approvedBy / approvedOn). */
export const rejectChangeOrder = (co: ChangeOrder, d: Decision, today: LocalDate): Outcome<ChangeOrder> => decide(co, d, today, 'rejected');

/** Approved or rejected → pending, clearing the decision; warns when billed extra work relied on the approval. */
export function reopenChangeOrder(co: ChangeOrder): Outcome<ChangeOrder> {
	if (co.status === 'pending') return refuse(`${name(co)} is already pending.`);
	const warnings = co.status === 'approved' ? [`Extra tasks under ${co.number.trim()} are no longer approved until it is approved again.`] : [];
	return allow({ ...co, status: 'pending', approvedBy: '', approvedOn: null }, warnings);
}

/** A new pending change order on a job, numbered after its others (CO-1, CO-2, …). */
export function addChangeOrder(wo: WorkOrder, existing: readonly ChangeOrder[], idGen: IdGen, x: Partial<Pick<ChangeOrder, 'description' | 'amountCents'>> = {}): Outcome<ChangeOrder> {
	// Scope cannot grow on work already billed or ended: void the invoice, or open a new job.
	if (wo.status === 'invoiced' || wo.status === 'closed' || wo.status === 'cancelled') {
		return refuse(`${wo.number} is ${STATUS_LABEL[wo.status]}; a change order cannot be added to it.`);
	}
	const number = nextCode(
		existing.filter((c) => c.workOrderId === wo.id).map((c) => c.number),
		'CO-1'
	);
	return allow(newChangeOrder(idGen(), wo.id, number, x));
}

/**
 * What may be billed on a job: its NTE cap plus its approved change orders (null when no cap).
 * Change orders of other jobs are ignored, so the caller may pass them all.
 */
export function billableCap(wo: WorkOrder, changeOrders: readonly ChangeOrder[]): Cents | null {
	if (wo.nteCents === null) return null;
	return sumCents([wo.nteCents, ...changeOrders.filter((c) => c.workOrderId === wo.id && c.status === 'approved').map((c) => c.amountCents)]);
}

/** A task put under a change order: it points at it by number and is extra (outside the original scope). */
export function underChangeOrder(task: Task, co: ChangeOrder): Outcome<Task> {
	if (task.workOrderId !== co.workOrderId) return refuse(`${name(co)} belongs to another work order than task ${task.code}.`);
	if (co.status === 'rejected') return refuse(`${name(co)} was rejected; work under it cannot be added.`);
	return allow({ ...task, extra: true, changeOrderNumber: co.number.trim() });
}

/** The job's tasks that a change order authorises. */
export const tasksUnder = (co: ChangeOrder, tasks: readonly Task[]): Task[] =>
	tasks.filter((t) => t.workOrderId === co.workOrderId && t.changeOrderNumber.trim() !== '' && t.changeOrderNumber.trim() === co.number.trim());

/**
 * Why `after` may not replace the stored `before`, or null. What an approval or rejection was
 * about (the amount and the description) does not change under it: an approved $500 retyped as
 * $5,000 would raise the NTE cap with no one having agreed to it. Reopen it first.
 */
export function changeOrderEditRefusal(before: ChangeOrder, after: ChangeOrder): string | null {
	if (before.status === 'pending' || after.status !== before.status) return null;
	if (after.amountCents === before.amountCents && after.description === before.description) return null;
	const who = [before.approvedBy.trim() && `by ${before.approvedBy.trim()}`, before.approvedOn && `on ${formatDate(before.approvedOn)}`].filter(Boolean).join(' ');
	return `${name(before)} was ${before.status}${who ? ` ${who}` : ''}; reopen it before you change its amount or description.`;
}
