import { resolve } from '$app/paths';
import { RECORD_TABLES, type TableName } from '$lib/db/database';
import { PARENTS } from '$lib/db/integrity';
import { drawingKeyOf, dropFirstRows, frameOf, saveFirstRows, snapshotOf, type GridFrame } from './first-rows';
import { gridSlug } from '$lib/grid/first-screen';
import { topBy, type OrderKeys } from '$lib/state/row-order';
import type { Delta } from '$lib/state/row-source';
import { previewColumns } from '$lib/grid/preview';
import { layoutColumns, reordersRows, viewKindOf } from '$lib/grid/view-state';
import { gridViews, ViewStore } from '$lib/grid/view-store';
import { firstRowsSource } from './first-rows-source';
import type { LiveTable } from '$lib/state/live-table.svelte';
import { LINE_PAGES, type LinePage, type LineTable } from './line-pages';
import type { Workbook } from '$lib/state/workbook.svelte';

/** What the keeper reads of the page it runs in; tests give their own. */
export interface Surroundings {
	storage(): Storage;
	/** The window's size now. */
	view(): { width: number; height: number };
	/** The path of the page shown. */
	path(): string;
	/** Where the grid `slug` of the page shown sits, or null when it is not there. */
	frame(slug: string): GridFrame | null;
	/** The page's drawing key. */
	drawing(): string;
}

const browserSurroundings = (): Surroundings => ({
	storage: () => localStorage,
	view: () => ({ width: innerWidth, height: innerHeight }),
	path: () => location.pathname,
	frame(slug) {
		const box = document.querySelector(`[data-grid="${CSS.escape(slug)}"] .grid-frame`)?.getBoundingClientRect();
		return box && box.height > 0 ? frameOf(box) : null;
	},
	drawing: () => drawingKeyOf(document)
});

/** Every table a line grid's first screen is drawn or ordered from: its own, the parents up the chain, and the settings. */
export function tablesBehind(table: TableName): Set<TableName> {
	const out = new Set<TableName>(['settings']);
	const add = (t: TableName) => {
		if (out.has(t)) return;
		out.add(t);
		for (const [, parent] of PARENTS[t] ?? []) add(parent);
	};
	add(table);
	return out;
}

const pages = Object.values(LINE_PAGES) as LinePage<LineTable>[];
const behind = new Map(pages.map((p) => [p.table, tablesBehind(p.table)]));

/**
 * Keeps the first screen of all three line pages (first-rows.ts) whatever page is open, so
 * the first visit to one draws its rows before the app starts, and a line added or a PO renamed
 * elsewhere never leaves a page's early drawing out of date. The rows come from the workbook in
 * the order the page opens in, not from a grid: someone's sort or filter is not what the next
 * visit opens with. The three pages share one layout, so the frame measured on any of them
 * places the others.
 */
export class LineSnapshots {
	#dirty = new Set<LineTable>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#off: (() => void)[] = [];
	#started = false;
	/** Each page's last kept first screen: its lines, the order key of the last, and whether the screen was full. */
	#top = new Map<LineTable, { ids: Set<string>; last: number | string; full: boolean }>();
	readonly #frameKey: string;

	constructor(
		readonly wb: Workbook,
		readonly env: Surroundings = browserSurroundings(),
		/**
		 * Quiet time after the last change before writing, then the next idle moment: finding the
		 * top rows is a pass over every line, which should not land inside the next edit of someone
		 * editing every second or so. A tab closed sooner loses nothing: first-rows.js finds the old
		 * snapshot stale and does not draw it.
		 */
		readonly delay = 3_000
	) {
		this.#frameKey = `tieout:line-frame:${wb.db.name}`;
	}

