import { describe, expect, it } from 'vitest';
import { reason, value } from '$lib/testing/outcome';
import {
	availableActions,
	billedKey,
	cancelWork,
	closeWork,
	completeWork,
	completeWithTasks,
	invoiceRefusal,
	reopen,
	startWork
} from './lifecycle';
import { WORK_ORDER_STATUSES, type WorkOrder, type WorkOrderStatus } from './records';
import { task, workOrder } from '$lib/testing/builders';

const TODAY = '2027-01-15';
const wo = (x: Partial<WorkOrder> = {}) => workOrder({ id: 'wo-a', number: 'WO-18472', ...x });
const signedOff = { signedOffBy: 'Dana Facilities', signedOffOn: '2027-01-14' };
const complete = (x: Partial<WorkOrder> = {}) => wo({ status: 'complete', ...signedOff, ...x });
const doneTask = (code: string, x = {}) => task({ workOrderId: 'wo-a', code, done: true, ...x });

const others = (allowed: readonly WorkOrderStatus[]) => WORK_ORDER_STATUSES.filter((s) => !allowed.includes(s));

describe('startWork', () => {
	it('moves an open job to in progress and changes nothing else', () => {
		const before = wo({ status: 'open' });
		expect(value(startWork(before))).toEqual({ ...before, status: 'in_progress' });
	});

	it.each(others(['open']))('refuses a job that is %s', (status) => {
		expect(reason(startWork(wo({ status })))).toMatch(/^WO-18472 is .*; only an open job can be started\.$/);
	});
});

describe('completeWork', () => {
	const tasks = [doneTask('T1'), doneTask('T2')];

	it.each(['open', 'in_progress'] as const)('completes a %s job with sign-off and notes', (status) => {
		const r = completeWork(wo({ status }), { ...signedOff, notes: '  Head 250 psi ' }, tasks, TODAY);
		expect(r.ok && r.warnings).toEqual([]);
		expect(value(r)).toMatchObject({ status: 'complete', signedOffBy: 'Dana Facilities', signedOffOn: '2027-01-14', completionNotes: 'Head 250 psi' });
	});

	it('keeps the job notes when no notes are given', () => {
		const r = completeWork(wo({ completionNotes: 'Readings taken' }), signedOff, tasks, TODAY);
		expect(value(r).completionNotes).toBe('Readings taken');
	});

	it('accepts a sign-off dated today', () => {
		expect(value(completeWork(wo(), { ...signedOff, signedOffOn: TODAY }, tasks, TODAY)).signedOffOn).toBe(TODAY);
	});

	it('refuses without who signed off and when, naming both', () => {
		const r = reason(completeWork(wo(), { signedOffBy: '  ', signedOffOn: null }, tasks, TODAY));
		expect(r).toBe('Say who signed off WO-18472. Give the date WO-18472 was signed off.');
	});

	it('refuses a sign-off dated in the future', () => {
		expect(reason(completeWork(wo(), { ...signedOff, signedOffOn: '2027-01-16' }, tasks, TODAY))).toBe(
			'The sign-off date Jan 16, 2027 is in the future (today is Jan 15, 2027).'
		);
	});

	it('refuses a sign-off date that is not a date, or is before the job was opened', () => {
		expect(reason(completeWork(wo(), { ...signedOff, signedOffOn: '2027-02-30' }, tasks, TODAY))).toMatch(/"2027-02-30" is not a date/);
		expect(reason(completeWork(wo({ openedOn: '2027-01-10' }), { ...signedOff, signedOffOn: '2027-01-09' }, tasks, TODAY))).toBe(
			'The sign-off date Jan 9, 2027 is before WO-18472 was opened (Jan 10, 2027).'
		);
	});

	it('records the day the work was finished when given, optional, never in the future nor before the job was opened', () => {
		expect(value(completeWork(wo({ openedOn: '2027-01-10' }), { ...signedOff, completedOn: '2027-01-12' }, tasks, TODAY)).completedOn).toBe('2027-01-12');
		expect(value(completeWork(wo({ completedOn: '2027-01-11' }), signedOff, tasks, TODAY)).completedOn).toBe('2027-01-11');
		expect(value(completeWork(wo({ completedOn: '2027-01-11' }), { ...signedOff, completedOn: '' }, tasks, TODAY)).completedOn).toBeNull();
		expect(reason(completeWork(wo(), { ...signedOff, completedOn: '2027-01-16' }, tasks, TODAY))).toBe('The completion date Jan 16, 2027 is in the future (today is Jan 15, 2027).');
		expect(reason(completeWork(wo({ openedOn: '2027-01-10' }), { ...signedOff, completedOn: '2027-01-09' }, tasks, TODAY))).toBe(
			'The completion date Jan 9, 2027 is before WO-18472 was opened (Jan 10, 2027).'
		);
	});

	it('refuses a job with no tasks unless the notes say why', () => {
		const none = wo({ completionNotes: '' });
		expect(reason(completeWork(none, signedOff, [], TODAY))).toBe('WO-18472 has no tasks: add the work done, or say in the notes why there is none.');
		expect(value(completeWork(none, { ...signedOff, notes: 'Site inaccessible; trip charge only per contract' }, [], TODAY)).status).toBe('complete');
	});

	it("ignores other jobs' tasks", () => {
		const foreign = task({ workOrderId: 'wo-other', code: 'T9', done: false });
		expect(reason(completeWork(wo({ completionNotes: '' }), signedOff, [foreign], TODAY))).toMatch(/has no tasks/);
	});

	it('completes with tasks not done, but warns and names them', () => {
		const r = completeWork(wo(), signedOff, [doneTask('T1'), doneTask('T2', { done: false }), doneTask('T3', { done: false })], TODAY);
		expect(r.ok && r.warnings).toEqual(['2 of 3 tasks on WO-18472 are not done (T2, T3); they will not be invoiced until marked done.']);
	});

	it('requires a sign-off on internal jobs too', () => {
		expect(reason(completeWork(wo({ type: 'internal' }), { signedOffBy: '', signedOffOn: TODAY }, tasks, TODAY))).toBe('Say who signed off WO-18472.');
	});

	it('refuses a job already complete, and later states', () => {
		expect(reason(completeWork(complete(), signedOff, tasks, TODAY))).toBe('WO-18472 is already complete.');
		for (const status of ['invoiced', 'closed', 'cancelled'] as const) {
			expect(reason(completeWork(wo({ status }), signedOff, tasks, TODAY))).toMatch(/only open or in-progress work can be completed/);
		}
	});
});

