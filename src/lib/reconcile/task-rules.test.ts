import { describe, expect, it } from 'vitest';
import { addInvoice, cells, cleanWorkbook, findingsOf, newChangeOrder, newTask, rec } from './test-kit';

const t1Line = (qtyMilli: number) => ({ kind: 'labor' as const, qtyMilli, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'LAB' });

describe('DUPLICATE_BILLING (a task billed beyond its quantity across lines and invoices)', () => {
	it('fires when two invoices together bill more than the task, lighting the task and every line', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').qtyMilli = 20000; // keep the PO side quiet
		addInvoice(wb, 'inv2', 'INV-2', [t1Line(4000)]);
		const found = findingsOf(wb, 'DUPLICATE_BILLING');
		expect(found.map((f) => f.key)).toEqual(['DUPLICATE_BILLING|tasks:t1']);
		expect(cells(found[0]!)).toEqual(['invoiceLines:inv2-l1.qtyMilli', 'invoiceLines:l1.qtyMilli', 'tasks:t1.qtyMilli']);
		expect(found[0]!.message).toBe('WO-1 T1 is billed 14 h across INV-1 line 1 and INV-2 line 1; the task records 10 h (4 h over).');
	});

	it('does not fire for progress billing within the task quantity, nor once one invoice is void', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 6000;
		addInvoice(wb, 'inv2', 'INV-2', [t1Line(4000)]);
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 10000;
		rec(wb, 'invoices', 'inv2').status = 'void';
		expect(findingsOf(wb)).toEqual([]);
	});

	it('fires for two lines of one invoice that together bill more than the task (regression: a pasted duplicate line left the invoice "AP-ready")', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').qtyMilli = 20000; // keep the PO side quiet
		wb.invoiceLines.push({ ...rec(wb, 'invoiceLines', 'l1'), id: 'l3', lineNo: 3 });
		const found = findingsOf(wb, 'DUPLICATE_BILLING');
		expect(found.map((f) => f.key)).toEqual(['DUPLICATE_BILLING|tasks:t1']);
		expect(found[0]!.severity).toBe('error');
		expect(cells(found[0]!)).toEqual(['invoiceLines:l1.qtyMilli', 'invoiceLines:l3.qtyMilli', 'tasks:t1.qtyMilli']);
		expect(found[0]!.message).toBe('WO-1 T1 is billed 20 h across INV-1 line 1 and INV-1 line 3; the task records 10 h (10 h over).');
		// Split within what was done (regular and overtime hours, say), it is fine.
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 6000;
		rec(wb, 'invoiceLines', 'l3').qtyMilli = 4000;
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
	});

	it('does not fire for one invoice over the task (QTY_OVER_PERFORMED covers it)', () => {
		const wb = cleanWorkbook();
		rec(wb, 'tasks', 't1').qtyMilli = 8000;
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
	});
});

describe('CHANGE_UNAPPROVED', () => {
	const extra = () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'tasks', 't2'), { extra: true, changeOrderNumber: 'CO-1' });
		wb.changeOrders.push(newChangeOrder('co', 'wo', 'CO-1', { amountCents: 10000, status: 'pending' }));
		return wb;
	};

	it('fires when billed extra work has only a pending change order, lighting the task, the change order and the line', () => {
		const [f] = findingsOf(extra(), 'CHANGE_UNAPPROVED');
		expect(f!.key).toBe('CHANGE_UNAPPROVED|tasks:t2');
		expect(cells(f!)).toEqual(['changeOrders:co.status', 'invoiceLines:l2.taskCode', 'tasks:t2.changeOrderNumber']);
		expect(f!.message).toBe('WO-1 T2 is extra work billed on INV-1 line 2 but needs change order CO-1, which is pending, not approved.');
	});

	it('is cleared by approving the change order', () => {
		const wb = extra();
		rec(wb, 'changeOrders', 'co').status = 'approved';
		expect(findingsOf(wb)).toEqual([]);
	});

	it('fires when the change order is missing or belongs to another job', () => {
		const wb = extra();
		rec(wb, 'changeOrders', 'co').workOrderId = 'elsewhere';
		rec(wb, 'changeOrders', 'co').status = 'approved';
		expect(findingsOf(wb, 'CHANGE_UNAPPROVED')[0]!.message).toContain('names change order CO-1, which does not exist on WO-1');
		rec(wb, 'tasks', 't2').changeOrderNumber = '';
		expect(findingsOf(wb, 'CHANGE_UNAPPROVED')[0]!.message).toContain('names no change order');
	});

	it('does not fire for extra work not billed (or billed only on a void invoice)', () => {
		const wb = extra();
		rec(wb, 'invoices', 'inv').status = 'void';
		expect(findingsOf(wb, 'CHANGE_UNAPPROVED')).toEqual([]);
	});
});

describe('UNBILLED_COMPLETE_WORK', () => {
	it('is info when a done task of a complete job is on no invoice', () => {
		const wb = cleanWorkbook();
		wb.tasks.push(newTask('t3', 'wo', 'T3', { description: 'Coil cleaning', qtyMilli: 2000, unit: 'h', rateCents: 12500, done: true }));
		const [f, ...rest] = findingsOf(wb, 'UNBILLED_COMPLETE_WORK');
		expect(rest).toEqual([]);
		expect(f!.severity).toBe('info');
		expect(cells(f!)).toEqual(['tasks:t3.amount', 'tasks:t3.done']);
		expect(f!.message).toBe('WO-1 T3 (Coil cleaning) is done but on no invoice: $250.00 (2 h) unbilled.');
	});

	it('does not fire for tasks not done, jobs not complete, internal, warranty or cancelled jobs, or zero amounts', () => {
		const wb = cleanWorkbook();
		wb.tasks.push(newTask('t3', 'wo', 'T3', { qtyMilli: 2000, rateCents: 12500, done: false }));
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'tasks', 't3').done = true;
		for (const patch of [{ status: 'in_progress' }, { status: 'cancelled' }, { type: 'internal' }, { type: 'warranty' }] as const) {
			const w = structuredClone(wb);
			Object.assign(rec(w, 'workOrders', 'wo'), patch);
			expect(findingsOf(w, 'UNBILLED_COMPLETE_WORK')).toEqual([]);
		}
		rec(wb, 'tasks', 't3').rateCents = 0;
		expect(findingsOf(wb, 'UNBILLED_COMPLETE_WORK')).toEqual([]);
	});
});
