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

/**
 * What each cell held when its editor opened. While the person types, the row may take another
 * tab's value from the change feed; the save must be judged against the value the edit began
 * from, or it would silently undo that other change.
 */
export class EditStarts {
	readonly #values = new Map<string, unknown>();

	began(row: { id: string } | undefined, field: string | undefined): void {
		if (row && field) this.#values.set(`${row.id}\u0000${field}`, (row as Record<string, unknown>)[field]);
	}

	/** Forgets an edit that ended without a save (Escape, an unchanged value, a value that did not parse). */
	forget(row: { id: string } | undefined, field: string | undefined): void {
		if (row && field) this.#values.delete(`${row.id}\u0000${field}`);
	}

	/** The value the edit of this cell began from (the row's own when no start was seen), forgotten once read. */
	take(row: { id: string }, field: string): unknown {
		const key = `${row.id}\u0000${field}`;
		const value = this.#values.has(key) ? this.#values.get(key) : (row as Record<string, unknown>)[field];
		this.#values.delete(key);
		return value;
	}
}
