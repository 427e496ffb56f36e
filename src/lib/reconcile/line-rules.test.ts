import { describe, expect, it } from 'vitest';
import { addInvoice, cells, cleanWorkbook, findingsOf, newInvoiceLine, newPurchaseOrder, rec } from './test-kit';

describe('the clean workbook', () => {
	it('reconciles with no findings at all', () => {
		expect(findingsOf(cleanWorkbook())).toEqual([]);
	});
});

describe('LINE_UNBACKED', () => {
	it('fires when a work line names no work order, pointing at woNumber', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'invoiceLines', 'l2'), { woNumber: '', taskCode: '' });
		const [f, ...rest] = findingsOf(wb, 'LINE_UNBACKED');
		expect(rest).toEqual([]);
		expect(f!.severity).toBe('error');
		expect(cells(f!)).toEqual(['invoiceLines:l2.woNumber']);
		expect(f!.message).toContain('Invoice INV-1 line 2');
		expect(f!.key).toBe('LINE_UNBACKED|invoiceLines:l2');
		expect(f).toMatchObject({ invoiceNumber: 'INV-1', poNumber: '884120', customerId: 'cust' });
	});

	it('fires when the job exists but the task code does not, pointing at taskCode', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').taskCode = 'T9';
		const [f] = findingsOf(wb, 'LINE_UNBACKED');
		expect(cells(f!)).toEqual(['invoiceLines:l1.taskCode']);
		expect(f!.message).toContain('task T9 on WO-1');
	});

	it('fires when the job number names no work order', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').woNumber = 'WO-404';
		const [f] = findingsOf(wb, 'LINE_UNBACKED');
		expect(cells(f!)).toEqual(['invoiceLines:l1.woNumber']);
		expect(f!.message).toContain('WO-404, which does not exist');
	});

	it('does not fire for tax, freight or discount lines without a task, nor on void invoices', () => {
		const wb = cleanWorkbook();
		for (const kind of ['tax', 'freight', 'discount'] as const) {
			wb.invoiceLines.push(newInvoiceLine(`x-${kind}`, 'inv', 10 + wb.invoiceLines.length, { kind, qtyMilli: 1000, rateCents: kind === 'discount' ? -500 : 500 }));
		}
		expect(findingsOf(wb, 'LINE_UNBACKED')).toEqual([]);
		rec(wb, 'invoiceLines', 'l1').taskCode = 'T9';
		rec(wb, 'invoices', 'inv').status = 'void';
		// A void invoice bills nothing: only the now-unbilled tasks remain.
		expect(findingsOf(wb).map((f) => f.code)).toEqual(['UNBILLED_COMPLETE_WORK', 'UNBILLED_COMPLETE_WORK']);
	});
});

describe('WARRANTY_BILLED', () => {
	it('fires when a warranty job is billed at a non-zero rate, pointing at the rate and the job type', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'workOrders', 'wo'), { type: 'warranty', warrantyOf: 'WO-0' });
		const found = findingsOf(wb, 'WARRANTY_BILLED');
		expect(found.map((f) => f.key)).toEqual(['WARRANTY_BILLED|invoiceLines:l1', 'WARRANTY_BILLED|invoiceLines:l2']);
		expect(cells(found[0]!)).toEqual(['invoiceLines:l1.rateCents', 'workOrders:wo.type']);
		expect(found[0]!.message).toContain('$100.00/h');
		expect(found[0]!.message).toContain('$1,000.00');
		expect(found[0]!.message).toContain('warranty callback of WO-0');
	});

	it('does not fire at a zero rate', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').type = 'warranty';
		rec(wb, 'invoiceLines', 'l1').rateCents = 0;
		rec(wb, 'invoiceLines', 'l2').rateCents = 0;
		expect(findingsOf(wb, 'WARRANTY_BILLED')).toEqual([]);
	});
});

describe('QTY_OVER_PERFORMED', () => {
	it('is a warning when one line bills more than the task records, lighting both quantities', () => {
		const wb = cleanWorkbook();
		rec(wb, 'tasks', 't1').qtyMilli = 8000;
		const [f] = findingsOf(wb, 'QTY_OVER_PERFORMED');
		expect(f!.severity).toBe('warning');
		expect(cells(f!)).toEqual(['invoiceLines:l1.qtyMilli', 'tasks:t1.qtyMilli']);
		expect(f!.message).toBe('Invoice INV-1 line 1 bills 10 h; WO-1 T1 records 8 h done (2 h over).');
	});

	it('does not fire at or under the task quantity', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 9500;
		expect(findingsOf(wb, 'QTY_OVER_PERFORMED')).toEqual([]);
	});
});