describe('reopen', () => {
	it('takes a complete job back to in progress and clears the sign-off, saying so', () => {
		const r = reopen(complete({ completionNotes: 'Readings', completedOn: '2027-01-13' }));
		expect(value(r)).toMatchObject({ status: 'in_progress', signedOffBy: '', signedOffOn: null, completedOn: null, completionNotes: 'Readings' });
		expect(r.ok && r.warnings).toEqual(['The sign-off by Dana Facilities on Jan 14, 2027 is cleared; sign WO-18472 off again when the work is complete.']);
	});

	it('reinstates a cancelled job as open', () => {
		const r = reopen(wo({ status: 'cancelled' }));
		expect(value(r).status).toBe('open');
		expect(r.ok && r.warnings).toEqual([]);
	});

	it('refuses invoiced (void first), closed (final), open and in progress', () => {
		expect(reason(reopen(wo({ status: 'invoiced' })))).toBe('WO-18472 is invoiced; void its invoice to reopen it.');
		expect(reason(reopen(wo({ status: 'closed' })))).toBe('WO-18472 is closed; a closed job is final.');
		expect(reason(reopen(wo({ status: 'open' })))).toBe('WO-18472 is open; there is nothing to reopen.');
		expect(reason(reopen(wo({ status: 'in_progress' })))).toBe('WO-18472 is in progress; there is nothing to reopen.');
	});
});

