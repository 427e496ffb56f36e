import type { GridFindings } from './finding-cells';
import type { BilledFigures } from './record-columns';
import type { TargetTable } from '$lib/reconcile';
import { app } from '$lib/state/app.svelte';

/** What a grid of `table` records needs to show reconciliation findings on its cells. */
export function gridFindings(table: TargetTable): GridFindings {
	return {
		lookup: (id, field) => {
			const f = app.findings;
			if (!f) return [];
			return field === null ? f.forRecord(table, id) : f.forCell(table, id, field);
		},
		subscribe: (listener) => app.findings?.subscribe(listener) ?? (() => {})
	};
}

/** Billed and remaining for the record grids, from the live reconciliation (blank until it starts). */
export const billedFigures: BilledFigures = {
	poBilled: (id) => app.findings?.poBilled(id) ?? null,
	woBilled: (id) => app.findings?.woBilled(id) ?? null
};

/** Moves whenever what is billed may have changed: add it to a grid's refresh key. */
export const billedVersion = () => app.findings?.billedVersion ?? -1;
