/**
 * The first screen of a grid, kept so the next visit can draw it before the app's JavaScript has
 * run. `static/first-rows.js` (a plain script the page runs first) reads these snapshots, checks
 * every record they were drawn from against IndexedDB, and draws the rows only when all of them
 * are still stored exactly as they were; while the workbook's write generation is the one the
 * snapshot was taken at (db/generation.ts) it draws first and checks after, withdrawing a drawing
 * that fails. The app removes that drawing as soon as its own grid is up. Format version 2 (`gen`
 * is optional in it); the reader in static/first-rows.js must change with it.
 */

import type { GridApi } from 'ag-grid-community';
import { elementPainted } from '$lib/ui/paint';
import { columnsInView, rowsThatFit, type PreviewColumn } from '$lib/grid/preview';

/** One record a snapshot's cells were drawn from, as stored: [table, id, JSON of the record]. */
export type SourceRecord = readonly [table: string, id: string, json: string];

export interface FirstRowsColumn {
	header: string;
	width: number;
	right: boolean;
}

export interface FirstRowsSnapshot {
	v: 2;
	/**
	 * The drawing key it was drawn under (src/lib/build/drawing-key.ts): a build whose grids draw
	 * differently has another key, and first-rows.js draws a snapshot only under its own key.
	 */
	drawing: string;
	db: string;
	slug: string;
	/** Where the grid's frame was, in page pixels; its width and height follow the window's. */
	left: number;
	top: number;
	rightGap: number;
	bottomGap: number;
	marker: boolean;
	columns: FirstRowsColumn[];
	rows: { id: string; cells: string[] }[];
	sources: SourceRecord[];
	/** The write generation the rows were taken at: while it is unchanged they may be drawn before checking. */
	gen: string | null;
}

/** What a grid's first screen is kept from: implemented over the workbook in first-rows-source.ts. */
export interface FirstRowsSource<T> {
	/** The IndexedDB database the records are in. */
	database: string;
	/** True once the table is fully read and checked: before that the top rows may not be the real ones. */
	ready(): boolean;
	/** Every record the rows' cells are drawn from. */
	sources(rows: T[]): SourceRecord[];
	/**
	 * The workbook's write generation (db/generation.ts) when `rows` are the records as the
	 * workbook holds them now, else null: a grid may not yet show the workbook's latest rows.
	 */
	generation(rows: T[]): string | null;
}

declare global {
	interface Window {
		/** Set by first-rows.js as it starts: resolves to the number of grids it drew. */
		tieoutFirstRows?: Promise<number>;
	}
}

/**
 * Waits for first-rows.js (at most `cap` ms) and, when it drew, for that drawing to be painted:
 * the app's start-up then takes the page's thread for a few hundred ms, and the rows must be on
 * screen before it does.
 */
export async function firstRowsDrawn(cap = 200): Promise<void> {
	const drawing = typeof window === 'undefined' ? undefined : window.tieoutFirstRows;
	if (!drawing) return;
	const drawn = await Promise.race([drawing, new Promise<number>((resolve) => setTimeout(resolve, cap, 0))]);
	if (drawn > 0) await elementPainted('first-rows:', cap);
}

export const KEY_PREFIX = 'tieout:first-rows:';
export const snapshotKey = (path: string, slug: string): string => `${KEY_PREFIX}${path}#${slug}`;

/** This page's drawing key, written into the page at build time (src/app.html); '' outside a built page. */
export const drawingKeyOf = (doc: Document): string => doc.querySelector('meta[name="tieout-drawing"]')?.getAttribute('content') ?? '';

/** The drawing of `slug` that first-rows.js put on the page, if it is still there. */
export const drawnFirstRows = (slug: string): Element | null => (typeof document === 'undefined' ? null : document.querySelector(`[data-first-rows="${CSS.escape(slug)}"]`));

/** Takes every first-rows drawing off the page (the app's own grids are up, or the page changed). */
export function removeFirstRows(slug?: string): void {
	if (typeof document === 'undefined') return;
	for (const el of document.querySelectorAll(slug ? `[data-first-rows="${CSS.escape(slug)}"]` : '[data-first-rows]')) el.remove();
}

/**
 * Stores the snapshot. A full or unavailable localStorage only costs the next visit its early
 * drawing (the records themselves are in IndexedDB), so a failure drops the snapshot silently.
 */
