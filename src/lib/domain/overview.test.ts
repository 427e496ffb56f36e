import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './dates';
import { ageBucket, moneyOverview, type OverviewInput } from './overview';
import { INVOICE_LINE_KINDS, INVOICE_STATUSES, type Invoice, type InvoiceLine } from './records';
import { invoice, invoiceLine, task, workOrder } from '$lib/testing/builders';

const TODAY = '2027-03-15';

/** One line of `cents` (quantity 1), so an invoice's total is plain to read. */
const amount = (invoiceId: string, cents: number, kind: InvoiceLine['kind'] = 'labor') => invoiceLine({ invoiceId, kind, qtyMilli: 1000, rateCents: cents });

function input(invoices: Invoice[], lines: InvoiceLine[], x: Partial<OverviewInput> = {}): OverviewInput {
	return {
		today: TODAY,
		invoices,
		linesOf: (id) => lines.filter((l) => l.invoiceId === id),
		customerName: (id) => ({ 'c-a': 'Acme', 'c-b': 'Bayview' })[id] ?? id,
		invoicesWithErrors: new Set(),
		unbilledTasks: [],
		...x
	};
}

describe('ageBucket', () => {
	it('puts 30 days in 0–30, 31 in 31–60, 90 in 61–90 and 91 in 90+', () => {
		expect([-3, 0, 30, 31, 60, 61, 90, 91, 400].map(ageBucket)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3]);
	});
});

