import type { ColDef } from 'ag-grid-community';
import type { RecordOf } from '$lib/db/records';
import type { OrderKeys } from '$lib/state/row-order';
import { invoiceLineColumns, invoiceLineOrder, poLineColumns, poLineOrder, taskColumns, taskOrder } from '$lib/grid/record-columns';
import type { Workbook } from '$lib/state/workbook.svelte';

export type LineTable = 'tasks' | 'poLines' | 'invoiceLines';

/**
 * One of the three pages that list every line of a kind. The page draws its grid from this and
 * line-snapshots.ts keeps its first screen from it, so the two cannot drift apart.
 */
export interface LinePage<K extends LineTable> {
	path: '/lines/tasks' | '/lines/po-lines' | '/lines/invoice-lines';
	label: string;
	table: K;
	columns: (wb: Workbook) => ColDef<RecordOf[K]>[];
	/** The order the grid opens in. */
	order: (wb: Workbook) => OrderKeys<RecordOf[K]>;
}

export const LINE_PAGES: { [K in LineTable]: LinePage<K> } = {
	tasks: { path: '/lines/tasks', label: 'All tasks', table: 'tasks', columns: (wb) => taskColumns(wb, true), order: taskOrder },
	poLines: { path: '/lines/po-lines', label: 'All PO lines', table: 'poLines', columns: (wb) => poLineColumns(wb, true), order: poLineOrder },
	invoiceLines: { path: '/lines/invoice-lines', label: 'All invoice lines', table: 'invoiceLines', columns: (wb) => invoiceLineColumns(wb, true), order: invoiceLineOrder }
};
