import { clip } from '$lib/domain/limits';
import { columnExamples } from '../columns';
import type { ParsedTable, TableRow } from '../parse';
import { namesInColumn } from '../customer-column';
import { formatGuesses } from '../guess';
import { readTable } from '../read';
import { warn, type ImportProblem } from '../problem';
import { readPoPdf } from '../../pdf-in/read-po-pdf';
import type { PdfJs } from '../../pdf-in/text-items';
import { planTable } from './plan-view';
import { PREVIEW_CELL, PREVIEW_ROWS, SHOWN_RECORDS, type ImportPlanView, type PlannedWrite, type StoredRecords, type WorkerRequest, type WorkerResponse } from './protocol';

/**
 * The file last read: kept here so mapping and checking never copy a large table back and forth.
 * A PDF's table keeps the page of each row (by row number), so a problem names its page.
 */
let current: { fileName: string; table: ParsedTable; pages?: Map<number, number> } | null = null;
/** The last plan's writes, stored from the worker when the person applies it (state/import.worker.ts). */
let planned: ImportPlanView['write'] | null = null;

/** What the last successful check would write, exactly as its review showed; null when the last check refused the file. */
export const plannedWrite = (): PlannedWrite | null => planned;

/** A preview row as the wizard shows it: a cell of thousands of characters would only stretch the table. */
const shortCells = (r: TableRow): TableRow => ({ row: r.row, cells: r.cells.map((c) => clip(c, PREVIEW_CELL)) });

/** The plan's records split into those that replace a stored record (its id was sent as stored) and new ones, which can only have ids the plan made. */
export function splitNew(write: PlannedWrite, stored: StoredRecords): PlannedWrite {
	const known = new Set((Object.values(stored) as { id: string }[][]).flatMap((rows) => rows.map((r) => r.id)));
	const put: Record<string, { id: string }[]> = {};
	const add: Record<string, { id: string }[]> = {};
	for (const [table, rows] of Object.entries(write.put) as [string, { id: string }[]][]) {
		for (const r of rows) ((known.has(r.id) ? put : add)[table] ??= []).push(r);
	}
	return { ...write, put: put as StoredRecords, add: add as StoredRecords };
}

/** How many records the write puts. */
const putCount = (write: ImportPlanView['write']): number => (Object.values(write.put) as unknown[][]).reduce((n, rows) => n + rows.length, 0);

/** A PDF's problems with the page of their row. */
function withPages(problems: ImportProblem[]): ImportProblem[] {
	const pages = current?.pages;
	if (!pages) return problems;
	return problems.map((p) => (p.row !== null && pages.has(p.row) ? { ...p, page: pages.get(p.row)! } : p));
}

/**
 * Reads a PO PDF (run in the worker, and directly in tests with Node's pdf.js): its lines become
 * the table the mapping, checking and review use exactly as a CSV's. Row 1 is the header; each
 * line is the row after it, and knows its page.
 */
export async function answerPdf(req: Extract<WorkerRequest, { type: 'readPdf' }>, progress: (r: WorkerResponse) => void, load: () => Promise<PdfJs>): Promise<WorkerResponse[]> {
	try {
		current = null;
		const read = await readPoPdf(await load(), new Uint8Array(req.bytes), req.fileName, (fraction) => progress({ type: 'progress', id: req.id, fraction }));
		if (!read.ok) return [{ type: 'read', id: req.id, ok: false, problems: read.problems }];
		const rows: TableRow[] = read.rows.map((cells, i) => ({ row: i + 2, cells }));
		const warnings = read.notes.map((n) => warn(req.fileName, null, null, n));
		const table: ParsedTable = { ok: true, header: read.headers, headerRow: 1, rows, warnings };
		current = { fileName: req.fileName, table, pages: new Map(rows.map((r, i) => [r.row, read.rowPages[i]!])) };
		const summary = { fileName: req.fileName, encoding: 'utf-8' as const, delimiter: ',' as const, headerRow: 1, ...formatGuesses(rows), header: table.header, examples: columnExamples(table.header.length, rows), preview: rows.slice(0, PREVIEW_ROWS).map(shortCells), rowCount: rows.length, warnings, pdf: { pages: read.pages, fields: read.fields } };
		return [{ type: 'read', id: req.id, ok: true, summary }];
	} catch (e) {
		return [{ type: 'failed', id: req.id, error: e instanceof Error ? e.message : String(e) }];
	}
}

/** Answers one request (run in the worker, and directly in tests). Progress goes out as it happens. */
export function answer(req: WorkerRequest, progress: (r: WorkerResponse) => void): WorkerResponse[] {
	try {
		if (req.type === 'readPdf') return [{ type: 'failed', id: req.id, error: 'A PDF is read by answerPdf' }];
		if (req.type === 'read') {
			let last = 0;
			const read = readTable(new Uint8Array(req.bytes), req.fileName, req.chosen, (fraction) => {
				// Every few percent is enough for a progress bar; posting per chunk would flood the page.
				if (fraction - last >= 0.02 || fraction === 1) {
					last = fraction;
					progress({ type: 'progress', id: req.id, fraction });
				}
			});
			if (!read.ok) {
				current = null;
				return [{ type: 'read', id: req.id, ok: false, problems: read.problems }];
			}
			current = { fileName: req.fileName, table: read.table };
			const t = read.table;
			return [
				{
					type: 'read',
					id: req.id,
					ok: true,
					summary: { fileName: req.fileName, encoding: read.encoding, delimiter: read.delimiter, headerRow: read.headerRow, ...formatGuesses(t.rows), header: t.header, examples: columnExamples(t.header.length, t.rows), preview: t.rows.slice(0, PREVIEW_ROWS).map(shortCells), rowCount: t.rows.length, warnings: t.warnings }
				}
			];
		}
		if (!current) return [{ type: 'failed', id: req.id, error: 'No file has been read yet.' }];
		if (req.type === 'names') return [{ type: 'names', id: req.id, names: namesInColumn(current.table, req.column) }];
		const { type: _type, id: _id, ...plan } = req;
		// Converting the rows is most of a check; comparing with what is stored is the last tenth.
		const outcome = planTable(current.table, current.fileName, plan, () => crypto.randomUUID(), (fraction) => progress({ type: 'progress', id: req.id, fraction: fraction * 0.9 }));
		if (!outcome.ok) {
			planned = null;
			return [{ type: 'plan', id: req.id, outcome: { ...outcome, problems: withPages(outcome.problems) } }];
		}
		planned = splitNew(outcome.plan.write, plan.stored);
		const rs = outcome.plan.records;
		const count = (status: string) => rs.filter((r) => r.status === status).length;
		const counts = {
			total: rs.length,
			new: count('new'),
			changed: count('changed'),
			unchanged: count('unchanged'),
			parts: rs.reduce((n, r) => n + r.added.length + r.changed.length + r.removed.length, 0),
			writes: putCount(outcome.plan.write)
		};
		// Records with changes first: those are what the person must read.
		const shown = [...rs.filter((r) => r.status !== 'unchanged'), ...rs.filter((r) => r.status === 'unchanged')].slice(0, SHOWN_RECORDS);
		return [{ type: 'plan', id: req.id, outcome: { ok: true, warnings: withPages(outcome.warnings), mapped: outcome.mapped, plan: { records: shown, counts, changed: outcome.plan.changed }, ...(outcome.bad ? { bad: outcome.bad } : {}) } }];
	} catch (e) {
		return [{ type: 'failed', id: req.id, error: e instanceof Error ? e.message : String(e) }];
	}
}