describe('moneyOverview', () => {
	it('ages what is owed by customer from sent invoices only, with tax and freight, and totals it', () => {
		const sent = (customerId: string, daysAgo: number, n: string) => invoice({ id: `i-${n}`, number: n, customerId, status: 'sent', invoiceDate: addDays(TODAY, -daysAgo), terms: 'Net 30' });
		const invoices = [
			sent('c-b', 10, 'INV-1'),
			sent('c-b', 45, 'INV-2'),
			sent('c-a', 75, 'INV-3'),
			sent('c-a', 120, 'INV-4'),
			invoice({ id: 'i-paid', number: 'INV-5', customerId: 'c-a', status: 'paid', invoiceDate: addDays(TODAY, -10) }),
			invoice({ id: 'i-void', number: 'INV-6', customerId: 'c-a', status: 'void', invoiceDate: addDays(TODAY, -10) })
		];
		const lines = [
			amount('i-INV-1', 100_00),
			amount('i-INV-1', 7_25, 'tax'),
			amount('i-INV-1', 12_00, 'freight'),
			amount('i-INV-2', 50_00),
			amount('i-INV-3', 30_00),
			amount('i-INV-4', 20_00),
			amount('i-INV-4', -5_00, 'discount'),
			amount('i-paid', 999_00),
			amount('i-void', 888_00)
		];
		const { owed } = moneyOverview(input(invoices, lines));
		expect(owed.rows.map((r) => [r.customerId, r.buckets, r.total])).toEqual([
			['c-a', [0, 0, 30_00, 15_00], 45_00],
			['c-b', [119_25, 50_00, 0, 0], 169_25]
		]);
		expect(owed.buckets).toEqual([119_25, 50_00, 30_00, 15_00]);
		expect(owed.total).toBe(214_25);
		// Oldest first within a customer, so the one to chase leads.
		expect(owed.rows[1]!.invoices.map((i) => [i.number, i.ageDays])).toEqual([
			['INV-2', 45],
			['INV-1', 10]
		]);
	});

	it('lists sent invoices past their due date with the days late, and not a paid or draft one, nor a credit note', () => {
		const invoices = [
			invoice({ id: 'a', number: 'INV-A', customerId: 'c-a', status: 'sent', invoiceDate: addDays(TODAY, -40), terms: 'Net 30' }),
			invoice({ id: 'b', number: 'INV-B', customerId: 'c-a', status: 'sent', invoiceDate: addDays(TODAY, -30), terms: 'Net 30' }),
			invoice({ id: 'c', number: 'INV-C', customerId: 'c-a', status: 'sent', invoiceDate: addDays(TODAY, -20), terms: 'Net 15' }),
			invoice({ id: 'd', number: 'INV-D', customerId: 'c-a', status: 'paid', invoiceDate: addDays(TODAY, -90), terms: 'Net 30' }),
			invoice({ id: 'e', number: 'INV-E', customerId: 'c-a', status: 'draft', invoiceDate: addDays(TODAY, -90), terms: 'Net 30' }),
			invoice({ id: 'f', number: 'INV-F', customerId: 'c-a', status: 'sent', invoiceDate: addDays(TODAY, -90), terms: 'Net 30' })
		];
		const lines = invoices.map((i) => amount(i.id, i.id === 'f' ? -10_00 : 10_00));
		const { overdue } = moneyOverview(input(invoices, lines));
		// Due today (INV-B) is not late yet.
		expect(overdue.map((o) => [o.number, o.dueDate, o.daysOverdue, o.total])).toEqual([
			['INV-A', addDays(TODAY, -10), 10, 10_00],
			['INV-C', addDays(TODAY, -5), 5, 10_00]
		]);
	});

	it('lists early-payment discounts whose deadline is today through 7 days ahead, with what the buyer saves', () => {
		// 2/10 Net 30: the deadline is 10 days after the invoice date.
		const at = (n: string, deadlineIn: number, status: Invoice['status'] = 'sent') =>
			invoice({ id: n, number: n, customerId: 'c-a', status, invoiceDate: addDays(TODAY, deadlineIn - 10), terms: '2/10 Net 30' });
		const invoices = [at('past', -1), at('today', 0), at('week', 7), at('later', 8), at('draft', 3, 'draft'), invoice({ id: 'net', number: 'net', customerId: 'c-a', status: 'sent', invoiceDate: TODAY, terms: 'Net 30' })];
		// Discount is 2% of the work before tax and freight: 2% of $1,000.00, not of $1,150.00.
		const lines = invoices.flatMap((i) => [amount(i.id, 1_000_00), amount(i.id, 100_00, 'tax'), amount(i.id, 50_00, 'freight')]);
		const { discounts } = moneyOverview(input(invoices, lines));
		expect(discounts.map((d) => [d.number, d.deadline, d.daysLeft, d.save, d.total])).toEqual([
			['today', TODAY, 0, 20_00, 1_150_00],
			['week', addDays(TODAY, 7), 7, 20_00, 1_150_00]
		]);
	});

	it('names a sent invoice whose terms give no due date instead of dropping it quietly', () => {
		const invoices = [invoice({ id: 'x', number: 'INV-X', customerId: 'c-a', status: 'sent', invoiceDate: addDays(TODAY, -200), terms: 'when convenient' })];
		const view = moneyOverview(input(invoices, [amount('x', 5_00)]));
		expect(view.unreadTerms).toEqual([{ id: 'x', number: 'INV-X', terms: 'when convenient' }]);
		expect(view.owed.buckets).toEqual([0, 0, 0, 5_00]);
		expect(view.overdue).toEqual([]);
	});

	it('offers as ready to send only drafts with no error against them', () => {
		const invoices = [
			invoice({ id: 'ok', number: 'INV-2', customerId: 'c-a', status: 'draft', invoiceDate: TODAY }),
			invoice({ id: 'bad', number: 'INV-3', customerId: 'c-a', status: 'draft', invoiceDate: TODAY }),
			invoice({ id: 'sent', number: 'INV-1', customerId: 'c-a', status: 'sent', invoiceDate: TODAY })
		];
		const lines = [amount('ok', 40_00), amount('ok', 2_90, 'tax'), amount('bad', 1_00), amount('sent', 1_00)];
		const { ready } = moneyOverview(input(invoices, lines, { invoicesWithErrors: new Set(['INV-3']) }));
		expect(ready).toEqual([{ id: 'ok', number: 'INV-2', customerId: 'c-a', invoiceDate: TODAY, total: 42_90 }]);
	});

	it('adds up unbilled done tasks per job, a returned part lowering it', () => {
		const wo1 = workOrder({ id: 'w1', number: 'WO-10', customerId: 'c-a' });
		const wo2 = workOrder({ id: 'w2', number: 'WO-9', customerId: 'c-b' });
		const unbilledTasks = [
			{ task: task({ workOrderId: 'w1', qtyMilli: 1_500, rateCents: 125_00 }), workOrder: wo1 }, // $187.50
			{ task: task({ workOrderId: 'w1', qtyMilli: -1_000, rateCents: 20_00 }), workOrder: wo1 }, // -$20.00
			{ task: task({ workOrderId: 'w2', qtyMilli: 2_000, rateCents: 33_33 }), workOrder: wo2 }
		];
		const { unbilled } = moneyOverview(input([], [], { unbilledTasks }));
		expect(unbilled).toEqual([
			{ workOrderId: 'w2', number: 'WO-9', customerId: 'c-b', tasks: 1, amount: 66_66 },
			{ workOrderId: 'w1', number: 'WO-10', customerId: 'c-a', tasks: 2, amount: 167_50 }
		]);
	});

	it('is empty for a workbook with nothing owed, late, expiring, unbilled or ready', () => {
		const view = moneyOverview(input([invoice({ id: 'p', number: 'INV-P', status: 'paid' })], [amount('p', 10_00)]));
		expect(view).toEqual({ owed: { rows: [], buckets: [0, 0, 0, 0], total: 0 }, overdue: [], discounts: [], unbilled: [], ready: [], unreadTerms: [] });
	});

	it('the age buckets split what is owed exactly: every sent invoice in one bucket, to the cent (property)', () => {
		const arbInvoice = fc.record({
			customer: fc.constantFrom('c-a', 'c-b', 'c-c'),
			status: fc.constantFrom(...INVOICE_STATUSES),
			// The bucket edges often, where an off-by-one would hide.
			daysAgo: fc.oneof(fc.integer({ min: -20, max: 400 }), fc.constantFrom(0, 30, 31, 60, 61, 90, 91)),
			lines: fc.array(
				fc.record({
					kind: fc.constantFrom(...INVOICE_LINE_KINDS),
					qtyMilli: fc.integer({ min: -50_000, max: 50_000_000 }),
					rateCents: fc.integer({ min: -1_000_000, max: 100_000_000 })
				}),
				{ maxLength: 6 }
			)
		});
		fc.assert(
			fc.property(fc.array(arbInvoice, { maxLength: 25 }), (specs) => {
				const invoices = specs.map((s, n) => invoice({ id: `i${n}`, number: `INV-${n}`, customerId: s.customer, status: s.status, invoiceDate: addDays(TODAY, -s.daysAgo) }));
				const lines = specs.flatMap((s, n) => s.lines.map((l) => invoiceLine({ invoiceId: `i${n}`, ...l })));
				const { owed } = moneyOverview(input(invoices, lines));

				// Worked out here on its own: each sent invoice's lines, rounded half-up per line.
				const lineCents = (l: InvoiceLine) => Number((BigInt(l.qtyMilli) * BigInt(l.rateCents) * 2n + (l.qtyMilli * l.rateCents >= 0 ? 1000n : -1000n)) / 2000n);
				const owedTotal = specs.reduce((sum, s, n) => (s.status === 'sent' ? sum + lines.filter((l) => l.invoiceId === `i${n}`).reduce((a, l) => a + lineCents(l), 0) : sum), 0);

				expect(owed.total).toBe(owedTotal);
				expect(owed.buckets.reduce((a, b) => a + b, 0)).toBe(owed.total);
				expect(owed.rows.reduce((a, r) => a + r.total, 0)).toBe(owed.total);
				const bucketOf = (age: number) => (age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3);
				for (const row of owed.rows) {
					expect(row.buckets.reduce((a, b) => a + b, 0)).toBe(row.total);
					expect(row.invoices.reduce((a, i) => a + i.total, 0)).toBe(row.total);
					for (let b = 0; b < 4; b++) expect(row.invoices.filter((i) => bucketOf(i.ageDays) === b).reduce((a, i) => a + i.total, 0)).toBe(row.buckets[b]);
				}
				for (let b = 0; b < 4; b++) expect(owed.rows.reduce((a, r) => a + r.buckets[b]!, 0)).toBe(owed.buckets[b]);
				const owedNumbers = owed.rows.flatMap((r) => r.invoices.map((i) => i.number)).sort();
				expect(owedNumbers).toEqual(invoices.filter((i) => i.status === 'sent').map((i) => i.number).sort());
				for (const v of [...owed.buckets, owed.total]) expect(Number.isSafeInteger(v)).toBe(true);
			})
		);
	});
});
