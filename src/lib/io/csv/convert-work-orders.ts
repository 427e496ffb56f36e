import { newTask, newWorkOrder } from '$lib/domain/factories';
import { clip } from '$lib/domain/limits';
import { PRIORITIES, TASK_KINDS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type Task, type WorkOrder } from '$lib/domain/records';
import { validateTask, validateWorkOrder } from '$lib/domain/validate';
import { checkUnique, customerFor, groupRows, HeaderFields, normaliseName, sameCustomer, Sheet, text, type ConvertContext, type ConvertOptions, type Converted } from './convert-core';
import { PRIORITY_ALIASES, TASK_KIND_ALIASES, WO_STATUS_ALIASES, WO_TYPE_ALIASES } from './enums';
import type { FieldMapping } from './mapping';
import type { ParsedTable } from './parse';
import type { ImportProblem } from './problem';
import { booleanCell, dateCell, enumCell, integerCell, moneyCell, quantityCell } from './values';

export interface ImportedWorkOrder {
	workOrder: WorkOrder;
	tasks: Task[];
	taskRows: number[];
	/** Every row of the file the job was read from: its task rows, or its one row without a task. */
	rows: number[];
	given: string[];
	/** The file gives no status for the job but a completed or sign-off date, so it was read as complete. */
	statusInferred: boolean;
}

/** The import field that fills each work-order field, to name the column a problem is in. */
export const WO_KEYS: Record<string, string> = {
	warrantyOf: 'warrantyOf',
	number: 'woNumber',
	customerId: 'customer',
	siteId: 'site',
	type: 'type',
	status: 'status',
	priority: 'priority',
	description: 'description',
	poNumber: 'poNumber',
	openedOn: 'openedOn',
	scheduledStart: 'scheduledStart',
	scheduledEnd: 'scheduledEnd',
	completedOn: 'completedOn',
	completionNotes: 'completionNotes',
	nteCents: 'nte',
	signedOffBy: 'signedOffBy',
	signedOffOn: 'signedOffOn',
	assignedTo: 'assignedTo'
};
const TASK_KEYS: Record<string, string> = {
	code: 'taskCode',
	description: 'taskDescription',
	kind: 'kind',
	qtyMilli: 'quantity',
	unit: 'unit',
	rateCents: 'rate',
	buyerItemCode: 'buyerItemCode',
	poLineNo: 'poLine'
};

const SIGN_OFF_KEYS: ReadonlySet<string> = new Set(['signedOffBy', 'signedOffOn']);
const TASK_FIELDS = ['taskCode', 'taskDescription', 'kind', 'quantity', 'unit', 'rate', 'buyerItemCode', 'poLine', 'done'];

/** A spreadsheet of jobs, one row per task with the job's fields repeated, as work orders with their tasks. */
export function convertWorkOrders(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): Converted<ImportedWorkOrder> {
	const { sheet, jobs } = readJobs(table, mapping, options, ctx);
	return sheet.result(jobs);
}

/** Every job of a file, each with the errors on its own rows, so a file may come in without its bad jobs (bad-jobs.ts). */
export interface JudgedWorkOrders {
	/** Every job, those with errors too (their records then hold fallbacks and are never written). */
	jobs: ImportedWorkOrder[];
	/** Errors on the rows of one job, by job number, in row order. */
	byJob: Map<string, ImportProblem[]>;
	/** Errors that belong to no one job (a row without a job number): such a file can only be refused. */
	whole: ImportProblem[];
	warnings: ImportProblem[];
	mapped: string[];
}

export function judgeWorkOrders(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): JudgedWorkOrders {
	const { sheet, jobs } = readJobs(table, mapping, options, ctx);
	const jobOfRow = new Map<number, string>();
	for (const j of jobs) for (const row of j.rows) jobOfRow.set(row, j.workOrder.number);
	const byJob = new Map<string, ImportProblem[]>();
	const whole: ImportProblem[] = [];
	const warnings: ImportProblem[] = [];
	for (const p of [...sheet.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))) {
		if (p.severity === 'warning') warnings.push(p);
		else {
			const job = p.row === null ? undefined : jobOfRow.get(p.row);
			if (job === undefined) whole.push(p);
			else {
				const list = byJob.get(job);
				if (list) list.push(p);
				else byJob.set(job, [p]);
			}
		}
	}
	return { jobs, byJob, whole, warnings, mapped: sheet.mapped };
}

const FINISHED: ReadonlySet<WorkOrder['status']> = new Set(['complete', 'invoiced', 'closed']);

