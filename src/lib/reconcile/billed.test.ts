import { describe, expect, it } from 'vitest';
import { poBilled, woBilled } from './billed';
import { Index } from './keys/indexes';
import { addInvoice, cleanWorkbook, newChangeOrder, rec, type MutableWorkbook } from './test-kit';

const po = (wb: MutableWorkbook) => poBilled(Index.from(wb), rec(wb, 'purchaseOrders', 'po'));
const wo = (wb: MutableWorkbook) => woBilled(Index.from(wb), rec(wb, 'workOrders', 'wo'));

/** INV-2 on the same PO and job: 2 more hours on line 1, tax, freight and a discount. */
function withSecondInvoice(x: object = {}) {
	const wb = cleanWorkbook();
	addInvoice(
		wb,
		'inv2',
		'INV-2',
		[
			{ kind: 'labor', qtyMilli: 2000, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1 },
			{ kind: 'tax', qtyMilli: 1000, rateCents: 1234 },
			{ kind: 'freight', qtyMilli: 1000, rateCents: 5000, woNumber: 'WO-1' },
			{ kind: 'discount', qtyMilli: 1000, rateCents: -1000, woNumber: 'WO-1' }
		],
		x
	);
	return wb;
}

describe('what is billed against a PO', () => {
	it('adds up every non-void invoice, line by line, before tax', () => {
		const wb = withSecondInvoice();
		const b = po(wb);
		// $1,000 + $100 on INV-1; $200 labor + $50 freight − $10 discount on INV-2; the $12.34 tax never counts.
		expect(b.billedCents).toBe(134000);
		expect(b.capCents).toBe(110000);
		expect(b.line('pl1')).toEqual({ qtyMilli: 12000, amountCents: 120000 });
		expect(b.line('pl2')).toEqual({ qtyMilli: 5000, amountCents: 10000 });
	});

	it('leaves out freight where the PO does not allow it, and void invoices', () => {
		const wb = withSecondInvoice();
		rec(wb, 'purchaseOrders', 'po').freightAllowed = false;
		expect(po(wb).billedCents).toBe(129000);
		rec(wb, 'invoices', 'inv2').status = 'void';
		expect(po(wb).billedCents).toBe(110000);
		expect(po(wb).line('pl1')).toEqual({ qtyMilli: 10000, amountCents: 100000 });
	});

	it('caps at the blanket limit only when it is below the lines total', () => {
		const wb = cleanWorkbook();
		rec(wb, 'purchaseOrders', 'po').blanketLimitCents = 50000;
		expect(po(wb)).toMatchObject({ capCents: 50000, blanketBinds: true, linesTotalCents: 110000 });
		rec(wb, 'purchaseOrders', 'po').blanketLimitCents = 500000;
		expect(po(wb)).toMatchObject({ capCents: 110000, blanketBinds: false });
	});

	it('gives a PO with no invoices, and a line nothing matches, nothing billed', () => {
		const wb = cleanWorkbook();
		wb.invoices.length = 0;
		wb.invoiceLines.length = 0;
		expect(po(wb)).toMatchObject({ billedCents: 0, capCents: 110000, invoices: [] });
		expect(po(wb).line('no-such-line')).toEqual({ qtyMilli: 0, amountCents: 0 });
	});
});

describe('what is billed against a work order', () => {
	it('counts work, allowed freight and discounts, never tax, and only approved change orders raise the cap', () => {
		const wb = withSecondInvoice();
		rec(wb, 'workOrders', 'wo').nteCents = 120000;
		wb.changeOrders.push(newChangeOrder('co1', 'wo', 'CO-1', { amountCents: 30000, status: 'approved' }), newChangeOrder('co2', 'wo', 'CO-2', { amountCents: 99900, status: 'pending' }));
		const b = wo(wb);
		expect(b.billedCents).toBe(134000);
		expect(b.raiseCents).toBe(30000);
		expect(b.capCents).toBe(150000);
		expect(b.lines.map((l) => l.id).sort()).toEqual(['inv2-l1', 'inv2-l3', 'inv2-l4', 'l1', 'l2']);
	});

	it('has no cap without an NTE, and drops a voided invoice', () => {
		const wb = withSecondInvoice({ status: 'void' });
		expect(wo(wb)).toMatchObject({ billedCents: 110000, capCents: null });
	});
});
