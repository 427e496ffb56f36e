import { describe, expect, it } from 'vitest';
import { addInvoice, cells, cleanWorkbook, findingsOf, newCustomer, newInvoiceLine, newPurchaseOrder, newTask, rec } from './test-kit';

const labor = (qtyMilli: number, extra: object = {}) => ({ kind: 'labor' as const, qtyMilli, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T3', poLineNo: 1, buyerItemCode: 'LAB', ...extra });

/** A second labor task T3 (10 h) on the same PO line 1, so billing it twice is not a task duplicate. */
function twoTasksOnLine1() {
	const wb = cleanWorkbook();
	wb.tasks.push(newTask('t3', 'wo', 'T3', { kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, poLineNo: 1, done: true }));
	return wb;
}

describe('OVER_PO_QTY', () => {
	it('fires when all invoices together bill more than the PO line authorises, lighting every contributing line and the PO line', () => {
		const wb = twoTasksOnLine1();
		rec(wb, 'poLines', 'pl1').extendedCents = 200000; // keep the PO total quiet
		addInvoice(wb, 'inv2', 'INV-2', [labor(2000)]);
		const [f, ...rest] = findingsOf(wb, 'OVER_PO_QTY');
		expect(rest).toEqual([]);
		expect(f!.key).toBe('OVER_PO_QTY|poLines:pl1');
		expect(f).toMatchObject({ severity: 'error', withinTolerance: false, poNumber: '884120', customerId: 'cust', invoiceNumber: null, invoiceNumbers: ['INV-1', 'INV-2'] });
		expect(cells(f!)).toEqual(['invoiceLines:inv2-l1.qtyMilli', 'invoiceLines:l1.qtyMilli', 'poLines:pl1.qtyMilli']);
		expect(f!.message).toBe('PO 884120 line 1 authorises 10 h; INV-1 line 1 and INV-2 line 1 bill 12 h in all (2 h over).');
	});

	it('is info within the quantity tolerance, an error beyond it', () => {
		const wb = twoTasksOnLine1();
		rec(wb, 'poLines', 'pl1').extendedCents = 200000;
		addInvoice(wb, 'inv2', 'INV-2', [labor(500)]);
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 500, priceBp: 0, absCents: 0 }; // 5% of 10 h = 0.5 h
		expect(findingsOf(wb, 'OVER_PO_QTY')[0]).toMatchObject({ severity: 'info', withinTolerance: true });
		expect(findingsOf(wb, 'OVER_PO_QTY')[0]!.message).toContain('(0.5 h over) (within tolerance)');
		rec(wb, 'invoiceLines', 'inv2-l1').qtyMilli = 501;
		expect(findingsOf(wb, 'OVER_PO_QTY')[0]).toMatchObject({ severity: 'error', withinTolerance: false });
	});

	it('ignores void invoices', () => {
		const wb = twoTasksOnLine1();
		addInvoice(wb, 'inv2', 'INV-2', [labor(2000)], { status: 'void' });
		expect(findingsOf(wb, 'OVER_PO_QTY')).toEqual([]);
	});

	it('counts lines matched by buyer item code', () => {
		const wb = twoTasksOnLine1();
		rec(wb, 'poLines', 'pl1').extendedCents = 200000;
		addInvoice(wb, 'inv2', 'INV-2', [labor(2000, { poLineNo: null })]);
		expect(cells(findingsOf(wb, 'OVER_PO_QTY')[0]!)).toContain('invoiceLines:inv2-l1.qtyMilli');
	});

	it("keeps two buyers' PO 884120 apart", () => {
		const wb = twoTasksOnLine1();
		wb.customers.push(newCustomer('other', { name: 'Harbor Point' }));
		wb.purchaseOrders.push(newPurchaseOrder('po-other', 'other', '884120', '2027-02-01'));
		wb.poLines.push({ ...rec(wb, 'poLines', 'pl1'), id: 'opl1', poId: 'po-other', qtyMilli: 1000, extendedCents: 10000 });
		// Billing 10 h on the other buyer's one-hour line 1 must not count against ours, and vice versa.
		addInvoice(wb, 'inv2', 'INV-2', [labor(10000)], { customerId: 'other' });
		const found = findingsOf(wb, 'OVER_PO_QTY');
		expect(found.map((f) => f.key)).toEqual(['OVER_PO_QTY|poLines:opl1']);
		expect(cells(found[0]!)).toEqual(['invoiceLines:inv2-l1.qtyMilli', 'poLines:opl1.qtyMilli']);
	});
});

describe('DUPLICATE_BILLING (the same PO line, quantity and amount on two invoices)', () => {
	it('fires when two invoices repeat a line for the same job', () => {
		const wb = twoTasksOnLine1();
		Object.assign(rec(wb, 'poLines', 'pl1'), { qtyMilli: 30000, extendedCents: 300000 });
		rec(wb, 'tasks', 't1').qtyMilli = 30000;
		addInvoice(wb, 'inv2', 'INV-2', [labor(10000, { taskCode: 'T1' })]);
		const found = findingsOf(wb, 'DUPLICATE_BILLING');
		expect(found.map((f) => f.key)).toEqual(['DUPLICATE_BILLING|poLines:pl1|q10000|a100000|job:WO-1/T1']);
		expect(cells(found[0]!)).toEqual([
			'invoiceLines:inv2-l1.amount',
			'invoiceLines:inv2-l1.qtyMilli',
			'invoiceLines:l1.amount',
			'invoiceLines:l1.qtyMilli',
			'poLines:pl1.qtyMilli'
		]);
		expect(found[0]!.message).toBe('INV-1 line 1 and INV-2 line 1 each bill PO 884120 line 1 for 10 h, $1,000.00 of WO-1 T1: the same charge on 2 invoices.');
		// It stands against both invoices: neither is AP-ready while the other repeats it.
		expect(found[0]).toMatchObject({ invoiceNumber: null, invoiceNumbers: ['INV-1', 'INV-2'] });
	});

	it('among many lines on one PO line, names exactly those repeating quantity, amount and job across invoices', () => {
		const wb = twoTasksOnLine1();
		Object.assign(rec(wb, 'poLines', 'pl1'), { qtyMilli: 100000, extendedCents: 1000000 });
		rec(wb, 'tasks', 't1').qtyMilli = 100000;
		// INV-1 line 1 already bills 10 h of T1. INV-2 repeats it twice; INV-3 bills 5 h, and 10 h at another rate.
		addInvoice(wb, 'inv2', 'INV-2', [labor(10000, { taskCode: 'T1' }), labor(10000, { taskCode: 'T1' })]);
		addInvoice(wb, 'inv3', 'INV-3', [labor(5000, { taskCode: 'T1' }), labor(10000, { taskCode: 'T1', rateCents: 9000 })]);
		const found = findingsOf(wb, 'DUPLICATE_BILLING');
		expect(found.map((f) => f.key)).toEqual(['DUPLICATE_BILLING|poLines:pl1|q10000|a100000|job:WO-1/T1']);
		expect(found[0]!.message).toBe('INV-1 line 1, INV-2 line 1 and INV-2 line 2 each bill PO 884120 line 1 for 10 h, $1,000.00 of WO-1 T1: the same charge on 2 invoices.');
		// Repeats within one invoice alone are not billing twice.
		rec(wb, 'invoices', 'inv2').status = 'void';
		rec(wb, 'invoiceLines', 'inv3-l2').rateCents = 10000;
		rec(wb, 'invoiceLines', 'inv3-l2').qtyMilli = 10000;
		expect(findingsOf(wb, 'DUPLICATE_BILLING').map((f) => f.message)).toEqual([
			'INV-1 line 1 and INV-3 line 2 each bill PO 884120 line 1 for 10 h, $1,000.00 of WO-1 T1: the same charge on 2 invoices.'
		]);
	});

	it('does not fire for different quantities, different jobs, or a void invoice', () => {
		const wb = twoTasksOnLine1();
		Object.assign(rec(wb, 'poLines', 'pl1'), { qtyMilli: 30000, extendedCents: 300000 });
		addInvoice(wb, 'inv2', 'INV-2', [labor(10000)]); // T3, not T1: two pieces of work
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'invoiceLines', 'inv2-l1').taskCode = 'T1';
		rec(wb, 'invoiceLines', 'inv2-l1').qtyMilli = 9000;
		rec(wb, 'tasks', 't1').qtyMilli = 30000;
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
		rec(wb, 'invoiceLines', 'inv2-l1').qtyMilli = 10000;
		rec(wb, 'invoices', 'inv2').status = 'void';
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
	});
});

