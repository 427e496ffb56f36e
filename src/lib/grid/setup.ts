import {
	CellApiModule,
	CellStyleModule,
	ColumnApiModule,
	CustomEditorModule,
	ClientSideRowModelApiModule,
	ClientSideRowModelModule,
	EventApiModule,
	ExternalFilterModule,
	ModuleRegistry,
	NumberFilterModule,
	PinnedRowModule,
	QuickFilterModule,
	RenderApiModule,
	RowApiModule,
	RowSelectionModule,
	RowStyleModule,
	ScrollApiModule,
	SelectEditorModule,
	TextEditorModule,
	TextFilterModule,
	TooltipModule,
	ValidationModule,
	ValueCacheModule,
	themeQuartz
} from 'ag-grid-community';

let registered = false;

/** Only the modules the grids use: all community modules would add ~100 kB gzipped to the first page. */
export function registerGridModules(): void {
	if (registered) return;
	registered = true;
	ModuleRegistry.registerModules([
		ClientSideRowModelModule,
		ClientSideRowModelApiModule,
		TextEditorModule,
		SelectEditorModule,
		// The job's PO and a task's PO line, offered by name (choice-editors.ts).
		CustomEditorModule,
		TextFilterModule,
		ValueCacheModule,
		NumberFilterModule,
		QuickFilterModule,
		ExternalFilterModule,
		RowSelectionModule,
		CellStyleModule,
		RowStyleModule,
		RowApiModule,
		ScrollApiModule,
		RenderApiModule,
		// CSV export reads displayed columns and formatted cell values.
		ColumnApiModule,
		CellApiModule,
		// The totals row under the rows (totals-row.ts), and the events it and the kept views follow (grid-views.ts).
		PinnedRowModule,
		EventApiModule,
		// Header hints, and each highlighted cell's reasons on hover (browser tooltips: grid-options.ts).
		TooltipModule,
		// Names a missing module in the console during development; dropped from production builds.
		...(import.meta.env.DEV ? [ValidationModule] : [])
	]);
}

/** Dense, calm ledger look: compact rows, tabular numerals, quiet borders. */
export const gridTheme = themeQuartz.withParams({
	fontFamily: 'inherit',
	fontSize: 13,
	headerFontSize: 12,
	rowHeight: 28,
	headerHeight: 30,
	spacing: 4,
	wrapperBorderRadius: 4,
	accentColor: '#1f4e5f',
	headerBackgroundColor: '#f3f5f6',
	oddRowBackgroundColor: '#fbfcfc',
	borderColor: '#d9dee2',
	cellHorizontalPadding: 8
});

// DataGrid loads this module, and with it AG Grid, on demand: the grid's factory comes from here.
export { createGrid } from 'ag-grid-community';
