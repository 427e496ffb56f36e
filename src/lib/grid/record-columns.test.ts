import { describe, expect, it } from 'vitest';
import * as b from '$lib/testing/builders';
import { testWorkbooks } from '$lib/testing/workbooks';
import { orderedBy } from '$lib/state/row-order';
import type { ColDef } from 'ag-grid-community';
import type { ChangeOrder } from '$lib/domain/records';
import { changeOrderColumns, invoiceColumns, invoiceLineColumns, invoiceLineOrder, poLineBilledColumns, poLineOrder, purchaseOrderColumns, taskOrder, workOrderColumns, type BilledFigures } from './record-columns';

const NO_FIGURES: BilledFigures = { poBilled: () => null, woBilled: () => null };

const workbook = testWorkbooks('order');

describe('the all-lines grids open in reading order', () => {
	it('PO lines: by customer name, then PO number, then line number as a number; a line of no PO first', async () => {
		const zed = b.customer({ name: 'Zed Facilities' });
		const acme = b.customer({ name: 'Acme Hospital' });
		const poZ = b.purchaseOrder({ customerId: zed.id, number: '100' });
		const poA2 = b.purchaseOrder({ customerId: acme.id, number: '900' });
		const poA1 = b.purchaseOrder({ customerId: acme.id, number: '1000' });
		const lines = [
			b.poLine({ poId: poZ.id, lineNo: 1, description: 'Z 100/1' }),
			b.poLine({ poId: poA2.id, lineNo: 10, description: 'A 900/10' }),
			b.poLine({ poId: poA2.id, lineNo: 2, description: 'A 900/2' }),
			b.poLine({ poId: poA1.id, lineNo: 3, description: 'A 1000/3' }),
			b.poLine({ poId: 'po-gone', lineNo: 5, description: 'no PO' })
		];
		const wb = await workbook(async (db) => {
			await db.customers.bulkAdd([zed, acme]);
			await db.purchaseOrders.bulkAdd([poZ, poA2, poA1]);
			await db.poLines.bulkAdd(lines);
		});
		// PO numbers in counting order, "900" before "1000", as the grid's own sort puts them.
		expect(orderedBy(wb.tables.poLines.rows(), poLineOrder(wb)).map((l) => l.description)).toEqual(['no PO', 'A 900/2', 'A 900/10', 'A 1000/3', 'Z 100/1']);
	});

	it('invoice lines: by invoice number, then line number, and a renumbered invoice moves its lines', async () => {
		const c = b.customer();
		const i1 = b.invoice({ customerId: c.id, number: 'INV-2' });
		const i2 = b.invoice({ customerId: c.id, number: 'INV-1' });
		const wb = await workbook(async (db) => {
			await db.customers.add(c);
			await db.invoices.bulkAdd([i1, i2]);
			await db.invoiceLines.bulkAdd([
				b.invoiceLine({ invoiceId: i1.id, lineNo: 1, description: '2/1' }),
				b.invoiceLine({ invoiceId: i2.id, lineNo: 12, description: '1/12' }),
				b.invoiceLine({ invoiceId: i2.id, lineNo: 3, description: '1/3' })
			]);
		});
		const order = () => orderedBy(wb.tables.invoiceLines.rows(), invoiceLineOrder(wb)).map((l) => l.description);
		expect(order()).toEqual(['1/3', '1/12', '2/1']);
		wb.tables.invoices.apply({ upserts: [{ ...i1, number: 'INV-0' }], removes: [] });
		expect(order()).toEqual(['2/1', '1/3', '1/12']);
	});
});

describe('record numbers sort as people count them (regression: INV-1000 sorted before INV-999)', () => {
	it('the Number columns of invoices, work orders and POs, and the order of all tasks', async () => {
		const c = b.customer();
		const wos = ['WO-1000', 'WO-999', 'WO-99'].map((number) => b.workOrder({ customerId: c.id, number }));
		const wb = await workbook(async (db) => {
			await db.customers.add(c);
			await db.workOrders.bulkAdd(wos);
			await db.tasks.bulkAdd(wos.map((w) => b.task({ workOrderId: w.id, code: 'T1', description: w.number })));
		});
		const numbers = ['INV-1000', 'INV-999', 'INV-99', 'INV-1001'];
		const sortBy = (col: ColDef | undefined) => [...numbers].sort((x, y) => (col!.comparator as (a: string, b: string) => number)(x, y));
		expect(sortBy(invoiceColumns(wb, () => 0).find((col) => col.field === 'number'))).toEqual(['INV-99', 'INV-999', 'INV-1000', 'INV-1001']);
		expect(sortBy(workOrderColumns(wb, NO_FIGURES).find((col) => col.field === 'number'))).toEqual(['INV-99', 'INV-999', 'INV-1000', 'INV-1001']);
		expect(sortBy(purchaseOrderColumns(wb, NO_FIGURES).find((col) => col.field === 'number'))).toEqual(['INV-99', 'INV-999', 'INV-1000', 'INV-1001']);
		expect(orderedBy(wb.tables.tasks.rows(), taskOrder(wb)).map((t) => t.description)).toEqual(['WO-99', 'WO-999', 'WO-1000']);
	});
});

