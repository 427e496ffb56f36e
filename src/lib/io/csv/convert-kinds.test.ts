import { describe, expect, it } from 'vitest';
import { newCustomer, newSite } from '$lib/domain/factories';
import type { ConvertContext } from './convert-core';
import { convertInvoices } from './convert-invoices';
import { convertWorkOrders } from './convert-work-orders';
import { suggestMapping } from './mapping';
import { parseTable } from './parse';
import { counter } from './test-helpers';

const customers = [newCustomer('c1', { name: 'Acme Facilities', defaultTerms: 'Net 15' }), newCustomer('c2', { name: 'Brightline' })];
const sites = [newSite('s1', 'c1', { name: 'Store 12' })];
const ctx = (customerId: string | null = null): ConvertContext => ({ fileName: 'jobs.csv', customerId, customers, sites, today: '2027-02-01', idGen: counter() });
const table = (text: string) => {
	const t = parseTable(text, { delimiter: ',', headerRow: 1, fileName: 'jobs.csv' });
	if (!t.ok) throw new Error(t.problems[0]!.message);
	return t;
};
const opts = { decimal: '.', dateOrder: 'mdy' } as const;
const wo = (text: string, customerId: string | null = null) => {
	const t = table(text);
	return convertWorkOrders(t, suggestMapping('workOrder', t.header), opts, ctx(customerId));
};
const inv = (text: string, customerId: string | null = null) => {
	const t = table(text);
	return convertInvoices(t, suggestMapping('invoice', t.header), opts, ctx(customerId));
};
const problems = (r: ReturnType<typeof wo> | ReturnType<typeof inv>) => (r.ok ? [] : r.problems.map((p) => [p.row, p.column, p.message]));

describe('work order import', () => {
	it('groups tasks under their job, finds customer and site by name, reads people-written enums', () => {
		const r = wo('WO,Customer,Site,Status,Priority,Task,Description,Kind,Hours,Rate,Done\nWO-1,acme facilities,store 12,In progress,Medium,T1,Diagnose,Labour,1.5,$95.00,yes\nWO-1,,,,,T2,Parts,Materials,2,10,no\nWO-2,Brightline,,,,,,,,,\n');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.groups.map((g) => [g.workOrder.number, g.workOrder.customerId, g.workOrder.siteId, g.workOrder.status, g.workOrder.priority, g.tasks.map((t) => [t.code, t.kind, t.qtyMilli, t.rateCents, t.done])])).toEqual([
			['WO-1', 'c1', 's1', 'in_progress', 'normal', [['T1', 'labor', 1500, 9500, true], ['T2', 'material', 2000, 1000, false]]],
			['WO-2', 'c2', null, 'open', 'normal', []]
		]);
	});

	// Regression: a job's rows were compared by the Customer cell's exact text, so a second row
	// writing the same buyer another way refused the file though each row matched the same customer.
	it('takes one customer written two ways on a job’s rows, and still refuses two different customers', () => {
		const r = wo('WO,Customer,Task,Description\nWO-1,Acme Facilities,T1,A\nWO-1,ACME FACILITIES.,T2,B\n');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.groups.map((g) => [g.workOrder.number, g.workOrder.customerId, g.tasks.length])).toEqual([['WO-1', 'c1', 2]]);
		expect(problems(wo('WO,Customer,Task,Description\nWO-1,Acme Facilities,T1,A\nWO-1,Brightline,T2,B\n'))).toEqual([[3, 'Customer', 'Work order WO-1: Customer is "Acme Facilities" on row 2 but "Brightline" on row 3']]);
		const i = inv('Invoice,Customer,Line,Description,Qty,Rate\nINV-1,Acme Facilities,1,A,1,10\nINV-1,acme  facilities,2,B,1,10\n');
		if (!i.ok) throw new Error(JSON.stringify(i.problems));
		expect(i.groups.map((g) => [g.invoice.number, g.invoice.customerId, g.lines.length])).toEqual([['INV-1', 'c1', 2]]);
	});

	it('lists every problem: unknown customer and site, disagreeing header, duplicate task', () => {
		expect(problems(wo('WO,Customer,Site,Status,Task,Description\nWO-1,Nobody Inc,,,T1,A\nWO-2,Acme Facilities,Store 99,,T1,A\nWO-3,Acme Facilities,,open,T1,A\nWO-3,Acme Facilities,,closed,T1,B\n'))).toEqual([
			[2, 'Customer', 'Work order WO-1: no customer is named "Nobody Inc"; add it in the wizard or fix the name'],
			[3, 'Site', 'Work order WO-2: Acme Facilities has no site named "Store 99"; add the site first or fix the name'],
			[5, 'Status', 'Work order WO-3: Status is "open" on row 4 but "closed" on row 5'],
			[5, 'Task', 'Work order WO-3: Task Code T1 is on row 4 and again on row 5']
		]);
		// A sign-off the file leaves out is judged on the job as merged with what is on file, when the
		// import is planned (revision-kinds.test.ts), so it is no problem of the file alone.
		expect(problems(wo('WO,Status,Task,Description\nWO-1,complete,T1,A\n', 'c1'))).toEqual([]);
		expect(problems(wo('WO,Task,Description\nWO-1,T1,A\n'))).toEqual([[2, null, 'Work order WO-1: no customer: fill the Customer column or choose a customer for the whole file']]);
	});
});

describe('invoice import', () => {
	it('takes terms from the customer when the file has none and the jobs from the lines when it names none', () => {
		const r = inv('Invoice #,Line,Description,Kind,Qty,Rate,WO,Task\nINV-1,1,Labor,labor,2,95,WO-1,T1\nINV-1,2,Early pay credit,credit,1,(25.00),,\nINV-1,3,More,fee,1,5,WO-2,\n', 'c1');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		const g = r.groups[0]!;
		expect([g.invoice.customerId, g.invoice.terms, g.invoice.workOrderNumbers, g.invoice.status]).toEqual(['c1', 'Net 15', ['WO-1', 'WO-2'], 'draft']);
		expect(g.lines.map((l) => [l.lineNo, l.kind, l.rateCents])).toEqual([
			[1, 'labor', 9500],
			[2, 'discount', -2500],
			[3, 'fee', 500]
		]);
	});

	it('invents no unit when the file has none (regression: every line came in as hours, refrigerant included)', () => {
		const r = inv('Invoice,Line,Description,Kind,Qty,Rate\nINV-1,1,Refrigerant R-134a,material,34,18.5\nINV-1,2,Labor,labor,2,95\n', 'c1');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.groups[0]!.lines.map((l) => l.unit)).toEqual(['', '']);
		const w = wo('WO,Task,Description,Kind,Qty\nWO-1,T1,Refrigerant,material,34\n', 'c1');
		if (!w.ok) throw new Error(JSON.stringify(w.problems));
		expect(w.groups[0]!.tasks.map((t) => t.unit)).toEqual(['']);
		const withUnit = inv('Invoice,Line,Description,Qty,Unit,Rate\nINV-1,1,Refrigerant,34,lb,18.5\n', 'c1');
		expect(withUnit.ok && withUnit.groups[0]!.lines[0]!.unit).toBe('lb');
	});

	it('refuses a credit with both quantity and rate negative, and a task code without its job, at their rows and columns', () => {
		expect(problems(inv('Invoice,Line,Description,Qty,Rate,Task\nINV-1,1,A,(1),-5,T1\n', 'c1'))).toEqual([
			[2, 'Rate', 'Quantity and rate are both negative: a credit has a negative rate or a negative quantity, never both'],
			[2, null, 'A task code needs the work order number it belongs to']
		]);
	});
});
