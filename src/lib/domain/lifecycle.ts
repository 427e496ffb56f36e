import { formatDate, isLocalDate, type LocalDate } from './dates';
import { STATUS_LABEL, type Task, type WorkOrder } from './records';

/**
 * The work-order life cycle: open → in_progress → complete (signed off) → invoiced → closed, or
 * cancelled. Each move returns the whole updated work order, or a refusal in one or more sentences
 * the UI shows as is. Warnings never block: they tell the user what the move means.
 *
 * Choices (where domain.md and the issue are silent):
 * - A job may be completed straight from `open`: small jobs are often done in one visit.
 * - `reopen` takes a complete job back to in progress and clears its sign-off, and reinstates a
 *   cancelled job as open (buyers do reinstate jobs; the number and history stay). Invoiced and
 *   closed jobs are not reopened: void the invoice first; closed is final.
 * - Closing needs an invoice, except for work that bills nothing (internal, warranty).
 * - Tasks left not done do not block completion, but are named, and are not invoiced.
 */

export type Outcome<T> = { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };
export const allow = <T>(value: T, warnings: string[] = []): Outcome<T> => ({ ok: true, value, warnings });
export const refuse = <T = never>(reason: string): Outcome<T> => ({ ok: false, reason });


/** The key of a task on an invoice line: work order number + task code. */
export const billedKey = (woNumber: string, taskCode: string): string => `${woNumber}|${taskCode}`;

const job = (wo: WorkOrder): string => wo.number.trim() || 'This work order';
const is = (wo: WorkOrder): string => `${job(wo)} is ${STATUS_LABEL[wo.status]}`;
const tasksOf = (wo: WorkOrder, tasks: readonly Task[]): Task[] => tasks.filter((t) => t.workOrderId === wo.id);
/** The sign-off is cleared whenever a job leaves the finished states: it no longer vouches for it, nor its completion date for the work. */
const unsigned = { signedOffBy: '', signedOffOn: null, completedOn: null } as const;

// Gates: null when the move is allowed, else why not. Shared by the moves and availableActions.

function startGate(wo: WorkOrder): string | null {
	if (wo.status === 'open') return null;
	return `${is(wo)}; only an open job can be started.`;
}

function completeGate(wo: WorkOrder): string | null {
	if (wo.status === 'open' || wo.status === 'in_progress') return null;
	if (wo.status === 'complete') return `${job(wo)} is already complete.`;
	return `${is(wo)}; only open or in-progress work can be completed.`;
}

function reopenGate(wo: WorkOrder): string | null {
	switch (wo.status) {
		case 'complete':
		case 'cancelled':
			return null;
		case 'invoiced':
			return `${is(wo)}; void its invoice to reopen it.`;
		case 'closed':
			return `${is(wo)}; a closed job is final.`;
		default:
			return `${is(wo)}; there is nothing to reopen.`;
	}
}

/** Work that bills nothing may be closed without an invoice. */
const billsNothing = (wo: WorkOrder): boolean => wo.type === 'internal' || wo.type === 'warranty';

function closeGate(wo: WorkOrder): string | null {
	switch (wo.status) {
		case 'invoiced':
			return null;
		case 'complete':
			return billsNothing(wo) ? null : `${is(wo)} but not invoiced; invoice it before closing it.`;
		case 'closed':
			return `${job(wo)} is already closed.`;
		case 'cancelled':
			return `${is(wo)}; there is nothing to close.`;
		default:
			return `${is(wo)}; complete it${billsNothing(wo) ? '' : ' and invoice it'} before closing it.`;
	}
}

function cancelGate(wo: WorkOrder, billingInvoices: readonly string[]): string | null {
	switch (wo.status) {
		case 'invoiced':
			return `${is(wo)}; void its invoice before cancelling it.`;
		case 'closed':
			return `${is(wo)}; a closed job cannot be cancelled.`;
		case 'cancelled':
			return `${job(wo)} is already cancelled.`;
	}
	if (billingInvoices.length > 0) {
		const many = billingInvoices.length > 1;
		return `${job(wo)} is on invoice${many ? 's' : ''} ${billingInvoices.join(', ')}; void ${many ? 'them' : 'it'} before cancelling the job.`;
	}
	return null;
}

