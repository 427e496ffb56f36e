import { clip } from '$lib/domain/limits';
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

/** A short name people recognise: `WO-18472`, `PO 1001 line 3`, `INV-1042`. */
export function describeRecord(table: TableName, x: AnyRecord): string {
	const r = x as unknown as Record<string, unknown>;
	if (r.lineNo !== undefined) return `${TABLE_LABEL[table].replace(/ line$/, '')} line ${String(r.lineNo)}`;
	const name = r.number ?? r.name ?? r.code ?? '';
	// Clipped: a backup may hold a name of any length, and the name goes into every message about the record.
	return `${TABLE_LABEL[table]} ${clip(String(name), 80)}`.trim();
}
