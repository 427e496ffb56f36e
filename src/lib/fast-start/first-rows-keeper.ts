import type { FirstScreenKeeper, KeepOptions } from '$lib/grid/first-screen';
import { dropFirstRows, firstRowsSnapshot, saveFirstRows, sortSignature, type FirstRowsSource } from './first-rows';

/** How long the rows must have been still before a snapshot is kept. */
const SETTLE_MS = 500;

/** What the grid gives (grid/first-screen.ts), and the records its rows are drawn from. */
export interface KeeperOptions<T> extends KeepOptions<T> {
	source: FirstRowsSource<T>;
}

/**
 * Keeps a grid's first screen for the next visit (first-rows.ts), a moment after its rows last
 * changed; only while it shows the rows the next visit opens with: the sort it opened in, no
 * filter, the source it was mounted on.
 */
export class FirstRowsKeeper<T extends { id: string }> implements FirstScreenKeeper {
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #openingSort: string;
	#replaced = false;

	constructor(private readonly o: KeeperOptions<T>) {
		this.#openingSort = sortSignature(o.api);
	}

	rowsChanged(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#capture(), SETTLE_MS);
	}

	/** Another source (another record selected): its rows are not what the next visit opens with. */
	sourceReplaced(): void {
		this.#replaced = true;
	}

	stop(): void {
		clearTimeout(this.#timer);
	}

	#capture(): void {
		const { api, source, slug } = this.o;
		if (api.isDestroyed() || !source.ready() || this.#replaced || sortSignature(api) !== this.#openingSort) return;
		// A filter or search kept in the grid's view (grid-views.ts) opens the next visit filtered: the
		// unfiltered screen kept before would be drawn and then replaced.
		if (api.isAnyFilterPresent()) return dropFirstRows(location.pathname, slug);
		const rect = this.o.frame().getBoundingClientRect();
		if (rect.height <= 0 || rect.top >= innerHeight) return;
		const saved = saveFirstRows(location.pathname, firstRowsSnapshot(api, rect, { columns: this.o.columns(), marker: this.o.marker, slug, source }));
		if (saved) performance.mark(`tieout:first-rows-saved:${slug}`);
	}
}
