import type { LocalDate } from '../domain/dates';
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
} from '../domain/records';

/** `error`: AP would reject or hold the invoice. `warning`: likely a question. `info`: bookkeeping. */
export type Severity = 'error' | 'warning' | 'info';

/** The codes of the reconciliation table in docs/domain.md. */
export const FINDING_CODES = [
	'LINE_UNBACKED',
	'TICKET_NOT_COMPLETE',
	'PO_MISSING',
	'PO_LINE_UNMATCHED',
	'OVER_PO_QTY',
	'PRICE_MISMATCH',
	'UNIT_MISMATCH',
	'OVER_PO_TOTAL',
	'OVER_NTE',
	'QTY_OVER_PERFORMED',
	'DUPLICATE_BILLING',
	'WARRANTY_BILLED',
	'INTERNAL_BILLED',
	'TAX_NOT_ALLOWED',
	'FREIGHT_NOT_ALLOWED',
	'CHANGE_UNAPPROVED',
	'ITEM_CODE_MISMATCH',
	'COST_CENTER_MISMATCH',
	'TERMS_MISMATCH',
	'TICKET_OPEN_AFTER_BILLING',
	'UNBILLED_COMPLETE_WORK',
	'STALE_TICKET',
	'TASK_OVER_PO',
	'PO_UNKNOWN'
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The record tables a finding can point at. `sites` is here because the cost centre lives on the site. */
export type TargetTable = keyof RecordsByTable;

/**
 * One cell a finding lights up. `field` is the record field, or the grid's computed column id
 * where the problem is a computed value (`amount` on invoice lines).
 */
export interface Target {
	table: TargetTable;
	id: string;
	field: string;
}

export interface Finding {
	/** Stable, unique and deterministic: the code and the ids of the records it is about. */
	key: string;
	code: FindingCode;
	severity: Severity;
	/** Every record the finding points at (both sides of a mismatch), sorted by table, id, field. */
	targets: Target[];
	/** A sentence with the numbers in it. */
	message: string;
	/** Over, but by no more than the customer's (or the global) tolerance: shown as `info`. */
	withinTolerance: boolean;
	customerId: string | null;
	poNumber: string | null;
	/** The invoice the finding is about, when it is about one only. */
	invoiceNumber: string | null;
	/**
	 * Every invoice the finding concerns, in number order: a line billed twice, or a PO or job
	 * over its cap across invoices, stands against each invoice involved.
	 */
	invoiceNumbers: readonly string[];
	workOrderNumber: string | null;
}

/** Everything the rules read. `today` is passed in: the engine never reads a clock. */
export interface Workbook {
	customers: readonly Customer[];
	sites: readonly Site[];
	workOrders: readonly WorkOrder[];
	tasks: readonly Task[];
	changeOrders: readonly ChangeOrder[];
	purchaseOrders: readonly PurchaseOrder[];
	poLines: readonly PoLine[];
	invoices: readonly Invoice[];
	invoiceLines: readonly InvoiceLine[];
	settings: Settings;
	today: LocalDate;
}

/** The record type of each table the engine indexes. */
export type RecordOf = RecordsByTable;
export type RecordTable = keyof RecordOf;

export const RECORD_TABLES: readonly RecordTable[] = [
	'customers',
	'sites',
	'workOrders',
	'tasks',
	'changeOrders',
	'purchaseOrders',
	'poLines',
	'invoices',
	'invoiceLines'
];

/**
 * One batch of writes to one table, as the database reports it: records written (new or
 * edited, whole) and ids deleted. `settings` takes the one settings record.
 */
export type Change =
	| { [K in RecordTable]: { table: K; upserts: readonly RecordOf[K][]; removes: readonly string[] } }[RecordTable]
	| { table: 'settings'; upserts: readonly Settings[]; removes?: readonly string[] };

export interface Counts {
	error: number;
	warning: number;
	info: number;
}
