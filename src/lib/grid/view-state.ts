import type { ColDef, ColumnState } from 'ag-grid-community';

/**
 * A grid's view as this browser keeps it (a preference, never part of the workbook): each
 * column's place, width, visibility, pin and sort, the column filters and the search text.
 * Everything read back from storage goes through `sanitiseView`: a column that no longer exists,
 * a width that is not a number or a filter of the wrong kind is dropped, never handed to the grid.
 */
export interface ColumnView {
	colId: string;
	width?: number;
	hide?: boolean;
	pinned?: 'left' | 'right' | null;
	sort?: 'asc' | 'desc' | null;
	sortIndex?: number | null;
}

export interface GridView {
	/** In the grid's order. */
	columns: ColumnView[];
	/** AG Grid's filter model, checked column by column against what each column filters. */
	filter: Record<string, FilterModel>;
	search: string;
}

export interface NamedView {
	name: string;
	view: GridView;
}

/** One grid kind's entry in localStorage. */
export interface StoredViews {
	v: 1;
	current: GridView | null;
	named: NamedView[];
}

type Condition = { filterType: 'text' | 'number'; type: string; filter?: string | number | null; filterTo?: number | null };
type Combined = { filterType: 'text' | 'number'; operator: 'AND' | 'OR'; conditions: Condition[] };
export type FilterModel = Condition | Combined;

/** What a column filters as: the filter model a stored entry must match to be given back to it. */
export type FilterKind = 'text' | 'number' | null;

export const MIN_WIDTH = 20;
export const MAX_WIDTH = 2000;
export const MAX_SEARCH = 200;
export const MAX_NAME = 60;
export const MAX_NAMED = 50;
/** AG Grid's width for a column that names none. */
const DEFAULT_WIDTH = 200;
/** The least width every grid gives a column (grid-options.ts). */
const GRID_MIN_WIDTH = 60;

const TEXT_TYPES = new Set(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']);
const NUMBER_TYPES = new Set(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The column id AG Grid gives a definition: its colId, else its field. */
export const colIdOf = <T>(c: ColDef<T>): string | undefined => c.colId ?? (c.field as string | undefined);

export function filterKindOf<T>(c: ColDef<T>): FilterKind {
	if (c.filter === 'agNumberColumnFilter') return 'number';
	if (c.filter === 'agTextColumnFilter' || c.filter === true) return 'text';
	return null;
}

/** Every column the grid has, with what it filters as. */
export function columnKinds<T>(columns: readonly ColDef<T>[], defaultFilter: FilterKind = 'text'): Map<string, FilterKind> {
	const out = new Map<string, FilterKind>();
	for (const c of columns) {
		const id = colIdOf(c);
		if (id) out.set(id, c.filter === undefined ? defaultFilter : filterKindOf(c));
	}
	return out;
}

/** How a grid is known to the view store: its kind ("po-lines-of-a-po", not one PO's number) and what its columns filter as. */
export interface ViewKind {
	kind: string;
	kinds: ReadonlyMap<string, FilterKind>;
}

/** The grid kind and its filter kinds, from the columns the page gives it (the findings marker is the grid's own). */
export function viewKindOf<T>(kind: string, columns: readonly ColDef<T>[]): ViewKind {
	return { kind, kinds: columnKinds(columns) };
}

function condition(raw: unknown, kind: 'text' | 'number'): Condition | null {
	if (!isObject(raw) || typeof raw.type !== 'string') return null;
	const types = kind === 'text' ? TEXT_TYPES : NUMBER_TYPES;
	if (!types.has(raw.type)) return null;
	const out: Condition = { filterType: kind, type: raw.type };
	if (raw.type === 'blank' || raw.type === 'notBlank') return out;
	if (kind === 'text') {
		if (typeof raw.filter !== 'string' || raw.filter.length > MAX_SEARCH) return null;
		out.filter = raw.filter;
		return out;
	}
	if (!finite(raw.filter)) return null;
	out.filter = raw.filter;
	if (raw.type === 'inRange') {
		if (!finite(raw.filterTo)) return null;
		out.filterTo = raw.filterTo;
	}
	return out;
}

function filterModel(raw: unknown, kind: FilterKind): FilterModel | null {
	if (!kind || !isObject(raw) || raw.filterType !== kind) return null;
	if (!('conditions' in raw)) return condition(raw, kind);
	if ((raw.operator !== 'AND' && raw.operator !== 'OR') || !Array.isArray(raw.conditions) || raw.conditions.length < 1 || raw.conditions.length > 2) return null;
	const conditions = raw.conditions.map((c) => condition(c, kind));
	if (conditions.some((c) => !c)) return null;
	return { filterType: kind, operator: raw.operator, conditions: conditions as Condition[] };
}

function columnView(raw: unknown, kinds: ReadonlyMap<string, FilterKind>): ColumnView | null {
	if (!isObject(raw) || typeof raw.colId !== 'string' || !kinds.has(raw.colId)) return null;
	const out: ColumnView = { colId: raw.colId };
	if (finite(raw.width)) out.width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, raw.width)));
	if (typeof raw.hide === 'boolean') out.hide = raw.hide;
	if (raw.pinned === 'left' || raw.pinned === 'right' || raw.pinned === null) out.pinned = raw.pinned;
	if (raw.sort === 'asc' || raw.sort === 'desc' || raw.sort === null) out.sort = raw.sort;
	if (raw.sortIndex === null || (Number.isInteger(raw.sortIndex) && (raw.sortIndex as number) >= 0 && (raw.sortIndex as number) < 100)) out.sortIndex = raw.sortIndex as number | null;
	return out;
}

