import type { LocalDate } from '$lib/domain/dates';
import { moneyOverview, type MoneyOverview } from '$lib/domain/overview';
import type { Invoice, InvoiceLine, Task, WorkOrder } from '$lib/domain/records';
import type { Finding } from '$lib/reconcile';
import { linesOf } from './lookups';
import type { Workbook } from './workbook.svelte';

/** What the home page's figures are read from: the records, found by id. */
export interface OverviewRecords {
	invoices: readonly Invoice[];
	linesOf: (invoiceId: string) => readonly InvoiceLine[];
	task: (id: string) => Task | undefined;
	workOrder: (id: string) => WorkOrder | undefined;
	customerName: (id: string) => string;
}

/**
 * The home page's figures from the records and the live findings: the findings say which drafts
 * AP would reject (any error against them) and which done tasks are on no invoice, so the page
 * agrees with Invoices' AP-ready column and with Exceptions.
 */
export function overviewOf(records: OverviewRecords, findings: readonly Finding[], today: LocalDate): MoneyOverview {
	const invoicesWithErrors = new Set<string>();
	const unbilledTasks: { task: Task; workOrder: WorkOrder }[] = [];
	for (const f of findings) {
		if (f.severity === 'error') for (const n of f.invoiceNumbers) invoicesWithErrors.add(n);
		if (f.code !== 'UNBILLED_COMPLETE_WORK') continue;
		const taskId = f.targets.find((t) => t.table === 'tasks')?.id;
		const task = taskId ? records.task(taskId) : undefined;
		const workOrder = task ? records.workOrder(task.workOrderId) : undefined;
		if (task && workOrder) unbilledTasks.push({ task, workOrder });
	}
	return moneyOverview({ today, invoices: records.invoices, linesOf: records.linesOf, customerName: records.customerName, invoicesWithErrors, unbilledTasks });
}

export function workbookOverview(wb: Workbook, findings: readonly Finding[], today: LocalDate): MoneyOverview {
	const t = wb.tables;
	const lines = linesOf(wb);
	return overviewOf(
		{
			invoices: t.invoices.rows(),
			linesOf: (id) => lines.invoiceLines(id),
			task: (id) => t.tasks.get(id),
			workOrder: (id) => t.workOrders.get(id),
			customerName: (id) => t.customers.get(id)?.name ?? ''
		},
		findings,
		today
	);
}
