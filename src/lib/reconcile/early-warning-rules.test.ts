import { describe, expect, it } from 'vitest';
import { Reconciler } from './reconciler';
import { reconcileAll } from './reconcile-all';
import { cells, cleanWorkbook, findingsOf, newPoLine, newPurchaseOrder, newTask, newWorkOrder, rec, type MutableWorkbook } from './test-kit';

/**
 * The clean workbook before any bill: INV-1 and its lines gone, WO-1 in progress on PO 884120
 * (line 1: 10 h × $100.00, line 2: 5 ea × $20.00), its tasks T1 (10 h on line 1) and T2 (5 ea on line 2).
 */
function unbilled(): MutableWorkbook {
	const wb = cleanWorkbook();
	wb.invoices.length = 0;
	wb.invoiceLines.length = 0;
	Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'in_progress', signedOffBy: '', signedOffOn: null });
	return wb;
}

/** A second job on the same PO with one task on PO line `lineNo`. */
function secondJob(wb: MutableWorkbook, qtyMilli: number, x: Partial<Parameters<typeof newWorkOrder>[4]> = {}, lineNo = 1): void {
	wb.workOrders.push(newWorkOrder('wo2', 'WO-2', 'cust', '2027-03-02', { status: 'open', siteId: 'site', poNumber: '884120', ...x }));
	wb.tasks.push(newTask('t9', 'wo2', 'T1', { kind: 'labor', qtyMilli, unit: 'h', rateCents: 10000, buyerItemCode: 'LAB', poLineNo: lineNo }));
}

