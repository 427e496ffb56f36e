import type {
	ChangeOrder,
	Customer,
	Invoice,
	InvoiceLine,
	PoLine,
	PurchaseOrder,
	Settings,
	Site,
	Task,
	WorkOrder
} from '$lib/domain/records';
import type { TableName } from './database';

/** The record type held by each table. */
export interface RecordOf {
	customers: Customer;
	sites: Site;
	workOrders: WorkOrder;
	tasks: Task;
	changeOrders: ChangeOrder;
	purchaseOrders: PurchaseOrder;
	poLines: PoLine;
	invoices: Invoice;
	invoiceLines: InvoiceLine;
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
