import { Dexie, type Table } from 'dexie';
import type {
	ChangeOrder,
	Customer,
	Invoice,
	InvoiceLine,
	PoLine,
	PurchaseOrder,
	RecordsByTable,
	Settings,
	Site,
	Task,
	WorkOrder
} from '$lib/domain/records';
import { DB_NAME, VERSIONS } from './schema';
import { MIGRATIONS, type StoredKind } from './migrations';
import type { DateOrder } from '$lib/domain/dates';
import { generationMiddleware } from './generation';
import type { HistoryRow } from './history';

export interface ColumnMapping {
	id: string;
	customerId: string;
	kind: 'po' | 'workOrder' | 'invoice';
	headerSignature: string;
	mapping: Record<string, string>;
	/** How the file wrote numbers and dates, as last imported (absent in mappings saved before 2026-11-27). */
	options?: { decimal: '.' | ','; dateOrder: DateOrder };
}

export interface Attachment {
	id: string;
	workOrderId: string;
	name: string;
	type: string;
	addedOn: string;
	data: Blob;
}

export interface PoRevision {
	id: string;
	poId: string;
	revision: number;
	appliedOn: string;
	summary: string;
}

/** The one IndexedDB database. Tables hold validated domain records, nothing computed. */
export class TieoutDB extends Dexie {
	customers!: Table<Customer, string>;
	sites!: Table<Site, string>;
	workOrders!: Table<WorkOrder, string>;
	tasks!: Table<Task, string>;
	changeOrders!: Table<ChangeOrder, string>;
	purchaseOrders!: Table<PurchaseOrder, string>;
	poLines!: Table<PoLine, string>;
	invoices!: Table<Invoice, string>;
	invoiceLines!: Table<InvoiceLine, string>;
	settings!: Table<Settings, string>;
	mappings!: Table<ColumnMapping, string>;
	attachments!: Table<Attachment, string>;
	poRevisions!: Table<PoRevision, string>;
	/** What every change did, for a record's history and for undo (history.ts). */
	history!: Table<HistoryRow, string>;

	constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		for (const v of VERSIONS) {
			const version = this.version(v.version).stores(v.stores);
			const step = MIGRATIONS[v.version];
			if (step) {
				version.upgrade(async (tx) => {
					for (const [kind, move] of Object.entries(step) as [StoredKind, (r: Record<string, unknown>) => Record<string, unknown>][]) {
						await tx.table(kind).toCollection().modify((r: Record<string, unknown>, ref: { value: unknown }) => {
							ref.value = move(r);
						});
					}
				});
			}
		}
		this.use(generationMiddleware(name));
	}
}

/** Every table of records: the business records and the one settings record. */
export type TableName = keyof RecordsByTable | 'settings';

export const RECORD_TABLES: readonly TableName[] = [
	'customers',
	'sites',
	'workOrders',
	'tasks',
	'changeOrders',
	'purchaseOrders',
	'poLines',
	'invoices',
	'invoiceLines',
	'settings'
];
