import { addDays, daysBetween, type LocalDate } from './dates';
import { sumCents, type Cents } from './money';
import { lineAmount } from './quantity';
import type { Invoice, InvoiceLine, Task, WorkOrder } from './records';
import { invoiceSchedule, invoiceTotals } from './totals';

/**
 * Money at a glance: what is owed and how old it is, what is late, which early-payment
 * discounts run out this week, what is done but not billed, and what is ready to send.
 * Everything is worked out from the records and `today`, passed in; nothing here reads a clock.
 */

/** Ages are days past the invoice date; an invoice dated ahead of today is in the first bucket. */
export const AGE_BUCKETS = [
	{ label: '0–30', upTo: 30 },
	{ label: '31–60', upTo: 60 },
	{ label: '61–90', upTo: 90 },
	{ label: '90+', upTo: Infinity }
] as const;

export type AgedCents = [Cents, Cents, Cents, Cents];

/** How many days ahead of today an early-payment deadline still counts as "this week". */
export const DISCOUNT_WINDOW_DAYS = 7;

export function ageBucket(ageDays: number): 0 | 1 | 2 | 3 {
	return AGE_BUCKETS.findIndex((b) => ageDays <= b.upTo) as 0 | 1 | 2 | 3;
}

export interface OwedInvoice {
	id: string;
	number: string;
	ageDays: number;
	total: Cents;
}

export interface OwedByCustomer {
	customerId: string;
	invoices: OwedInvoice[];
	buckets: AgedCents;
	total: Cents;
}

export interface Owed {
	rows: OwedByCustomer[];
	buckets: AgedCents;
	total: Cents;
}

export interface OverdueInvoice {
	id: string;
	number: string;
	customerId: string;
	dueDate: LocalDate;
	daysOverdue: number;
	total: Cents;
}

export interface ExpiringDiscount {
	id: string;
	number: string;
	customerId: string;
	deadline: LocalDate;
	daysLeft: number;
	/** What the buyer takes off by paying by the deadline. */
	save: Cents;
	total: Cents;
}

export interface UnbilledJob {
	workOrderId: string;
	number: string;
	customerId: string;
	tasks: number;
	amount: Cents;
}

export interface ReadyInvoice {
	id: string;
	number: string;
	customerId: string;
	invoiceDate: LocalDate;
	total: Cents;
}

/** A sent invoice whose terms give no due date: left out of Overdue and Discounts, and said so. */
export interface UnreadTerms {
	id: string;
	number: string;
	terms: string;
}

export interface MoneyOverview {
	owed: Owed;
	overdue: OverdueInvoice[];
	discounts: ExpiringDiscount[];
	unbilled: UnbilledJob[];
	ready: ReadyInvoice[];
	unreadTerms: UnreadTerms[];
}

export interface OverviewInput {
	today: LocalDate;
	invoices: readonly Invoice[];
	linesOf: (invoiceId: string) => readonly InvoiceLine[];
	customerName: (customerId: string) => string;
	/** Numbers of invoices an error finding stands against: AP would reject them, so they are not ready. */
	invoicesWithErrors: ReadonlySet<string>;
	/** The done tasks reconciliation found on no invoice (UNBILLED_COMPLETE_WORK), with their jobs. */
	unbilledTasks: readonly { task: Task; workOrder: WorkOrder }[];
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en-US', { numeric: true });

export function moneyOverview(input: OverviewInput): MoneyOverview {
	const { today } = input;
	const owedBy = new Map<string, OwedInvoice[]>();
	const overdue: OverdueInvoice[] = [];
	const discounts: ExpiringDiscount[] = [];
	const ready: ReadyInvoice[] = [];
	const unreadTerms: UnreadTerms[] = [];
	const lastDiscountDay = addDays(today, DISCOUNT_WINDOW_DAYS);

	for (const inv of input.invoices) {
		if (inv.status !== 'sent' && inv.status !== 'draft') continue;
		const totals = invoiceTotals(input.linesOf(inv.id));
		if (inv.status === 'draft') {
			if (!input.invoicesWithErrors.has(inv.number)) ready.push({ id: inv.id, number: inv.number, customerId: inv.customerId, invoiceDate: inv.invoiceDate, total: totals.total });
			continue;
		}
		const owed = owedBy.get(inv.customerId) ?? [];
		owed.push({ id: inv.id, number: inv.number, ageDays: daysBetween(inv.invoiceDate, today), total: totals.total });
		owedBy.set(inv.customerId, owed);

		const schedule = invoiceSchedule(inv, totals);
		if (!schedule) {
			unreadTerms.push({ id: inv.id, number: inv.number, terms: inv.terms });
			continue;
		}
		const late = daysBetween(schedule.dueDate, today);
		// A sent credit note lowers what is owed, but nobody is late paying it.
		if (late > 0 && totals.total > 0) overdue.push({ id: inv.id, number: inv.number, customerId: inv.customerId, dueDate: schedule.dueDate, daysOverdue: late, total: totals.total });
		const deadline = schedule.discountDate;
		if (deadline && schedule.discountCents > 0 && deadline >= today && deadline <= lastDiscountDay) {
			discounts.push({ id: inv.id, number: inv.number, customerId: inv.customerId, deadline, daysLeft: daysBetween(today, deadline), save: schedule.discountCents, total: totals.total });
		}
	}

	overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byText(a.number, b.number));
	discounts.sort((a, b) => a.daysLeft - b.daysLeft || byText(a.number, b.number));
	ready.sort((a, b) => byText(a.number, b.number));
	unreadTerms.sort((a, b) => byText(a.number, b.number));
	return { owed: ageOwed(owedBy, input.customerName), overdue, discounts, unbilled: unbilledJobs(input.unbilledTasks), ready, unreadTerms };
}

function ageOwed(owedBy: Map<string, OwedInvoice[]>, customerName: (id: string) => string): Owed {
	const rows: OwedByCustomer[] = [];
	for (const [customerId, invoices] of owedBy) {
		const buckets: AgedCents = [0, 0, 0, 0];
		for (const inv of invoices) {
			const b = ageBucket(inv.ageDays);
			buckets[b] = sumCents([buckets[b], inv.total]);
		}
		invoices.sort((a, b) => b.ageDays - a.ageDays || byText(a.number, b.number));
		rows.push({ customerId, invoices, buckets, total: sumCents(buckets) });
	}
	rows.sort((a, b) => byText(customerName(a.customerId), customerName(b.customerId)) || byText(a.customerId, b.customerId));
	const buckets = AGE_BUCKETS.map((_, i) => sumCents(rows.map((r) => r.buckets[i]!))) as AgedCents;
	return { rows, buckets, total: sumCents(buckets) };
}

function unbilledJobs(tasks: OverviewInput['unbilledTasks']): UnbilledJob[] {
	const jobs = new Map<string, UnbilledJob>();
	for (const { task, workOrder } of tasks) {
		let job = jobs.get(workOrder.id);
		if (!job) jobs.set(workOrder.id, (job = { workOrderId: workOrder.id, number: workOrder.number, customerId: workOrder.customerId, tasks: 0, amount: 0 }));
		job.tasks++;
		job.amount = sumCents([job.amount, lineAmount(task.qtyMilli, task.rateCents)]);
	}
	return [...jobs.values()].sort((a, b) => byText(a.number, b.number));
}