describe('closeWork', () => {
	it('closes an invoiced job', () => {
		expect(value(closeWork(wo({ status: 'invoiced' }))).status).toBe('closed');
	});

	it('closes complete internal and warranty jobs, which bill nothing', () => {
		expect(value(closeWork(complete({ type: 'internal' }))).status).toBe('closed');
		expect(value(closeWork(complete({ type: 'warranty', warrantyOf: 'WO-18391' }))).status).toBe('closed');
	});

	it('refuses a complete billable job not yet invoiced', () => {
		expect(reason(closeWork(complete()))).toBe('WO-18472 is complete but not invoiced; invoice it before closing it.');
	});

	it('refuses open, in progress, closed and cancelled jobs', () => {
		expect(reason(closeWork(wo({ status: 'in_progress' })))).toBe('WO-18472 is in progress; complete it and invoice it before closing it.');
		expect(reason(closeWork(wo({ status: 'open', type: 'internal' })))).toBe('WO-18472 is open; complete it before closing it.');
		expect(reason(closeWork(wo({ status: 'closed' })))).toBe('WO-18472 is already closed.');
		expect(reason(closeWork(wo({ status: 'cancelled' })))).toBe('WO-18472 is cancelled; there is nothing to close.');
	});
});

describe('cancelWork', () => {
	it.each(['open', 'in_progress', 'complete'] as const)('cancels a %s job', (status) => {
		expect(value(cancelWork(wo({ status }))).status).toBe('cancelled');
	});

	it('refuses a job that is on a draft or sent invoice, naming the invoices', () => {
		expect(reason(cancelWork(complete(), ['INV-1042']))).toBe('WO-18472 is on invoice INV-1042; void it before cancelling the job.');
		expect(reason(cancelWork(complete(), ['INV-1042', 'INV-1043']))).toBe('WO-18472 is on invoices INV-1042, INV-1043; void them before cancelling the job.');
	});

	it('refuses invoiced, closed and cancelled jobs', () => {
		expect(reason(cancelWork(wo({ status: 'invoiced' })))).toBe('WO-18472 is invoiced; void its invoice before cancelling it.');
		expect(reason(cancelWork(wo({ status: 'closed' })))).toBe('WO-18472 is closed; a closed job cannot be cancelled.');
		expect(reason(cancelWork(wo({ status: 'cancelled' })))).toBe('WO-18472 is already cancelled.');
	});
});

describe('invoiceRefusal', () => {
	const tasks = [doneTask('T1'), doneTask('T2')];
	const none = new Set<string>();

	it('allows a complete, signed-off, billable job with a done task not yet billed', () => {
		expect(invoiceRefusal(complete(), tasks, none)).toBeNull();
		expect(invoiceRefusal(complete({ type: 'warranty', warrantyOf: 'WO-18391' }), tasks, none)).toBeNull();
		expect(invoiceRefusal(complete(), tasks, new Set([billedKey('WO-18472', 'T1')]))).toBeNull();
	});

	it('never offers internal or cancelled work, saying why', () => {
		expect(invoiceRefusal(complete({ type: 'internal' }), tasks, none)).toBe('WO-18472 is an internal job; internal work is never invoiced.');
		expect(invoiceRefusal(wo({ status: 'cancelled' }), tasks, none)).toBe('WO-18472 is cancelled; cancelled work is never invoiced.');
	});

	it('refuses work not complete, already invoiced or closed, or without sign-off', () => {
		expect(invoiceRefusal(wo({ status: 'in_progress' }), tasks, none)).toBe('WO-18472 is in progress; complete it with a sign-off before invoicing it.');
		expect(invoiceRefusal(wo({ status: 'invoiced' }), tasks, none)).toBe('WO-18472 is already invoiced.');
		expect(invoiceRefusal(wo({ status: 'closed' }), tasks, none)).toBe('WO-18472 is already closed.');
		expect(invoiceRefusal(complete({ signedOffBy: '' }), tasks, none)).toMatch(/has no sign-off/);
	});

	it('refuses when nothing is left to bill', () => {
		expect(invoiceRefusal(complete(), [], none)).toBe('WO-18472 has no tasks to bill.');
		expect(invoiceRefusal(complete(), [doneTask('T1', { done: false })], none)).toBe('WO-18472 has nothing to bill: none of its tasks is marked done.');
		const billed = new Set(['WO-18472|T1', 'WO-18472|T2']);
		expect(invoiceRefusal(complete(), tasks, billed)).toBe('WO-18472 has nothing left to bill: every done task is already on an invoice.');
	});
});

