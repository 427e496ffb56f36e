import type { GridApi } from 'ag-grid-community';
import type { PreviewColumn } from './preview';

/*
 * What a grid is lent by the fast-start room (src/lib/fast-start), which sits above grid (README,
 * Layout): the page passes it in as DataGrid's `firstScreen`. The room draws a grid's first rows
 * before the app starts (static/first-rows.js); the grid says when its own rows are up, so the
 * drawing goes, and may keep its first screen for the next visit.
 */

/** What a grid is given to keep its first screen (fast-start/first-rows-keeper.ts). */
export interface KeepOptions<T> {
	api: GridApi<T>;
	/** The grid's frame on the page, measured when the screen is kept. */
	frame: () => HTMLElement;
	columns: () => PreviewColumn<T>[];
	/** True when the grid shows its findings in a first column. */
	marker: boolean;
	slug: string;
}

export interface FirstScreenKeeper {
	rowsChanged(): void;
	/** Another source (another record selected): its rows are not what the next visit opens with. */
	sourceReplaced(): void;
	stop(): void;
}

export interface FirstScreen<T> {
	/** True while the early drawing of grid `slug` is on the page. */
	drawn(slug: string): boolean;
	/** Takes the early drawing of grid `slug` off the page: the grid's own rows are up. */
	remove(slug: string): void;
	/** Keeps the grid's first screen for the next visit; absent where the page's first screens are kept from the workbook (the line pages). */
	keep?(o: KeepOptions<T>): FirstScreenKeeper;
}

/** The slug a grid is known by in the page (`data-grid`) and in its kept first screen: "All PO lines" is "all-po-lines". */
export const gridSlug = (label: string): string => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
