import { describe, expect, it } from 'vitest';
import { MAX_LINE_CENTS } from './money';
import { MAX_LINE_NO } from './records';
import {
	validateChangeOrder,
	validateCustomer,
	validateInvoice,
	validateInvoiceLine,
	validatePoLine,
	validatePurchaseOrder,
	validateSettings,
	validateSite,
	validateTask,
	validateWorkOrder
} from './validate';
import type { Problem } from './result';
import { defaultSettings, type Invoice, type WorkOrder } from './records';
import * as b from '$lib/testing/builders';

const fields = (problems: Problem[]) => problems.map((p) => p.field).sort();
const messageFor = (problems: Problem[], field: string) => problems.filter((p) => p.field === field).map((p) => p.message);

describe('valid records pass', () => {
	it('every builder makes a record its validator accepts', () => {
		expect(validateCustomer(b.customer())).toEqual([]);
		expect(validateSite(b.site())).toEqual([]);
		expect(validateWorkOrder(b.workOrder())).toEqual([]);
		expect(validateTask(b.task())).toEqual([]);
		expect(validateChangeOrder(b.changeOrder())).toEqual([]);
		expect(validatePurchaseOrder(b.purchaseOrder())).toEqual([]);
		expect(validatePoLine(b.poLine())).toEqual([]);
		expect(validateInvoice(b.invoice())).toEqual([]);
		expect(validateInvoiceLine(b.invoiceLine())).toEqual([]);
		expect(validateSettings(b.settings())).toEqual([]);
		expect(validateSettings(defaultSettings())).toEqual([]);
	});
});

