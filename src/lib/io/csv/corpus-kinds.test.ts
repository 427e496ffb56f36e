import { describe, expect, it } from 'vitest';
import { newCustomer, newSite } from '$lib/domain/factories';
import { convertInvoices } from './convert-invoices';
import { convertWorkOrders } from './convert-work-orders';
import { suggestMapping, validateMapping } from './mapping';
import { describeProblem } from './problem';
import { readTable } from './read';
import { counter, fixture } from './test-helpers';
import type { BadRows } from './bad-jobs';
import { planJobs } from './worker/plan-jobs';
import type { Task, WorkOrder } from '$lib/domain/records';

const customers = [newCustomer('c1', { name: 'Acme Facilities' })];
const sites = [newSite('s1', 'c1', { name: 'Store 12' })];
const ctx = (fileName: string) => ({ fileName, customerId: null, customers, sites, today: '2027-02-01', idGen: counter() });
const opts = { decimal: '.', dateOrder: 'mdy' } as const;

function table(name: string, kind: 'workOrder' | 'invoice') {
	const read = readTable(fixture(name), name);
	if (!read.ok) throw new Error(read.problems.map(describeProblem).join('\n'));
	const mapping = suggestMapping(kind, read.table.header);
	expect(validateMapping(kind, mapping, read.table.header)).toEqual([]);
	return { table: read.table, mapping };
}