/**
 * Why this job cannot be put on a new invoice, or null when it can: it must be complete with a
 * sign-off, billable (not cancelled, not internal) and have a done task not already billed.
 * `alreadyBilled` holds billedKey(woNumber, taskCode) of tasks on non-void invoices.
 */
export function invoiceRefusal(wo: WorkOrder, tasks: readonly Task[], alreadyBilled: ReadonlySet<string>): string | null {
	if (wo.status === 'cancelled') return `${is(wo)}; cancelled work is never invoiced.`;
	if (wo.type === 'internal') return `${job(wo)} is an internal job; internal work is never invoiced.`;
	if (wo.status === 'invoiced' || wo.status === 'closed') return `${job(wo)} is already ${STATUS_LABEL[wo.status]}.`;
	if (wo.status !== 'complete') return `${is(wo)}; complete it with a sign-off before invoicing it.`;
	if (!wo.signedOffBy.trim() || !wo.signedOffOn) return `${job(wo)} has no sign-off; record who signed it off and when before invoicing it.`;
	const own = tasksOf(wo, tasks);
	if (own.length === 0) return `${job(wo)} has no tasks to bill.`;
	const open = own.filter((t) => t.done && !alreadyBilled.has(billedKey(wo.number, t.code)));
	if (open.length === 0) {
		return own.some((t) => t.done)
			? `${job(wo)} has nothing left to bill: every done task is already on an invoice.`
			: `${job(wo)} has nothing to bill: none of its tasks is marked done.`;
	}
	return null;
}

export function startWork(wo: WorkOrder): Outcome<WorkOrder> {
	const no = startGate(wo);
	return no ? refuse(no) : allow({ ...wo, status: 'in_progress' });
}

export interface SignOff {
	signedOffBy: string;
	signedOffOn: LocalDate | null;
	/** Completion notes (readings, what was found); undefined keeps the job's notes as they are. */
	notes?: string;
	/** The day the work was finished, when not the sign-off day (optional); undefined keeps the job's. */
	completedOn?: LocalDate | null;
}

/**
 * Completes a job with its sign-off. `tasks` are the job's tasks (others are ignored); `today` is
 * the caller's date, since a sign-off cannot be dated in the future. Every job needs a sign-off,
 * internal ones too: it records who accepted the work.
 */
export function completeWork(wo: WorkOrder, signOff: SignOff, tasks: readonly Task[], today: LocalDate): Outcome<WorkOrder> {
	const gate = completeGate(wo);
	if (gate) return refuse(gate);
	const by = signOff.signedOffBy.trim();
	const on = signOff.signedOffOn?.trim() ?? '';
	const notes = signOff.notes === undefined ? wo.completionNotes : signOff.notes.trim();
	const completedOn = signOff.completedOn === undefined ? wo.completedOn : signOff.completedOn?.trim() || null;
	const own = tasksOf(wo, tasks);
	const problems: string[] = [];
	if (!by) problems.push(`Say who signed off ${job(wo)}.`);
	if (!on) problems.push(`Give the date ${job(wo)} was signed off.`);
	else if (!isLocalDate(on)) problems.push(`The sign-off date "${on}" is not a date.`);
	else if (on > today) problems.push(`The sign-off date ${formatDate(on)} is in the future (today is ${formatDate(today)}).`);
	else if (isLocalDate(wo.openedOn) && on < wo.openedOn) problems.push(`The sign-off date ${formatDate(on)} is before ${job(wo)} was opened (${formatDate(wo.openedOn)}).`);
	if (completedOn !== null) {
		if (!isLocalDate(completedOn)) problems.push(`The completion date "${completedOn}" is not a date.`);
		else if (completedOn > today) problems.push(`The completion date ${formatDate(completedOn)} is in the future (today is ${formatDate(today)}).`);
		else if (isLocalDate(wo.openedOn) && completedOn < wo.openedOn) problems.push(`The completion date ${formatDate(completedOn)} is before ${job(wo)} was opened (${formatDate(wo.openedOn)}).`);
	}
	if (own.length === 0 && !notes) problems.push(`${job(wo)} has no tasks: add the work done, or say in the notes why there is none.`);
	if (problems.length > 0) return refuse(problems.join(' '));

	const warnings: string[] = [];
	const notDone = own.filter((t) => !t.done);
	if (notDone.length > 0) {
		const codes = notDone.map((t) => t.code).join(', ');
		warnings.push(`${notDone.length} of ${own.length} tasks on ${job(wo)} ${notDone.length === 1 ? 'is' : 'are'} not done (${codes}); ${notDone.length === 1 ? 'it' : 'they'} will not be invoiced until marked done.`);
	}
	return allow({ ...wo, status: 'complete', signedOffBy: by, signedOffOn: on, completedOn, completionNotes: notes }, warnings);
}

