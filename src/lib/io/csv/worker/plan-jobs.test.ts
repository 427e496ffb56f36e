import { describe, expect, it } from 'vitest';
import { invoiceRefusal } from '$lib/domain/lifecycle';
import { newCustomer } from '$lib/domain/factories';
import { defaultSettings, type Task, type WorkOrder } from '$lib/domain/records';
import { reconcileAll } from '$lib/reconcile/reconcile-all';
import { suggestMapping } from '../mapping';
import { describeProblem } from '../problem';
import { parseTable } from '../parse';
import type { BadRows } from '../bad-jobs';
import { counter } from '../test-helpers';
import { planJobs } from './plan-jobs';

const customers = [newCustomer('c1', { name: 'Acme' })];
const opts = { decimal: '.', dateOrder: 'mdy' } as const;
const none = { workOrders: [] as WorkOrder[], tasks: [] as Task[] };

function plan(text: string, mode: BadRows, stored = none) {
	const t = parseTable(text, { delimiter: ',', headerRow: 1, fileName: 'log.csv' });
	if (!t.ok) throw new Error(t.problems[0]!.message);
	return planJobs(t, suggestMapping('workOrder', t.header), opts, { fileName: 'log.csv', customerId: 'c1', customers, today: '2027-02-01', idGen: counter() }, stored, mode);
}
const written = (r: ReturnType<typeof plan>) => {
	if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
	return r.plan.write.put;
};

// Rows 2–3: a signed-off job; 4–5: complete with no sign-off; 6: in progress.
const LOG = [
	'Job #,Status,Opened,Signed Off By,Sign-off Date,Task,Description,Hours,Rate,Done',
	'J-1,Complete,01/04/2027,Dana W,01/06/2027,T1,Diagnose,2,95,yes',
	'J-1,Complete,01/04/2027,Dana W,01/06/2027,T2,Repair,1,95,yes',
	'J-2,Complete,01/05/2027,,,T1,Door closer,1.5,95,yes',
	'J-2,Complete,01/05/2027,,,T2,Hinge,1,40,yes',
	'J-3,In progress,01/07/2027,,,T1,Roof drain,2,95,no'
].join('\n');

describe('a job log with a complete job and no sign-off (regression: the whole file was refused, with no way to bring in the rest)', () => {
	it('is refused by default, naming the row and the column, and the job with its rows', () => {
		const r = plan(LOG, 'refuse');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.problems.map(describeProblem)).toEqual(['log.csv, row 4, column "Signed Off By": J-2: A complete work order needs a sign-off: who signed it off']);
		expect(r.bad).toMatchObject({ mode: 'refuse', count: 1, rowCount: 2, signOffOnly: 1, total: 3 });
		expect(r.bad!.jobs).toEqual([{ number: 'J-2', rows: [4, 5], reason: r.problems.map(describeProblem)[0], signOffOnly: true, fate: 'refused' }]);
	});

	it('skip: the other jobs are written, the listed job with none of its tasks', () => {
		const r = plan(LOG, 'skip');
		const put = written(r);
		expect(put.workOrders.map((w) => [w.number, w.status])).toEqual([['J-1', 'complete'], ['J-3', 'in_progress']]);
		expect(put.tasks).toHaveLength(3);
		expect(put.tasks.every((t) => put.workOrders.some((w) => w.id === t.workOrderId))).toBe(true);
		expect(r.ok && r.bad).toMatchObject({ mode: 'skip', count: 1, jobs: [{ number: 'J-2', fate: 'skipped' }] });
	});

	it('in progress: the job comes in as in progress with its tasks; nothing is skipped', () => {
		const r = plan(LOG, 'inProgress');
		const put = written(r);
		expect(put.workOrders.map((w) => [w.number, w.status, w.signedOffBy, w.signedOffOn])).toEqual([
			['J-1', 'complete', 'Dana W', '2027-01-06'],
			['J-2', 'in_progress', '', null],
			['J-3', 'in_progress', '', null]
		]);
		expect(put.tasks).toHaveLength(5);
		expect(r.ok && r.bad).toMatchObject({ mode: 'inProgress', count: 1, jobs: [{ number: 'J-2', fate: 'inProgress' }] });
	});

	it('the signed-off job with done tasks can be invoiced, and until it is, reconciliation says its work is unbilled', () => {
		const put = written(plan(LOG, 'skip'));
		const j1 = put.workOrders.find((w) => w.number === 'J-1')!;
		expect(invoiceRefusal(j1, put.tasks, new Set())).toBeNull();
		const findings = reconcileAll({ ...none, customers, sites: [], changeOrders: [], purchaseOrders: [], poLines: [], invoices: [], invoiceLines: [], ...put, settings: defaultSettings(), today: '2027-02-01' });
		expect(findings.filter((f) => f.code === 'UNBILLED_COMPLETE_WORK').map((f) => f.message)).toEqual([
			'J-1 T1 (Diagnose) is done but on no invoice: $190.00 (2 units) unbilled.',
			'J-1 T2 (Repair) is done but on no invoice: $95.00 (1 unit) unbilled.'
		]);
	});
});

