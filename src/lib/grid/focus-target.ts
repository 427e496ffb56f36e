import type { ColDef, GridApi } from 'ag-grid-community';

/** A cell to focus once its row is in the grid: a row just added, or a link from Exceptions. */
export interface FocusTarget {
	id: string;
	field: string;
}

const colIdOf = <T>(c: ColDef<T>): string | undefined => c.colId ?? (c.field as string | undefined);

/** The first cell a person types into on a new row. */
export function firstEditableField<T>(columns: ColDef<T>[]): string | undefined {
	const first = columns.find((c) => c.editable);
	return first ? colIdOf(first) : undefined;
}

/**
 * Brings the target's cell into view and focuses it; false while its row is not in the grid yet.
 * A field the grid has no column for falls back to the first column, so the row is still reached.
 */
export function focusTarget<T>(api: GridApi<T>, columns: ColDef<T>[], target: FocusTarget): boolean {
	const node = api.getRowNode(target.id);
	if (!node || node.rowIndex === null) return false;
	const colIds = columns.map(colIdOf);
	const colId = colIds.includes(target.field) ? target.field : (colIds[0] ?? 'findings');
	// A link from Exceptions names the field to fix: a column the person hid is shown again (and so
	// kept shown in the grid's layout), or the focus would land on a cell no one can see.
	if (api.getColumn(colId)?.isVisible() === false) api.setColumnsVisible([colId], true);
	api.ensureNodeVisible(node, 'middle');
	// A column scrolled out of view is not rendered, and focusing it would leave focus nowhere.
	api.ensureColumnVisible(colId);
	api.setFocusedCell(node.rowIndex, colId);
	return true;
}