describe('TASK_OVER_PO', () => {
	it('warns on the task, its job and the PO line when an open job records more than the line authorises', () => {
		const wb = unbilled();
		rec(wb, 'tasks', 't1').qtyMilli = 14000;
		const found = findingsOf(wb);
		expect(found.map((f) => f.code)).toEqual(['TASK_OVER_PO']);
		const [f] = found;
		expect(f!.key).toBe('TASK_OVER_PO|poLines:pl1|tasks:t1');
		expect(f).toMatchObject({ severity: 'warning', withinTolerance: false, workOrderNumber: 'WO-1', poNumber: '884120', invoiceNumbers: [] });
		expect(cells(f!)).toEqual(['poLines:pl1.qtyMilli', 'tasks:t1.qtyMilli', 'workOrders:wo.poNumber']);
		expect(f!.message).toBe('WO-1 T1 records 14 h on PO 884120 line 1, and the line authorises 10 h: 4 h over. Ask the buyer for a PO revision before billing.');
	});

	it('is silent at what the line authorises, and for a task on no PO line', () => {
		expect(findingsOf(unbilled())).toEqual([]);
		const wb = unbilled();
		Object.assign(rec(wb, 'tasks', 't1'), { qtyMilli: 14000, poLineNo: null, buyerItemCode: '' });
		expect(findingsOf(wb)).toEqual([]);
	});

	it('matches a task without a line number by its buyer item code, as invoice lines are', () => {
		const wb = unbilled();
		Object.assign(rec(wb, 'tasks', 't1'), { qtyMilli: 11000, poLineNo: null });
		expect(findingsOf(wb, 'TASK_OVER_PO').map((f) => f.key)).toEqual(['TASK_OVER_PO|poLines:pl1|tasks:t1']);
	});

	it('adds up every job drawing on the line, and flags each of their unbilled tasks', () => {
		const wb = unbilled();
		rec(wb, 'tasks', 't1').qtyMilli = 6000;
		secondJob(wb, 6000);
		const found = findingsOf(wb, 'TASK_OVER_PO');
		expect(found.map((f) => f.key)).toEqual(['TASK_OVER_PO|poLines:pl1|tasks:t1', 'TASK_OVER_PO|poLines:pl1|tasks:t9']);
		expect(found[0]!.message).toBe('WO-1 T1 records 6 h on PO 884120 line 1; with WO-2 T1 (6 h) that is 12 h, and the line authorises 10 h: 2 h over. Ask the buyer for a PO revision before billing.');
		expect(cells(found[1]!)).toContain('workOrders:wo2.poNumber');
	});

	it('names five of the other jobs on a busy line and counts the rest, in each of their sentences', () => {
		const wb = unbilled();
		rec(wb, 'tasks', 't1').qtyMilli = 4000;
		for (let j = 2; j <= 8; j++) {
			wb.workOrders.push(newWorkOrder(`wo${j}`, `WO-${j}`, 'cust', '2027-03-02', { status: 'open', siteId: 'site', poNumber: '884120' }));
			wb.tasks.push(newTask(`tk${j}`, `wo${j}`, 'T1', { kind: 'labor', qtyMilli: 1000, unit: 'h', rateCents: 10000, buyerItemCode: 'LAB', poLineNo: 1 }));
		}
		const found = findingsOf(wb, 'TASK_OVER_PO');
		expect(found).toHaveLength(8);
		expect(found.find((f) => f.key === 'TASK_OVER_PO|poLines:pl1|tasks:t1')!.message).toBe(
			'WO-1 T1 records 4 h on PO 884120 line 1; with WO-2 T1 (1 h), WO-3 T1 (1 h), WO-4 T1 (1 h), WO-5 T1 (1 h), WO-6 T1 (1 h) and 2 more that is 11 h, and the line authorises 10 h: 1 h over. Ask the buyer for a PO revision before billing.'
		);
		expect(found.find((f) => f.key === 'TASK_OVER_PO|poLines:pl1|tasks:tk8')!.message).toContain('with WO-1 T1 (4 h), WO-2 T1 (1 h), WO-3 T1 (1 h), WO-4 T1 (1 h), WO-5 T1 (1 h) and 2 more that is 11 h');
	});

	it('counts what invoices already bill on the line; a billed task no longer draws (OVER_PO_QTY speaks for it)', () => {
		const wb = cleanWorkbook(); // INV-1 bills WO-1 T1 for all 10 h of line 1
		secondJob(wb, 2000);
		const [f] = findingsOf(wb, 'TASK_OVER_PO');
		expect(f!.key).toBe('TASK_OVER_PO|poLines:pl1|tasks:t9');
		expect(f!.message).toBe('WO-2 T1 records 2 h on PO 884120 line 1; with 10 h already billed that is 12 h, and the line authorises 10 h: 2 h over. Ask the buyer for a PO revision before billing.');
	});

	it('is info within the quantity tolerance', () => {
		const wb = unbilled();
		rec(wb, 'tasks', 't1').qtyMilli = 11000;
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 1000, priceBp: 0, absCents: 0 };
		const [f] = findingsOf(wb, 'TASK_OVER_PO');
		expect(f).toMatchObject({ severity: 'info', withinTolerance: true });
		expect(f!.message).toContain('1 h over (within tolerance).');
	});

	it('credit lines: a returned part gives quantity back and is never flagged; a credit PO line is never over', () => {
		const wb = unbilled();
		rec(wb, 'tasks', 't1').qtyMilli = 12000;
		secondJob(wb, -2000); // a returned part: -2 h
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'tasks', 't9').qtyMilli = -1000;
		expect(findingsOf(wb, 'TASK_OVER_PO').map((f) => f.key)).toEqual(['TASK_OVER_PO|poLines:pl1|tasks:t1']);

		const credit = unbilled();
		Object.assign(rec(credit, 'poLines', 'pl1'), { unitPriceCents: -10000, extendedCents: -100000 });
		rec(credit, 'tasks', 't1').qtyMilli = 30000;
		expect(findingsOf(credit, 'TASK_OVER_PO')).toEqual([]);
	});

	it('compares amounts when the task counts in another unit than the PO line (hours against a lump sum)', () => {
		const wb = unbilled();
		Object.assign(rec(wb, 'poLines', 'pl1'), { qtyMilli: 1000, unit: 'ls', unitPriceCents: 100000, extendedCents: 100000 });
		rec(wb, 'tasks', 't1').qtyMilli = 8000; // 8 h × $100.00 = $800.00 of a $1,000.00 lump sum
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'tasks', 't1').qtyMilli = 12000;
		const [f] = findingsOf(wb, 'TASK_OVER_PO');
		expect(cells(f!)).toEqual(['poLines:pl1.extendedCents', 'tasks:t1.amount', 'workOrders:wo.poNumber']);
		expect(f!.message).toBe('WO-1 T1 comes to $1,200.00 on PO 884120 line 1, and the line authorises $1,000.00: $200.00 over. Ask the buyer for a PO revision before billing.');
	});

	it('leaves out cancelled, internal and warranty jobs, and jobs of another customer', () => {
		for (const x of [{ status: 'cancelled' as const }, { type: 'internal' as const }, { type: 'warranty' as const }, { customerId: 'other' }]) {
			const wb = unbilled();
			secondJob(wb, 5000, x);
			expect(findingsOf(wb, 'TASK_OVER_PO'), JSON.stringify(x)).toEqual([]);
		}
	});

	it('regression: the runner-up of a shared job number takes over its tasks when the winner goes (incremental)', () => {
		const wb = unbilled();
		// A second PO, 7 (line 1: 1 h), and a second WO-1 on it; the database refuses the shared number, the engine stays deterministic.
		wb.purchaseOrders.push(newPurchaseOrder('po7', 'cust', '7', '2027-02-01'));
		wb.poLines.push(newPoLine('pl7', 'po7', 1, { qtyMilli: 1000, unit: 'h', unitPriceCents: 10000, extendedCents: 10000 }));
		wb.workOrders.push(newWorkOrder('wz', 'WO-1', 'cust', '2027-03-01', { status: 'open', poNumber: '7' }));
		wb.tasks.push(newTask('tz', 'wz', 'T1', { qtyMilli: 5000, unit: 'h', rateCents: 10000, poLineNo: 1 }));
		const r = new Reconciler(wb);
		expect(r.findings().filter((f) => f.code === 'TASK_OVER_PO')).toEqual([]);
		wb.workOrders.splice(wb.workOrders.findIndex((w) => w.id === 'wo'), 1);
		r.apply({ table: 'workOrders', upserts: [], removes: ['wo'] });
		expect(r.findings()).toEqual(reconcileAll(wb));
		expect(r.findings().map((f) => f.key)).toContain('TASK_OVER_PO|poLines:pl7|tasks:tz');
	});
});