describe('every problem is reported, each with its field', () => {
	it('customer', () => {
		const p = validateCustomer(
			b.customer({ name: ' ', apEmail: 'ap at acme', defaultTerms: 'Net thirty', tolerances: { qtyBp: -1, priceBp: 1.5, absCents: -5 } })
		);
		expect(fields(p)).toEqual(['apEmail', 'defaultTerms', 'name', 'tolerances.absCents', 'tolerances.priceBp', 'tolerances.qtyBp']);
		expect(messageFor(p, 'apEmail')[0]).toContain('"ap at acme"');
		expect(messageFor(p, 'tolerances.priceBp')[0]).toMatch(/whole number/);
		expect(messageFor(p, 'tolerances.qtyBp')[0]).toMatch(/at least 0/);
	});

	it('customer: over-long name; blank email and terms are allowed', () => {
		expect(fields(validateCustomer(b.customer({ name: 'x'.repeat(201) })))).toEqual(['name']);
		expect(validateCustomer(b.customer({ name: 'x'.repeat(200), apEmail: '', defaultTerms: '', tolerances: null }))).toEqual([]);
	});

	it('site', () => {
		expect(fields(validateSite(b.site({ customerId: '', name: '  ' })))).toEqual(['customerId', 'name']);
	});

	it('work order', () => {
		const wo = {
			...b.workOrder(),
			number: 'WO 1',
			customerId: '',
			type: 'repair',
			status: 'done',
			priority: 'asap',
			billingType: 'cost_plus',
			versionDate: '',
			openedOn: '2027-02-30',
			scheduledStart: '01/05/2027',
			nteCents: -1
		} as unknown as WorkOrder;
		const p = validateWorkOrder(wo);
		expect(fields(p)).toEqual(
			['billingType', 'customerId', 'nteCents', 'number', 'openedOn', 'priority', 'scheduledStart', 'status', 'type', 'versionDate'].sort()
		);
		expect(messageFor(p, 'type')[0]).toBe('Type must be one of preventive, corrective, emergency, warranty, internal');
		expect(messageFor(p, 'openedOn')[0]).toContain('"2027-02-30"');
	});

	it('work order: blank number is reported once, as required', () => {
		expect(messageFor(validateWorkOrder(b.workOrder({ number: ' ' })), 'number')).toEqual(['Work order number is required']);
	});

	it('work order: schedule end before start', () => {
		const p = validateWorkOrder(b.workOrder({ scheduledStart: '2027-01-07', scheduledEnd: '2027-01-05' }));
		expect(p).toEqual([{ field: 'scheduledEnd', message: 'Scheduled end is before scheduled start' }]);
		expect(validateWorkOrder(b.workOrder({ scheduledStart: '2027-01-07', scheduledEnd: '2027-01-07' }))).toEqual([]);
	});

	it('work order: completed before it was opened', () => {
		const p = validateWorkOrder(b.workOrder({ openedOn: '2027-01-07', completedOn: '2027-01-05' }));
		expect(p).toEqual([{ field: 'completedOn', message: 'Completed on is before opened on' }]);
		expect(validateWorkOrder(b.workOrder({ openedOn: '2027-01-07', completedOn: '2027-01-07' }))).toEqual([]);
		expect(messageFor(validateWorkOrder(b.workOrder({ completedOn: '2027-02-30' })), 'completedOn')).toEqual(['Completed on "2027-02-30" is not a date']);
	});

	it('customer: each other name is held to the limit of a name', () => {
		expect(validateCustomer(b.customer({ otherNames: ['Mercy General Hosp.'] }))).toEqual([]);
		expect(messageFor(validateCustomer(b.customer({ otherNames: ['ok', 'x'.repeat(201)] })), 'otherNames')[0]).toMatch(/^One of the other names is 201 characters/);
	});

	it('task', () => {
		const p = validateTask(
			b.task({ workOrderId: '', code: '', description: '', qtyMilli: 1.5, rateCents: 1.5, poLineNo: 0, changeOrderNumber: 'CO-1', extra: false })
		);
		expect(fields(p)).toEqual(['code', 'description', 'extra', 'poLineNo', 'qtyMilli', 'rateCents', 'workOrderId']);
		expect(validateTask(b.task({ changeOrderNumber: 'CO-1', extra: true, poLineNo: null }))).toEqual([]);
	});

	it('change order', () => {
		const p = validateChangeOrder(b.changeOrder({ workOrderId: '', number: '', amountCents: 0.5, approvedOn: 'yesterday', status: 'pending' }));
		expect(fields(p)).toEqual(['amountCents', 'approvedOn', 'number', 'workOrderId']);
	});

	it('purchase order', () => {
		const p = validatePurchaseOrder(
			b.purchaseOrder({ customerId: '', number: '', issueDate: '', revision: -1, terms: '2/30 Net 30', blanketLimitCents: -100 })
		);
		expect(fields(p)).toEqual(['blanketLimitCents', 'customerId', 'issueDate', 'number', 'revision', 'terms']);
		expect(messageFor(p, 'terms')[0]).toMatch(/^Terms: .*shorter than the net period/);
		expect(validatePurchaseOrder(b.purchaseOrder({ terms: '', blanketLimitCents: null }))).toEqual([]);
	});

	it('PO line', () => {
		const p = validatePoLine(
			b.poLine({ poId: '', lineNo: 0, description: '', qtyMilli: 0.5, unitPriceCents: 1.5, extendedCents: 1.25, needBy: '2027-13-01' })
		);
		expect(fields(p)).toEqual(['description', 'extendedCents', 'lineNo', 'needBy', 'poId', 'qtyMilli', 'unitPriceCents']);
		expect(messageFor(p, 'lineNo')[0]).toBe('Line number must be at least 1');
	});

	it('invoice', () => {
		const inv = { ...b.invoice(), number: 'INV 1', customerId: '', invoiceDate: '', terms: 'Net thirty', status: 'unpaid' } as unknown as Invoice;
		const p = validateInvoice(inv);
		expect(fields(p)).toEqual(['customerId', 'invoiceDate', 'number', 'status', 'terms']);
		expect(messageFor(validateInvoice(b.invoice({ terms: ' ' })), 'terms')).toEqual(['Terms is required']);
	});

	it('invoice line', () => {
		const p = validateInvoiceLine(
			b.invoiceLine({ invoiceId: '', lineNo: -1, description: '', qtyMilli: 0.5, rateCents: 1.5, poLineNo: 0, woNumber: '', taskCode: 'T1' })
		);
		expect(fields(p)).toEqual(['description', 'invoiceId', 'lineNo', 'poLineNo', 'qtyMilli', 'rateCents', 'woNumber']);
	});

	it('invoice line: discounts lower the total, credits may have a negative quantity or rate', () => {
		expect(messageFor(validateInvoiceLine(b.invoiceLine({ kind: 'discount', rateCents: 500 })), 'rateCents')).toEqual(['A discount lowers the total: its rate (or its quantity) is negative or zero']);
		expect(validateInvoiceLine(b.invoiceLine({ kind: 'discount', rateCents: -500, woNumber: '', taskCode: '', poLineNo: null }))).toEqual([]);
		expect(validateInvoiceLine(b.invoiceLine({ kind: 'discount', qtyMilli: -1_000, rateCents: 500, woNumber: '', taskCode: '', poLineNo: null }))).toEqual([]);
		expect(validateInvoiceLine(b.invoiceLine({ qtyMilli: -1_000 }))).toEqual([]);
		expect(validateInvoiceLine(b.invoiceLine({ kind: 'material', rateCents: -15_000 }))).toEqual([]);
	});

	// domain.md, "Credit line": a negative unit price or a negative quantity, never both.
	it.each([
		['PO line', () => validatePoLine(b.poLine({ qtyMilli: -1_000, unitPriceCents: 15_000 })), () => validatePoLine(b.poLine({ qtyMilli: 1_000, unitPriceCents: -15_000 })), () => validatePoLine(b.poLine({ qtyMilli: -1_000, unitPriceCents: -15_000 })), 'unitPriceCents', 'unit price'],
		['task', () => validateTask(b.task({ qtyMilli: -1_000, rateCents: 15_000 })), () => validateTask(b.task({ qtyMilli: 1_000, rateCents: -15_000 })), () => validateTask(b.task({ qtyMilli: -1_000, rateCents: -15_000 })), 'rateCents', 'rate'],
		['invoice line', () => validateInvoiceLine(b.invoiceLine({ qtyMilli: -1_000, rateCents: 15_000 })), () => validateInvoiceLine(b.invoiceLine({ qtyMilli: 1_000, rateCents: -15_000 })), () => validateInvoiceLine(b.invoiceLine({ qtyMilli: -1_000, rateCents: -15_000 })), 'rateCents', 'rate']
	] as const)('%s: a credit is a negative quantity or a negative price, never both', (_kind, negQty, negPrice, both, field, word) => {
		expect(negQty()).toEqual([]);
		expect(negPrice()).toEqual([]);
		expect(messageFor(both(), field)).toEqual([`Quantity and ${word} are both negative: a credit has a negative ${word} or a negative quantity, never both`]);
	});

	it('settings', () => {
		const p = validateSettings(
			b.settings({ invoicePrefix: '', nextInvoiceNo: 0, defaultTerms: 'soon', taxRateBp: -1, staleDays: 0, tolerances: { qtyBp: -1, priceBp: 0, absCents: 0 } })
		);
		expect(fields(p)).toEqual(['defaultTerms', 'invoicePrefix', 'nextInvoiceNo', 'staleDays', 'taxRateBp', 'tolerances.qtyBp']);
	});

	it('an invoice prefix that would make every new invoice number invalid (regression: "INV &" was accepted, then every new invoice was refused)', () => {
		for (const bad of ['INV &', 'INV ', '-INV', 'Acme Co-']) {
			const p = validateSettings(b.settings({ invoicePrefix: bad }));
			expect(fields(p)).toEqual(['invoicePrefix']);
			expect(messageFor(p, 'invoicePrefix')[0]).toContain(`"${bad}"`);
			// Whatever the prefix, a number it makes is what the invoice check accepts or not.
			expect(validateInvoice(b.invoice({ number: `${bad}1001` })).some((x) => x.field === 'number')).toBe(true);
		}
		for (const good of ['INV-', 'A', '2026/', 'ACME.INV#']) {
			expect(validateSettings(b.settings({ invoicePrefix: good }))).toEqual([]);
			expect(validateInvoice(b.invoice({ number: `${good}1001` }))).toEqual([]);
		}
	});
});

