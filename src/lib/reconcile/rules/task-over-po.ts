import { isCharge, quantityDrawn } from '../../domain/credit';
import { lineAmount } from '../../domain/quantity';
import type { PurchaseOrder, Task, Tolerances, WorkOrder } from '../../domain/records';
import type { PoBilled } from '../billed';
import type { Index } from '../keys/indexes';
import { findPoLineIndex, hasRepeatedCodes, isResolvedWo, isWork, taskAmong } from '../keys/resolve';
import type { Finding } from '../types';
import { linesBillingWo } from './billing';
import { finding, target, type FindingContext } from './finding';
import { list, LIST_MAX, money, qty } from './format';
import { amountTolerated, qtyTolerated, TOLERATED_NOTE } from './tolerance';
import { sameUnit } from '../../domain/units';

/**
 * TASK_OVER_PO (scope "P", run with the PO's other rules): the early warning, while a job is still
 * open, that the buyer's PO will not cover the work. A task *draws* on the PO line it names (by
 * line number, else by buyer item code, as invoice lines are matched) on its job's PO when it is
 * not billed yet: once an invoice bills it, that invoice line draws instead (OVER_PO_QTY's side).
 * Per PO line, what the unbilled tasks of every job on the PO draw plus what the PO's invoices
 * already bill is compared with what the line authorises; each unbilled task drawing on a line
 * that goes past it is flagged, on the task, its job's PO number and the PO line.
 *
 * - Quantities are compared when every drawing task counts in the PO line's unit (or either has
 *   none); otherwise, e.g. hours against a lump sum, the amounts are: quantities in two units do
 *   not add up.
 * - Jobs that draw: the PO's customer's, not cancelled, not internal (never billed) and not
 *   warranty (billed at zero). A task shadowed by another with its code on the job draws nothing.
 * - Credit lines (domain.md): a PO line that is a credit is never "over"; a task that is a credit
 *   (a returned part) gives back quantity and is never flagged itself.
 * - Tolerance: the customer's quantity % (or, for amounts, the absolute cap) makes it `info`.
 */
export function tasksOverPo(idx: Index, po: PurchaseOrder, billed: PoBilled, tol: Tolerances, ctx: FindingContext, out: Finding[]): void {
	const drawing = unbilledTasks(idx, po, billed.lines.length);
	if (!drawing) return;
	for (const [i, draws] of drawing) {
		const pl = billed.lines[i]!;
		if (!isCharge(pl.qtyMilli, pl.unitPriceCents)) continue;
		const byQty = draws.every((d) => sameUnit(d.task.unit, pl.unit));
		const drawn = (d: Draw) => (byQty ? quantityDrawn(d.task.qtyMilli, d.task.rateCents) : Math.max(0, lineAmount(d.task.qtyMilli, d.task.rateCents)));
		const already = byQty ? billed.qtyMilli[i]! : billed.amountCents[i]!;
		const cap = byQty ? pl.qtyMilli : pl.extendedCents;
		let total = already;
		for (const d of draws) total += drawn(d);
		const over = total - cap;
		if (over <= 0) continue;
		const within = byQty ? qtyTolerated(over, cap, tol) : amountTolerated(over, tol);
		const say = (n: number) => (byQty ? qty(n, pl.unit) : money(n));
		for (const d of draws) {
			if (!isCharge(d.task.qtyMilli, d.task.rateCents)) continue;
			const others = namedOthers(draws, d, (o) => `${taskName(o)} (${say(drawn(o))})`);
			if (already !== 0) others.push(`${say(already)} already billed`);
			const sum = others.length === 0 ? '' : `; with ${list(others)} that is ${say(total)}`;
			out.push(
				finding(
					'TASK_OVER_PO',
					[`poLines:${pl.id}`, `tasks:${d.task.id}`],
					[target('tasks', d.task.id, byQty ? 'qtyMilli' : 'amount'), target('workOrders', d.wo.id, 'poNumber'), target('poLines', pl.id, byQty ? 'qtyMilli' : 'extendedCents')],
					`${taskName(d)} ${byQty ? 'records' : 'comes to'} ${say(drawn(d))} on PO ${po.number} line ${pl.lineNo}${sum}, and the line authorises ${say(cap)}: ${say(over)} over${within ? TOLERATED_NOTE : ''}. Ask the buyer for a PO revision before billing.`,
					{ ...ctx, workOrderNumber: d.wo.number },
					within
				)
			);
		}
	}
}

/**
 * The other tasks on the line, as `list` words them: only the first few are named, so only they
 * are worded (a line drawn on by hundreds of tasks made every one of their sentences name all).
 */
function namedOthers(draws: readonly Draw[], d: Draw, name: (o: Draw) => string): string[] {
	const out: string[] = [];
	let count = 0;
	for (const o of draws) {
		if (o === d) continue;
		out.push(++count <= LIST_MAX ? name(o) : '');
	}
	return out;
}

interface Draw {
	wo: WorkOrder;
	task: Task;
}

const taskName = (d: Draw): string => `${d.wo.number} ${d.task.code}`.trim();

const NOT_DRAWING = new Set<WorkOrder['type']>(['internal', 'warranty']);
const BILLED = new Set<string>();

/** The unbilled tasks of the jobs on this PO, by the position of the PO line they name; null when none. */
function unbilledTasks(idx: Index, po: PurchaseOrder, lineCount: number): Map<number, Draw[]> | null {
	if (lineCount === 0) return null;
	let byLine: Map<number, Draw[]> | null = null;
	for (const wo of idx.wosByPoKey.get(po.customerId, po.number)) {
		if (wo.status === 'cancelled' || NOT_DRAWING.has(wo.type) || !isResolvedWo(idx, wo)) continue;
		const known = idx.unbilledTasks?.get(wo.id);
		if (known) {
			for (const task of known) byLine = draw(idx, po, wo, task, byLine);
			continue;
		}
		const tasks = idx.tasksByWo.get(wo.id);
		if (tasks.length === 0) continue;
		// Asked only of a job with a task unbilled: almost every job on a PO that is being billed has none.
		let repeated: boolean | undefined;
		// Billed the way task-rules.ts counts it: a work line naming the job and the task's code.
		// One set of codes per job, reused: every PO re-reads every job on it, and most tasks are billed.
		const lines = linesBillingWo(idx, wo);
		BILLED.clear();
		for (let i = 0; i < lines.length; i++) if (isWork(lines[i]!.kind)) BILLED.add(lines[i]!.taskCode);
		for (let k = 0; k < tasks.length; k++) {
			const task = tasks[k]!;
			if (BILLED.has(task.code)) continue;
			repeated ??= hasRepeatedCodes(tasks);
			if (repeated && taskAmong(tasks, task.code) !== task) continue;
			byLine = draw(idx, po, wo, task, byLine);
		}
	}
	if (byLine) for (const draws of byLine.values()) draws.sort(compareDraws);
	return byLine;
}

/** Adds the task's draw under the PO line it names (none when it names no line of this PO). */
function draw(idx: Index, po: PurchaseOrder, wo: WorkOrder, task: Task, byLine: Map<number, Draw[]> | null): Map<number, Draw[]> | null {
	const i = findPoLineIndex(idx, po, task);
	if (i < 0) return byLine;
	byLine ??= new Map();
	const at = byLine.get(i);
	if (at) at.push({ wo, task });
	else byLine.set(i, [{ wo, task }]);
	return byLine;
}

function compareDraws(a: Draw, b: Draw): number {
	const an = taskName(a);
	const bn = taskName(b);
	if (an !== bn) return an < bn ? -1 : 1;
	return a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0;
}

