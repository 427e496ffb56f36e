import type { TableName } from '$lib/db/database';
import type { RecordOf } from '$lib/db/records';
import { PARENTS } from '$lib/db/integrity';
import { readGeneration } from '$lib/db/generation';
import type { FirstRowsSource, SourceRecord } from './first-rows';
import type { Workbook } from '$lib/state/workbook.svelte';

/**
 * A grid over one table keeps its first screen for the next visit (first-rows.ts). The
 * sources are each row, the records it points at (a line's PO, that PO's customer) and the
 * settings: every record its cells can be drawn from.
 */
export function firstRowsSource<K extends TableName>(wb: Workbook, table: K): FirstRowsSource<RecordOf[K]> {
	return {
		database: wb.db.name,
		ready: () => wb.tables[table].loaded,
		sources(rows) {
			const out: SourceRecord[] = [];
			const seen = new Set<string>();
			// A reference to a missing record is kept with '' for JSON: its later arrival changes the cells too.
			const add = (t: TableName, id: string, record: { id: string } | undefined) => {
				if (seen.has(`${t}\u0000${id}`)) return;
				seen.add(`${t}\u0000${id}`);
				out.push([t, id, record ? JSON.stringify(record) : '']);
				for (const [field, parent] of record ? (PARENTS[t] ?? []) : []) {
					const ref = (record as unknown as Record<string, unknown>)[field];
					if (typeof ref === 'string' && ref) add(parent, ref, wb.tables[parent].get(ref) as { id: string } | undefined);
				}
			};
			for (const row of rows) add(table, row.id, row as { id: string });
			add('settings', 'app', wb.tables.settings.get('app'));
			return out;
		},
		generation(rows) {
			// Read first: any change to the mirror after this changes the generation (Workbook).
			const gen = readGeneration(wb.db.name);
			const live = wb.tables[table];
			return rows.every((r) => live.get(r.id) === r) ? gen : null;
		}
	};
}