describe('limits that keep the figures exact and the grids in order', () => {
	it('a line number past 9,999,999 is refused (regression: line 10,000,000 of one PO sorted among the next PO’s lines)', () => {
		expect(validatePoLine(b.poLine({ lineNo: MAX_LINE_NO }))).toEqual([]);
		expect(messageFor(validatePoLine(b.poLine({ lineNo: MAX_LINE_NO + 1 })), 'lineNo')).toEqual(['Line number must be at most 9,999,999']);
		expect(fields(validateInvoiceLine(b.invoiceLine({ lineNo: 10_000_000 })))).toEqual(['lineNo']);
		expect(fields(validateInvoiceLine(b.invoiceLine({ poLineNo: 10_000_000 })))).toEqual(['poLineNo']);
	});

	it('a line whose quantity × rate passes $1,000,000,000.00 is refused, so no total leaves exact arithmetic (regression: 9e15 cents were rounded)', () => {
		// 100,000 units at $10,000.00 is exactly the limit.
		expect(validateInvoiceLine(b.invoiceLine({ qtyMilli: 100_000_000, rateCents: 1_000_000 }))).toEqual([]);
		const over = validateInvoiceLine(b.invoiceLine({ qtyMilli: 100_000_000, rateCents: 1_000_001 }));
		expect(messageFor(over, 'rateCents')).toEqual(['Quantity × rate $1,000,001,000.00 is more than $1,000,000,000.00, the most one line may hold']);
		expect(fields(validateTask(b.task({ qtyMilli: 9_000_000_000_000, rateCents: 1_000_000 })))).toEqual(['rateCents']);
		expect(fields(validatePoLine(b.poLine({ qtyMilli: 1000, unitPriceCents: MAX_LINE_CENTS + 1, extendedCents: 0 })))).toEqual(['unitPriceCents']);
		expect(fields(validatePoLine(b.poLine({ extendedCents: -(MAX_LINE_CENTS + 1) })))).toEqual(['extendedCents']);
		expect(fields(validateChangeOrder(b.changeOrder({ amountCents: MAX_LINE_CENTS + 1 })))).toEqual(['amountCents']);
	});
});