describe('TAX_NOT_ALLOWED and FREIGHT_NOT_ALLOWED', () => {
	const withCharges = () => {
		const wb = cleanWorkbook();
		wb.invoiceLines.push(
			newInvoiceLine('tax', 'inv', 3, { kind: 'tax', qtyMilli: 1000, rateCents: 825 }),
			newInvoiceLine('frt', 'inv', 4, { kind: 'freight', qtyMilli: 1000, rateCents: 4500 })
		);
		return wb;
	};

	it('fire when the PO does not allow them, pointing at the line and the PO flag', () => {
		const wb = withCharges();
		Object.assign(rec(wb, 'purchaseOrders', 'po'), { taxAllowed: false, freightAllowed: false });
		const [tax] = findingsOf(wb, 'TAX_NOT_ALLOWED');
		const [frt] = findingsOf(wb, 'FREIGHT_NOT_ALLOWED');
		expect(cells(tax!)).toEqual(['invoiceLines:tax.kind', 'purchaseOrders:po.taxAllowed']);
		expect(tax!.message).toBe('Invoice INV-1 line 3 bills $8.25 of tax, but PO 884120 does not allow tax.');
		expect(cells(frt!)).toEqual(['invoiceLines:frt.kind', 'purchaseOrders:po.freightAllowed']);
		expect(frt!.message).toContain('$45.00 of freight');
	});

	it('do not fire when the PO allows them, even if the customer does not', () => {
		const wb = withCharges();
		Object.assign(rec(wb, 'customers', 'cust'), { taxAllowed: false, freightAllowed: false });
		expect(findingsOf(wb, 'TAX_NOT_ALLOWED')).toEqual([]);
		expect(findingsOf(wb, 'FREIGHT_NOT_ALLOWED')).toEqual([]);
	});

	it('fall back to the customer when the invoice has no PO', () => {
		const wb = withCharges();
		Object.assign(rec(wb, 'customers', 'cust'), { requiresPo: false, taxAllowed: false, freightAllowed: true });
		rec(wb, 'invoices', 'inv').poNumber = '';
		const [tax] = findingsOf(wb, 'TAX_NOT_ALLOWED');
		expect(cells(tax!)).toEqual(['customers:cust.taxAllowed', 'invoiceLines:tax.kind']);
		expect(tax!.message).toContain('Mercy General (no PO) does not allow tax');
		expect(findingsOf(wb, 'FREIGHT_NOT_ALLOWED')).toEqual([]);
	});
});

describe('PO_LINE_UNMATCHED', () => {
	it('fires when the PO line number names no line of the PO', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l2').poLineNo = 7;
		const [f] = findingsOf(wb, 'PO_LINE_UNMATCHED');
		expect(cells(f!)).toEqual(['invoiceLines:l2.poLineNo']);
		expect(f!.message).toBe('Invoice INV-1 line 2 names PO 884120 line 7, which does not exist.');
	});

	it('matches by buyer item code when the line has no PO line number', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l2').poLineNo = null;
		expect(findingsOf(wb)).toEqual([]);
	});

	it('fires when the item code matches no line, or more than one', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'invoiceLines', 'l2'), { poLineNo: null, buyerItemCode: 'NOPE' });
		expect(findingsOf(wb, 'PO_LINE_UNMATCHED')[0]!.message).toContain('no line of PO 884120 has buyer item NOPE');
		Object.assign(rec(wb, 'invoiceLines', 'l2'), { buyerItemCode: 'LAB' });
		rec(wb, 'poLines', 'pl2').buyerItemCode = 'LAB';
		const [f] = findingsOf(wb, 'PO_LINE_UNMATCHED');
		expect(f!.message).toContain('2 lines of PO 884120 have buyer item LAB');
		expect(cells(f!)).toEqual(['invoiceLines:l2.buyerItemCode']);
	});

	it('does not fire when the invoice has no PO (PO_MISSING says so instead)', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').poNumber = '';
		rec(wb, 'invoiceLines', 'l2').poLineNo = 7;
		expect(findingsOf(wb, 'PO_LINE_UNMATCHED')).toEqual([]);
	});
});