describe('PO_UNKNOWN', () => {
	it('warns on the job when its PO number is not among its customer’s POs (a typo)', () => {
		const wb = unbilled();
		rec(wb, 'workOrders', 'wo').poNumber = '88412O';
		const found = findingsOf(wb);
		expect(found.map((f) => f.code)).toEqual(['PO_UNKNOWN']);
		expect(found[0]).toMatchObject({ key: 'PO_UNKNOWN|workOrders:wo', severity: 'warning', workOrderNumber: 'WO-1', poNumber: '88412O' });
		expect(cells(found[0]!)).toEqual(['workOrders:wo.poNumber']);
		expect(found[0]!.message).toBe("WO-1 names PO 88412O, which is not among Mercy General's POs: check the number for a typo, or import the PO.");
	});

	it('does not count another customer’s PO with that number; is silent with no PO number, or on a cancelled job', () => {
		const wb = unbilled();
		rec(wb, 'purchaseOrders', 'po').customerId = 'other';
		expect(findingsOf(wb, 'PO_UNKNOWN').map((f) => f.key)).toEqual(['PO_UNKNOWN|workOrders:wo']);
		rec(wb, 'workOrders', 'wo').status = 'cancelled';
		expect(findingsOf(wb, 'PO_UNKNOWN')).toEqual([]);
		const none = unbilled();
		rec(none, 'workOrders', 'wo').poNumber = '';
		expect(findingsOf(none, 'PO_UNKNOWN')).toEqual([]);
	});

	it('clears when the PO is imported, and comes back when it is deleted (incremental)', () => {
		const wb = unbilled();
		const po = rec(wb, 'purchaseOrders', 'po');
		wb.purchaseOrders.length = 0;
		const r = new Reconciler(wb);
		expect(r.findings().map((f) => f.key)).toEqual(['PO_UNKNOWN|workOrders:wo']);
		r.apply({ table: 'purchaseOrders', upserts: [po], removes: [] });
		expect(r.findings()).toEqual([]);
		r.apply({ table: 'purchaseOrders', upserts: [], removes: ['po'] });
		expect(r.findings().map((f) => f.key)).toEqual(['PO_UNKNOWN|workOrders:wo']);
	});
});