describe('jobs with other problems', () => {
	const BAD_DONE = LOG.replace('T2,Repair,1,95,yes', 'T2,Repair,1,95,maybe');

	it('a done flag that is not yes or no refuses its job at its row and column; skipping leaves out every row of that job; it cannot come in as in progress', () => {
		const r = plan(BAD_DONE, 'refuse');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.problems.map(describeProblem)).toEqual([
			'log.csv, row 3, column "Done": Done: "maybe" is not yes or no',
			'log.csv, row 4, column "Signed Off By": J-2: A complete work order needs a sign-off: who signed it off'
		]);
		expect(r.bad).toMatchObject({ count: 2, rowCount: 4, signOffOnly: 1 });
		expect(r.bad!.jobs.map((j) => [j.number, j.rows, j.signOffOnly])).toEqual([
			['J-1', [2, 3], false],
			['J-2', [4, 5], true]
		]);
		expect(written(plan(BAD_DONE, 'skip')).workOrders.map((w) => w.number)).toEqual(['J-3']);
		// In progress takes in the unsigned job and still skips the one with the bad flag.
		const mixed = plan(BAD_DONE, 'inProgress');
		expect(written(mixed).workOrders.map((w) => [w.number, w.status])).toEqual([['J-2', 'in_progress'], ['J-3', 'in_progress']]);
		expect(mixed.ok && mixed.bad!.jobs.map((j) => j.fate)).toEqual(['skipped', 'inProgress']);
	});

	it('a completed date before the opened date refuses its job at that row and column; it is skipped whole, never taken in as in progress', () => {
		const text = LOG.replace('Opened,', 'Opened,Completed,').replace(/^(J-\d),(\w[\w ]*),(\d\d\/\d\d\/\d{4}),/gm, (_m, n, st, d) => `${n},${st},${d},${n === 'J-1' ? '01/02/2027' : ''},`);
		const r = plan(text, 'refuse');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.problems.map(describeProblem)[0]).toBe('log.csv, row 2, column "Completed": Completed on is before opened on');
		expect(r.bad!.jobs.map((j) => [j.number, j.signOffOnly])).toEqual([
			['J-1', false],
			['J-2', true]
		]);
		expect(written(plan(text, 'inProgress')).workOrders.map((w) => w.number)).toEqual(['J-2', 'J-3']);
	});

	it('a "Completed" column of ticks is said to be a Done column, not taken as a date', () => {
		const r = plan('Job #,Completed,Task,Description,Hours,Rate\nJ-1,yes,T1,Diagnose,2,95', 'refuse');
		expect(!r.ok && r.problems.map(describeProblem)).toEqual(['log.csv, row 2, column "Completed": Completed On: "yes" is not a date; if this column ticks off each task, map it to Done instead']);
	});

	it('a row that names no job belongs to no job, so the file can only be refused', () => {
		const r = plan(`${LOG}\n,Complete,01/07/2027,,,T9,Stray,1,1,no`, 'skip');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.bad).toBeUndefined();
		expect(r.problems.map((p) => p.row)).toEqual([4, 7]);
	});

	it('a file with no problems plans as before, with no choice to make', () => {
		const r = plan(LOG.split('\n').filter((l) => !l.startsWith('J-2')).join('\n'), 'refuse');
		expect(r.ok && r.bad).toBeUndefined();
		expect(written(r).workOrders).toHaveLength(2);
	});
});

