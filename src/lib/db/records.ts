import type { RecordsByTable, Settings } from '$lib/domain/records';
import type { TableName } from './database';

/** The record type held by each table: the business records, and the one settings record. */
export interface RecordOf extends RecordsByTable {
	settings: Settings;
}

export type AnyRecord = RecordOf[TableName];

export const TABLE_LABEL: Record<TableName, string> = {
	customers: 'Customer',
	sites: 'Site',
	workOrders: 'Work order',
	tasks: 'Task',
	changeOrders: 'Change order',
	purchaseOrders: 'Purchase order',
	poLines: 'PO line',
	invoices: 'Invoice',
	invoiceLines: 'Invoice line',
	settings: 'Settings'
};
