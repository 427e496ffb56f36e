import type { GridFindings } from '$lib/grid/finding-cells';
import type { TargetTable } from '$lib/reconcile';
import { app } from './app.svelte';

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
