import { describe, expect, it } from 'vitest';
import { cells, cleanWorkbook, findingsOf, newCustomer, newPurchaseOrder, newWorkOrder, rec } from './test-kit';

describe('PO_MISSING', () => {
	it('fires when the customer requires a PO and the invoice has none', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').poNumber = '';
		const [f, ...rest] = findingsOf(wb, 'PO_MISSING');
		expect(rest).toEqual([]);
		expect(f!.key).toBe('PO_MISSING|invoices:inv');
		expect(cells(f!)).toEqual(['invoices:inv.poNumber']);
		expect(f!.message).toBe('Invoice INV-1 has no PO number; Mercy General requires one.');
	});

	it('does not fire when the customer does not require a PO', () => {
		const wb = cleanWorkbook();
		rec(wb, 'customers', 'cust').requiresPo = false;
		rec(wb, 'invoices', 'inv').poNumber = '';
		rec(wb, 'workOrders', 'wo').poNumber = '';
		expect(findingsOf(wb, 'PO_MISSING')).toEqual([]);
	});

	it('fires when the invoice names a PO that does not exist for its customer, required or not', () => {
		const wb = cleanWorkbook();
		rec(wb, 'customers', 'cust').requiresPo = false;
		rec(wb, 'invoices', 'inv').poNumber = '999';
		const [f] = findingsOf(wb, 'PO_MISSING');
		expect(f!.message).toBe('Invoice INV-1 names PO 999, which does not exist for Mercy General.');
	});

	it("fires when the PO number exists only for another customer (keys are customer + number)", () => {
		const wb = cleanWorkbook();
		wb.customers.push(newCustomer('other', { name: 'Harbor Point' }));
		rec(wb, 'purchaseOrders', 'po').customerId = 'other';
		const found = findingsOf(wb, 'PO_MISSING');
		expect(found.map((f) => f.key)).toEqual(['PO_MISSING|invoices:inv', 'PO_MISSING|invoices:inv|workOrders:wo']);
		expect(found[0]!.message).toContain('names PO 884120, which does not exist for Mercy General');
	});

	it('fires when a billed work order has no PO number, lighting the job and the invoice cells naming it', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').poNumber = '';
		const [f] = findingsOf(wb, 'PO_MISSING');
		expect(f!.key).toBe('PO_MISSING|invoices:inv|workOrders:wo');
		expect(cells(f!)).toEqual(['invoiceLines:l1.woNumber', 'invoiceLines:l2.woNumber', 'invoices:inv.workOrderNumbers', 'workOrders:wo.poNumber']);
		expect(f!.message).toBe('Invoice INV-1 bills WO-1, which has no PO number; Mercy General requires one.');
		expect(f!.workOrderNumber).toBe('WO-1');
	});

	it('ignores void invoices', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').poNumber = '';
		rec(wb, 'invoices', 'inv').status = 'void';
		expect(findingsOf(wb, 'PO_MISSING')).toEqual([]);
	});
});

describe('TERMS_MISMATCH', () => {
	it('is a warning when the invoice terms differ from the PO terms, lighting both', () => {
		const wb = cleanWorkbook();
		rec(wb, 'purchaseOrders', 'po').terms = '2/10 Net 30';
		const [f] = findingsOf(wb, 'TERMS_MISMATCH');
		expect(f!.severity).toBe('warning');
		expect(cells(f!)).toEqual(['invoices:inv.terms', 'purchaseOrders:po.terms']);
		expect(f!.message).toBe('Invoice INV-1 has terms Net 30; PO 884120 states 2/10 Net 30.');
	});

	it('compares terms as parsed, not as typed', () => {
		const wb = cleanWorkbook();
		rec(wb, 'purchaseOrders', 'po').terms = '2% 10 net 30';
		rec(wb, 'invoices', 'inv').terms = '2/10 Net 30';
		expect(findingsOf(wb, 'TERMS_MISMATCH')).toEqual([]);
		rec(wb, 'purchaseOrders', 'po').terms = 'N30';
		rec(wb, 'invoices', 'inv').terms = 'net 30';
		expect(findingsOf(wb, 'TERMS_MISMATCH')).toEqual([]);
	});
});

