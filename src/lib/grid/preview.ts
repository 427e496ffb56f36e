import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';

/** One column of the read-only preview drawn while AG Grid loads. */
export interface PreviewColumn<T> {
	key: string;
	header: string;
	width: number;
	right: boolean;
	text: (row: T) => string;
}

/** AG Grid's default column width. */
const DEFAULT_WIDTH = 200;

function isRight<T>(c: ColDef<T>): boolean {
	const types = Array.isArray(c.type) ? c.type : c.type ? [c.type] : [];
	return types.includes('rightAligned') || types.includes('numericColumn');
}

/**
 * The grid's columns as the preview draws them: pinned-left columns first (as AG Grid places
 * them), the same headers, widths and formatted values. Only `data` and `value` are passed to
 * getters and formatters, which is all the column helpers in columns.ts read.
 */
export function previewColumns<T>(columns: ColDef<T>[], minWidth = 60): PreviewColumn<T>[] {
	const shown = columns.filter((c) => !c.hide);
	const ordered = [...shown.filter((c) => c.pinned === 'left' || c.pinned === true), ...shown.filter((c) => !(c.pinned === 'left' || c.pinned === true))];
	return ordered.map((c, i) => {
		const field = c.field as string | undefined;
		const getter = typeof c.valueGetter === 'function' ? c.valueGetter : null;
		const formatter = typeof c.valueFormatter === 'function' ? c.valueFormatter : null;
		const value = (row: T): unknown => (getter ? getter({ data: row } as ValueGetterParams<T>) : field ? (row as Record<string, unknown>)[field] : undefined);
		return {
			key: c.colId ?? field ?? String(i),
			header: c.headerName ?? field ?? '',
			width: Math.max(c.width ?? DEFAULT_WIDTH, c.minWidth ?? minWidth),
			right: isRight(c),
			text: (row) => {
				const v = value(row);
				if (formatter) return String(formatter({ data: row, value: v } as ValueFormatterParams<T>) ?? '');
				return v === null || v === undefined ? '' : String(v);
			}
		};
	});
}

/** Rows of the frame's height at the grid's 28 px row height, under its 30 px header. */
export function rowsThatFit(frameHeight: number, cap = 50): number {
	return Math.max(0, Math.min(cap, Math.ceil((frameHeight - 30) / 28)));
}

/** Width of the findings marker column, drawn blank before a grid's own columns. */
export const MARKER_WIDTH = 58;

/** The columns that start inside `width` pixels: a page lays out and shapes every cell it is given, seen or not. */
export function columnsInView<C extends { width: number }>(columns: C[], width: number, marker: boolean): C[] {
	let x = marker ? MARKER_WIDTH : 0;
	return columns.filter((c) => (x += c.width) - c.width < width);
}

/** Rows the preview paints first, as first-rows.js does: the page's first layout and raster are on the way to the first rows, and a small table is done sooner. */
export const FIRST_PAINT_ROWS = 5;

/**
 * The preview's rows while AG Grid loads, in two steps: `first` at once, `all` once that is on
 * screen. None when the early drawing (first-rows.js) shows the grid's true top rows, which stay,
 * or when there are more than `most` rows: sorting those for a preview costs more than it saves.
 */
export function previewSteps<T>(rows: T[], ordered: (rows: T[]) => T[], fit: number, drawnEarly: boolean, most: number): { first: T[]; all: T[] } {
	if (drawnEarly || rows.length > most) return { first: [], all: [] };
	const all = ordered(rows).slice(0, fit);
	return { first: all.slice(0, FIRST_PAINT_ROWS), all };
}
