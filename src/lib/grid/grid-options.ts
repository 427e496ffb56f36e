import type { GridOptions } from 'ag-grid-community';
import { filterValue, quickFilterText } from './filter-values';

/**
 * How every Tieout grid behaves, whatever it shows: rows are selected by click (Shift and Ctrl add more) and nothing
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
			suppressKeyboardEvent: (p) => p.event.ctrlKey && p.event.key === 'Delete',
			filterValueGetter: filterValue,
			getQuickFilterText: quickFilterText
		},
		getRowId: (p) => p.data.id,
		// Shift- and Ctrl-click select several rows, to copy, delete or export them (sheet-control.ts).
		rowSelection: { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true },
		animateRows: false,
		suppressCellFocus: false,
		stopEditingWhenCellsLoseFocus: true,
		// Enter still moves down after an edit, one frame later: enter-moves-down.ts.
		enterNavigatesVerticallyAfterEdit: false,
		// Tab walks a row's cells as in a spreadsheet; past the row's last (or, with Shift, first) cell it
		// leaves the grid for what follows, the selected record's detail. Wrapping to the next row moved
		// the selection row by row: leaving Work orders took 125 presses and showed another job.
		// While editing, Tab goes on to the next cell's editor as the grid does.
		tabToNextCell: (p) => {
			const next = p.nextCellPosition;
			if (p.editing) return next ?? false;
			return next && next.rowIndex === p.previousCellPosition.rowIndex && next.rowPinned == p.previousCellPosition.rowPinned ? next : false;
		},
		suppressNoRowsOverlay: true,
		// Computed columns (PO number, customer) are read once per row per refresh, not per comparison.
		valueCache: true,
		// The title attribute: plain text, shown by the browser, and kept by the grid across redraws
		// (a title set on the cell by hand was dropped when the cell refreshed after an edit).
		enableBrowserTooltips: true
	};
}
