import type { GridApi } from 'ag-grid-community';
import type { Delta } from '$lib/state/row-source';
import { afterPaint } from '$lib/ui/paint';

/** Deltas larger than this replace the row set instead of patching it. */
export const BULK = 2000;
/** Rows put in first when a grid opens on a big set: a screenful, painted before the rest go in. */
const FIRST_SCREEN = 200;
/** The most rows a grid holds before its table has been read in full (workbook.svelte.ts reads 300 first). */
const FIRST_PAGE_ROWS = 300;

/** What the loader needs of the grid component around it. */
export interface RowLoadingHooks<T> {
	slug: string;
	/** Every row of the grid's source as it is now. */
	rows(): T[];
	/** The rows in the grid's opening order. */
	ordered(rows: T[]): T[];
	/** Rows the grid holds, as last counted. */
	rowCount(): number;
	/** Rows came or went: count them again. */
	counted(): void;
	/** The rows on screen may have changed (the first-rows snapshot is due). */
	rowsChanged(): void;
}

/**
 * Puts a row source's rows into an AG Grid: a first screen before the whole set when a grid opens
 * on 100,000 rows, a bulk load as one new set, and small changes as a transaction. A bulk load
 * that arrives before the grid's first rows are painted waits for that paint: setting 100,000
 * rows takes the page's thread for 0.4-0.6 s, and the first rows must be on screen before it.
 */
export class RowLoader<T extends { id: string }> {
	#shown = false;
	#setAllWhenShown = false;
	#pending = false;

	/**
	 * The grid holds fewer rows than its source for now (a first screen, or a bulk load waiting for
	 * the first paint): its count is not the source's, so the toolbar says "Loading…", not "200 rows".
	 */
	get pending(): boolean {
		return this.#pending;
	}

	constructor(
		readonly api: GridApi<T>,
		readonly hooks: RowLoadingHooks<T>
	) {}

	/** Fills the new grid: a big set's first screenful now, the whole set once the browser has painted. */
	start(): void {
		const initial = this.hooks.rows();
		if (initial.length > BULK) {
			this.#pending = true;
			this.api.setGridOption('rowData', this.hooks.ordered(initial).slice(0, FIRST_SCREEN));
			requestAnimationFrame(() => setTimeout(() => this.#alive() && this.setAll(this.hooks.rows()), 0));
		} else {
			this.apply({ upserts: initial, removes: [], reset: true });
		}
		this.hooks.counted();
		afterPaint().then(() => {
			this.#shown = true;
			if (!this.#setAllWhenShown || !this.#alive()) return;
			this.#setAllWhenShown = false;
			this.setAll(this.hooks.rows());
			this.hooks.counted();
		});
	}

	#alive(): boolean {
		return !this.api.isDestroyed();
	}

	/** Replaces the row set (nodes are kept by row id): one sort, one render. */
	setAll(rows: T[]): void {
		this.#pending = false;
		performance.mark(`tieout:set-rows-start:${this.hooks.slug}`);
		// Into a grid holding only a first screen, untouched, the full set goes in as new data: with
		// rows present and row ids, the grid instead diffs every row against them (0.62–0.86 s for
		// 100,000 rows, against 0.47–0.56 s).
		if (rows.length > BULK && this.hooks.rowCount() <= FIRST_PAGE_ROWS && !this.api.getSelectedRows().length && !this.api.getFocusedCell()) this.api.setGridOption('rowData', []);
		this.api.setGridOption('rowData', this.hooks.ordered(rows));
		performance.mark(`tieout:set-rows-end:${this.hooks.slug}`);
		this.hooks.rowsChanged();
	}

	apply(d: Delta<T>): void {
		if (d.reset) {
			this.setAll([...d.upserts]);
		} else if (d.upserts.length > BULK) {
			// A bulk load: a transaction of this size costs several times more than a new set.
			if (this.#shown) this.setAll(this.hooks.rows());
			else this.#setAllWhenShown = this.#pending = true;
		} else {
			const add: T[] = [];
			for (const row of d.upserts) {
				const node = this.api.getRowNode(row.id);
				// updateData, not setData: the grid redraws only the cells whose values changed, where
				// setData rebuilds every cell renderer of the row.
				if (node) node.updateData(row);
				else add.push(row);
			}
			const remove = d.removes.filter((id) => this.api.getRowNode(id)).map((id) => ({ id }) as T);
			this.hooks.rowsChanged();
			// Counting walks every row: only when rows came or went, not on every edit.
			if (!add.length && !remove.length) return;
			this.api.applyTransaction({ add, remove });
		}
		this.hooks.counted();
	}
}