describe('UNIT_MISMATCH (regression: 20 kg billed against a PO line in lb showed no finding and summed kg with lb)', () => {
	it('fires when a line bills in another unit than its PO line, on both unit cells, and compares no price or quantity across them', () => {
		const wb = cleanWorkbook();
		// The same amount ($100.00), so that only the unit is wrong.
		Object.assign(rec(wb, 'invoiceLines', 'l2'), { unit: 'kg', rateCents: 4000, qtyMilli: 2500 });
		const found = findingsOf(wb);
		expect(found.map((f) => f.code)).toEqual(['UNIT_MISMATCH']);
		const [f] = found;
		expect(f!.severity).toBe('error');
		expect(cells(f!)).toEqual(['invoiceLines:l2.unit', 'poLines:pl2.unit']);
		expect(f!.message).toBe("Invoice INV-1 line 2 bills 2.5 kg; PO 884120 line 2 authorises 5 ea. AP matches quantities in the PO line's unit: bill in ea, or ask the buyer for a PO revision.");
	});

	it('the same unit written otherwise is no finding, and its price and quantity are still checked', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'invoiceLines', 'l1'), { unit: 'Hrs.', rateCents: 11000 });
		const codes = findingsOf(wb).map((f) => f.code);
		expect(codes).toContain('PRICE_MISMATCH');
		expect(codes).not.toContain('UNIT_MISMATCH');
	});

	it('a quantity in another unit is not added to the PO line\'s billed quantity', () => {
		const wb = cleanWorkbook();
		addInvoice(wb, 'inv2', 'INV-2', [{ description: 'More material', kind: 'material', qtyMilli: 4000, unit: 'kg', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2, buyerItemCode: 'MAT' }]);
		const codes = findingsOf(wb).map((f) => f.code);
		expect(codes).toContain('UNIT_MISMATCH');
		expect(codes).not.toContain('OVER_PO_QTY');
	});
});

describe('PRICE_MISMATCH', () => {
	it('does not fire for a warranty job billed at zero, its agreed price (regression: no warranty line could ever pass)', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').type = 'warranty';
		rec(wb, 'invoiceLines', 'l1').rateCents = 0;
		expect(findingsOf(wb, 'PRICE_MISMATCH').map((f) => f.key)).toEqual([]);
		expect(findingsOf(wb, 'WARRANTY_BILLED').map((f) => f.key)).toEqual(['WARRANTY_BILLED|invoiceLines:l2']);
		// A warranty line above zero is WARRANTY_BILLED's; a price that differs is still a mismatch.
		rec(wb, 'invoiceLines', 'l1').rateCents = 500;
		expect(findingsOf(wb, 'PRICE_MISMATCH').map((f) => f.key)).toEqual(['PRICE_MISMATCH|invoiceLines:l1']);
	});

	it('fires when the rate differs from the PO unit price, lighting both', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').rateCents = 10750;
		const [f] = findingsOf(wb, 'PRICE_MISMATCH');
		expect(f!.severity).toBe('error');
		expect(f!.withinTolerance).toBe(false);
		expect(cells(f!)).toEqual(['invoiceLines:l1.rateCents', 'poLines:pl1.unitPriceCents']);
		expect(f!.message).toBe('Invoice INV-1 line 1 bills $107.50/h; PO 884120 line 1 authorises $100.00/h ($7.50/h over, $75.00 on 10 h).');
	});

	it('is info, within tolerance, when the gap is inside priceBp of the PO price', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').rateCents = 10200;
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 0, priceBp: 200, absCents: 0 };
		const [f] = findingsOf(wb, 'PRICE_MISMATCH');
		expect(f).toMatchObject({ severity: 'info', withinTolerance: true });
		expect(f!.message).toContain('within tolerance');
		rec(wb, 'invoiceLines', 'l1').rateCents = 10201;
		expect(findingsOf(wb, 'PRICE_MISMATCH')[0]).toMatchObject({ severity: 'error', withinTolerance: false });
	});

	it('is within tolerance when the amount difference is inside absCents (global settings)', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').rateCents = 10250; // $25.00 over on 10 h
		wb.settings.tolerances = { qtyBp: 0, priceBp: 0, absCents: 2500 };
		expect(findingsOf(wb, 'PRICE_MISMATCH')[0]).toMatchObject({ withinTolerance: true, severity: 'info' });
		rec(wb, 'customers', 'cust').tolerances = { qtyBp: 0, priceBp: 0, absCents: 0 };
		expect(findingsOf(wb, 'PRICE_MISMATCH')[0]).toMatchObject({ withinTolerance: false, severity: 'error' });
	});

	it('does not fire at the PO price, or for lines matched to no PO line', () => {
		const wb = cleanWorkbook();
		expect(findingsOf(wb, 'PRICE_MISMATCH')).toEqual([]);
		Object.assign(rec(wb, 'invoiceLines', 'l1'), { rateCents: 99999, poLineNo: 9 });
		expect(findingsOf(wb, 'PRICE_MISMATCH')).toEqual([]);
	});

	it('reports a rate under the PO price as a mismatch too', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').rateCents = 9000;
		expect(findingsOf(wb, 'PRICE_MISMATCH')[0]!.message).toContain('$10.00/h under');
	});
});