describe('TICKET_NOT_COMPLETE', () => {
	it('fires when a billed job is in progress, lighting its status and the invoice cells naming it', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'in_progress', signedOffBy: '', signedOffOn: null });
		const [f] = findingsOf(wb, 'TICKET_NOT_COMPLETE');
		expect(f!.key).toBe('TICKET_NOT_COMPLETE|invoices:inv|workOrders:wo');
		expect(cells(f!)).toContain('workOrders:wo.status');
		expect(cells(f!)).toContain('invoices:inv.workOrderNumbers');
		expect(f!.message).toBe('Invoice INV-1 bills WO-1, which is in progress and not signed off.');
	});

	it('fires when the job is complete but lacks sign-off', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').signedOffOn = null;
		const [f] = findingsOf(wb, 'TICKET_NOT_COMPLETE');
		expect(f!.message).toBe('Invoice INV-1 bills WO-1, which is complete but not signed off.');
		expect(cells(f!)).toContain('workOrders:wo.signedOffOn');
	});

	it('counts jobs named only on the lines, and jobs named only in the header', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').workOrderNumbers = ['WO-2'];
		wb.workOrders.push(newWorkOrder('wo2', 'WO-2', 'cust', '2027-03-01', { status: 'open', poNumber: '884120' }));
		rec(wb, 'workOrders', 'wo').status = 'open';
		expect(findingsOf(wb, 'TICKET_NOT_COMPLETE').map((f) => f.key)).toEqual([
			'TICKET_NOT_COMPLETE|invoices:inv|workOrders:wo',
			'TICKET_NOT_COMPLETE|invoices:inv|workOrders:wo2'
		]);
	});

	it('reports a header job number that names no work order', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').workOrderNumbers = ['WO-1', 'WO-77'];
		const [f] = findingsOf(wb, 'TICKET_NOT_COMPLETE');
		expect(f!.message).toBe('Invoice INV-1 names work order WO-77, which does not exist.');
		expect(cells(f!)).toEqual(['invoices:inv.workOrderNumbers']);
	});

	it('does not fire for invoiced or closed jobs with sign-off, nor on void invoices', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').status = 'closed';
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'workOrders', 'wo').status = 'open';
		rec(wb, 'invoices', 'inv').status = 'void';
		expect(findingsOf(wb, 'TICKET_NOT_COMPLETE')).toEqual([]);
	});
});

describe('INTERNAL_BILLED', () => {
	it('fires when an internal job is on an invoice', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').type = 'internal';
		const [f] = findingsOf(wb, 'INTERNAL_BILLED');
		expect(f!.severity).toBe('error');
		expect(cells(f!)).toContain('workOrders:wo.type');
		expect(f!.message).toBe('Invoice INV-1 bills WO-1, an internal work order that is not billable.');
	});

	it('does not fire on a void invoice', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').type = 'internal';
		rec(wb, 'invoices', 'inv').status = 'void';
		expect(findingsOf(wb, 'INTERNAL_BILLED')).toEqual([]);
	});
});

describe('TICKET_OPEN_AFTER_BILLING', () => {
	it('is a warning when a sent invoice bills a job still in progress', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').status = 'sent';
		rec(wb, 'workOrders', 'wo').status = 'in_progress';
		const [f] = findingsOf(wb, 'TICKET_OPEN_AFTER_BILLING');
		expect(f!.severity).toBe('warning');
		expect(cells(f!)).toEqual(expect.arrayContaining(['invoices:inv.status', 'workOrders:wo.status']));
		expect(f!.message).toBe('Invoice INV-1 has been sent, but WO-1 is still in progress.');
	});

	it('does not fire for a draft (TICKET_NOT_COMPLETE covers it) or a paid invoice', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').status = 'open';
		expect(findingsOf(wb, 'TICKET_OPEN_AFTER_BILLING')).toEqual([]);
		rec(wb, 'invoices', 'inv').status = 'paid';
		expect(findingsOf(wb, 'TICKET_OPEN_AFTER_BILLING')).toEqual([]);
	});
});

describe('two customers with the same PO number', () => {
	it('keep their invoices and POs apart for PO existence and terms', () => {
		const wb = cleanWorkbook();
		wb.customers.push(newCustomer('other', { name: 'Harbor Point', requiresPo: true }));
		wb.purchaseOrders.push(newPurchaseOrder('po-other', 'other', '884120', '2027-02-01', { terms: 'Net 45' }));
		expect(findingsOf(wb)).toEqual([]);
		rec(wb, 'invoices', 'inv').terms = 'Net 45';
		const [f] = findingsOf(wb, 'TERMS_MISMATCH');
		expect(cells(f!)).toEqual(['invoices:inv.terms', 'purchaseOrders:po.terms']);
	});
});
