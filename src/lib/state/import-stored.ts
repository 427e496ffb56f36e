import type { TableName } from '$lib/db/database';
import type { PurchaseOrder } from '$lib/domain/records';
import type { ImportKind } from '$lib/io/csv/fields';
import type { StoredRecords } from '$lib/io/csv/worker/protocol';
import { linesOf } from './lookups';
import type { Workbook } from './workbook.svelte';

/*
 * What an import of each kind is checked against and writes: the stored records a file can match
 * (by number), what points at a stored PO line, and the tables of the records it writes.
 */

/** The table of the records an import of this kind lists, and of their lines with the field naming their record. */
export const IMPORTED: Record<ImportKind, { table: TableName; lines: { table: TableName; parent: string } }> = {
	po: { table: 'purchaseOrders', lines: { table: 'poLines', parent: 'poId' } },
	workOrder: { table: 'workOrders', lines: { table: 'tasks', parent: 'workOrderId' } },
	invoice: { table: 'invoices', lines: { table: 'invoiceLines', parent: 'invoiceId' } }
};

/** The stored records a file of this kind can match: they are matched by number, so all of that kind (for POs, of the customers in play). */
export function storedFor(wb: Workbook, kind: ImportKind, purchaseOrders: PurchaseOrder[]): StoredRecords {
	const t = wb.tables;
	if (kind === 'po') return { purchaseOrders, poLines: purchaseOrders.flatMap((p) => linesOf(wb).poLines(p.id)) };
	if (kind === 'workOrder') return { workOrders: t.workOrders.rows(), tasks: t.tasks.rows() };
	return { invoices: t.invoices.rows(), invoiceLines: t.invoiceLines.rows() };
}

/** Tasks and invoice lines that point at each stored PO line (by `poId|lineNo`), so the diff can warn before one is removed. */
export function lineReferences(wb: Workbook, purchaseOrders: { id: string; number: string; customerId: string }[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	const add = (key: string, what: string) => (out[key] ??= []).push(what);
	for (const po of purchaseOrders) {
		for (const wo of wb.tables.workOrders.rows().filter((w) => w.poNumber === po.number && w.customerId === po.customerId)) {
			for (const t of linesOf(wb).tasks(wo.id)) if (t.poLineNo !== null) add(`${po.id}|${t.poLineNo}`, `task ${t.code} of ${wo.number}`);
		}
		for (const inv of wb.tables.invoices.rows().filter((i) => i.poNumber === po.number && i.customerId === po.customerId && i.status !== 'void')) {
			for (const l of linesOf(wb).invoiceLines(inv.id)) if (l.poLineNo !== null) add(`${po.id}|${l.poLineNo}`, `${inv.number} line ${l.lineNo}`);
		}
	}
	return out;
}