export function saveFirstRows(path: string, snapshot: FirstRowsSnapshot, storage: () => Storage = () => localStorage): boolean {
	const key = snapshotKey(path, snapshot.slug);
	try {
		if (!snapshot.rows.length) storage().removeItem(key);
		else storage().setItem(key, JSON.stringify(snapshot));
		return true;
	} catch {
		try {
			storage().removeItem(key);
		} catch {
			/* storage unavailable: nothing to clean */
		}
		return false;
	}
}

/** Forgets a grid's kept first screen: the grid will not open on those rows (first-rows-keeper.ts, line-snapshots.ts). */
export function dropFirstRows(path: string, slug: string, storage: () => Storage = () => localStorage): void {
	try {
		storage().removeItem(snapshotKey(path, slug));
	} catch {
		/* storage unavailable: there is no snapshot to draw either */
	}
}

/** Forgets the kept first screen of grid `slug` on every page. */
export function dropEveryFirstRows(slug: string, storage: () => Storage = () => localStorage): void {
	try {
		const s = storage();
		const keys: string[] = [];
		for (let i = 0; i < s.length; i++) {
			const key = s.key(i);
			if (key?.startsWith(KEY_PREFIX) && key.endsWith(`#${slug}`)) keys.push(key);
		}
		for (const key of keys) s.removeItem(key);
	} catch {
		/* storage unavailable: there is no snapshot to draw either */
	}
}

/** The grid's sort as one string: a snapshot is kept only while the grid is in the order it opened in. */
export const sortSignature = <T>(api: GridApi<T>): string => api.getColumnState().flatMap((c) => (c.sort ? [`${c.colId}:${c.sort}`] : [])).join();

/** Where a grid's frame sits: page pixels from the top left, and its gaps to the window's right and bottom edges. */
export interface GridFrame {
	left: number;
	top: number;
	rightGap: number;
	bottomGap: number;
}

/** The frame of a grid whose box is `rect` (window pixels), in the window as it is now. */
export const frameOf = (rect: DOMRect): GridFrame => ({ left: rect.left + scrollX, top: rect.top + scrollY, rightGap: innerWidth - rect.right, bottomGap: innerHeight - rect.bottom });

export interface SnapshotOptions<T> {
	columns: PreviewColumn<T>[];
	marker: boolean;
	slug: string;
	source: FirstRowsSource<T>;
	/** The drawing key of this page: `drawingKeyOf(document)`. */
	drawing: string;
}

/**
 * The first screen of a grid in `frame`, in a window of `view` size: the columns in view and as
 * many rows as fit, taken from `firstRows(n)`, with the records they were drawn from.
 */
export function snapshotOf<T extends { id: string }>(frame: GridFrame, view: { width: number; height: number }, firstRows: (n: number) => T[], o: SnapshotOptions<T>): FirstRowsSnapshot {
	const width = view.width - frame.left - frame.rightGap;
	const rows = firstRows(rowsThatFit(view.height - frame.top - frame.bottomGap));
	const cols = columnsInView(o.columns, width, o.marker);
	return {
		v: 2,
		drawing: o.drawing,
		db: o.source.database,
		slug: o.slug,
		...frame,
		marker: o.marker,
		columns: cols.map((c) => ({ header: c.header, width: c.width, right: c.right })),
		rows: rows.map((r) => ({ id: r.id, cells: cols.map((c) => c.text(r)) })),
		sources: o.source.sources(rows),
		gen: o.source.generation(rows)
	};
}

/** The rows and columns in view in the grid's frame (`rect`, in window pixels), as the grid shows them now. */
export function firstRowsSnapshot<T extends { id: string }>(api: GridApi<T>, rect: DOMRect, o: Omit<SnapshotOptions<T>, 'drawing'>): FirstRowsSnapshot {
	const shown = (n: number): T[] => {
		const rows: T[] = [];
		for (let i = 0, end = Math.min(n, api.getDisplayedRowCount()); i < end; i++) {
			const data = api.getDisplayedRowAtIndex(i)?.data;
			if (data) rows.push(data);
		}
		return rows;
	};
	return snapshotOf(frameOf(rect), { width: innerWidth, height: innerHeight }, shown, { ...o, drawing: drawingKeyOf(document) });
}

