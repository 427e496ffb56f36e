import type { GridApi } from 'ag-grid-community';
import type { EditContext } from './columns';

/** An editor open on a row, with what it holds now. */
export interface OpenEdit<T> {
	row: T;
	ctx: EditContext;
	header: string;
	/** The editor's value as typed (a choice editor's: the chosen value). */
	value: unknown;
	/** The value as the person reads it: what they typed, or the name of what they chose. */
	text: string;
}

/**
 * The editors open in the grid on rows `which` picks, each with what has been typed so far. Read
 * before the row goes (deleted in another tab) or the grid is torn down (the record it belongs to
 * deleted), when the grid itself would close the editor and drop the text without a word.
 */
export function openEdits<T extends { id: string }>(api: GridApi<T>, which: (row: T) => boolean = () => true): OpenEdit<T>[] {
	const out: OpenEdit<T>[] = [];
	for (const pos of api.getEditingCells()) {
		const node = pos.rowPinned ? undefined : api.getDisplayedRowAtIndex(pos.rowIndex);
		const column = api.getColumn(pos.colId);
		const def = column?.getColDef();
		const ctx = def?.context as EditContext | undefined;
		if (!node?.data || !column || !def || !ctx || !which(node.data)) continue;
		const editor = api.getCellEditorInstances({ rowNodes: [node], columns: [column] })[0];
		if (!editor) continue;
		const value = editor.getValue();
		out.push({ row: node.data, ctx, header: def.headerName ?? ctx.field, value, text: typedText(value, ctx, def.cellEditor === 'agSelectCellEditor') });
	}
	return out;
}

export function typedText(value: unknown, ctx: EditContext, choice: boolean): string {
	if (value === null || value === undefined) return '';
	return choice ? ctx.codec.format(value) : String(value);
}

/** True when the editor holds something other than what the cell showed when it opened. */
export function changedFrom(edit: OpenEdit<{ id: string }>): boolean {
	return edit.text !== edit.ctx.codec.format((edit.row as Record<string, unknown>)[edit.ctx.field]);
}
