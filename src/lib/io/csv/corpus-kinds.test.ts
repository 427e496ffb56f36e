import { describe, expect, it } from 'vitest';
import { newCustomer, newSite } from '$lib/domain/factories';
import { convertInvoices } from './convert-invoices';
import { convertWorkOrders } from './convert-work-orders';
import { suggestMapping, validateMapping } from './mapping';
import { describeProblem } from './problem';
import { readTable } from './read';
import { counter, fixture } from './test-helpers';

const customers = [newCustomer('c1', { name: 'Acme Facilities' })];
const sites = [newSite('s1', 'c1', { name: 'Store 12' })];
const ctx = (fileName: string) => ({ fileName, customerId: null, customers, sites, today: '2027-02-01', idGen: counter() });
const opts = { decimal: '.', dateOrder: 'mdy' } as const;

function table(name: string, kind: 'workOrder' | 'invoice') {
	const read = readTable(fixture(name), name);
	if (!read.ok) throw new Error(read.problems.map(describeProblem).join('\n'));
	const mapping = suggestMapping(kind, read.table.header);
	expect(validateMapping(kind, mapping, read.table.header)).toEqual([]);
	return { table: read.table, mapping };
}

describe('CSV corpus: jobs and invoice lines', () => {
	it('work-orders.csv: two jobs with their tasks', () => {
		const { table: t, mapping } = table('work-orders.csv', 'workOrder');
		const r = convertWorkOrders(t, mapping, opts, ctx('work-orders.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		expect(r.groups.map(({ workOrder: w }) => [w.number, w.customerId, w.siteId, w.type, w.status, w.priority, w.description, w.poNumber, w.nteCents, w.openedOn])).toEqual([
			['WO-18472', 'c1', 's1', 'corrective', 'in_progress', 'high', 'Rooftop unit 3 tripping, no cooling', 'PO-3001', 150000, '2027-01-04'],
			['WO-18473', 'c1', null, 'preventive', 'open', 'normal', 'Quarterly PM', 'PO-3001', null, '2027-01-05']
		]);
		expect(r.groups.flatMap((g) => g.tasks.map((t) => [t.code, t.description, t.kind, t.qtyMilli, t.rateCents, t.poLineNo, t.done]))).toEqual([
			['T1', 'Diagnose RTU-3', 'labor', 1500, 9500, 1, true],
			['T2', 'Contactor', 'material', 1000, 4820, 2, false],
			['T1', 'Quarterly PM visit', 'labor', 4000, 6250, 1, false]
		]);
	});

	it('invoice-lines.csv: one invoice, a discount line, references kept', () => {
		const { table: t, mapping } = table('invoice-lines.csv', 'invoice');
		const r = convertInvoices(t, mapping, opts, ctx('invoice-lines.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		const { invoice, lines } = r.groups[0]!;
		expect(invoice).toMatchObject({ number: 'INV-1045', customerId: 'c1', invoiceDate: '2027-01-20', terms: '2/10 Net 30', poNumber: 'PO-3001', workOrderNumbers: ['WO-18472'], status: 'draft' });
		expect(lines.map((l) => [l.lineNo, l.kind, l.qtyMilli, l.rateCents, l.woNumber, l.taskCode, l.poLineNo, l.buyerItemCode])).toEqual([
			[1, 'labor', 1500, 9500, 'WO-18472', 'T1', 1, 'PM-1'],
			[2, 'material', 1000, 4820, 'WO-18472', 'T2', 2, 'FLT-2'],
			[3, 'discount', 1000, -1000, '', '', null, '']
		]);
	});

	it('invoice-credit.csv: credit lines as -150.00, (150.00), 150.00- and a returned quantity (2)', () => {
		const { table: t, mapping } = table('invoice-credit.csv', 'invoice');
		const r = convertInvoices(t, mapping, opts, ctx('invoice-credit.csv'));
		if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
		expect(r.groups[0]!.lines.map((l) => [l.lineNo, l.kind, l.qtyMilli, l.rateCents, l.taskCode, l.poLineNo])).toEqual([
			[1, 'labor', 1000, 120000, 'T1', 1],
			[2, 'fee', 1000, -15000, 'T2', 2],
			[3, 'fee', 1000, -15000, 'T3', 3],
			[4, 'fee', 1000, -15000, 'T4', 4],
			[5, 'material', -2000, 1250, 'T5', 5]
		]);
	});
});