describe('OVER_PO_TOTAL', () => {
	it("fires when the PO is billed more than its lines' total, lighting the PO total and the invoices", () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').extendedCents = 90000; // lines total $1,000.00; billed $1,100.00
		const [f] = findingsOf(wb, 'OVER_PO_TOTAL');
		expect(f!.key).toBe('OVER_PO_TOTAL|purchaseOrders:po');
		expect(cells(f!)).toEqual(['invoices:inv.total', 'purchaseOrders:po.total']);
		expect(f!.message).toBe("PO 884120 is billed $1,100.00 before tax on INV-1, over its lines' total of $1,000.00 by $100.00.");
	});

	it('fires against the blanket limit when it is lower', () => {
		const wb = cleanWorkbook();
		rec(wb, 'purchaseOrders', 'po').blanketLimitCents = 100000;
		const [f] = findingsOf(wb, 'OVER_PO_TOTAL');
		expect(cells(f!)).toEqual(['invoices:inv.total', 'purchaseOrders:po.blanketLimitCents']);
		expect(f!.message).toContain('over its blanket limit of $1,000.00 by $100.00');
	});

	it('is info within absCents; excludes tax and disallowed freight; ignores void invoices', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').extendedCents = 99000;
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 0, priceBp: 0, absCents: 1000 };
		expect(findingsOf(wb, 'OVER_PO_TOTAL')[0]).toMatchObject({ withinTolerance: true, severity: 'info' });
		rec(wb, 'customers', 'cust').tolerances = null;
		rec(wb, 'poLines', 'pl1').extendedCents = 100000;
		wb.invoiceLines.push(newInvoiceLine('tax', 'inv', 3, { kind: 'tax', qtyMilli: 1000, rateCents: 5000 }));
		wb.invoiceLines.push(newInvoiceLine('frt', 'inv', 4, { kind: 'freight', qtyMilli: 1000, rateCents: 5000 }));
		rec(wb, 'purchaseOrders', 'po').freightAllowed = false;
		expect(findingsOf(wb, 'OVER_PO_TOTAL')).toEqual([]);
		rec(wb, 'purchaseOrders', 'po').freightAllowed = true;
		expect(findingsOf(wb, 'OVER_PO_TOTAL')[0]!.message).toContain('billed $1,150.00');
		rec(wb, 'invoices', 'inv').status = 'void';
		expect(findingsOf(wb, 'OVER_PO_TOTAL')).toEqual([]);
	});
});