describe('availableActions', () => {
	const tasks = [doneTask('T1')];
	const enabled = (w: WorkOrder, billingInvoices: string[] = []) =>
		availableActions(w, { tasks, billingInvoices })
			.filter((a) => a.enabled)
			.map((a) => a.id);

	it('lists every action in a steady order, with a reason for each disabled one', () => {
		const actions = availableActions(wo({ status: 'open' }), { tasks });
		expect(actions.map((a) => a.label)).toEqual(['Start', 'Complete with sign-off', 'Reopen', 'Create invoice', 'Close', 'Cancel']);
		for (const a of actions) expect(a.enabled ? a.reason === '' : a.reason.endsWith('.')).toBe(true);
	});

	it('offers what each status allows', () => {
		expect(enabled(wo({ status: 'open' }))).toEqual(['start', 'complete', 'cancel']);
		expect(enabled(wo({ status: 'in_progress' }))).toEqual(['complete', 'cancel']);
		expect(enabled(complete())).toEqual(['reopen', 'createInvoice', 'cancel']);
		expect(enabled(complete(), ['INV-1042'])).toEqual(['reopen', 'createInvoice']);
		expect(enabled(wo({ status: 'invoiced' }))).toEqual(['close']);
		expect(enabled(wo({ status: 'closed' }))).toEqual([]);
		expect(enabled(wo({ status: 'cancelled' }))).toEqual(['reopen']);
	});

	it('calls reopening a cancelled job Reinstate', () => {
		expect(availableActions(wo({ status: 'cancelled' }), { tasks }).find((a) => a.id === 'reopen')?.label).toBe('Reinstate');
	});

	it('never offers invoicing an internal job, and says so', () => {
		const a = availableActions(complete({ type: 'internal' }), { tasks }).find((x) => x.id === 'createInvoice')!;
		expect(a).toEqual({ id: 'createInvoice', label: 'Create invoice', enabled: false, reason: 'WO-18472 is an internal job; internal work is never invoiced.' });
		expect(enabled(complete({ type: 'internal' }))).toEqual(['reopen', 'close', 'cancel']);
	});

	it('disables invoicing once every done task is billed', () => {
		const a = availableActions(complete(), { tasks, alreadyBilled: new Set(['WO-18472|T1']) }).find((x) => x.id === 'createInvoice')!;
		expect(a.enabled).toBe(false);
		expect(a.reason).toMatch(/nothing left to bill/);
	});
});

describe('completeWithTasks', () => {
	const tasks = [doneTask('T1'), task({ id: 't2', workOrderId: 'wo-a', code: 'T2', done: false }), task({ id: 't3', workOrderId: 'wo-a', code: 'T3', done: false })];

	it('marks the ticked tasks done with the sign-off, and returns only the tasks it changed', () => {
		const r = value(completeWithTasks(wo(), signedOff, tasks, TODAY, new Set(['t2', 't3'])));
		expect(r.workOrder).toMatchObject({ status: 'complete', signedOffBy: 'Dana Facilities' });
		expect(r.tasks.map((t) => [t.code, t.done])).toEqual([
			['T2', true],
			['T3', true]
		]);
	});

	it('warns about the tasks left unticked, which stay as they were', () => {
		const r = completeWithTasks(wo(), signedOff, tasks, TODAY, new Set(['t2']));
		expect(value(r).tasks.map((t) => t.code)).toEqual(['T2']);
		expect(r.ok && r.warnings).toEqual(['1 of 3 tasks on WO-18472 is not done (T3); it will not be invoiced until marked done.']);
	});

	it('marks nothing when the sign-off is refused', () => {
		expect(reason(completeWithTasks(wo(), { signedOffBy: '', signedOffOn: '2027-01-14' }, tasks, TODAY, new Set(['t2'])))).toBe('Say who signed off WO-18472.');
	});

	it('never touches another job’s task', () => {
		const other = task({ id: 'tx', workOrderId: 'wo-b', code: 'T9', done: false });
		expect(value(completeWithTasks(wo(), signedOff, [...tasks, other], TODAY, new Set(['tx']))).tasks).toEqual([]);
	});
});