/**
 * What of `raw` the grid can take: only columns in `kinds` (each once), widths clamped, sorts and
 * filters of known shapes, filters only on columns that filter that way. Null when nothing is left
 * or `raw` is not a view at all.
 */
export function sanitiseView(raw: unknown, kinds: ReadonlyMap<string, FilterKind>): GridView | null {
	if (!isObject(raw)) return null;
	const seen = new Set<string>();
	const columns: ColumnView[] = [];
	for (const c of Array.isArray(raw.columns) ? raw.columns : []) {
		const col = columnView(c, kinds);
		if (col && !seen.has(col.colId)) {
			seen.add(col.colId);
			columns.push(col);
		}
	}
	const filter: Record<string, FilterModel> = {};
	if (isObject(raw.filter)) {
		for (const [colId, model] of Object.entries(raw.filter)) {
			const clean = kinds.has(colId) ? filterModel(model, kinds.get(colId) ?? null) : null;
			if (clean) filter[colId] = clean;
		}
	}
	const search = typeof raw.search === 'string' ? raw.search.slice(0, MAX_SEARCH) : '';
	if (!columns.length && !Object.keys(filter).length && !search) return null;
	return { columns, filter, search };
}

/** Reads one grid kind's stored entry; anything unreadable is an empty entry, never an error. */
export function parseStored(json: string | null, kinds: ReadonlyMap<string, FilterKind>): StoredViews {
	let raw: unknown;
	try {
		raw = json ? JSON.parse(json) : null;
	} catch {
		raw = null;
	}
	const out: StoredViews = { v: 1, current: null, named: [] };
	if (!isObject(raw) || raw.v !== 1) return out;
	out.current = sanitiseView(raw.current, kinds);
	const names = new Set<string>();
	for (const n of Array.isArray(raw.named) ? raw.named : []) {
		if (!isObject(n) || typeof n.name !== 'string') continue;
		const name = cleanName(n.name);
		const view = sanitiseView(n.view, kinds) ?? { columns: [], filter: {}, search: '' };
		if (name && !names.has(name.toLowerCase()) && out.named.length < MAX_NAMED) {
			names.add(name.toLowerCase());
			out.named.push({ name, view });
		}
	}
	return out;
}

/** A view name as kept: one line, trimmed, at most MAX_NAME characters. */
export const cleanName = (name: string): string => name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);

