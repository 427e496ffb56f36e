import { resolve } from '$app/paths';
import { RECORD_TABLES, type TableName } from '$lib/db/database';
import { PARENTS } from '$lib/db/integrity';
import { buildId, frameOf, gridSlug, saveFirstRows, snapshotOf, type GridFrame } from '$lib/grid/first-rows';
import { topBy } from '$lib/grid/grid-options';
import { previewColumns } from '$lib/grid/preview';
import { firstRowsSource } from './first-rows';
import { LINE_PAGES, type LinePage, type LineTable } from './line-pages';
import type { Workbook } from './workbook.svelte';

/** What the keeper reads of the page it runs in; tests give their own. */
export interface Surroundings {
	storage(): Storage;
	/** The window's size now. */
	view(): { width: number; height: number };
	/** The path of the page shown. */
	path(): string;
	/** Where the grid `slug` of the page shown sits, or null when it is not there. */
	frame(slug: string): GridFrame | null;
	build(): string;
}

const browserSurroundings = (): Surroundings => ({
	storage: () => localStorage,
	view: () => ({ width: innerWidth, height: innerHeight }),
	path: () => location.pathname,
	frame(slug) {
		const box = document.querySelector(`[data-grid="${CSS.escape(slug)}"] .grid-frame`)?.getBoundingClientRect();
		return box && box.height > 0 ? frameOf(box) : null;
	},
	build: () => buildId(document)
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

/**
 * Keeps the first screen of all three line pages (grid/first-rows.ts) whatever page is open, so
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
	readonly #frameKey: string;

	constructor(
		readonly wb: Workbook,
		readonly env: Surroundings = browserSurroundings(),
		/** Quiet time after the last change before writing: a snapshot is a few dozen rows, but typing should not pay for it. */
		readonly delay = 1_000
	) {
		this.#frameKey = `tieout:line-frame:${wb.db.name}`;
	}

	/** Writes every page's snapshot once the lines are all read and checked, then after every change that can alter one. */
	start(): void {
		for (const t of RECORD_TABLES) this.#off.push(this.wb.tables[t].subscribe(() => this.changed(t)));
		void this.wb.linesLoaded.then(() => {
			this.#started = true;
			this.layoutChanged();
		});
	}

	stop(): void {
		for (const off of this.#off.splice(0)) off();
		clearTimeout(this.#timer);
	}

	changed(table: TableName): void {
		for (const p of pages) if (tablesBehind(p.table).has(table)) this.#dirty.add(p.table);
		this.#schedule();
	}

	/** Another page was opened or the window resized: the frame is measured again and every first screen refitted. */
	layoutChanged(): void {
		for (const p of pages) this.#dirty.add(p.table);
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
		this.#timer = setTimeout(() => void this.flush(), this.delay);
	}

	#stored(): GridFrame | null {
		try {
			return JSON.parse(this.env.storage().getItem(this.#frameKey) ?? 'null') as GridFrame | null;
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
			this.env.storage().setItem(this.#frameKey, JSON.stringify(frame));
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
		const snapshot = snapshotOf(frame, this.env.view(), (n) => topBy(table.rows(), page.order(this.wb), n), {
			columns: previewColumns(page.columns(this.wb)),
			// Every line grid shows its findings in a first column.
			marker: true,
			slug,
			source: firstRowsSource(this.wb, page.table),
			build: this.env.build()
		});
		const saved = saveFirstRows(resolve(page.path), snapshot, this.env.storage);
		if (saved && typeof performance !== 'undefined') performance.mark(`tieout:first-rows-saved:${slug}`);
		return saved;
	}
}