/**
 * Complete with sign-off, marking done the tasks the person ticked (`markDone`, task ids) in the
 * same step: a finished job usually has every task done, and ticking them one by one first was
 * the step people forgot, leaving the job with nothing to invoice. `tasks` are the ones changed.
 */
export function completeWithTasks(wo: WorkOrder, signOff: SignOff, tasks: readonly Task[], today: LocalDate, markDone: ReadonlySet<string>): Outcome<{ workOrder: WorkOrder; tasks: Task[] }> {
	const marked = tasks.map((t) => (t.workOrderId === wo.id && !t.done && markDone.has(t.id) ? { ...t, done: true } : t));
	const outcome = completeWork(wo, signOff, marked, today);
	if (!outcome.ok) return outcome;
	return allow({ workOrder: outcome.value, tasks: marked.filter((t, i) => t !== tasks[i]) }, outcome.warnings);
}

/** Complete → in progress (sign-off cleared), or cancelled → open (reinstated). */
export function reopen(wo: WorkOrder): Outcome<WorkOrder> {
	const gate = reopenGate(wo);
	if (gate) return refuse(gate);
	const warnings: string[] = [];
	if (wo.signedOffBy.trim() || wo.signedOffOn) {
		const who = [wo.signedOffBy.trim() && `by ${wo.signedOffBy.trim()}`, wo.signedOffOn && `on ${formatDate(wo.signedOffOn)}`].filter(Boolean).join(' ');
		warnings.push(`The sign-off ${who} is cleared; sign ${job(wo)} off again when the work is complete.`);
	}
	return allow({ ...wo, ...unsigned, status: wo.status === 'cancelled' ? 'open' : 'in_progress' }, warnings);
}

export function closeWork(wo: WorkOrder): Outcome<WorkOrder> {
	const gate = closeGate(wo);
	return gate ? refuse(gate) : allow({ ...wo, status: 'closed' });
}

/** `billingInvoices`: numbers of non-void invoices naming this job; a job on an invoice is not cancelled under it. */
export function cancelWork(wo: WorkOrder, billingInvoices: readonly string[] = []): Outcome<WorkOrder> {
	const gate = cancelGate(wo, billingInvoices);
	return gate ? refuse(gate) : allow({ ...wo, status: 'cancelled' });
}

export type WorkOrderActionId = 'start' | 'complete' | 'reopen' | 'createInvoice' | 'close' | 'cancel';

export interface WorkOrderAction {
	id: WorkOrderActionId;
	label: string;
	enabled: boolean;
	/** Why it is disabled; '' when enabled. */
	reason: string;
}

export interface ActionContext {
	/** The job's tasks. */
	tasks: readonly Task[];
	/** billedKey(woNumber, taskCode) of every task on a non-void invoice. */
	alreadyBilled?: ReadonlySet<string>;
	/** Numbers of the non-void invoices naming this job. */
	billingInvoices?: readonly string[];
}

const NONE: ReadonlySet<string> = new Set();

/** Every action, always in the same order (a steady toolbar), each enabled or disabled with its reason. */
export function availableActions(wo: WorkOrder, ctx: ActionContext): WorkOrderAction[] {
	const action = (id: WorkOrderActionId, label: string, no: string | null): WorkOrderAction => ({ id, label, enabled: no === null, reason: no ?? '' });
	return [
		action('start', 'Start', startGate(wo)),
		action('complete', 'Complete with sign-off', completeGate(wo)),
		action('reopen', wo.status === 'cancelled' ? 'Reinstate' : 'Reopen', reopenGate(wo)),
		action('createInvoice', 'Create invoice', invoiceRefusal(wo, ctx.tasks, ctx.alreadyBilled ?? NONE)),
		action('close', 'Close', closeGate(wo)),
		action('cancel', 'Cancel', cancelGate(wo, ctx.billingInvoices ?? []))
	];
}
