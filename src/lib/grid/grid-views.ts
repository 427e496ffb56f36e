import type { ColDef, ColumnState, GridApi } from 'ag-grid-community';
import { defaultColumns, fullColumns, viewKindOf, viewOf, type ColumnView, type GridView, type ViewKind } from './view-state';
import { gridViews, type ViewStore } from './view-store';

/** How long the grid must be still after a change (a drag, a typed search) before the view is written. */
const SAVE_MS = 300;

export interface ViewHooks {
	/** The search box's text, which is part of the view. */
	search(): string;
	/** Puts a view's search text in the search box. */
	setSearch(text: string): void;
	/** The view changed (the early drawing of the grid is due again). */
	changed(): void;
}

/**
 * A live grid's view: restored from this browser when the grid is made (before any row is in it),
 * written back a moment after each change of columns, sort or filter, and replaced by a
 * named view or the defaults on request.
 */
export class GridViews<T> {
	readonly k: ViewKind;
	readonly #defaults: ColumnView[];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#applying = false;
	readonly #off: () => void;

	constructor(
		private readonly api: GridApi<T>,
		kind: string,
		/** The grid's column definitions as given to it, the findings marker included. */
		columnDefs: readonly ColDef<T>[],
		private readonly hooks: ViewHooks,
		private readonly store: ViewStore = gridViews
	) {
		this.k = viewKindOf(kind, columnDefs);
		this.#defaults = defaultColumns(columnDefs);
		const changed = (e: { source?: string; finished?: boolean }) => {
			// A drag is saved when it ends, not at every pixel.
			if (e.finished === false) return;
			this.schedule();
		};
		const events = ['columnMoved', 'columnResized', 'columnVisible', 'columnPinned', 'sortChanged', 'filterChanged'] as const;
		for (const e of events) api.addEventListener(e, changed);
		// A change made just before the page is left or reloaded is written as the page goes.
		const leaving = () => this.#timer !== undefined && this.flush();
		addEventListener('pagehide', leaving);
		this.#off = () => {
			removeEventListener('pagehide', leaving);
			for (const e of events) if (!api.isDestroyed()) api.removeEventListener(e, changed);
		};
	}

	/** Puts the kept view on the grid; call before the rows go in, so they are sorted and filtered once. */
	restore(): void {
		const view = this.store.current(this.k);
		if (view) this.apply(view);
	}

	/** The grid's view now. */
	current(): GridView {
		return viewOf(this.api.getColumnState(), this.api.getFilterModel() as Record<string, unknown>, this.hooks.search(), this.k.kinds);
	}

	/** Shows `view`, or the grid's defaults (columns, sort, no filter) for null; the search box is set to its text. */
	apply(view: GridView | null): void {
		this.#applying = true;
		try {
			this.api.applyColumnState({ state: fullColumns(this.#defaults, view) as ColumnState[], applyOrder: true });
			this.api.setFilterModel(view && Object.keys(view.filter).length ? view.filter : null);
			const search = view?.search ?? '';
			this.api.setGridOption('quickFilterText', search);
			this.hooks.setSearch(search);
		} finally {
			this.#applying = false;
		}
		this.schedule();
	}

	/** Columns, sort and filters back to the grid's own; the search is left as typed. */
	reset(): void {
		this.apply({ columns: [], filter: {}, search: this.hooks.search() });
	}

	/** Writes the view soon (the search text changed, or the grid said so). */
	schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.#applying ? 0 : SAVE_MS);
	}

	flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (this.api.isDestroyed()) return;
		// A search is a find, not a layout: kept in named views only. Kept here, coming back to a
		// page showed "1 of 12 rows" for a job looked up last week, and skipped the early drawing.
		const view = { ...this.current(), search: '' };
		// The defaults are kept as nothing, so the grid follows its definitions if they change.
		const plain = !view.search && !Object.keys(view.filter).length && JSON.stringify(view.columns) === JSON.stringify(viewOf(this.#defaults as ColumnState[], null, '', this.k.kinds).columns);
		this.store.setCurrent(this.k, plain ? null : view);
		this.hooks.changed();
	}

	stop(): void {
		if (this.#timer !== undefined) this.flush();
		this.#off();
	}
}
