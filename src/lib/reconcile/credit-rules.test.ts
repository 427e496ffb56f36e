import { describe, expect, it } from 'vitest';
import { addInvoice, cells, cleanWorkbook, findingsOf, newInvoiceLine, newPoLine, newTask, rec, type MutableWorkbook } from './test-kit';

/*
 * Credit lines (domain.md, "Credit line") through every rule that reads quantities or amounts.
 * A credit is a negative unit price (a discount) or a negative quantity (a returned part); it
 * lowers totals, is matched like any line, and can never make a line "over".
 */

/** The clean workbook plus PO line 3, a $150.00 goodwill credit written as a negative price, and task T3 that carries it. */
function withPoCredit(): MutableWorkbook {
	const wb = cleanWorkbook();
	wb.poLines.push(newPoLine('pl3', 'po', 3, { description: 'Goodwill credit', buyerItemCode: 'CR', qtyMilli: 1000, unit: 'ea', unitPriceCents: -15000, extendedCents: -15000 }));
	wb.tasks.push(newTask('t3', 'wo', 'T3', { description: 'Goodwill credit', kind: 'fee', qtyMilli: 1000, unit: 'ea', rateCents: -15000, buyerItemCode: 'CR', poLineNo: 3, done: true }));
	return wb;
}

const creditLine = (x: object = {}) => newInvoiceLine('l3', 'inv', 3, { description: 'Goodwill credit', kind: 'fee', qtyMilli: 1000, unit: 'ea', rateCents: -15000, woNumber: 'WO-1', taskCode: 'T3', poLineNo: 3, buyerItemCode: 'CR', ...x });

describe('a credit carried by the PO and billed as the PO writes it', () => {
	it('raises nothing: matched to its PO line, the totals lowered on both sides', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine());
		expect(findingsOf(wb)).toEqual([]);
	});

	it('written the other way round (-1 × $150.00 against 1 × -$150.00) is the same credit: no PRICE_MISMATCH', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine({ qtyMilli: -1000, rateCents: 15000 }));
		expect(findingsOf(wb, 'PRICE_MISMATCH')).toEqual([]);
	});

	it('a different credit amount is a PRICE_MISMATCH, compared without signs', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine({ rateCents: -10000 }));
		const [f, ...rest] = findingsOf(wb, 'PRICE_MISMATCH');
		expect(rest).toEqual([]);
		expect(f!.message).toBe('Invoice INV-1 line 3 bills -$100.00/ea; PO 884120 line 3 authorises -$150.00/ea ($50.00/ea under, $50.00 on 1 ea).');
	});

	it('a charge against the PO credit line is a PRICE_MISMATCH that says so', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine({ rateCents: 15000 }));
		const found = findingsOf(wb, 'PRICE_MISMATCH');
		expect(found.map((f) => f.message)).toEqual(['Invoice INV-1 line 3 bills $150.00 as a charge; PO 884120 line 3 is a credit of -$150.00.']);
		expect(cells(found[0]!)).toEqual(['invoiceLines:l3.rateCents', 'poLines:pl3.unitPriceCents']);
	});

	it('leaving the PO credit off the invoice is OVER_PO_TOTAL: the credit lowered what may be billed', () => {
		const wb = withPoCredit();
		// The lines' total is $1,000 + $100 - $150 = $950; INV-1 bills $1,100 without the credit.
		const [f] = findingsOf(wb, 'OVER_PO_TOTAL');
		expect(f!.message).toBe('PO 884120 is billed $1,100.00 before tax on INV-1, over its lines\' total of $950.00 by $150.00.');
	});
});

