import { describe, expect, it } from 'vitest';
import { sampleSettings, sampleWorkbook } from './sample-workbook';
import { validateSettings } from './validate';
import { defaultSettings, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from './records';
import { validateChangeOrder, validateCustomer, validateInvoice, validateInvoiceLine, validatePoLine, validatePurchaseOrder, validateSite, validateTask, validateWorkOrder } from './validate';

let n = 0;
const wb = sampleWorkbook('2027-01-15', () => `s-${++n}`);

describe('sample workbook', () => {
	it('is the size the first-run promise names', () => {
		expect(wb.customers).toHaveLength(3);
		expect(wb.customers.filter((c) => c.requiresPo)).toHaveLength(1);
		expect(wb.sites).toHaveLength(4);
		expect(wb.workOrders).toHaveLength(12);
		expect(wb.purchaseOrders).toHaveLength(3);
		expect(wb.invoices).toHaveLength(4);
		for (const po of wb.purchaseOrders) {
			const lines = wb.poLines.filter((l) => l.poId === po.id).length;
			expect(lines).toBeGreaterThanOrEqual(3);
			expect(lines).toBeLessThanOrEqual(8);
		}
	});

	it('covers every work-order type and status', () => {
		expect(new Set(wb.workOrders.map((w) => w.type))).toEqual(new Set(WORK_ORDER_TYPES));
		expect(new Set(wb.workOrders.map((w) => w.status))).toEqual(new Set(WORK_ORDER_STATUSES));
	});

	it('holds only valid records', () => {
		const problems = [
			...wb.customers.flatMap(validateCustomer),
			...wb.sites.flatMap(validateSite),
			...wb.workOrders.flatMap(validateWorkOrder),
			...wb.tasks.flatMap(validateTask),
			...wb.changeOrders.flatMap(validateChangeOrder),
			...wb.purchaseOrders.flatMap(validatePurchaseOrder),
			...wb.poLines.flatMap(validatePoLine),
			...wb.invoices.flatMap(validateInvoice),
			...wb.invoiceLines.flatMap(validateInvoiceLine)
		];
		expect(problems).toEqual([]);
	});

	it('keeps the situations AP rejects, for reconciliation to find', () => {
		const mercy = wb.customers.find((c) => c.requiresPo)!;
		const byNumber = (n: string) => wb.invoices.find((i) => i.number === n)!;
		const linesOf = (n: string) => wb.invoiceLines.filter((l) => l.invoiceId === byNumber(n).id);
		// A line with no ticket behind it.
		expect(linesOf('INV-1041').some((l) => l.kind === 'material' && !l.woNumber)).toBe(true);
		// An invoice with no PO for the customer that requires one.
		expect(byNumber('INV-1044')).toMatchObject({ customerId: mercy.id, poNumber: '' });
		// A warranty job billed at a non-zero rate.
		const warranty = wb.workOrders.find((w) => w.type === 'warranty')!;
		expect(wb.invoiceLines.some((l) => l.woNumber === warranty.number && l.rateCents > 0)).toBe(true);
		// A job with an NTE cap and an unapproved change order.
		const capped = wb.workOrders.find((w) => w.nteCents !== null)!;
		expect(wb.changeOrders.find((c) => c.workOrderId === capped.id)?.status).toBe('pending');
	});
});

describe('sampleSettings', () => {
	it('gives an empty profile the sample contractor and moves the counter past the sample invoices', () => {
		const s = sampleSettings(defaultSettings());
		expect(s.business.legalName).toBe('Alvarez Mechanical & Electric LLC');
		expect(s.business.remitStreet).toContain('PO Box');
		expect(s.business).toMatchObject({ street: '2150 Foundry Street, Suite 4', city: 'Springfield', region: 'IL', postalCode: '62703', remitCity: 'Springfield', remitPostalCode: '62791' });
		expect(s.nextInvoiceNo).toBe(1045);
		expect(validateSettings(s)).toEqual([]);
	});

	it('keeps a profile the person filled in and a counter already further on', () => {
		const mine = { ...defaultSettings(), nextInvoiceNo: 2001, business: { ...defaultSettings().business, legalName: 'Mine LLC' } };
		const s = sampleSettings(mine);
		expect(s.business.legalName).toBe('Mine LLC');
		expect(s.nextInvoiceNo).toBe(2001);
	});
});
