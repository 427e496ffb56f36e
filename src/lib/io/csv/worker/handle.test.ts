import { describe, expect, it } from 'vitest';
import { answer, plannedWrite, splitNew } from './handle';
import { PREVIEW_ROWS, type WorkerResponse } from './protocol';
import { PREVIEW_CHILDREN } from './record-preview';
import { acme } from '../test-helpers';

const csv = (lines: number) =>
	['PO Number,Line,Description,Quantity,Unit Price', ...Array.from({ length: lines }, (_, i) => `PO-${Math.floor(i / 100)},${(i % 100) + 1},Line ${i},1,10.00`)].join('\r\n');

function ask(req: Parameters<typeof answer>[0]): WorkerResponse {
	const [r] = answer(req, () => {});
	return r!;
}

describe('the import worker', () => {
	it('reads and plans a large file, keeping every record to write, in order, for the write the worker makes itself', () => {
		const lines = 10_123;
		const bytes = new TextEncoder().encode(csv(lines)).buffer as ArrayBuffer;
		const read = ask({ type: 'read', id: 1, bytes, fileName: 'big.csv', chosen: {} });
		expect(read).toMatchObject({ type: 'read', ok: true, summary: { rowCount: lines } });
		const plan = ask({
			type: 'plan',
			id: 2,
			kind: 'po',
			mapping: { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit Price' },
			options: { decimal: '.', dateOrder: 'mdy' },
			customerId: acme.id,
			customers: [acme],
			sites: [],
			today: '2027-01-15',
			stored: { purchaseOrders: [], poLines: [] },
			references: {}
		});
		if (plan.type !== 'plan' || !plan.outcome.ok) throw new Error('expected a plan');
		const pos = Math.ceil(lines / 100);
		expect(plan.outcome.plan.counts).toMatchObject({ total: pos, new: pos, writes: pos + lines });
		expect(plan.outcome.plan.records.length).toBeLessThanOrEqual(50);
		const write = plannedWrite();
		// Nothing was stored: every record is new, added without reading a previous version.
		expect(write?.put).toEqual({});
		expect(write?.add?.purchaseOrders).toHaveLength(pos);
		expect(write?.add?.poLines?.map((l) => l.description)).toEqual(Array.from({ length: lines }, (_, i) => `Line ${i}`));
		// A refused check leaves nothing to write: Apply can never store an earlier file's plan.
		expect(ask({ type: 'plan', id: 3, kind: 'po', mapping: { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Description', unitPrice: 'Unit Price' }, options: { decimal: '.', dateOrder: 'mdy' }, customerId: acme.id, customers: [acme], sites: [], today: '2027-01-15', stored: {}, references: {} })).toMatchObject({ outcome: { ok: false } });
		expect(plannedWrite()).toBeNull();
	});

	it('names the columns with data anywhere in the file, not only in the preview, and sends each new PO with its first lines only', () => {
		const rows = Array.from({ length: PREVIEW_ROWS * 3 }, (_, i) => `PO-1,${i + 1},Line ${i},1,10.00,${i === PREVIEW_ROWS * 2 ? '6100-220' : ''},`);
		const bytes = new TextEncoder().encode(['PO Number,Line,Description,Quantity,Unit Price,Charge To,Comments', ...rows].join('\n')).buffer as ArrayBuffer;
		const read = ask({ type: 'read', id: 1, bytes, fileName: 'late.csv', chosen: {} });
		if (read.type !== 'read' || !read.ok) throw new Error('expected a table');
		expect(read.summary.examples).toEqual(['PO-1', '1', 'Line 0', '1', '10.00', '6100-220', null]);
		const plan = ask({ type: 'plan', id: 2, kind: 'po', mapping: { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit Price' }, options: { decimal: '.', dateOrder: 'mdy' }, customerId: acme.id, customers: [acme], sites: [], today: '2027-01-15', stored: {}, references: {} });
		if (plan.type !== 'plan' || !plan.outcome.ok) throw new Error('expected a plan');
		expect(plan.outcome.plan.records[0]!.preview).toMatchObject({ rows: { length: PREVIEW_CHILDREN }, more: PREVIEW_ROWS * 3 - PREVIEW_CHILDREN });
	});

	it('plans a work-order file the way the person chose for its bad jobs, and hands over exactly what the review showed', () => {
		const text = ['WO,Status,Signed Off By,Sign Off Date,Task,Description,Hours,Rate', 'J-1,complete,Dana W,01/06/2027,T1,Diagnose,2,95', 'J-2,complete,,,T1,Door closer,1,95', 'J-2,complete,,,T2,Hinge,1,40'].join('\n');
		const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
		expect(ask({ type: 'read', id: 1, bytes, fileName: 'log.csv', chosen: {} })).toMatchObject({ ok: true });
		const plan = (badRows: 'refuse' | 'skip' | 'inProgress', id: number) =>
			ask({ type: 'plan', id, kind: 'workOrder', mapping: { woNumber: 'WO', status: 'Status', signedOffBy: 'Signed Off By', signedOffOn: 'Sign Off Date', taskCode: 'Task', taskDescription: 'Description', quantity: 'Hours', rate: 'Rate' }, options: { decimal: '.', dateOrder: 'mdy' }, customerId: acme.id, customers: [acme], sites: [], today: '2027-01-15', stored: { workOrders: [], tasks: [] }, references: {}, badRows });
		const taken = () => (plannedWrite()?.add?.workOrders ?? []).map((w) => [w.number, w.status]);
		expect(plan('refuse', 2)).toMatchObject({ outcome: { ok: false, bad: { mode: 'refuse', count: 1, jobs: [{ number: 'J-2', fate: 'refused' }] } } });
		expect(plan('skip', 3)).toMatchObject({ outcome: { ok: true, plan: { counts: { total: 1, writes: 2 } }, bad: { mode: 'skip', jobs: [{ number: 'J-2', fate: 'skipped' }] } } });
		expect(taken()).toEqual([['J-1', 'complete']]);
		expect(plan('inProgress', 5)).toMatchObject({ outcome: { ok: true, plan: { counts: { total: 2, writes: 5 } }, bad: { mode: 'inProgress', jobs: [{ number: 'J-2', fate: 'inProgress' }] } } });
		expect(taken()).toEqual([['J-1', 'complete'], ['J-2', 'in_progress']]);
	});

	it('tells how far a check is as it converts, rising, without flooding the page, before the plan', () => {
		const lines = 3_000;
		const bytes = new TextEncoder().encode(csv(lines)).buffer as ArrayBuffer;
		expect(ask({ type: 'read', id: 1, bytes, fileName: 'big.csv', chosen: {} })).toMatchObject({ ok: true });
		const told: WorkerResponse[] = [];
		const [plan] = answer(
			{ type: 'plan', id: 7, kind: 'po', mapping: { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit Price' }, options: { decimal: '.', dateOrder: 'mdy' }, customerId: acme.id, customers: [acme], sites: [], today: '2027-01-15', stored: {}, references: {} },
			(r) => told.push(r)
		);
		expect(plan).toMatchObject({ type: 'plan', outcome: { ok: true } });
		const fractions = told.map((r) => (r.type === 'progress' && r.id === 7 ? r.fraction : NaN));
		expect(fractions.every((f) => f > 0 && f <= 0.9)).toBe(true);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		// 30 POs of 100 lines: one report per PO at most, and the conversion's end is told.
		expect(fractions.length).toBeGreaterThan(10);
		expect(fractions.length).toBeLessThanOrEqual(30);
		expect(fractions.at(-1)).toBeCloseTo(0.9);
	});

	it('splits a revision’s writes: the matched PO and its changed lines replace what is stored, the added lines are new', () => {
		const stored = { purchaseOrders: [{ id: 'po1' }], poLines: [{ id: 'l1' }, { id: 'l2' }] } as never;
		const write = { put: { purchaseOrders: [{ id: 'po1' }], poLines: [{ id: 'l1' }, { id: 'new-3' }] }, remove: { poLines: ['l2'] }, revisions: [] } as never;
		expect(splitNew(write, stored)).toEqual({ put: { purchaseOrders: [{ id: 'po1' }], poLines: [{ id: 'l1' }] }, add: { poLines: [{ id: 'new-3' }] }, remove: { poLines: ['l2'] }, revisions: [] });
	});
});
