import type { ChangeOrder, InvoiceLine, PoLine, PurchaseOrder, Task, WorkOrder } from '$lib/domain/records';
import { lineAmount } from '$lib/domain/quantity';
import type { LiveTable } from './live-table.svelte';
import type { Workbook } from './workbook.svelte';

/** Children grouped by their parent's id, rebuilt only when the child table's version moves. */
class GroupIndex<T extends { id: string }> {
	#version = -1;
	#groups = new Map<string, T[]>();
	constructor(
		private table: LiveTable<T>,
		private parentOf: (row: T) => string
	) {}

	get(parentId: string): T[] {
		if (this.#version !== this.table.version) {
			this.#groups.clear();
			for (const row of this.table.map.values()) {
				const key = this.parentOf(row);
				const list = this.#groups.get(key);
				if (list) list.push(row);
				else this.#groups.set(key, [row]);
			}
			this.#version = this.table.version;
		}
		return this.#groups.get(parentId) ?? [];
	}
}

export interface Lookups {
	tasks(workOrderId: string): Task[];
	changeOrders(workOrderId: string): ChangeOrder[];
	poLines(poId: string): PoLine[];
	invoiceLines(invoiceId: string): InvoiceLine[];
	taskTotal(workOrderId: string): number;
	/** The job's PO (its customer's PO with the number it names), if there is one. */
	poOfJob(wo: Pick<WorkOrder, 'customerId' | 'poNumber'>): PurchaseOrder | undefined;
	/** The customer's POs, by number: what a job may name. */
	posOfCustomer(customerId: string): PurchaseOrder[];
	/** The lines of the task's job's PO, in line-number order: what the task may name. */
	poLinesForTask(task: Pick<Task, 'workOrderId'>): PoLine[];
}

const cache = new WeakMap<Workbook, Lookups>();

export function linesOf(wb: Workbook): Lookups {
	let l = cache.get(wb);
	if (!l) {
		const tasks = new GroupIndex(wb.tables.tasks, (t) => t.workOrderId);
		const cos = new GroupIndex(wb.tables.changeOrders, (c) => c.workOrderId);
		const poLines = new GroupIndex(wb.tables.poLines, (p) => p.poId);
		const invLines = new GroupIndex(wb.tables.invoiceLines, (i) => i.invoiceId);
		l = {
			tasks: (id) => tasks.get(id),
			changeOrders: (id) => cos.get(id),
			poLines: (id) => poLines.get(id),
			invoiceLines: (id) => invLines.get(id),
			taskTotal: (id) => tasks.get(id).reduce((s, t) => s + lineAmount(t.qtyMilli, t.rateCents), 0),
			poOfJob: (wo) => poOfJob(wb, wo),
			posOfCustomer: (customerId) =>
				[...wb.tables.purchaseOrders.map.values()].filter((po) => po.customerId === customerId && po.number !== '').sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })),
			poLinesForTask: (task) => {
				const wo = wb.tables.workOrders.get(task.workOrderId);
				const po = wo && poOfJob(wb, wo);
				return po ? poLines.get(po.id).slice().sort((a, b) => a.lineNo - b.lineNo || (a.id < b.id ? -1 : 1)) : [];
			}
		};
		cache.set(wb, l);
	}
	return l;
}

/** POs are a few hundred at most: a scan, with the smallest id winning a (refused) repeat as reconciliation does. */
function poOfJob(wb: Workbook, wo: Pick<WorkOrder, 'customerId' | 'poNumber'>): PurchaseOrder | undefined {
	if (wo.poNumber === '') return undefined;
	let found: PurchaseOrder | undefined;
	for (const po of wb.tables.purchaseOrders.map.values()) if (po.customerId === wo.customerId && po.number === wo.poNumber && (!found || po.id < found.id)) found = po;
	return found;
}
