import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../domain/records';
import { reconcileAll } from './reconcile-all';
import { Reconciler } from './reconciler';
import { cleanWorkbook, emptyWorkbook, newCustomer, newInvoice, newInvoiceLine, newTask, newWorkOrder, rec } from './test-kit';

describe('Reconciler', () => {
	it('starts from the same findings as reconcileAll', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 12000;
		expect(new Reconciler(wb).findings()).toEqual(reconcileAll(wb));
	});

	it('reports which records to re-render after an edit, and what was added and removed', () => {
		const wb = cleanWorkbook();
		const r = new Reconciler(wb);
		const l1 = rec(wb, 'invoiceLines', 'l1');
		const res = r.apply({ table: 'invoiceLines', upserts: [{ ...l1, qtyMilli: 12000 }], removes: [] });
		expect(res.added.map((f) => f.code).sort()).toEqual(['OVER_PO_QTY', 'OVER_PO_TOTAL', 'QTY_OVER_PERFORMED']);
		expect(res.removed).toEqual([]);
		expect([...res.changed.get('invoiceLines')!]).toEqual(['l1']);
		expect([...res.changed.get('poLines')!]).toEqual(['pl1']);
		expect([...res.changed.get('tasks')!]).toEqual(['t1']);
		expect(res.ids).toEqual(new Set(['l1', 'pl1', 't1', 'po', 'inv']));
		// The cells to redraw: each record's fields named by the findings that changed.
		expect(Object.fromEntries([...res.fields].map(([id, f]) => [id, [...f].sort()]))).toEqual({ l1: ['qtyMilli'], pl1: ['qtyMilli'], t1: ['qtyMilli'], po: ['total'], inv: ['total'] });
		expect(r.counts()).toEqual({ error: 2, warning: 1, info: 0 });

		const back = r.apply({ table: 'invoiceLines', upserts: [l1], removes: [] });
		expect(back.added).toEqual([]);
		expect(back.removed.map((f) => f.code).sort()).toEqual(['OVER_PO_QTY', 'OVER_PO_TOTAL', 'QTY_OVER_PERFORMED']);
		expect(r.findings()).toEqual([]);
		expect(r.counts()).toEqual({ error: 0, warning: 0, info: 0 });
	});

	it('answers per record', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoiceLines', 'l1').qtyMilli = 12000;
		const r = new Reconciler(wb);
		expect(r.forRecord('tasks', 't1').map((f) => f.code)).toEqual(['QTY_OVER_PERFORMED']);
		expect(r.forRecord('invoiceLines', 'l1').map((f) => f.code)).toEqual(['OVER_PO_QTY', 'QTY_OVER_PERFORMED']);
		expect(r.forRecord('invoiceLines', 'l2')).toEqual([]);
		expect(r.finding('QTY_OVER_PERFORMED|invoiceLines:l1')?.severity).toBe('warning');
	});

	it('follows a work order renumbered, then the lines that name it', () => {
		const wb = cleanWorkbook();
		const r = new Reconciler(wb);
		r.apply({ table: 'workOrders', upserts: [{ ...rec(wb, 'workOrders', 'wo'), number: 'WO-9' }], removes: [] });
		expect(r.findings().map((f) => f.code)).toEqual(
			expect.arrayContaining(['LINE_UNBACKED', 'TICKET_NOT_COMPLETE', 'UNBILLED_COMPLETE_WORK'])
		);
		const lines = wb.invoiceLines.map((l) => ({ ...l, woNumber: 'WO-9' }));
		r.apply({ table: 'invoiceLines', upserts: lines, removes: [] });
		r.apply({ table: 'invoices', upserts: [{ ...rec(wb, 'invoices', 'inv'), workOrderNumbers: ['WO-9'] }], removes: [] });
		expect(r.findings()).toEqual([]);
	});

	it('follows a PO renumbered, then the invoice and job that name it', () => {
		const wb = cleanWorkbook();
		const r = new Reconciler(wb);
		r.apply({ table: 'purchaseOrders', upserts: [{ ...rec(wb, 'purchaseOrders', 'po'), number: '884121' }], removes: [] });
		// The job's PO_UNKNOWN warns from the start; the invoice's PO_MISSING says AP would reject it.
		expect(r.findings().map((f) => f.key)).toEqual(['PO_MISSING|invoices:inv', 'PO_MISSING|invoices:inv|workOrders:wo', 'PO_UNKNOWN|workOrders:wo']);
		r.apply({ table: 'invoices', upserts: [{ ...rec(wb, 'invoices', 'inv'), poNumber: '884121' }], removes: [] });
		r.apply({ table: 'workOrders', upserts: [{ ...rec(wb, 'workOrders', 'wo'), poNumber: '884121' }], removes: [] });
		expect(r.findings()).toEqual([]);
	});

	it('handles deletes, and a duplicate key taking over when the record holding it goes', () => {
		const wb = cleanWorkbook();
		// A second work order numbered WO-1 (the database refuses this; the engine stays deterministic).
		wb.workOrders.push(newWorkOrder('wo-b', 'WO-1', 'cust', '2027-03-01', { status: 'open' }));
		wb.tasks.push(newTask('tb', 'wo-b', 'T1', { qtyMilli: 1000 }));
		const r = new Reconciler(wb);
		expect(r.findings()).toEqual(reconcileAll(wb));
		r.apply({ table: 'workOrders', upserts: [], removes: ['wo'] });
		const left = { ...wb, workOrders: wb.workOrders.filter((w) => w.id !== 'wo') };
		expect(r.findings()).toEqual(reconcileAll(left));
		expect(r.findings().map((f) => f.code)).toContain('QTY_OVER_PERFORMED');
	});

	it('re-runs everything on a settings change and staleness on a new day', () => {
		const wb = cleanWorkbook('2027-03-15');
		rec(wb, 'invoiceLines', 'l1').rateCents = 10100;
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'invoiced', openedOn: '2027-03-01' });
		rec(wb, 'poLines', 'pl1').extendedCents = 101000;
		const r = new Reconciler(wb);
		expect(r.findings()[0]).toMatchObject({ code: 'PRICE_MISMATCH', severity: 'error' });
		r.apply({ table: 'settings', upserts: [{ ...defaultSettings(), tolerances: { qtyBp: 0, priceBp: 100, absCents: 0 } }] });
		expect(r.findings()[0]).toMatchObject({ code: 'PRICE_MISMATCH', severity: 'info', withinTolerance: true });
		r.apply({ table: 'workOrders', upserts: [{ ...rec(wb, 'workOrders', 'wo'), status: 'open', signedOffBy: 'x' }], removes: [] });
		expect(r.findings().some((f) => f.code === 'STALE_TICKET')).toBe(false);
		const res = r.setToday('2027-05-01');
		expect(res.added.map((f) => f.code)).toEqual(['STALE_TICKET']);
	});

	it('re-runs only the scopes an edit touches', () => {
		const wb = emptyWorkbook();
		wb.customers.push(newCustomer('cust'));
		for (let i = 0; i < 200; i++) {
			wb.workOrders.push(newWorkOrder(`wo${i}`, `WO-${i}`, 'cust', '2027-03-01', { status: 'complete' }));
			wb.tasks.push(newTask(`t${i}`, `wo${i}`, 'T1', { done: true, rateCents: 100 }));
			wb.invoices.push(newInvoice(`inv${i}`, `INV-${i}`, 'cust', '2027-03-10', 'Net 30', { workOrderNumbers: [`WO-${i}`] }));
			wb.invoiceLines.push(newInvoiceLine(`l${i}`, `inv${i}`, 1, { woNumber: `WO-${i}`, taskCode: 'T1', rateCents: 100 }));
		}
		const r = new Reconciler(wb);
		const res = r.apply({ table: 'invoiceLines', upserts: [{ ...wb.invoiceLines[7]!, qtyMilli: 5000 }], removes: [] });
		// Its invoice (with its lines) and its work order (with its tasks): nothing of the other 199 jobs.
		expect(res.evaluated).toBe(2);
		expect(res.added.map((f) => f.code)).toEqual(['QTY_OVER_PERFORMED']);
	});

	it('regression: an unchanged finding re-run by one edit and changed by the next is counted once (stale object identity)', () => {
		// Found by the property test: a customer edit re-ran a work order's scope; its STALE_TICKET was
		// unchanged, but the scope stored the fresh copy while the key index kept the old one, so the
		// settings change that followed could not remove it and counted it twice.
		const wb = emptyWorkbook();
		wb.customers.push(newCustomer('c1'));
		wb.workOrders.push(newWorkOrder('w4', 'WO-1', 'c1', '2027-01-01', { status: 'open' }));
		const r = new Reconciler(wb);
		r.apply({ table: 'customers', upserts: [{ ...wb.customers[0]!, name: 'Mercy' }], removes: [] });
		r.apply({ table: 'settings', upserts: [{ ...defaultSettings(), staleDays: 10 }] });
		expect(r.counts()).toEqual({ error: 0, warning: 0, info: 1 });
		expect(r.findings()).toHaveLength(1);
	});
});