describe('an invoice the buyer holds and its lines do not open for editing', () => {
	it('locks every editable cell of a sent, paid or void invoice and its lines, and leaves a draft open', async () => {
		const c = b.customer();
		const invs = (['draft', 'sent', 'paid', 'void'] as const).map((status) => b.invoice({ customerId: c.id, number: `INV-${status}`, status }));
		const lines = invs.map((i) => b.invoiceLine({ invoiceId: i.id, lineNo: 1 }));
		const wb = await workbook(async (db) => {
			await db.customers.add(c);
			await db.invoices.bulkAdd(invs);
			await db.invoiceLines.bulkAdd(lines);
		});
		const editable = <T>(cols: ColDef<T>[], data: T) =>
			cols.filter((col) => (typeof col.editable === 'function' ? col.editable({ data } as never) : !!col.editable)).map((col) => col.field);
		const lineCols = invoiceLineColumns(wb, true);
		expect(editable(lineCols, lines[0]!)).toEqual(['lineNo', 'description', 'kind', 'qtyMilli', 'unit', 'rateCents', 'woNumber', 'taskCode', 'poLineNo', 'buyerItemCode']);
		expect(editable(lineCols, lines[1]!)).toEqual([]);
		expect(editable(lineCols, lines[2]!)).toEqual([]);
		expect(editable(lineCols, lines[3]!)).toEqual([]);
		const headerCols = invoiceColumns(wb, () => 0);
		expect(editable(headerCols, invs[0]!)).toEqual(['number', 'customerId', 'poNumber', 'invoiceDate', 'terms']);
		expect(editable(headerCols, invs[1]!)).toEqual([]);
		expect(editable(headerCols, invs[2]!)).toEqual([]);
	});
});

describe('a decided change order keeps its amount and description', () => {
	it('opens them for editing only while it is pending', () => {
		const cols = changeOrderColumns();
		const open = (co: ChangeOrder) => cols.filter((col) => (typeof col.editable === 'function' ? col.editable({ data: co } as never) : !!col.editable)).map((col) => col.field);
		expect(open(b.changeOrder({ status: 'pending', approvedBy: '', approvedOn: null }))).toEqual(['number', 'description', 'amountCents']);
		expect(open(b.changeOrder({ status: 'approved' }))).toEqual(['number']);
		expect(open(b.changeOrder({ status: 'rejected' }))).toEqual(['number']);
	});
});


describe('a PO line left to bill', () => {
	it('is marked over when a charge line is billed past it, never for a credit line still to give (domain.md, "Credit line")', async () => {
		const wb = await workbook(async () => {});
		const billedAs = (qtyMilli: number, amountCents: number): BilledFigures => ({ poBilled: () => ({ line: () => ({ qtyMilli, amountCents }) }) as never, woBilled: () => null });
		const over = (line: ReturnType<typeof b.poLine>, figures: BilledFigures, colId: string) => {
			const col = poLineBilledColumns(wb, figures).find((c) => c.colId === colId)!;
			const value = (col.valueGetter as (p: { data: typeof line }) => unknown)({ data: line });
			return (col.cellClassRules!['over-cap'] as (p: object) => boolean)({ value, data: line });
		};
		const charge = b.poLine({ qtyMilli: 5000, unitPriceCents: 2000, extendedCents: 10000 });
		expect(over(charge, billedAs(6000, 12000), 'remainingQty')).toBe(true);
		expect(over(charge, billedAs(6000, 12000), 'remaining')).toBe(true);
		expect(over(charge, billedAs(5000, 10000), 'remaining')).toBe(false);
		const credit = b.poLine({ qtyMilli: 1000, unitPriceCents: -15000, extendedCents: -15000 });
		expect(over(credit, billedAs(0, 0), 'remaining')).toBe(false);
		const returned = b.poLine({ qtyMilli: -2000, unitPriceCents: 1250, extendedCents: -2500 });
		expect(over(returned, billedAs(0, 0), 'remainingQty')).toBe(false);
	});
});