describe('business rules', () => {
	it.each(['complete', 'invoiced', 'closed'] as const)('a %s work order without sign-off is refused', (status) => {
		const p = validateWorkOrder(b.workOrder({ status, signedOffBy: ' ', signedOffOn: null }));
		expect(fields(p)).toEqual(['signedOffBy', 'signedOffOn']);
		expect(messageFor(p, 'signedOffBy')[0]).toContain(status);
	});

	it('a complete work order with sign-off passes; one missing only the date is refused for the date', () => {
		expect(validateWorkOrder(b.workOrder({ status: 'complete', signedOffBy: 'D. Manager', signedOffOn: '2027-01-07' }))).toEqual([]);
		expect(fields(validateWorkOrder(b.workOrder({ status: 'complete', signedOffBy: 'D. Manager', signedOffOn: null })))).toEqual(['signedOffOn']);
	});

	it('open work and internal jobs need no sign-off', () => {
		expect(validateWorkOrder(b.workOrder({ status: 'open' }))).toEqual([]);
		expect(validateWorkOrder(b.workOrder({ status: 'closed', type: 'internal' }))).toEqual([]);
	});

	it('a warranty job must name the original job', () => {
		expect(validateWorkOrder(b.workOrder({ type: 'warranty', warrantyOf: '' }))).toEqual([
			{ field: 'warrantyOf', message: 'A warranty work order names the original job number' }
		]);
		expect(validateWorkOrder(b.workOrder({ type: 'warranty', warrantyOf: 'WO-17001' }))).toEqual([]);
	});

	it('an approved change order must say who approved it and when', () => {
		const p = validateChangeOrder(b.changeOrder({ status: 'approved', approvedBy: '', approvedOn: null }));
		expect(fields(p)).toEqual(['approvedBy', 'approvedOn']);
		expect(fields(validateChangeOrder(b.changeOrder({ status: 'approved', approvedBy: '  ' })))).toEqual(['approvedBy']);
		expect(validateChangeOrder(b.changeOrder({ status: 'pending', approvedBy: '', approvedOn: null }))).toEqual([]);
		expect(validateChangeOrder(b.changeOrder({ status: 'rejected', approvedBy: '', approvedOn: null }))).toEqual([]);
	});

	it('problems of different rules add up rather than stopping at the first', () => {
		const p = validateWorkOrder(b.workOrder({ type: 'warranty', warrantyOf: '', status: 'complete', nteCents: -1, number: '' }));
		expect(fields(p)).toEqual(['nteCents', 'number', 'signedOffBy', 'signedOffOn', 'warrantyOf']);
	});
});

describe('an invoice history', () => {
	it('holds dated events of known kinds, each naming an invoice number or none; anything else a backup brings is refused', () => {
		const ok = b.invoice({ history: [{ on: '2027-01-15', what: 'sent', other: '' }, { on: '2027-02-01', what: 'credited', other: 'INV-1045' }] });
		expect(validateInvoice(ok)).toEqual([]);
		const messages = (history: unknown[]) => validateInvoice({ ...ok, history } as Invoice).map((p) => p.message);
		expect(messages([{ on: 'soon', what: 'sent', other: '' }])).toEqual(['History entry 1\'s date "soon" is not a date']);
		expect(messages([{ on: '2027-01-15', what: 'emailed', other: '' }])).toEqual([expect.stringMatching(/^History entry 1 must be one of sent, paid, voided/)]);
		expect(messages([{ on: '2027-01-15', what: 'sent', other: 'X'.repeat(65) }])).toEqual(['History entry 1 names an invoice number longer than 64 characters']);
		expect(messages(['sent'])).toEqual(['History entry 1 is not a date, an event and an invoice number']);
		expect(messages([{ on: '2027-01-15', what: 'sent', other: '', by: 'me' }])).toEqual(['History entry 1 is not a date, an event and an invoice number']);
	});
});