function readJobs(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): { sheet: Sheet; jobs: ImportedWorkOrder[] } {
	const sheet = new Sheet('workOrder', table, mapping, ctx.fileName, ctx.progress);
	const money = (t: string) => moneyCell(t, options);
	const date = (t: string) => dateCell(t, options);
	// A contractor's "Completed" column is a date in FSM exports but a tick in some logs: say which field a tick belongs to.
	const completedDate = (t: string) => {
		const d = dateCell(t, options);
		return !d.ok && booleanCell(t).ok ? { ok: false as const, error: `"${t}" is not a date; if this column ticks off each task, map it to Done instead` } : d;
	};
	const out: ImportedWorkOrder[] = [];
	const sameBuyer = sameCustomer(ctx);

	for (const [number, rows] of groupRows(sheet, 'woNumber', 'work order number')) {
		const what = `Work order ${clip(number)}`;
		const head = new HeaderFields(sheet, what);
		const first = rows[0]!.row;
		const woId = ctx.idGen();
		const tasks: Task[] = [];
		const taskRows: number[] = [];
		for (const r of rows) {
			head.take(r, 'customer', text, sameBuyer);
			head.take(r, 'site', text);
			head.take(r, 'type', (t) => enumCell(t, WORK_ORDER_TYPES, WO_TYPE_ALIASES));
			head.take(r, 'status', (t) => enumCell(t, WORK_ORDER_STATUSES, WO_STATUS_ALIASES));
			head.take(r, 'priority', (t) => enumCell(t, PRIORITIES, PRIORITY_ALIASES));
			head.take(r, 'description', text);
			head.take(r, 'poNumber', text);
			head.take(r, 'nte', money);
			head.take(r, 'openedOn', date);
			head.take(r, 'scheduledStart', date);
			head.take(r, 'scheduledEnd', date);
			head.take(r, 'completedOn', completedDate);
			head.take(r, 'signedOffBy', text);
			head.take(r, 'signedOffOn', date);
			head.take(r, 'completionNotes', text);
			head.take(r, 'assignedTo', text);
			head.take(r, 'warrantyOf', text);
			// A row with no task fields at all is a job without tasks (an export writes one for it).
			if (TASK_FIELDS.every((k) => sheet.text(r, k) === '')) continue;
			const task = newTask(ctx.idGen(), woId, sheet.text(r, 'taskCode'), {
				description: sheet.text(r, 'taskDescription'),
				kind: sheet.value(r, 'kind', (t) => enumCell(t, TASK_KINDS, TASK_KIND_ALIASES), 'labor'),
				qtyMilli: sheet.value(r, 'quantity', (t) => quantityCell(t, options), 1000, true),
				unit: sheet.text(r, 'unit'),
				rateCents: sheet.value(r, 'rate', money, 0),
				buyerItemCode: sheet.text(r, 'buyerItemCode'),
				poLineNo: sheet.value<number | null>(r, 'poLine', integerCell, null),
				done: sheet.value(r, 'done', booleanCell, false)
			});
			sheet.validated(r.row, validateTask(task), TASK_KEYS);
			tasks.push(task);
			taskRows.push(r.row);
		}
		checkUnique(sheet, tasks.map((t, i) => ({ row: taskRows[i]!, value: t.code })), 'taskCode', what);
		const customer = customerFor(sheet, head, first, what, ctx);
		let siteId: string | null = null;
		const siteName = head.get<string>('site');
		if (siteName !== undefined && customer) {
			const site = (ctx.sites ?? []).find((s) => s.customerId === customer.id && normaliseName(s.name) === normaliseName(siteName));
			if (site) siteId = site.id;
			else sheet.error(head.rowOf('site') ?? first, 'site', `${what}: ${customer.name} has no site named "${clip(siteName)}"; add the site first or fix the name`);
		}
		// A job log often has no status column: a job it gives a completed or sign-off date for was finished.
		const statusInferred = head.get('status') === undefined && (head.get('completedOn') !== undefined || head.get('signedOffOn') !== undefined);
		const status = head.get<WorkOrder['status']>('status') ?? (statusInferred ? 'complete' : 'open');
		const workOrder = newWorkOrder(woId, number, customer?.id ?? '', ctx.today, {
			siteId,
			type: head.get('type') ?? 'corrective',
			status,
			priority: head.get('priority') ?? 'normal',
			description: head.get<string>('description') ?? '',
			poNumber: head.get<string>('poNumber') ?? '',
			nteCents: head.get<number>('nte') ?? null,
			openedOn: head.get<string>('openedOn') ?? ctx.today,
			scheduledStart: head.get<string>('scheduledStart') ?? null,
			scheduledEnd: head.get<string>('scheduledEnd') ?? null,
			signedOffBy: head.get<string>('signedOffBy') ?? '',
			signedOffOn: head.get<string>('signedOffOn') ?? null,
			completedOn: head.get<string>('completedOn') ?? null,
			completionNotes: head.get<string>('completionNotes') ?? '',
			assignedTo: head.get<string>('assignedTo') ?? '',
			warrantyOf: head.get<string>('warrantyOf') ?? ''
		});
		// Work on a finished job was done: with no Done column its tasks are done, so they can be billed.
		if (!sheet.has('done') && FINISHED.has(status)) for (const t of tasks) t.done = true;
		// A job already on file keeps the sign-off the file does not give (the import merges it), so a
		// missing sign-off is judged on the merged job, when the import is planned (revision-kinds.ts).
		const given = head.given();
		const judged = validateWorkOrder(workOrder).filter((p) => !(SIGN_OFF_KEYS.has(WO_KEYS[p.field] ?? '') && !given.includes(WO_KEYS[p.field]!)));
		if (customer) sheet.validated(first, judged, WO_KEYS, head);
		out.push({ workOrder, tasks, taskRows, rows: rows.map((r) => r.row), given: statusInferred ? [...given, 'status'] : given, statusInferred });
		sheet.converted(rows.length);
	}
	return { sheet, jobs: out };
}