describe('ITEM_CODE_MISMATCH', () => {
	it('is a warning when the line quotes another item code than its PO line', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').buyerItemCode = 'LAB-OT';
		const [f] = findingsOf(wb, 'ITEM_CODE_MISMATCH');
		expect(f!.severity).toBe('warning');
		expect(cells(f!)).toEqual(['invoiceLines:l1.buyerItemCode', 'poLines:pl1.buyerItemCode']);
		expect(f!.message).toBe('Invoice INV-1 line 1 quotes buyer item LAB-OT; PO 884120 line 1 is item LAB.');
	});

	it('does not fire when the line quotes no item code', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').buyerItemCode = '';
		expect(findingsOf(wb)).toEqual([]);
	});
});

describe('COST_CENTER_MISMATCH', () => {
	it("is a warning when the job's site cost centre differs from the PO line's, lighting both", () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').costCenter = 'CC-200';
		const [f] = findingsOf(wb, 'COST_CENTER_MISMATCH');
		expect(f!.severity).toBe('warning');
		expect(cells(f!)).toEqual(['invoiceLines:l1.poLineNo', 'poLines:pl1.costCenter', 'sites:site.costCenter', 'workOrders:wo.siteId']);
		expect(f!.message).toBe('Invoice INV-1 line 1 bills WO-1 at cost centre CC-100; PO 884120 line 1 is charged to cost centre CC-200.');
	});

	it('does not fire when either cost centre is blank', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').costCenter = '';
		rec(wb, 'poLines', 'pl2').costCenter = 'CC-200';
		rec(wb, 'sites', 'site').costCenter = '';
		expect(findingsOf(wb)).toEqual([]);
	});
});

describe('PO numbers shared by two customers', () => {
	it('resolve each invoice to its own customer’s PO', () => {
		const wb = cleanWorkbook();
		// Another buyer's PO 884120 with different prices must not be matched to INV-1.
		wb.customers.push({ ...rec(wb, 'customers', 'cust'), id: 'other', name: 'Harbor Point' });
		wb.purchaseOrders.push(newPurchaseOrder('po-other', 'other', '884120', '2027-02-01', { terms: '2/10 Net 30' }));
		wb.poLines.push({ ...rec(wb, 'poLines', 'pl1'), id: 'opl1', poId: 'po-other', unitPriceCents: 1 });
		expect(findingsOf(wb)).toEqual([]);
		// INV-2 belongs to the other buyer: its line 1 is checked against that buyer's $0.01 price.
		addInvoice(wb, 'inv2', 'INV-2', [{ kind: 'labor', qtyMilli: 1000, rateCents: 10000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'LAB' }], { customerId: 'other', terms: '2/10 Net 30' });
		const price = findingsOf(wb, 'PRICE_MISMATCH');
		expect(price.map((f) => cells(f))).toEqual([['invoiceLines:inv2-l1.rateCents', 'poLines:opl1.unitPriceCents']]);
	});
});
