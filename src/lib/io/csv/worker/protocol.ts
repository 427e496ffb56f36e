import type { Customer, PoLine, PurchaseOrder, Site } from '$lib/domain/records';
import type { LocalDate } from '$lib/domain/dates';
import type { Encoding } from '../decode';
import type { FieldMapping } from '../mapping';
import type { TableRow } from '../parse';
import type { ImportProblem } from '../problem';
import type { PoImportPlan } from '../revision';
import type { Delimiter } from '../sniff';
import type { ValueOptions } from '../values';

/** How many rows the wizard previews: enough to check the mapping, small enough to send at once. */
export const PREVIEW_ROWS = 12;

export type WorkerRequest =
	| { type: 'read'; id: number; bytes: ArrayBuffer; fileName: string; chosen: { delimiter?: Delimiter; headerRow?: number } }
	| {
			type: 'planPo';
			id: number;
			mapping: FieldMapping;
			options: ValueOptions;
			customerId: string | null;
			customers: Customer[];
			sites: Site[];
			today: LocalDate;
			stored: { purchaseOrders: PurchaseOrder[]; poLines: PoLine[] };
			/** What points at each stored PO line, by `poId|lineNo`, so removing it can be flagged. */
			references: Record<string, string[]>;
	  };

/** What the wizard shows of a file that was read: the table itself stays in the worker. */
export interface TableSummary {
	fileName: string;
	encoding: Encoding;
	delimiter: Delimiter;
	headerRow: number;
	header: string[];
	preview: TableRow[];
	rowCount: number;
	warnings: ImportProblem[];
}

export type PlanOutcome = { ok: true; plan: PoImportPlan; warnings: ImportProblem[]; mapped: string[] } | { ok: false; problems: ImportProblem[] };

export type WorkerResponse =
	| { type: 'progress'; id: number; fraction: number }
	| { type: 'read'; id: number; ok: true; summary: TableSummary }
	| { type: 'read'; id: number; ok: false; problems: ImportProblem[] }
	| { type: 'planPo'; id: number; outcome: PlanOutcome }
	| { type: 'failed'; id: number; error: string };
