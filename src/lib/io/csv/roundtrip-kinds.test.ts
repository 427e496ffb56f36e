import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain/dates';
import { newCustomer, newInvoice, newInvoiceLine, newSite, newTask, newWorkOrder } from '$lib/domain/factories';
import { INVOICE_LINE_KINDS, INVOICE_STATUSES, PRIORITIES, TASK_KINDS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type Invoice, type InvoiceLine, type Task, type WorkOrder } from '$lib/domain/records';
import { validateInvoice, validateInvoiceLine, validateTask, validateWorkOrder } from '$lib/domain/validate';
import type { ConvertContext } from './convert-core';
import { convertInvoices } from './convert-invoices';
import { convertWorkOrders } from './convert-work-orders';
import { invoicesToCsv, workOrdersToCsv } from './export-records';
import { suggestMapping } from './mapping';
import { describeProblem } from './problem';
import { readTable } from './read';
import { counter } from './test-helpers';

const customers = [newCustomer('c1', { name: 'Acme Facilities' }), newCustomer('c2', { name: 'Brightline, Inc.' })];
const sites = [newSite('s1', 'c1', { name: 'Store 12' }), newSite('s2', 'c2', { name: '=Depot' })];
const ctx = (): ConvertContext => ({ fileName: 'x.csv', customerId: null, customers, sites, today: '2027-02-01', idGen: counter() });