describe('a credit can never make a line over', () => {
	it('OVER_PO_QTY: a PO credit line is never over, however often it is credited', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine());
		addInvoice(wb, 'inv2', 'INV-2', [{ description: 'Goodwill credit', kind: 'fee', qtyMilli: 1000, unit: 'ea', rateCents: -15000, woNumber: 'WO-1', taskCode: 'T3', poLineNo: 3 }]);
		expect(findingsOf(wb, 'OVER_PO_QTY')).toEqual([]);
	});

	it('OVER_PO_QTY: a returned part gives its quantity back to the PO line', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl2').extendedCents = 20000;
		// 5 ea billed, 2 returned, 2 billed again: 5 ea drawn of the 5 authorised.
		addInvoice(wb, 'inv2', 'INV-2', [
			{ description: 'Returned', kind: 'material', qtyMilli: -2000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2 },
			{ description: 'Replacement', kind: 'material', qtyMilli: 2000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2 }
		]);
		expect(findingsOf(wb, 'OVER_PO_QTY')).toEqual([]);
		// One more replacement is 1 ea over: the credit never hides a real over-bill.
		rec(wb, 'invoiceLines', 'inv2-l2').qtyMilli = 3000;
		expect(findingsOf(wb, 'OVER_PO_QTY').map((f) => f.message)).toEqual(['PO 884120 line 2 authorises 5 ea; INV-1 line 2, INV-2 line 1 and INV-2 line 2 bill 6 ea in all (1 ea over).']);
	});

	it('OVER_PO_QTY: a price credit on a PO line draws no quantity from it', () => {
		const wb = cleanWorkbook();
		addInvoice(wb, 'inv2', 'INV-2', [{ description: 'Volume discount', kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: -500, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1 }]);
		expect(findingsOf(wb, 'OVER_PO_QTY')).toEqual([]);
	});

	it('DUPLICATE_BILLING on a PO line: the same credit on two invoices is no charge repeated', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine());
		addInvoice(wb, 'inv2', 'INV-2', [{ description: 'Goodwill credit', kind: 'fee', qtyMilli: 1000, unit: 'ea', rateCents: -15000, woNumber: 'WO-1', taskCode: 'T3', poLineNo: 3 }]);
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
	});

	it('DUPLICATE_BILLING on a task: a return between two bills of the same task nets out', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl2').qtyMilli = 10000;
		rec(wb, 'poLines', 'pl2').extendedCents = 20000;
		addInvoice(wb, 'inv2', 'INV-2', [
			{ description: 'Returned', kind: 'material', qtyMilli: -1000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2 },
			{ description: 'Replacement', kind: 'material', qtyMilli: 1000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2 }
		]);
		expect(findingsOf(wb, 'DUPLICATE_BILLING')).toEqual([]);
		rec(wb, 'invoiceLines', 'inv2-l1').qtyMilli = 1000; // no longer a return: 7 ea of T2's 5
		expect(findingsOf(wb, 'DUPLICATE_BILLING').map((f) => f.key)).toContain('DUPLICATE_BILLING|tasks:t2');
	});

	it('QTY_OVER_PERFORMED: a returned part is never more than the task did', () => {
		const wb = cleanWorkbook();
		wb.tasks.push(newTask('t9', 'wo', 'T9', { description: 'Returned filter', kind: 'material', qtyMilli: -2000, unit: 'ea', rateCents: 2000, done: true }));
		wb.invoiceLines.push(newInvoiceLine('l9', 'inv', 3, { description: 'Returned filter', kind: 'material', qtyMilli: -1000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T9', poLineNo: 2 }));
		expect(findingsOf(wb, 'QTY_OVER_PERFORMED')).toEqual([]);
	});

	it('OVER_NTE: a credit lowers what the job is billed', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').nteCents = 100000; // INV-1 bills $1,100
		expect(findingsOf(wb, 'OVER_NTE')).toHaveLength(1);
		wb.invoiceLines.push(newInvoiceLine('l9', 'inv', 3, { description: 'Returned', kind: 'material', qtyMilli: -5000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2 }));
		expect(findingsOf(wb, 'OVER_NTE')).toEqual([]);
	});
});

describe('credits and the other rules that read amounts', () => {
	it('WARRANTY_BILLED: a credit on a warranty job bills nothing', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').type = 'warranty';
		rec(wb, 'workOrders', 'wo').warrantyOf = 'WO-0';
		rec(wb, 'invoiceLines', 'l1').rateCents = 0;
		rec(wb, 'invoiceLines', 'l2').qtyMilli = -5000;
		expect(findingsOf(wb, 'WARRANTY_BILLED')).toEqual([]);
		rec(wb, 'invoiceLines', 'l2').qtyMilli = 5000;
		expect(findingsOf(wb, 'WARRANTY_BILLED').map((f) => f.key)).toEqual(['WARRANTY_BILLED|invoiceLines:l2']);
	});

	it('FREIGHT_NOT_ALLOWED: a freight credit takes nothing AP did not agree to', () => {
		const wb = cleanWorkbook();
		rec(wb, 'purchaseOrders', 'po').freightAllowed = false;
		wb.invoiceLines.push(newInvoiceLine('l9', 'inv', 3, { description: 'Freight refund', kind: 'freight', qtyMilli: 1000, rateCents: -2500 }));
		expect(findingsOf(wb, 'FREIGHT_NOT_ALLOWED')).toEqual([]);
		rec(wb, 'invoiceLines', 'l9').rateCents = 2500;
		expect(findingsOf(wb, 'FREIGHT_NOT_ALLOWED')).toHaveLength(1);
	});

	it('PO_LINE_UNMATCHED: a credit the PO does not carry is unmatched when the invoice has a PO, and not otherwise', () => {
		const wb = withPoCredit();
		wb.invoiceLines.push(creditLine({ poLineNo: 7 }));
		expect(findingsOf(wb, 'PO_LINE_UNMATCHED').map((f) => f.message)).toEqual(['Invoice INV-1 line 3 names PO 884120 line 7, which does not exist.']);
		rec(wb, 'customers', 'cust').requiresPo = false;
		rec(wb, 'invoices', 'inv').poNumber = '';
		expect(findingsOf(wb, 'PO_LINE_UNMATCHED')).toEqual([]);
	});

	it('UNBILLED_COMPLETE_WORK: a credit task not yet on an invoice is said as a credit not yet given', () => {
		const wb = withPoCredit();
		const [f] = findingsOf(wb, 'UNBILLED_COMPLETE_WORK');
		expect(f!.message).toBe('WO-1 T3 (Goodwill credit) is done but on no invoice: a credit of $150.00 not yet given.');
	});

	it('a returned part billed against the charge line it returns, at the PO price, is no PRICE_MISMATCH', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl2').extendedCents = 20000;
		wb.invoiceLines.push(newInvoiceLine('l9', 'inv', 3, { description: 'Returned', kind: 'material', qtyMilli: -1000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2, buyerItemCode: 'MAT' }));
		expect(findingsOf(wb)).toEqual([]);
	});

	it('a discount written as a price credit against a charge line is a PRICE_MISMATCH: the PO does not carry it', () => {
		const wb = cleanWorkbook();
		wb.invoiceLines.push(newInvoiceLine('l9', 'inv', 3, { description: 'Discount', kind: 'labor', qtyMilli: 1000, unit: 'h', rateCents: -5000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1 }));
		expect(findingsOf(wb, 'PRICE_MISMATCH').map((f) => f.key)).toEqual(['PRICE_MISMATCH|invoiceLines:l9']);
	});
});
