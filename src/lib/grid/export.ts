import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { formatMoneyPlain } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import { csvNumber, toCsv, type CsvCell } from '$lib/io/csv/write';

/** How a column's value goes into a CSV: as an exact number, or as the text the cell shows. */
export type ExportAs = 'money' | 'qty' | 'int' | 'text';

/** Set on computed columns, which have no codec to say what they hold. */
export interface ExportContext {
	exportAs?: ExportAs;
}

function exportAs(col: Column): ExportAs {
	return (col.getColDef().context as ExportContext | undefined)?.exportAs ?? 'text';
}

/** Codes of the findings on a row, for the marker column. */
export type RowCodes = (rowId: string) => string;

/**
 * The grid as a person sees it, as CSV: its displayed columns in order and the rows that pass
 * its filters, in its sort order. Numbers are written plain (1234.50), text as shown.
 */
export function gridCsv<T extends { id: string }>(api: GridApi<T>, options: { bom: boolean; codes?: RowCodes; only?: (row: T) => boolean }): string {
	const columns = api.getAllDisplayedColumns();
	const header = columns.map((c) => (c.getColId() === 'findings' ? 'Findings' : (c.getColDef().headerName ?? c.getColId())));
	const kinds = columns.map(exportAs);
	const rows: CsvCell[][] = [];
	api.forEachNodeAfterFilterAndSort((node: IRowNode<T>) => {
		if (!node.data || (options.only && !options.only(node.data))) return;
		rows.push(
			columns.map((col, i) => {
				if (col.getColId() === 'findings') return options.codes?.(node.data!.id) ?? '';
				const raw = api.getCellValue({ rowNode: node, colKey: col });
				if (raw === null || raw === undefined || raw === '') return null;
				switch (kinds[i]) {
					case 'money':
						return csvNumber(formatMoneyPlain(raw as number));
					case 'qty':
						return csvNumber(formatQuantity(raw as number));
					case 'int':
						return raw as number;
					default:
						return String(api.getCellValue({ rowNode: node, colKey: col, useFormatter: true }) ?? '');
				}
			})
		);
	});
	return toCsv(header, rows, { bom: options.bom });
}
