import { newTask, newWorkOrder } from '$lib/domain/factories';
import { clip } from '$lib/domain/limits';
import { PRIORITIES, TASK_KINDS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type Task, type WorkOrder } from '$lib/domain/records';
import { validateTask, validateWorkOrder } from '$lib/domain/validate';
import { checkUnique, customerFor, groupRows, HeaderFields, normaliseName, Sheet, text, type ConvertContext, type ConvertOptions, type Converted } from './convert-core';
import { PRIORITY_ALIASES, TASK_KIND_ALIASES, WO_STATUS_ALIASES, WO_TYPE_ALIASES } from './enums';
import type { FieldMapping } from './mapping';
import type { ParsedTable } from './parse';
import { booleanCell, dateCell, enumCell, integerCell, moneyCell, quantityCell } from './values';

export interface ImportedWorkOrder {
	workOrder: WorkOrder;
	tasks: Task[];
	taskRows: number[];
	given: string[];
}

const WO_KEYS: Record<string, string> = {
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
	const sheet = new Sheet('workOrder', table, mapping, ctx.fileName);
	const money = (t: string) => moneyCell(t, options);
	const date = (t: string) => dateCell(t, options);
	const out: ImportedWorkOrder[] = [];

	for (const [number, rows] of groupRows(sheet, 'woNumber', 'work order number')) {
		const what = `Work order ${clip(number)}`;
		const head = new HeaderFields(sheet, what);
		const first = rows[0]!.row;
		const woId = ctx.idGen();
		const tasks: Task[] = [];
		const taskRows: number[] = [];
		for (const r of rows) {
			head.take(r, 'customer', text);
			head.take(r, 'site', text);
			head.take(r, 'type', (t) => enumCell(t, WORK_ORDER_TYPES, WO_TYPE_ALIASES));
			head.take(r, 'status', (t) => enumCell(t, WORK_ORDER_STATUSES, WO_STATUS_ALIASES));
			head.take(r, 'priority', (t) => enumCell(t, PRIORITIES, PRIORITY_ALIASES));
			head.take(r, 'description', text);
			head.take(r, 'poNumber', text);
			head.take(r, 'nte', money);
			head.take(r, 'openedOn', date);
			head.take(r, 'signedOffBy', text);
			head.take(r, 'signedOffOn', date);
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
		const workOrder = newWorkOrder(woId, number, customer?.id ?? '', ctx.today, {
			siteId,
			type: head.get('type') ?? 'corrective',
			status: head.get('status') ?? 'open',
			priority: head.get('priority') ?? 'normal',
			description: head.get<string>('description') ?? '',
			poNumber: head.get<string>('poNumber') ?? '',
			nteCents: head.get<number>('nte') ?? null,
			openedOn: head.get<string>('openedOn') ?? ctx.today,
			signedOffBy: head.get<string>('signedOffBy') ?? '',
			signedOffOn: head.get<string>('signedOffOn') ?? null,
			assignedTo: head.get<string>('assignedTo') ?? '',
			warrantyOf: head.get<string>('warrantyOf') ?? ''
		});
		// A job already on file keeps the sign-off the file does not give (the import merges it), so a
		// missing sign-off is judged on the merged job, when the import is planned (revision-kinds.ts).
		const given = head.given();
		const judged = validateWorkOrder(workOrder).filter((p) => !(SIGN_OFF_KEYS.has(WO_KEYS[p.field] ?? '') && !given.includes(WO_KEYS[p.field]!)));
		if (customer) sheet.validated(first, judged, WO_KEYS, head);
		out.push({ workOrder, tasks, taskRows, given: head.given() });
	}
	return sheet.result(out);
}
