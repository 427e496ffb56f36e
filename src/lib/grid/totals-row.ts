import type { ColDef, EditableCallbackParams, GridApi, IRowNode, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { EditContext } from './columns';
import type { ExportContext } from './export';
import { colIdOf } from './view-state';
import { sumRows, totalsLabel, totalText, type TotalColumn } from './totals';

/** The totals row's id: no record has it, so no finding, edit or selection can reach it. */
export const TOTALS_ID = '__totals';
const CELLS = Symbol('totals cells');

/** The pinned row's data: the text of each cell by column id (and by field, for columns read by field). */
interface TotalsData {
	id: string;
	[CELLS]: Map<string, string>;
}

const pinned = (p: { node?: IRowNode | null }) => !!p.node?.rowPinned;
const cellText = (p: { data?: unknown; colDef: ColDef }): string => (p.data as TotalsData | undefined)?.[CELLS]?.get(colIdOf(p.colDef) ?? '') ?? '';

/**
 * The columns with the totals row (an AG Grid pinned bottom row) read as text: its cells show
 * what `TotalsRow` put there, are never edited, and never go through a column's own getter (which
 * would compute a line amount of a row that is no line).
 */
export function withTotalsRow<T>(columns: ColDef<T>[]): ColDef<T>[] {
	return columns.map((c) => {
		const getter = c.valueGetter;
		const formatter = c.valueFormatter;
		const own = c.editable;
		return {
			...c,
			// A column read by field reads the totals row's text from its field (TotalsRow puts it there):
			// no getter in the way of sorting and filtering 100,000 rows.
			...(typeof getter === 'function' ? { valueGetter: (p: ValueGetterParams<T>) => (pinned(p) ? cellText(p) : getter(p)) } : {}),
			valueFormatter: (p: ValueFormatterParams<T>) => (pinned(p) ? String(p.value ?? '') : typeof formatter === 'function' ? formatter(p) : p.value),
			editable: (p: EditableCallbackParams<T>) => !pinned(p) && (typeof own === 'function' ? own(p) : !!own),
			// The cells' class rules read values of lines (over the cap, AP-ready): the totals are none.
			cellClassRules: c.cellClassRules && Object.fromEntries(Object.entries(c.cellClassRules).map(([k, rule]) => [k, (p: Parameters<Extract<typeof rule, (...a: never[]) => unknown>>[0]) => !pinned(p) && (typeof rule === 'function' ? rule(p) : false)]))
		};
	});
}

/** The columns the totals row sums: money amounts (not prices per unit) and quantities. */
export function totalColumns<T>(columns: readonly ColDef<T>[]): TotalColumn<T>[] {
	const out: TotalColumn<T>[] = [];
	for (const c of columns) {
		const ctx = c.context as (ExportContext & Partial<Pick<EditContext, 'perUnit'>>) | undefined;
		const colId = colIdOf(c);
		if (!colId || (ctx?.exportAs !== 'money' && ctx?.exportAs !== 'qty') || ctx.perUnit) continue;
		const field = c.field as string | undefined;
		const getter = typeof c.valueGetter === 'function' ? c.valueGetter : null;
		const value = getter ? (row: T) => getter({ data: row } as ValueGetterParams<T>) : (row: T) => (row as Record<string, unknown>)[field ?? ''];
		out.push({ colId, kind: ctx.exportAs, value, unit: (row: T) => (row as Record<string, unknown>).unit });
	}
	return out;
}

/** Longest the totals wait after a change, so a burst of changes (a load, a paste) is summed once. */
const COALESCE_MS = 120;

/**
 * Keeps the pinned totals row of a grid up to date: the sum of its money and quantity columns over
 * the rows that pass its filters and search, summed from the grid's own nodes (no copy of the rows)
 * at most once per burst of changes. Grids with nothing to add up get no totals row.
 */
export class TotalsRow<T> {
	readonly #cols: TotalColumn<T>[];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#shown = '';
	readonly #off: () => void;

	constructor(
		private readonly api: GridApi<T>,
		columns: readonly ColDef<T>[]
	) {
		this.#cols = totalColumns(columns);
		const changed = () => this.schedule();
		const events = ['modelUpdated', 'displayedColumnsChanged'] as const;
		for (const e of events) api.addEventListener(e, changed);
		this.#off = () => {
			for (const e of events) if (!api.isDestroyed()) api.removeEventListener(e, changed);
		};
		if (this.#cols.length) this.schedule();
	}

	/** Sums again soon (the rows, their values or the filters changed). */
	schedule(): void {
		if (!this.#cols.length || this.#timer !== undefined) return;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.update();
		}, COALESCE_MS);
	}

	update(): void {
		const api = this.api;
		if (api.isDestroyed()) return;
		const { rows, totals } = sumRows<T>((visit) => api.forEachNodeAfterFilter((n) => n.data && visit(n.data)), this.#cols);
		const cells = new Map(totals.map((t) => [t.colId, totalText(t)]));
		// The label goes in the first column shown that holds no total (not the findings marker), out of
		// the pinned columns if it can: their narrow box would cut it short.
		const free = api.getAllDisplayedColumns().filter((c) => c.getColId() !== 'findings' && !cells.has(c.getColId()));
		const labelCol = free.find((c) => !c.getPinned()) ?? free[0];
		if (labelCol) cells.set(labelCol.getColId(), totalsLabel(rows));
		// Unchanged totals (a sort, a redraw) leave the row as it is.
		const shown = JSON.stringify([...cells]);
		if (shown === this.#shown) return;
		this.#shown = shown;
		const data: Record<string | symbol, unknown> = { id: TOTALS_ID, [CELLS]: cells };
		for (const col of api.getColumns() ?? []) {
			const field = col.getColDef().field as string | undefined;
			if (field && cells.has(col.getColId())) data[field] = cells.get(col.getColId());
		}
		api.setGridOption('pinnedBottomRowData', [data as unknown as T]);
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#off();
	}
}
