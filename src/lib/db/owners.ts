import type { TableName } from './database';
import type { HistoryTable } from './history';

/*
 * Which records belong to which: kept apart from integrity.ts (the cascade) and history.ts (where a
 * created line is filed) so that both read the one list without importing each other.
 */

/** Children that go with their parent, by the field naming it: tasks and change orders with a work order, lines with a PO or invoice. */
export const OWNED: { readonly [K in TableName]?: readonly (readonly [child: HistoryTable, field: string])[] } = {
	workOrders: [
		['tasks', 'workOrderId'],
		['changeOrders', 'workOrderId'],
		['attachments', 'workOrderId']
	],
	purchaseOrders: [
		['poLines', 'poId'],
		['poRevisions', 'poId']
	],
	invoices: [['invoiceLines', 'invoiceId']]
};

/** The owner of a record of `table` that goes with its owner: the field naming it and the owner's table. */
export const OWNER_OF: { readonly [K in HistoryTable]?: readonly [field: string, owner: TableName] } = Object.fromEntries(
	Object.entries(OWNED).flatMap(([owner, children]) => children!.map(([child, field]) => [child, [field, owner as TableName]]))
);
