import type { ChangeOrder, InvoiceLine, PoLine, Task } from '$lib/domain/records';
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
			taskTotal: (id) => tasks.get(id).reduce((s, t) => s + lineAmount(t.qtyMilli, t.rateCents), 0)
		};
		cache.set(wb, l);
	}
	return l;
}