const date = fc.integer({ min: 0, max: 20000 }).map((n) => addDays('2000-01-01', n));
const piece = fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom(',', '"', ';', '\n', ' ', '=', '-', '@'));
const text = fc
	.array(piece, { maxLength: 4 })
	.map((p) => p.join('').trim())
	.filter((s) => !/^'[=+\-@\t\r]/.test(s));
const nonBlank = text.filter((s) => s !== '');
const number = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/#-]{0,8}$/);

const readBack = (csv: string) => {
	const read = readTable(new TextEncoder().encode(csv), 'x.csv');
	if (!read.ok) throw new Error(read.problems.map(describeProblem).join('\n'));
	return read.table;
};

describe('work order export → import round trip', () => {
	const task = fc.record({ code: number, description: nonBlank, kind: fc.constantFrom(...TASK_KINDS), qtyMilli: fc.integer({ min: -1e8, max: 1e8 }), unit: text, rateCents: fc.integer({ min: -1e6, max: 1e6 }), buyerItemCode: text, poLineNo: fc.option(fc.integer({ min: 1, max: 999 })), done: fc.boolean() })
		// Credit tasks too (a returned part, a credit): a negative quantity or a negative rate, never both.
		.filter((t) => !(t.qtyMilli < 0 && t.rateCents < 0));
	const wo = fc.record({
		number,
		customerId: fc.constantFrom('c1', 'c2'),
		type: fc.constantFrom(...WORK_ORDER_TYPES),
		status: fc.constantFrom(...WORK_ORDER_STATUSES),
		priority: fc.constantFrom(...PRIORITIES),
		description: text,
		poNumber: fc.oneof(fc.constant(''), number),
		nteCents: fc.option(fc.nat(1e9)),
		openedOn: date,
		signedOffBy: nonBlank,
		signedOffOn: date,
		scheduled: fc.option(fc.tuple(date, fc.nat(30))),
		completedAfter: fc.option(fc.nat(400)),
		completionNotes: text,
		assignedTo: text,
		warrantyOf: number,
		withSite: fc.boolean(),
		tasks: fc.uniqueArray(task, { maxLength: 4, selector: (t) => t.code })
	});

	it('random jobs with their tasks come back as the same records, customers and sites found by name', () => {
		fc.assert(
			fc.property(fc.uniqueArray(wo, { minLength: 1, maxLength: 3, selector: (w) => w.number }), (raw) => {
				const entries = raw.map(({ tasks, withSite, scheduled, completedAfter, ...w }, i) => {
					const job = {
						...w,
						siteId: withSite ? (w.customerId === 'c1' ? 's1' : 's2') : null,
						scheduledStart: scheduled ? scheduled[0] : null,
						scheduledEnd: scheduled ? addDays(scheduled[0], scheduled[1]) : null,
						completedOn: completedAfter === null ? null : addDays(w.openedOn, completedAfter)
					};
					const workOrder: WorkOrder = newWorkOrder(`w${i}`, w.number, w.customerId, '2027-02-01', job);
					return { workOrder, tasks: tasks.map((t, j): Task => newTask(`t${i}-${j}`, workOrder.id, t.code, t)) };
				});
				for (const e of entries) expect([...validateWorkOrder(e.workOrder), ...e.tasks.flatMap(validateTask)]).toEqual([]);
				const table = readBack(workOrdersToCsv(entries, { customers, sites }));
				const r = convertWorkOrders(table, suggestMapping('workOrder', table.header), { decimal: '.', dateOrder: 'mdy' }, ctx());
				if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
				const strip = (w: WorkOrder, ts: Task[]) => ({ w: { ...w, id: '' }, ts: ts.map((t) => ({ ...t, id: '', workOrderId: '' })) });
				expect(r.groups.map((g) => strip(g.workOrder, g.tasks))).toEqual(entries.map((e) => strip(e.workOrder, e.tasks)));
			}),
			{ numRuns: 150 }
		);
	});
});

describe('invoice export → import round trip', () => {
	const line = fc.record({ lineNo: fc.integer({ min: 1, max: 999 }), description: nonBlank, kind: fc.constantFrom(...INVOICE_LINE_KINDS), qtyMilli: fc.integer({ min: -1e6, max: 1e8 }), unit: text, rate: fc.integer({ min: -1e6, max: 1e6 }), woNumber: number, taskCode: fc.oneof(fc.constant(''), number), poLineNo: fc.option(fc.integer({ min: 1, max: 999 })), buyerItemCode: text }).filter((l) => !(l.qtyMilli < 0 && l.rate < 0));
	const invoice = fc.record({
		number,
		customerId: fc.constantFrom('c1', 'c2'),
		invoiceDate: date,
		terms: fc.constantFrom('Net 30', '2/10 Net 30', 'Due on receipt'),
		poNumber: fc.oneof(fc.constant(''), number),
		workOrderNumbers: fc.uniqueArray(number, { maxLength: 3 }),
		status: fc.constantFrom(...INVOICE_STATUSES),
		lines: fc.uniqueArray(line, { maxLength: 4, selector: (l) => l.lineNo })
	});

	/** A discount lowers the total: its rate is negative, or positive on a negative quantity. */
	const discountRate = (qty: number, rate: number) => (qty < 0 ? Math.abs(rate) : rate === 0 ? 0 : -Math.abs(rate));

	it('random invoices with their lines come back as the same records', () => {
		fc.assert(
			fc.property(fc.uniqueArray(invoice, { minLength: 1, maxLength: 3, selector: (v) => v.number }), (raw) => {
				const entries = raw.map(({ lines, ...v }, i) => {
					const inv: Invoice = newInvoice(`v${i}`, v.number, v.customerId, v.invoiceDate, v.terms, v);
					return { invoice: inv, lines: lines.map(({ rate, ...l }, j): InvoiceLine => newInvoiceLine(`l${i}-${j}`, inv.id, l.lineNo, { ...l, rateCents: l.kind === 'discount' ? discountRate(l.qtyMilli, rate) : rate })) };
				});
				for (const e of entries) expect([...validateInvoice(e.invoice), ...e.lines.flatMap(validateInvoiceLine)]).toEqual([]);
				const table = readBack(invoicesToCsv(entries, { customers }));
				const r = convertInvoices(table, suggestMapping('invoice', table.header), { decimal: '.', dateOrder: 'mdy' }, ctx());
				if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
				const strip = (v: Invoice, ls: InvoiceLine[]) => ({ v: { ...v, id: '' }, ls: [...ls].sort((a, b) => a.lineNo - b.lineNo).map((l) => ({ ...l, id: '', invoiceId: '' })) });
				expect(r.groups.map((g) => strip(g.invoice, g.lines))).toEqual(entries.map((e) => strip(e.invoice, e.lines)));
			}),
			{ numRuns: 150 }
		);
	});
});
