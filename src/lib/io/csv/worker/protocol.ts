import type { Customer, Invoice, InvoiceLine, PoLine, PurchaseOrder, Site, Task, WorkOrder } from '$lib/domain/records';
import type { DateOrder, LocalDate } from '$lib/domain/dates';
import type { FileCustomerName } from '../customer-column';
import type { BadJobsView, BadRows } from '../bad-jobs';
import type { Encoding } from '../decode';
import type { ImportKind } from '../fields';
import type { FieldMapping } from '../mapping';
import type { TableRow } from '../parse';
import type { ImportProblem } from '../problem';
import type { PoRevisionRecord } from '../revision';
import type { Delimiter } from '../sniff';
import type { DecimalSeparator, ValueOptions } from '../values';

/** How many rows the wizard previews: enough to check the mapping, small enough to send at once. */
export const PREVIEW_ROWS = 12;
/** The most characters of one cell the preview shows. */
export const PREVIEW_CELL = 200;

/** How many records the review lists in full; the rest are tallied (a 50 MB file holds thousands). */
export const SHOWN_RECORDS = 50;

/** What is stored now, for the records the file may match (by number). */
export interface StoredRecords {
	purchaseOrders?: PurchaseOrder[];
	poLines?: PoLine[];
	workOrders?: WorkOrder[];
	tasks?: Task[];
	invoices?: Invoice[];
	invoiceLines?: InvoiceLine[];
}

export interface PlanRequest {
	kind: ImportKind;
	mapping: FieldMapping;
	options: ValueOptions;
	customerId: string | null;
	customers: Customer[];
	/** The person's answer, for this file, to a Customer name two customers answer to (by nameKey). */
	nameChoices?: Record<string, string>;
	sites: Site[];
	today: LocalDate;
	stored: StoredRecords;
	/** What points at each stored PO line, by `poId|lineNo`, so removing it can be flagged. */
	references: Record<string, string[]>;
	/** Work orders: what to do with jobs that break a rule (bad-jobs.ts); all or nothing unless chosen. */
	badRows?: BadRows;
}

export type WorkerRequest =
	| { type: 'read'; id: number; bytes: ArrayBuffer; fileName: string; chosen: { delimiter?: Delimiter; headerRow?: number } }
	/** A buyer's PO PDF: its table of lines and header fields (pdf-in/) become the table a CSV gives. */
	| { type: 'readPdf'; id: number; bytes: ArrayBuffer; fileName: string }
	| ({ type: 'plan'; id: number } & PlanRequest)
	/** Every name in the file's Customer column, with its rows. */
	| { type: 'names'; id: number; column: string };

/** What the wizard shows of a file that was read: the table itself stays in the worker. */
export interface TableSummary {
	fileName: string;
	encoding: Encoding;
	delimiter: Delimiter;
	headerRow: number;
	/** The decimal separator the file's numbers seem to use (values.ts guessDecimal); the person may change it. */
	decimal: DecimalSeparator;
	/** The order the file's dates seem to be written in (values.ts guessDateOrder); the person may change it. */
	dateOrder: DateOrder;
	/** Whether the file itself showed each (else the guess is a fallback, and a remembered choice wins). */
	decided: { decimal: boolean; dateOrder: boolean };
	header: string[];
	/** Each column's first non-blank cell in the whole file (columns.ts), null when it holds no data: what the wizard names as not imported. */
	examples: (string | null)[];
	preview: TableRow[];
	rowCount: number;
	warnings: ImportProblem[];
	/** Set when the file was a PDF: its pages and the header fields found by label (already columns of the table). */
	pdf?: { pages: number; fields: Record<string, string> };
}

/** One PO, job or invoice in the file, as the review step shows it. */
export interface PlannedRecord {
	/** `PO 884120`, `Work order WO-1`, `Invoice INV-7`. */
	title: string;
	status: 'new' | 'changed' | 'unchanged';
	/** `new, 3 lines`, `revision 0 → 1`, `no change`. */
	detail: string;
	headerChanges: string[];
	added: string[];
	changed: string[];
	removed: string[];
	/** Removed lines other records still point at. */
	inUse: string[];
	/** The stored id the record will have (kept when matched). */
	id: string;
	/** A new record's values: its header fields and first lines as they will be stored. */
	preview?: RecordPreview;
}

/** A new record's values as the review shows them, formatted as the grids show them (record-preview.ts). */
export interface RecordPreview {
	/** The header fields the file fills, with their values: Buyer, Issue Date, Terms… */
	facts: { label: string; value: string }[];
	/** The line fields the file fills; numeric ones are right-aligned. */
	columns: { label: string; numeric: boolean }[];
	/** The first lines (or tasks), one cell per column. */
	rows: string[][];
	/** Lines past those shown. */
	more: number;
}

/** Everything to write, in one transaction (the shape of the repository's change set). */
export interface PlannedWrite {
	/** Records that replace stored ones (matched by number, so they keep the stored id). */
	put: StoredRecords;
	/**
	 * Records the plan has just made, with ids no stored record can have: added without first
	 * reading a previous version (that read was a quarter of a 100,000-line import's write).
	 */
	add?: StoredRecords;
	remove: { poLines?: string[]; tasks?: string[]; invoiceLines?: string[] };
	revisions: PoRevisionRecord[];
}

export interface ImportPlanView {
	records: PlannedRecord[];
	changed: boolean;
	write: PlannedWrite;
}

/** What the page receives for review: the first records in full and the tallies; the writes stay in the worker, which stores them itself when the person applies them. */
export interface ImportPlanSummary {
	records: PlannedRecord[];
	counts: { total: number; new: number; changed: number; unchanged: number; parts: number; writes: number };
	changed: boolean;
}

/** `bad`: a work-order file's jobs with problems, and what the chosen way does with them. */
export type PlanSummaryOutcome = { ok: true; plan: ImportPlanSummary; warnings: ImportProblem[]; mapped: string[]; bad?: BadJobsView } | { ok: false; problems: ImportProblem[]; bad?: BadJobsView };

export type PlanOutcome = { ok: true; plan: ImportPlanView; warnings: ImportProblem[]; mapped: string[]; bad?: BadJobsView } | { ok: false; problems: ImportProblem[]; bad?: BadJobsView };

export type WorkerResponse =
	| { type: 'progress'; id: number; fraction: number }
	| { type: 'read'; id: number; ok: true; summary: TableSummary }
	| { type: 'read'; id: number; ok: false; problems: ImportProblem[] }
	| { type: 'plan'; id: number; outcome: PlanSummaryOutcome }
	| { type: 'names'; id: number; names: FileCustomerName[] }
	| { type: 'failed'; id: number; error: string };
