import { describe, expect, it } from 'vitest';
import { newCustomer } from '$lib/domain/factories';
import type { Task, WorkOrder } from '$lib/domain/records';
import { convertInvoices } from './convert-invoices';
import { convertWorkOrders } from './convert-work-orders';
import { suggestMapping } from './mapping';
import { parseTable } from './parse';
import { planInvoiceImport, planWorkOrderImport } from './revision-kinds';
import { counter } from './test-helpers';

const customers = [newCustomer('c1', { name: 'Acme' })];
const opts = { decimal: '.', dateOrder: 'mdy' } as const;
const ctx = (name: string) => ({ fileName: name, customerId: 'c1', customers, today: '2027-02-01', idGen: counter(name) });
const table = (text: string) => {
	const t = parseTable(text, { delimiter: ',', headerRow: 1, fileName: 'f.csv' });
	if (!t.ok) throw new Error(t.problems[0]!.message);
	return t;
};
function jobs(text: string, name: string) {
	const t = table(text);
	const r = convertWorkOrders(t, suggestMapping('workOrder', t.header), opts, ctx(name));
	if (!r.ok) throw new Error(r.problems[0]!.message);
	return r;
}
function invoices(text: string, name: string) {
	const t = table(text);
	const r = convertInvoices(t, suggestMapping('invoice', t.header), opts, ctx(name));
	if (!r.ok) throw new Error(r.problems[0]!.message);
	return r;
}

const JOBS = 'WO,Status,Task,Description,Hours,Rate\nWO-1,open,T1,Diagnose,1,95\nWO-1,open,T2,Repair,2,95\nWO-1,open,T3,Test,1,95\n';
const JOBS2 = 'WO,Status,Task,Description,Hours,Rate\nWO-1,in progress,T1,Diagnose,1.5,95\nWO-1,in progress,T2,Repair,2,95\nWO-1,in progress,T4,Clean up,1,60\n';

describe('work order re-import', () => {
	it('same file twice: nothing to write; a changed file: tasks by code, ids kept, exact diff', () => {
		const first = jobs(JOBS, 'a.csv');
		const p1 = planWorkOrderImport(first.groups, first.mapped, { workOrders: [], tasks: [] }, 'a.csv');
		expect(p1.plans.map((p) => p.status)).toEqual(['new']);
		const stored = { workOrders: p1.write.put.workOrders, tasks: p1.write.put.tasks };
		const again = jobs(JOBS, 'a.csv');
		const p2 = planWorkOrderImport(again.groups, again.mapped, stored, 'a.csv');
		expect(p2.changed).toBe(false);
		expect(p2.write).toEqual({ put: { workOrders: [], tasks: [] }, delete: { tasks: [] } });

		const revised = jobs(JOBS2, 'b.csv');
		const p3 = planWorkOrderImport(revised.groups, revised.mapped, stored, 'b.csv');
		const plan = p3.plans[0]!;
		const idOf = (code: string) => stored.tasks.find((t) => t.code === code)!.id;
		expect(plan.record.id).toBe(stored.workOrders[0]!.id);
		expect(plan.headerChanges).toEqual([{ field: 'status', label: 'status', from: '"open"', to: '"in_progress"' }]);
		expect(plan.changed).toEqual([{ key: 'T1', id: idOf('T1'), changes: [{ field: 'qtyMilli', label: 'quantity', from: '1', to: '1.5' }] }]);
		expect(plan.added.map((t) => [t.code, t.workOrderId])).toEqual([['T4', stored.workOrders[0]!.id]]);
		expect(p3.write.delete.tasks).toEqual([idOf('T3')]);
		expect(p3.write.put.tasks.map((t) => t.code)).toEqual(['T1', 'T4']);
		expect(plan.summary).toBe('Work order WO-1 from b.csv: status "open" → "in_progress"; T1: quantity 1 → 1.5; added task T4 (Clean up); removed task T3 (Test)');
		expect(p3.refused).toEqual([]);
	});

	const storedAs = (status: WorkOrder['status']): { workOrders: WorkOrder[]; tasks: Task[] } => {
		const first = jobs(JOBS, 'a.csv');
		const p = planWorkOrderImport(first.groups, first.mapped, { workOrders: [], tasks: [] }, 'a.csv');
		return { workOrders: p.write.put.workOrders.map((w) => ({ ...w, status, signedOffBy: 'M. Greene', signedOffOn: '2027-01-30' })), tasks: p.write.put.tasks };
	};

	it('never takes an invoiced job back, nor drops the tasks its invoice bills (regression: a file reopened an invoiced job and deleted a billed task)', () => {
		const stored = storedAs('invoiced');
		const back = jobs(JOBS.replace(/open/g, 'Open'), 'back.csv');
		expect(planWorkOrderImport(back.groups, back.mapped, stored, 'back.csv').refused).toEqual([{ row: 2, number: 'WO-1', field: 'status', signOff: false, message: 'WO-1 is invoiced and cannot become open by import; void its invoice in Tieout first.' }]);
		const dropped = jobs('WO,Status,Task,Description,Hours,Rate\nWO-1,invoiced,T1,Diagnose,1,95\nWO-1,invoiced,T3,Test,1,95\n', 'dropped.csv');
		expect(planWorkOrderImport(dropped.groups, dropped.mapped, stored, 'dropped.csv').refused.map((r) => r.message)).toEqual([
			'WO-1 is invoiced; the file leaves out its task T2, which an invoice bills. Keep it in the file.'
		]);
		// Onward is fine: invoiced → closed, with every task.
		const closed = jobs(JOBS.replace(/open/g, 'closed'), 'closed.csv');
		const plan = planWorkOrderImport(closed.groups, closed.mapped, stored, 'closed.csv');
		expect(plan.refused).toEqual([]);
		expect(plan.write.put.workOrders.map((w) => [w.status, w.signedOffBy])).toEqual([['closed', 'M. Greene']]);
	});

	it('judges a sign-off on the job as merged: a file without sign-off columns may mark a signed-off job complete, not an unsigned one (regression: such a file was refused)', () => {
		const complete = jobs(JOBS.replace(/open/g, 'complete'), 'complete.csv');
		expect(planWorkOrderImport(complete.groups, complete.mapped, storedAs('in_progress'), 'complete.csv').refused).toEqual([]);
		const unsigned = { ...storedAs('in_progress') };
		unsigned.workOrders = unsigned.workOrders.map((w) => ({ ...w, signedOffBy: '', signedOffOn: null }));
		expect(planWorkOrderImport(complete.groups, complete.mapped, unsigned, 'complete.csv').refused.map((r) => r.message)).toEqual(['WO-1: A complete work order needs a sign-off: who signed it off']);
		expect(planWorkOrderImport(complete.groups, complete.mapped, { workOrders: [], tasks: [] }, 'complete.csv').refused).toHaveLength(1);
	});
});

