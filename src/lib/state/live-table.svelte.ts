import type { Delta, RowSource } from './row-source';

/**
 * An in-memory mirror of one IndexedDB table. Rows live in a plain Map (100,000 PO lines must
 * not become deep reactive proxies); `version` is the one reactive signal that they changed,
 * and grids receive each change as a delta instead of re-reading the table.
 */
export class LiveTable<T extends { id: string }> implements RowSource<T> {
	readonly map = new Map<string, T>();
	version = $state(0);
	/** Every stored row has been read and checked against storage. */
	loaded = $state(false);
	/** Every row is in, though perhaps from the fast-start copy and not yet checked: not a first page. */
	whole = $state(false);
	#listeners = new Set<(d: Delta<T>) => void>();

	rows(): T[] {
		return [...this.map.values()];
	}

	get(id: string | null | undefined): T | undefined {
		return id ? this.map.get(id) : undefined;
	}

	get size(): number {
		void this.version;
		return this.map.size;
	}

	subscribe(listener: (d: Delta<T>) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	apply(delta: Delta<T>): void {
		if (delta.reset) this.map.clear();
		for (const row of delta.upserts) this.map.set(row.id, row);
		for (const id of delta.removes) this.map.delete(id);
		this.version++;
		for (const l of this.#listeners) l(delta);
	}
}