describe('a job log with no status column', () => {
	const NO_STATUS = ['Job #,Opened,Signed Off By,Sign-off Date,Task,Description,Hours,Rate', 'J-1,01/04/2027,Dana W,01/06/2027,T1,Diagnose,2,95', 'J-3,01/07/2027,,,T1,Roof drain,2,95'].join('\n');

	it('reads a job signed off as complete and its tasks as done when no Done column says otherwise; others stay open', () => {
		const put = written(plan(NO_STATUS, 'refuse'));
		expect(put.workOrders.map((w) => [w.number, w.status])).toEqual([['J-1', 'complete'], ['J-3', 'open']]);
		expect(put.tasks.map((t) => t.done)).toEqual([true, false]);
	});

	it('reads a job with a completed date as complete, so with no sign-off it is one to choose for', () => {
		const r = plan('Job #,Opened,Date Completed,Task,Description,Hours,Rate\nJ-1,01/04/2027,01/05/2027,T1,Diagnose,2,95', 'refuse');
		expect(!r.ok && r.problems.map(describeProblem)).toEqual(['log.csv, row 2, column "Date Completed": J-1: A complete work order needs a sign-off: who signed it off']);
	});

	it('never moves a job on file back: an invoiced job stays invoiced', () => {
		const stored = written(plan(NO_STATUS, 'refuse'));
		const invoiced = { workOrders: stored.workOrders.map((w): WorkOrder => (w.number === 'J-1' ? { ...w, status: 'invoiced' } : w)), tasks: stored.tasks };
		const r = plan(NO_STATUS, 'refuse', invoiced);
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		expect(r.plan.changed).toBe(false);
	});

	it('with a Done column, a blank or "no" cell keeps the task not done', () => {
		const put = written(plan(NO_STATUS.replace('Rate', 'Rate,Done').replace('2,95\n', '2,95,no\n').replace(/2,95$/, '2,95,'), 'refuse'));
		expect(put.tasks.map((t) => t.done)).toEqual([false, false]);
	});
});

describe('a job number the file gives another customer (regression: the review showed the customers as ids and Apply failed on the site)', () => {
	const two = [newCustomer('c1', { name: 'Acme' }), newCustomer('c2', { name: 'Bayview Retail' })];
	const SAME = ['Job #,Customer,Status,Task,Description,Hours,Rate', 'J-1,Acme,Open,T1,Diagnose,2,95', 'J-9,Bayview Retail,Open,T1,Survey,1,95'].join('\n');
	const run = (text: string, stored: typeof none, mode: BadRows) => {
		const t = parseTable(text, { delimiter: ',', headerRow: 1, fileName: 'log.csv' });
		if (!t.ok) throw new Error(t.problems[0]!.message);
		return planJobs(t, suggestMapping('workOrder', t.header), opts, { fileName: 'log.csv', customerId: null, customers: two, today: '2027-02-01', idGen: counter() }, stored, mode);
	};
	const storedJ1 = () => {
		const first = run('Job #,Customer,Status,Task,Description,Hours,Rate\nJ-1,Acme,Open,T1,Diagnose,2,95', none, 'refuse');
		return { workOrders: written(first).workOrders, tasks: written(first).tasks };
	};
	const MOVED = ['Job #,Customer,Status,Task,Description,Hours,Rate', 'J-1,Bayview Retail,Open,T1,Diagnose,2,95', 'J-9,Bayview Retail,Open,T1,Survey,1,95'].join('\n');

	it('is refused at the check, naming the row, the column and both customers by name', () => {
		const r = run(MOVED, storedJ1(), 'refuse');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.problems.map(describeProblem)).toEqual(['log.csv, row 2, column "Customer": J-1 is a job of Acme, and the file names Bayview Retail. A job keeps its customer: correct the file, or give the other job its own number.']);
	});

	it('skip: the other jobs come in and the stored job keeps its customer', () => {
		const stored = storedJ1();
		const put = written(run(MOVED, stored, 'skip'));
		expect(put.workOrders.map((w) => [w.number, w.customerId])).toEqual([['J-9', 'c2']]);
	});

	it('the same job under its own customer is no refusal', () => {
		expect(written(run(SAME, storedJ1(), 'refuse')).workOrders.map((w) => w.number)).toEqual(['J-9']);
	});
});