describe('invoice re-import', () => {
	it('an invoice number the file gives another customer is refused, naming both (regression: the review showed the customers as ids)', () => {
		const both = [...customers, newCustomer('c2', { name: 'Bayview Retail' })];
		const read = (text: string) => {
			const t = table(text);
			const r = convertInvoices(t, suggestMapping('invoice', t.header), opts, { ...ctx('a.csv'), customers: both });
			if (!r.ok) throw new Error(r.problems[0]!.message);
			return r;
		};
		const first = read('Invoice,Customer,Line,Description,Qty,Rate\nINV-1,Acme,1,Labor,2,95\n');
		const stored = { invoices: first.groups.map((g) => g.invoice), invoiceLines: first.groups.flatMap((g) => g.lines) };
		const name = (id: string) => both.find((c) => c.id === id)?.name;
		const moved = read('Invoice,Customer,Line,Description,Qty,Rate\nINV-1,Bayview Retail,1,Labor,2,95\n');
		expect(planInvoiceImport(moved.groups, moved.mapped, stored, 'b.csv', name).refused).toEqual([
			{ row: 2, statusRefused: false, customerRefused: true, message: 'INV-1 is an invoice of Acme, and the file names Bayview Retail. An invoice keeps its customer: correct the file, or give the other invoice its own number.' }
		]);
	});

	it('same file twice: nothing to write; a changed rate: that line only, its id kept', () => {
		const text = 'Invoice,Line,Description,Qty,Rate,WO\nINV-1,1,Labor,2,95,WO-1\nINV-1,2,Trip,1,45,WO-1\n';
		const first = invoices(text, 'a.csv');
		const p1 = planInvoiceImport(first.groups, first.mapped, { invoices: [], invoiceLines: [] }, 'a.csv');
		const stored = { invoices: p1.write.put.invoices, invoiceLines: p1.write.put.invoiceLines };
		const again = invoices(text, 'a.csv');
		expect(planInvoiceImport(again.groups, again.mapped, stored, 'a.csv').changed).toBe(false);
		const revised = invoices(text.replace('Trip,1,45', 'Trip,1,50'), 'b.csv');
		const p3 = planInvoiceImport(revised.groups, revised.mapped, stored, 'b.csv');
		expect(p3.plans[0]!.changed).toEqual([{ key: 2, id: stored.invoiceLines[1]!.id, changes: [{ field: 'rateCents', label: 'rate', from: '$45.00', to: '$50.00' }] }]);
		expect(p3.write.put.invoices.map((v) => v.id)).toEqual([stored.invoices[0]!.id]);
		expect(p3.write.put.invoiceLines.map((l) => l.id)).toEqual([stored.invoiceLines[1]!.id]);
	});

	it('refuses, at its first row, a file that would change a sent or paid invoice or take a status back; lets one repeated unchanged through', () => {
		const text = 'Invoice,Status,Line,Description,Qty,Rate,WO\nINV-1,draft,1,Labor,2,95,WO-1\nINV-1,draft,2,Trip,1,45,WO-1\n';
		const first = invoices(text, 'a.csv');
		const p1 = planInvoiceImport(first.groups, first.mapped, { invoices: [], invoiceLines: [] }, 'a.csv');
		const as = (status: 'sent' | 'paid') => ({ invoices: p1.write.put.invoices.map((i) => ({ ...i, status })), invoiceLines: p1.write.put.invoiceLines });
		const plan = (csv: string, stored: ReturnType<typeof as>) => {
			const c = invoices(csv, 'b.csv');
			return planInvoiceImport(c.groups, c.mapped, stored, 'b.csv');
		};
		const cheaper = text.replace('Trip,1,45', 'Trip,1,5');
		expect(plan(cheaper.replaceAll('draft', 'paid'), as('paid')).refused).toEqual([{ row: 2, statusRefused: false, message: 'Invoice INV-1 is paid: it is what the buyer paid and cannot be changed. Issue a credit note instead.' }]);
		expect(plan(cheaper, as('paid')).refused).toEqual([{ row: 2, statusRefused: true, message: 'Invoice INV-1 is paid and cannot become draft.' }]);
		expect(plan(text.replaceAll('draft', 'paid'), as('paid')).refused).toEqual([]);
		expect(plan(cheaper.replaceAll('draft', 'sent'), as('sent')).refused).toEqual([{ row: 2, statusRefused: false, message: 'Invoice INV-1 has been sent: its lines and totals stay as the buyer received them. To change what it bills, issue a credit note, or void it and reissue a corrected copy.' }]);
		expect(plan(text.replaceAll('draft', 'sent'), as('sent')).refused).toEqual([]);
	});
});
