import type { SheetControl } from './sheet-control';

export interface MenuItem {
	label: string;
	/** The shortcut that does the same, shown beside the label. */
	keys?: string;
	disabled?: boolean;
	run: () => void;
}

/** The cell menu: what a right-click (or Shift+F10) offers on a grid's cell, block or selected rows. */
export function cellMenuItems<T extends { id: string }>(control: SheetControl<T>, rows: { remove?: (rows: T[]) => void; exportRows: (rows: T[]) => void }): MenuItem[] {
	const chosen = control.chosenRows();
	const n = chosen.length;
	const plural = n === 1 ? 'row' : `${n} rows`;
	return [
		{ label: 'Copy', keys: 'Ctrl+C', run: () => void control.copyToClipboard() },
		{ label: 'Paste', keys: 'Ctrl+V', run: () => void control.pasteFromClipboard() },
		{ label: 'Fill down', keys: 'Ctrl+D', run: () => void control.fillDown() },
		{ label: 'Clear', keys: 'Delete', run: () => void control.clear() },
		{ label: `Delete ${plural}…`, keys: 'Ctrl+Delete', disabled: !rows.remove || n === 0, run: () => rows.remove?.(chosen) },
		{ label: `Export ${n === 1 ? 'this row' : `${n} selected rows`} (CSV)`, disabled: n === 0, run: () => rows.exportRows(chosen) }
	];
}