describe('CSV corpus: jobs and invoice lines', () => {
	it('work-orders.csv: two jobs with their tasks', () => {
		const { table: t, mapping } = table('work-orders.csv', 'workOrder');
		const r = convertWorkOrders(t, mapping, opts, ctx('work-orders.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		expect(r.groups.map(({ workOrder: w }) => [w.number, w.customerId, w.siteId, w.type, w.status, w.priority, w.description, w.poNumber, w.nteCents, w.openedOn])).toEqual([
			['WO-18472', 'c1', 's1', 'corrective', 'in_progress', 'high', 'Rooftop unit 3 tripping, no cooling', 'PO-3001', 150000, '2027-01-04'],
			['WO-18473', 'c1', null, 'preventive', 'open', 'normal', 'Quarterly PM', 'PO-3001', null, '2027-01-05']
		]);
		expect(r.groups.flatMap((g) => g.tasks.map((t) => [t.code, t.description, t.kind, t.qtyMilli, t.rateCents, t.poLineNo, t.done]))).toEqual([
			['T1', 'Diagnose RTU-3', 'labor', 1500, 9500, 1, true],
			['T2', 'Contactor', 'material', 1000, 4820, 2, false],
			['T1', 'Quarterly PM visit', 'labor', 4000, 6250, 1, false]
		]);
	});

	it('invoice-lines.csv: one invoice, a discount line, references kept', () => {
		const { table: t, mapping } = table('invoice-lines.csv', 'invoice');
		const r = convertInvoices(t, mapping, opts, ctx('invoice-lines.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		const { invoice, lines } = r.groups[0]!;
		expect(invoice).toMatchObject({ number: 'INV-1045', customerId: 'c1', invoiceDate: '2027-01-20', terms: '2/10 Net 30', poNumber: 'PO-3001', workOrderNumbers: ['WO-18472'], status: 'draft' });
		expect(lines.map((l) => [l.lineNo, l.kind, l.qtyMilli, l.rateCents, l.woNumber, l.taskCode, l.poLineNo, l.buyerItemCode])).toEqual([
			[1, 'labor', 1500, 9500, 'WO-18472', 'T1', 1, 'PM-1'],
			[2, 'material', 1000, 4820, 'WO-18472', 'T2', 2, 'FLT-2'],
			[3, 'discount', 1000, -1000, '', '', null, '']
		]);
	});

	it('invoice-credit.csv: credit lines as -150.00, (150.00), 150.00- and a returned quantity (2)', () => {
		const { table: t, mapping } = table('invoice-credit.csv', 'invoice');
		const r = convertInvoices(t, mapping, opts, ctx('invoice-credit.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		expect(r.groups[0]!.lines.map((l) => [l.lineNo, l.kind, l.qtyMilli, l.rateCents, l.taskCode, l.poLineNo])).toEqual([
			[1, 'labor', 1000, 120000, 'T1', 1],
			[2, 'fee', 1000, -15000, 'T2', 2],
			[3, 'fee', 1000, -15000, 'T3', 3],
			[4, 'fee', 1000, -15000, 'T4', 4],
			[5, 'material', -2000, 1250, 'T5', 5]
		]);
	});
});

describe('CSV corpus: a job log with job history', () => {
	const harbor = newCustomer('hp', { name: 'Harbor Point Property Management LLC' });
	const bayview = newCustomer('bv', { name: 'Bayview Retail Partners' });
	const historySites = [newSite('tower', 'hp', { name: 'Harbor Point Tower A' }), newSite('store', 'bv', { name: 'Bayview Plaza Store #12' })];
	const plan = (mode: BadRows) => {
		const { table: t, mapping } = table('job-log.csv', 'workOrder');
		return planJobs(t, mapping, opts, { fileName: 'job-log.csv', customerId: null, customers: [harbor, bayview], sites: historySites, today: '2027-02-01', idGen: counter() }, { workOrders: [], tasks: [] }, mode);
	};
	const put = (mode: BadRows) => {
		const r = plan(mode);
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		return r.plan.write.put;
	};
	const jobRow = (w: WorkOrder) => [w.number, w.customerId, w.siteId, w.status, w.openedOn, w.scheduledStart, w.scheduledEnd, w.completedOn, w.signedOffBy, w.signedOffOn, w.completionNotes];
	const J5101 = ['J-5101', 'hp', 'tower', 'complete', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-07', 'Luis Ortega', '2026-10-08', 'Breaker replaced, panel load tested'];
	const J5102 = ['J-5102', 'bv', 'store', 'complete', '2026-10-12', '2026-10-13', '2026-10-13', '2026-10-13', 'Amy Chen', '2026-10-14', 'Grease trap pumped and logged'];
	const J5103 = ['J-5103', 'hp', 'tower', 'in_progress', '2026-10-20', '2026-10-22', '2026-10-24', null, '', null, ''];
	const J5105 = ['J-5105', 'hp', 'tower', 'complete', '2026-11-02', '2026-11-03', '2026-11-03', '2026-11-03', 'Luis Ortega', '2026-11-04', ''];

	it('maps every history column from the headers a contractor writes', () => {
		const { mapping } = table('job-log.csv', 'workOrder');
		expect(mapping).toMatchObject({ openedOn: 'Opened', scheduledStart: 'Scheduled', scheduledEnd: 'Scheduled End', completedOn: 'Completed', signedOffBy: 'Signed Off By', signedOffOn: 'Sign-off Date', completionNotes: 'Sign-off Notes', done: 'Done' });
	});

	it('is refused as it stands, the complete job without a sign-off named by row and column', () => {
		const r = plan('refuse');
		if (r.ok) throw new Error('expected a refusal');
		expect(r.problems.map(describeProblem)).toEqual(['job-log.csv, row 7, column "Signed Off By": J-5104: A complete work order needs a sign-off: who signed it off']);
		expect(r.bad).toMatchObject({ count: 1, rowCount: 2, signOffOnly: 1, total: 5, jobs: [{ number: 'J-5104', rows: [7, 8] }] });
	});

	it('with "skip": every other job, record by record, with its dates, sign-off and done tasks', () => {
		const { workOrders, tasks } = put('skip');
		expect(workOrders.map(jobRow)).toEqual([J5101, J5102, J5103, J5105]);
		const number = (t: Task) => workOrders.find((w) => w.id === t.workOrderId)!.number;
		expect(tasks.map((t) => [number(t), t.code, t.description, t.qtyMilli, t.unit, t.rateCents, t.done])).toEqual([
			['J-5101', 'T1', 'Electrician labor', 3000, 'h', 11000, true],
			['J-5101', 'T2', '20A breaker', 2000, 'ea', 4550, true],
			['J-5102', 'T1', 'Grease trap pump-out', 1000, 'ea', 125000, true],
			['J-5103', 'T1', 'Roof drain inspection', 2000, 'h', 9500, true],
			['J-5103', 'T2', 'Drain snake rental', 1000, 'ea', 18000, false],
			['J-5105', 'T1', 'Garage light ballast', 4000, 'ea', 3800, true]
		]);
	});

	it('with "as in progress": the unsigned job too, in progress, its completed date and notes kept', () => {
		const { workOrders, tasks } = put('inProgress');
		expect(workOrders.map(jobRow)).toEqual([J5101, J5102, J5103, ['J-5104', 'bv', null, 'in_progress', '2026-10-25', '2026-10-26', null, '2026-10-26', '', null, 'Customer signature sheet lost'], J5105]);
		expect(tasks).toHaveLength(8);
	});
});