/** The grid's view now, from AG Grid's column state, filter model and search text. */
export function viewOf(state: readonly ColumnState[], filter: Record<string, unknown> | null, search: string, kinds: ReadonlyMap<string, FilterKind>): GridView {
	const raw = {
		columns: state.map((s) => ({ colId: s.colId, width: s.width, hide: s.hide, pinned: s.pinned ?? null, sort: s.sort ?? null, sortIndex: s.sortIndex ?? null })),
		filter: filter ?? {},
		search
	};
	return sanitiseView(raw, kinds) ?? { columns: [], filter: {}, search: '' };
}

/** Each column as its definition opens it: what "Reset columns" goes back to. */
export function defaultColumns<T>(columns: readonly ColDef<T>[]): ColumnView[] {
	const out: ColumnView[] = [];
	for (const c of columns) {
		const colId = colIdOf(c);
		if (!colId) continue;
		const pinned = c.pinned === true ? 'left' : c.pinned === 'left' || c.pinned === 'right' ? c.pinned : null;
		const sort = c.sort === 'asc' || c.sort === 'desc' ? c.sort : null;
		out.push({ colId, width: Math.max(c.width ?? DEFAULT_WIDTH, c.minWidth ?? GRID_MIN_WIDTH), hide: !!c.hide, pinned, sort, sortIndex: c.sortIndex ?? null });
	}
	return out;
}

/**
 * Every column's state with `view` over the defaults: the view's columns in its order, then any
 * column it does not name (added since it was saved) in its default place among them. Handed to
 * the grid whole, so AG Grid's order and the preview's come from this one list.
 */
export function fullColumns(defaults: readonly ColumnView[], view: GridView | null): ColumnView[] {
	if (!view?.columns.length) return defaults.map((d) => ({ ...d }));
	const byId = new Map(defaults.map((d) => [d.colId, d]));
	const out = view.columns.filter((c) => byId.has(c.colId)).map((c) => ({ ...byId.get(c.colId)!, ...c }));
	const named = new Set(out.map((c) => c.colId));
	// A column the view does not name (added since it was saved) goes right after the one before it by default.
	defaults.forEach((d, k) => {
		if (named.has(d.colId)) return;
		const prev = k > 0 ? out.findIndex((c) => c.colId === defaults[k - 1]!.colId) : -1;
		out.splice(prev + 1, 0, { ...d });
	});
	// The view's sort is whole: a default sort on a column it does not sort no longer applies.
	const sorts = new Map(view.columns.map((c) => [c.colId, c.sort]));
	if (view.columns.some((c) => c.sort !== undefined)) for (const c of out) if (sorts.get(c.colId) === undefined) c.sort = null;
	return out;
}

/** The column definitions laid out as `view` lays them out: the order, widths, hidden columns, pins and sort the grid opens with. */
export function layoutColumns<T>(columns: readonly ColDef<T>[], view: GridView | null): ColDef<T>[] {
	if (!view?.columns.length) return [...columns];
	const byId = new Map(columns.map((c) => [colIdOf(c), c]));
	const out: ColDef<T>[] = [];
	for (const s of fullColumns(defaultColumns(columns), view)) {
		const c = byId.get(s.colId);
		if (c) out.push({ ...c, width: s.width, hide: !!s.hide, pinned: s.pinned ?? undefined, sort: s.sort ?? undefined });
	}
	// Columns without an id cannot be saved or moved by name: they keep their place at the end.
	for (const c of columns) if (!colIdOf(c)) out.push(c);
	return out;
}

/** True when the view sorts differently from the definitions, filters, or searches: rows drawn in the default order would not be the grid's. */
export function reordersRows<T>(columns: readonly ColDef<T>[], view: GridView | null): boolean {
	if (!view) return false;
	if (view.search || Object.keys(view.filter).length) return true;
	const sortOf = (list: readonly ColumnView[]) =>
		list
			.filter((c) => c.sort)
			.map((c) => `${c.colId}:${c.sort}:${c.sortIndex ?? ''}`)
			.join();
	return sortOf(fullColumns(defaultColumns(columns), view)) !== sortOf(defaultColumns(columns));
}
