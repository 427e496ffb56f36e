import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import type { EditContext } from './columns';

/** Where a typed value goes: parsed, checked and stored by the page, which reports any refusal. */
export type SaveEdit<T> = (row: T, ctx: EditContext, header: string, value: unknown) => unknown;

/**
 * The grid never writes a row itself: every column gets a value setter that writes nothing.
 * Editable columns hand the typed value to `save`, while the grid closes the editor, so the save
 * starts in the key press's own task; the grid's read-only edit event (`onCellEditRequest`) came
 * a timer and a drawn frame later, 20–40 ms after Enter with 100,000 rows. No other path (Delete
 * on a cell, a paste) can change a row either.
 */
export function withValueSetters<T>(columns: ColDef<T>[], save: SaveEdit<T>): ColDef<T>[] {
	const store = (p: ValueSetterParams<T>): boolean => {
		const ctx = p.colDef.context as EditContext | undefined;
		const row = p.data;
		// A microtask: after the grid's own bookkeeping for this key, still before the browser draws.
		if (ctx && row) queueMicrotask(() => void save(row, ctx, p.colDef.headerName ?? ctx.field, p.newValue));
		return false;
	};
	return columns.map((c) => ({ ...c, valueSetter: c.context && c.editable ? store : () => false }));
}
