import { notices } from '$lib/state/notices.svelte';
import { cleanName, MAX_NAMED, parseStored, type GridView, type NamedView, type StoredViews, type ViewKind } from './view-state';

export const VIEWS_PREFIX = 'tieout:grid-views:';

/**
 * Each grid kind's views in this browser's localStorage (view-state.ts): the view it was left in
 * and the named ones. A write the browser refuses (storage full, or off) is reported, once per
 * kind, and the grid goes on as it is. Listeners hear the kind whose view changed, at once, so the
 * fast-start room drops the early drawings of that grid (taken in its old layout) before a reload
 * in the next moment could draw columns that then jump, and keeps them again in the new layout.
 */
export class ViewStore {
	#listeners = new Set<(kind: string) => void>();
	#reported = new Set<string>();

	constructor(
		private readonly storage: () => Storage,
		private readonly report: (message: string) => void
	) {}

	read(k: ViewKind): StoredViews {
		try {
			return parseStored(this.storage().getItem(VIEWS_PREFIX + k.kind), k.kinds);
		} catch {
			return { v: 1, current: null, named: [] };
		}
	}

	/** The view the grid opens with, or null for its defaults. */
	current(k: ViewKind): GridView | null {
		return this.read(k).current;
	}

	setCurrent(k: ViewKind, view: GridView | null): void {
		const stored = this.read(k);
		const before = JSON.stringify(stored.current);
		stored.current = view;
		if (JSON.stringify(view) !== before) this.#write(k.kind, stored, 'The column layout');
	}

	/** Saves `view` under `name`, replacing a view of that name (any case). False when the name is blank or the list is full. */
	saveNamed(k: ViewKind, name: string, view: GridView): boolean {
		const clean = cleanName(name);
		const stored = this.read(k);
		const at = stored.named.findIndex((n) => n.name.toLowerCase() === clean.toLowerCase());
		if (!clean || (at < 0 && stored.named.length >= MAX_NAMED)) return false;
		if (at >= 0) stored.named[at] = { name: clean, view };
		else stored.named.push({ name: clean, view });
		return this.#write(k.kind, stored, `The view "${clean}"`);
	}

	/** False when `to` is blank or another view has that name. */
	rename(k: ViewKind, from: string, to: string): boolean {
		const clean = cleanName(to);
		const stored = this.read(k);
		const view = stored.named.find((n) => n.name === from);
		if (!clean || !view || stored.named.some((n) => n !== view && n.name.toLowerCase() === clean.toLowerCase())) return false;
		view.name = clean;
		return this.#write(k.kind, stored, `The view "${clean}"`);
	}

	remove(k: ViewKind, name: string): boolean {
		const stored = this.read(k);
		stored.named = stored.named.filter((n) => n.name !== name);
		return this.#write(k.kind, stored, `Deleting the view "${name}"`);
	}

	named(k: ViewKind): NamedView[] {
		return this.read(k).named;
	}

	subscribe(listener: (kind: string) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#write(kind: string, stored: StoredViews, what: string): boolean {
		const key = VIEWS_PREFIX + kind;
		try {
			if (!stored.current && !stored.named.length) this.storage().removeItem(key);
			else this.storage().setItem(key, JSON.stringify(stored));
			this.#reported.delete(kind);
		} catch (err) {
			if (!this.#reported.has(kind)) {
				this.#reported.add(kind);
				this.report(`${what} was not kept in this browser: ${err instanceof Error ? err.message : String(err)}. The grid works as it is; it opens with its last kept layout next time.`);
			}
			return false;
		}
		for (const l of this.#listeners) l(kind);
		return true;
	}
}

/** This browser's grid views; a refused write is shown as an error notice. */
export const gridViews = new ViewStore(
	() => localStorage,
	(message) => notices.push('error', message)
);
