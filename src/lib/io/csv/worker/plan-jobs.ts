import type { WorkOrder, Task } from '$lib/domain/records';
import { SHOWN_BAD_JOBS, type BadJob, type BadJobsView, type BadRows } from '../bad-jobs';
import { customerNames, type ConvertContext, type ConvertOptions } from '../convert-core';
import { judgeWorkOrders, type ImportedWorkOrder } from '../convert-work-orders';
import type { FieldMapping } from '../mapping';
import type { ParsedTable } from '../parse';
import { capProblems, describeProblem, refuse, type ImportProblem } from '../problem';
import { planWorkOrderImport, type WorkOrderImportPlan, type WorkOrderRefusal } from '../revision-kinds';

export type JobsPlanned = { ok: true; plan: WorkOrderImportPlan; warnings: ImportProblem[]; mapped: string[]; bad?: BadJobsView } | { ok: false; problems: ImportProblem[]; bad?: BadJobsView };

const byRow = (a: ImportProblem, b: ImportProblem) => (a.row ?? 0) - (b.row ?? 0);

/**
 * A work-order file planned against what is stored, its jobs with problems handled the way the
 * person chose (bad-jobs.ts): refused whole, skipped, or (a missing sign-off only) as in progress.
 */
export function planJobs(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext, stored: { workOrders: WorkOrder[]; tasks: Task[] }, mode: BadRows): JobsPlanned {
	const j = judgeWorkOrders(table, mapping, options, ctx);
	const fileName = ctx.fileName;
	const allErrors = () => [...j.byJob.values()].flat();
	const good = j.jobs.filter((x) => !j.byJob.has(x.workOrder.number));
	const planned = { inProgress: mode === 'inProgress', customerName: customerNames(ctx.customers) };
	let plan = planWorkOrderImport(good, j.mapped, stored, fileName, planned);
	const jobOf = new Map(j.jobs.map((x) => [x.workOrder.number, x]));
	const refusedProblem = (r: WorkOrderRefusal) => refuse(fileName, r.row, columnOf(r, mapping, jobOf.get(r.number)), r.message);
	// A row that names no job cannot be skipped with one: the file is refused, every problem listed.
	if (j.whole.length) return { ok: false, problems: capProblems([...j.whole, ...allErrors(), ...plan.refused.map(refusedProblem), ...j.warnings].sort(byRow), fileName) };
	const refusedBy = new Map(plan.refused.map((r) => [r.number, r]));
	const inProgressBy = new Map(plan.asInProgress.map((r) => [r.number, r]));

	const fateOf = (signOffOnly: boolean): BadJob['fate'] => (mode === 'refuse' ? 'refused' : mode === 'inProgress' && signOffOnly ? 'inProgress' : 'skipped');
	const bad: BadJob[] = [];
	let rowCount = 0;
	let signOffOnly = 0;
	for (const x of j.jobs) {
		const number = x.workOrder.number;
		const own = j.byJob.get(number);
		const r = refusedBy.get(number);
		const p = inProgressBy.get(number);
		if (!own && !r && !p) continue;
		const only = !own && (p !== undefined || r?.signOff === true);
		rowCount += x.rows.length;
		if (only) signOffOnly++;
		if (bad.length < SHOWN_BAD_JOBS) {
			const reason = own?.[0] ?? (r ? refusedProblem(r) : refuse(fileName, p!.row, columnOf({ field: p!.field, signOff: true }, mapping, x), p!.message));
			bad.push({ number, rows: x.rows, reason: describeProblem(reason), signOffOnly: only, fate: fateOf(only) });
		}
	}
	if (bad.length === 0) return { ok: true, plan, warnings: j.warnings, mapped: j.mapped };
	const count = j.byJob.size + plan.refused.length + plan.asInProgress.length;
	const view: BadJobsView = { mode, jobs: bad, count, rowCount, signOffOnly, total: j.jobs.length };
	if (mode === 'refuse') return { ok: false, problems: capProblems([...allErrors(), ...plan.refused.map(refusedProblem), ...j.warnings].sort(byRow), fileName), bad: view };
	// The jobs still refused are left out whole; the rest are planned again without them.
	if (plan.refused.length) plan = planWorkOrderImport(good.filter((x) => !refusedBy.has(x.workOrder.number)), j.mapped, stored, fileName, planned);
	return { ok: true, plan, warnings: j.warnings, mapped: j.mapped, bad: view };
}

/**
 * The column a job's refusal is in: the field's own, or for a missing sign-off on a job with no
 * sign-off column, the column that made it complete (its status, else its completed date).
 */
function columnOf(r: Pick<WorkOrderRefusal, 'field' | 'signOff'>, mapping: FieldMapping, job: ImportedWorkOrder | undefined): string | null {
	const own = r.field ? mapping[r.field] : undefined;
	if (own) return own;
	if (!r.signOff) return null;
	return (job?.statusInferred ? mapping.completedOn || mapping.signedOffOn : mapping.status) || null;
}
