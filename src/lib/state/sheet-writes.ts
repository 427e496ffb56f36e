import type { TableName } from '$lib/db/database';
import type { Cause } from '$lib/db/cause';
import type { RecordOf } from '$lib/db/records';
import { deleteBlockers } from '$lib/db/integrity';
import { RecordError } from '$lib/db/errors';
import type { PoLine, Task } from '$lib/domain/records';
import { poLineEdit } from '$lib/domain/totals';
import { choosePoLine } from '$lib/domain/task-fill';
import { confirmer } from './confirm.svelte';
import { app, applySet } from './app.svelte';
import { linesOf } from './lookups';
import type { LiveTable } from './live-table.svelte';
import { notices } from './notices.svelte';

/** What a grid's pastes, fills, clears and row deletes write to. */
export interface Sheet<T> {
	table: TableName;
	/** `n` new records, unsaved, as the grid's Add would make them; absent: a paste never adds rows here. */
	newRows?: (n: number) => T[];
}

export const sheetOf = <K extends TableName>(table: K, newRows?: (n: number) => RecordOf[K][]): Sheet<RecordOf[K]> => ({ table, newRows });

/** One record's new values, from a paste, fill or clear: an existing record, or one to add (`id` null). */
export interface CellWrites {
	/** The row on screen, from 0. */
	at: number;
	id: string | null;
	patch: Record<string, unknown>;
}

type Row = Record<string, unknown> & { id: string };

/**
 * What typing the same values one cell at a time would store: a PO line's extended amount that
 * was its quantity × price follows them, a task's PO line brings that line's description, unit,
 * rate and item code where the task had none (actions.ts storeField); values pasted beside win.
 */
function withDerived(table: TableName, before: Row, patch: Record<string, unknown>): Row {
	if (table === 'poLines') return { ...before, ...poLineEdit(before as unknown as PoLine, patch as Partial<PoLine>), id: before.id };
	if (table === 'tasks' && 'poLineNo' in patch) {
		const task = before as unknown as Task;
		const filled = choosePoLine(task, patch.poLineNo as number | null, linesOf(app.wb).poLinesForTask(task));
		return { ...before, ...filled, ...patch, id: before.id };
	}
	return { ...before, ...patch, id: before.id };
}

/**
 * A paste, fill or clear as ONE write (one step to undo, named by `cause`): all of it stored, or
 * none and the reason returned for the grid to show. Rows to add are made by the sheet's `newRows`.
 */
export async function writeCells<T>(sheet: Sheet<T>, writes: readonly CellWrites[], cause: Cause): Promise<string | null> {
	const table = sheet.table;
	const rows = app.wb.tables[table];
	const adding = writes.filter((w) => w.id === null);
	const fresh = adding.length ? (sheet.newRows?.(adding.length) ?? []) : [];
	if (fresh.length < adding.length) return 'Nothing was saved: rows cannot be added to this grid.';
	const changed: Row[] = [];
	const made: Row[] = [];
	const gone: number[] = [];
	for (const w of writes) {
		const before = (w.id === null ? fresh[made.length] : rows.get(w.id)) as Row | undefined;
		if (!before) gone.push(w.at + 1);
		else (w.id === null ? made : changed).push(withDerived(table, before, w.patch));
	}
	if (gone.length) return `Nothing was saved: row${gone.length === 1 ? '' : 's'} ${gone.join(', ')} ${gone.length === 1 ? 'was' : 'were'} deleted meanwhile (perhaps in another tab).`;
	const error = await applySet({ put: { [table]: changed }, add: { [table]: made } }, false, undefined, cause);
	if (error) return error;
	// Committed exactly as given, so shown now: waiting for the change feed to read 10,000 pasted
	// rows back was a fifth of the paste. The feed still compares what is stored, and corrects.
	// In a task of its own: in the commit's task, the grid taking 10,000 rows made it a long one (212 ms).
	await new Promise((r) => setTimeout(r, 0));
	(rows as unknown as LiveTable<Row>).apply({ upserts: [...changed, ...made], removes: [] });
	return null;
}

/**
 * Several rows deleted as one write, after a confirmation that says how many; refused as a whole,
 * naming each row still used elsewhere (a customer with jobs). Resolves true once deleted.
 */
export async function deleteRows(table: TableName, rows: readonly { id: string; name: string }[]): Promise<boolean> {
	const n = rows.length;
	const shown = rows.slice(0, 5).map((r) => r.name);
	const more = n > shown.length ? `, and ${n - shown.length} more` : '';
	const ok = await confirmer.ask(`Delete ${n} rows?`, `${shown.join(', ')}${more} will be deleted from this workbook, with what belongs to each.`, `Delete ${n} rows`);
	if (!ok) return false;
	const db = app.wb.db;
	const error = await applySet(
		async () => {
			const blocked: { field: string; message: string }[] = [];
			for (const r of rows) {
				const rec = await db.table(table).get(r.id);
				if (rec) for (const b of await deleteBlockers(db, table, rec)) blocked.push({ field: 'id', message: `${r.name} is still used by ${b}` });
			}
			if (blocked.length) throw new RecordError(blocked, 'Nothing was deleted');
			return { remove: { [table]: rows.map((r) => r.id) } };
		},
		true,
		undefined,
		{ kind: 'delete' }
	);
	if (!error) notices.push('success', `${n} rows deleted.`);
	return !error;
}
