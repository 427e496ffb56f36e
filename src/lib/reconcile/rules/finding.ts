import { CODE_SEVERITY } from '../codes';
import type { Finding, FindingCode, Target, TargetTable } from '../types';

export interface FindingContext {
	customerId?: string | null;
	poNumber?: string | null;
	invoiceNumber?: string | null;
	/** Every invoice concerned, in number order; `invoiceNumber` then follows from it. */
	invoiceNumbers?: readonly string[];
	workOrderNumber?: string | null;
}

const NO_INVOICES: readonly string[] = [];

export const target = (table: TargetTable, id: string, field: string): Target => ({ table, id, field });

function compareTargets(a: Target, b: Target): number {
	if (a.table !== b.table) return a.table < b.table ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}

/**
 * Build a finding. Targets are sorted and de-duplicated so that the same facts always give the
 * same finding, whatever order the records were indexed in (fresh build vs incremental edits).
 * A finding within tolerance is still reported, as `info`, so the user sees what was tolerated.
 */
export function finding(
	code: FindingCode,
	keyIds: readonly string[],
	targets: Target[],
	message: string,
	ctx: FindingContext,
	withinTolerance = false
): Finding {
	const invoices = ctx.invoiceNumbers ?? (ctx.invoiceNumber ? [ctx.invoiceNumber] : NO_INVOICES);
	return {
		key: keyIds.length === 1 ? `${code}|${keyIds[0]}` : `${code}|${keyIds.join('|')}`,
		code,
		severity: withinTolerance ? 'info' : CODE_SEVERITY[code],
		targets: sortedUnique(targets),
		message,
		withinTolerance,
		customerId: ctx.customerId ?? null,
		poNumber: ctx.poNumber ?? null,
		invoiceNumber: ctx.invoiceNumbers ? (invoices.length === 1 ? invoices[0]! : null) : (ctx.invoiceNumber ?? null),
		invoiceNumbers: invoices,
		workOrderNumber: ctx.workOrderNumber ?? null
	};
}

/** Targets sorted and without repeats; the array itself when it already is (the common case). */
function sortedUnique(targets: Target[]): Target[] {
	let ordered = true;
	for (let i = 1; i < targets.length && ordered; i++) ordered = compareTargets(targets[i - 1]!, targets[i]!) < 0;
	if (ordered) return targets;
	// Insertion sort: target lists are short, and Array.prototype.sort allocates per call.
	const unique: Target[] = [];
	for (const t of targets) {
		let i = unique.length;
		while (i > 0 && compareTargets(unique[i - 1]!, t) > 0) i--;
		if (i > 0 && compareTargets(unique[i - 1]!, t) === 0) continue;
		unique.splice(i, 0, t);
	}
	return unique;
}