	/** Writes every page's snapshot once the lines are all read and checked, then after every change that can alter one. */
	start(): void {
		// A grid's kept view changed (grid-views.ts): its first screen is drawn in the new layout.
		this.#off.push(
			gridViews.subscribe((kind) => {
				for (const p of pages) if (gridSlug(p.label) === kind) this.#dirty.add(p.table);
				this.#schedule();
			})
		);
		for (const t of RECORD_TABLES) this.#off.push((this.wb.tables[t] as unknown as LiveTable<{ id: string }>).subscribe((d) => this.changed(t, d)));
		void this.wb.linesLoaded.then(() => {
			this.#started = true;
			this.layoutChanged();
		});
	}

	stop(): void {
		for (const off of this.#off.splice(0)) off();
		clearTimeout(this.#timer);
	}

	/** `delta`, when given, lets a change to a page's own lines that cannot reach its first screen pass unwritten. */
	changed(table: TableName, delta?: Delta<{ id: string }>): void {
		for (const p of pages) if (behind.get(p.table)!.has(table) && !(p.table === table && delta && this.#missesTop(p, delta))) this.#dirty.add(p.table);
		this.#schedule();
	}

	/**
	 * True when no line in `delta` is on the page's kept first screen or would come before its last
	 * row: an edit far down a 100,000-line table leaves the first screen as it is, and needs no
	 * pass over every line to find that out.
	 */
	#missesTop(page: LinePage<LineTable>, delta: Delta<{ id: string }>): boolean {
		const top = this.#top.get(page.table);
		if (!top || delta.reset) return false;
		if (delta.removes.some((id) => top.ids.has(id))) return false;
		if (!delta.upserts.length) return true;
		if (delta.upserts.some((r) => top.ids.has(r.id))) return false;
		// A screen not yet full takes any new line. Ties go to the earlier line, so an equal key may come first.
		if (!top.full) return false;
		const key = (page.order(this.wb) as OrderKeys<{ id: string }>)();
		return delta.upserts.every((r) => key(r) > top.last);
	}

	/**
	 * Another page was opened or the window resized: every first screen is refitted, and a line
	 * page's frame is measured once it is laid out, not only when the writes come due: someone may
	 * glance at a line page for a second and move on.
	 */
	layoutChanged(): void {
		for (const p of pages) this.#dirty.add(p.table);
		if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => this.#measure());
		else this.#measure();
		this.#schedule();
	}

	/** Writes what is due now; one page per task, so no task is long. Resolves with the slugs written. */
	async flush(): Promise<string[]> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const written: string[] = [];
		this.#measure();
		for (const p of pages) {
			if (!this.#dirty.delete(p.table)) continue;
			if (this.#write(p)) written.push(gridSlug(p.label));
			await new Promise((r) => setTimeout(r, 0));
		}
		return written;
	}

	#schedule(): void {
		if (!this.#started || !this.#dirty.size) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void this.flush(), { timeout: 2_000 });
			else void this.flush();
		}, this.delay);
	}

	/** The frame measured under this page's drawing key: another build may lay the pages out differently. */
	#stored(): GridFrame | null {
		try {
			const kept = JSON.parse(this.env.storage().getItem(this.#frameKey) ?? 'null') as { drawing?: string; frame?: GridFrame } | null;
			return kept?.drawing === this.env.drawing() && kept.frame ? kept.frame : null;
		} catch {
			return null;
		}
	}

	/** On a line page, its grid's frame is where the others will be drawn: stored, and every page redrawn if it moved. */
	#measure(): void {
		const here = pages.find((p) => resolve(p.path) === this.env.path());
		const measured = here && this.env.frame(gridSlug(here.label));
		if (!measured) return;
		const frame: GridFrame = { left: Math.round(measured.left), top: Math.round(measured.top), rightGap: Math.round(measured.rightGap), bottomGap: Math.round(measured.bottomGap) };
		const before = this.#stored();
		if (before && JSON.stringify(before) === JSON.stringify(frame)) return;
		try {
			this.env.storage().setItem(this.#frameKey, JSON.stringify({ drawing: this.env.drawing(), frame }));
		} catch {
			return; // storage full or refused: the early drawings are a convenience, the records are safe
		}
		for (const p of pages) this.#dirty.add(p.table);
	}

	#write<K extends LineTable>(page: LinePage<K>): boolean {
		const frame = this.#stored();
		const table = this.wb.tables[page.table];
		if (!frame || !table.loaded) return false;
		const slug = gridSlug(page.label);
		const columns = page.columns(this.wb);
		const view = new ViewStore(this.env.storage, () => {}).current(viewKindOf(slug, columns));
		// Kept sorted, filtered or searched, the grid does not open on the lines in the workbook's
		// order: no early drawing beats one that is then replaced by other rows.
		if (reordersRows(columns, view)) {
			this.#top.delete(page.table);
			dropFirstRows(resolve(page.path), slug, this.env.storage);
			return false;
		}
		const first = (n: number) => {
			// The keys rank every parent record: built once, for the pass and for the last row's key.
			const key = page.order(this.wb)();
			const rows = topBy(table.rows(), () => key, n);
			this.#top.set(page.table, { ids: new Set(rows.map((r) => r.id)), last: rows.length ? key(rows[rows.length - 1]!) : '', full: rows.length === n });
			return rows;
		};
		const snapshot = snapshotOf(frame, this.env.view(), first, {
			columns: previewColumns(layoutColumns(columns, view)),
			// Every line grid shows its findings in a first column.
			marker: true,
			slug,
			source: firstRowsSource(this.wb, page.table),
			drawing: this.env.drawing()
		});
		const saved = saveFirstRows(resolve(page.path), snapshot, this.env.storage);
		if (!saved) this.#top.delete(page.table);
		if (saved && typeof performance !== 'undefined') performance.mark(`tieout:first-rows-saved:${slug}`);
		return saved;
	}
}
