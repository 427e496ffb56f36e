import type { GridOptions } from 'ag-grid-community';

/**
 * How every Tieout grid behaves, whatever it shows: one row is selected at a time and nothing
 * animates. Edits are requests the page decides on: DataGrid gives every editable column a
 * value setter that hands the value on and writes nothing, so the grid never changes a row itself.
 */
export function baseGridOptions<T extends { id: string }>(): GridOptions<T> {
	return {
		// cellDataType off: our codecs own parsing and formatting; inference would pick date editors we do not load.
		defaultColDef: {
			sortable: true,
			resizable: true,
			filter: true,
			minWidth: 60,
			cellDataType: false,
			// Ctrl+Delete deletes the row (our shortcut); without this the grid would also clear the cell.
			suppressKeyboardEvent: (p) => p.event.ctrlKey && p.event.key === 'Delete'
		},
		getRowId: (p) => p.data.id,
		rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
		animateRows: false,
		suppressCellFocus: false,
		stopEditingWhenCellsLoseFocus: true,
		enterNavigatesVerticallyAfterEdit: true,
		suppressNoRowsOverlay: true,
		// Computed columns (PO number, customer) are read once per row per refresh, not per comparison.
		valueCache: true
	};
}

/** Rows in the order of a precomputed key: one plain sort, far cheaper than the grid's own through value getters. */
export function orderedBy<T>(rows: T[], key: ((row: T) => string) | undefined): T[] {
	if (!key) return rows;
	const keyed = rows.map((row) => ({ key: key(row), row }));
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return keyed.map((k) => k.row);
}
