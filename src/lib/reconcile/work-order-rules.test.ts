import { describe, expect, it } from 'vitest';
import { addInvoice, cells, cleanWorkbook, findingsOf, newChangeOrder, newInvoiceLine, rec } from './test-kit';

describe('OVER_NTE', () => {
	const capped = (nteCents: number) => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').nteCents = nteCents; // billed: $1,000.00 + $100.00
		return wb;
	};

	it('fires when billing exceeds the cap, lighting the cap and every line', () => {
		const [f] = findingsOf(capped(100000), 'OVER_NTE');
		expect(f!.key).toBe('OVER_NTE|workOrders:wo');
		expect(f).toMatchObject({ severity: 'error', withinTolerance: false, workOrderNumber: 'WO-1', invoiceNumber: 'INV-1' });
		expect(cells(f!)).toEqual(['invoiceLines:l1.amount', 'invoiceLines:l2.amount', 'workOrders:wo.nteCents']);
		expect(f!.message).toBe(
			'WO-1 is billed $1,100.00 before tax on INV-1, over its NTE cap of $1,000.00 by $100.00.'
		);
	});

	it('does not fire at the cap, or with no cap', () => {
		expect(findingsOf(capped(110000))).toEqual([]);
		expect(findingsOf(cleanWorkbook())).toEqual([]);
	});

	it('approved change orders raise the cap; pending and rejected ones do not', () => {
		const wb = capped(100000);
		wb.changeOrders.push(newChangeOrder('co1', 'wo', 'CO-1', { amountCents: 5000, status: 'approved' }), newChangeOrder('co2', 'wo', 'CO-2', { amountCents: 50000, status: 'pending' }));
		const [f] = findingsOf(wb, 'OVER_NTE');
		expect(f!.message).toContain('cap of $1,050.00 (NTE $1,000.00 + approved change orders $50.00) by $50.00');
		expect(cells(f!)).toContain('changeOrders:co1.amountCents');
		rec(wb, 'changeOrders', 'co2').status = 'approved';
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
	});

	it('is info within the absolute tolerance', () => {
		const wb = capped(100000);
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 0, priceBp: 0, absCents: 10000 };
		const [f] = findingsOf(wb, 'OVER_NTE');
		expect(f).toMatchObject({ severity: 'info', withinTolerance: true });
		expect(f!.message).toContain('within tolerance');
	});

	it('excludes tax, counts freight only where allowed, and subtracts discounts', () => {
		const wb = capped(110000);
		const add = (id: string, kind: 'tax' | 'freight' | 'discount', rateCents: number) =>
			wb.invoiceLines.push(newInvoiceLine(id, 'inv', wb.invoiceLines.length + 1, { kind, qtyMilli: 1000, rateCents, woNumber: 'WO-1' }));
		add('tax', 'tax', 9000);
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
		add('frt', 'freight', 2000);
		rec(wb, 'purchaseOrders', 'po').freightAllowed = false;
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
		rec(wb, 'purchaseOrders', 'po').freightAllowed = true;
		expect(findingsOf(wb, 'OVER_NTE')[0]!.message).toContain('billed $1,120.00');
		add('disc', 'discount', -2000);
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
	});

	it('sums across non-void invoices and ignores void ones', () => {
		const wb = capped(110000);
		addInvoice(wb, 'inv2', 'INV-2', [{ kind: 'fee', qtyMilli: 1000, rateCents: 5000, woNumber: 'WO-1', taskCode: 'T2' }], { status: 'paid' });
		const [f] = findingsOf(wb, 'OVER_NTE');
		expect(f!.message).toContain('billed $1,150.00 before tax on INV-1 and INV-2');
		expect(f!.invoiceNumber).toBeNull();
		rec(wb, 'invoices', 'inv2').status = 'void';
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
	});
});

describe('STALE_TICKET', () => {
	it('is info when a job has been open longer than settings.staleDays', () => {
		const wb = cleanWorkbook('2027-03-15');
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'open', openedOn: '2027-02-01' });
		rec(wb, 'invoices', 'inv').status = 'void';
		wb.settings.staleDays = 30;
		const [f] = findingsOf(wb, 'STALE_TICKET');
		expect(f!.severity).toBe('info');
		expect(cells(f!)).toEqual(['workOrders:wo.openedOn', 'workOrders:wo.status']);
		expect(f!.message).toBe('WO-1 has been open 42 days (since Feb 1, 2027); the limit is 30 days.');
	});

	it('does not fire at exactly the limit, for complete jobs, or on a bad date', () => {
		const wb = cleanWorkbook('2027-03-03');
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'in_progress', openedOn: '2027-02-01' });
		expect(findingsOf(wb, 'STALE_TICKET')).toEqual([]);
		wb.today = '2027-03-04';
		expect(findingsOf(wb, 'STALE_TICKET')).toHaveLength(1);
		rec(wb, 'workOrders', 'wo').openedOn = 'not a date';
		expect(findingsOf(wb, 'STALE_TICKET')).toEqual([]);
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'complete', openedOn: '2026-01-01' });
		expect(findingsOf(wb, 'STALE_TICKET')).toEqual([]);
	});
});
