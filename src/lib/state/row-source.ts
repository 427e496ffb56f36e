// Rows and their changes are made here in state (live-table.svelte.ts) and only read by grids,
// so their shape lives with their maker: state never reaches up into grid for it.

/** Rows that changed: added or replaced, removed, or (reset) the whole set replaced. */
export interface Delta<T> {
	upserts: readonly T[];
	removes: readonly string[];
	reset?: boolean;
}

/** What a grid reads: the rows now, then every change as it happens. */
export interface RowSource<T extends { id: string }> {
	rows(): T[];
	subscribe(listener: (delta: Delta<T>) => void): () => void;
	/** False while only part of the rows is in (a line table's first page); absent when always whole. */
	readonly whole?: boolean;
}

/** A source narrowed to the rows that satisfy `keep` (the tasks of one work order, say). */
export function filteredSource<T extends { id: string }>(source: RowSource<T>, keep: (row: T) => boolean): RowSource<T> {
	return {
		rows: () => source.rows().filter(keep),
		subscribe: (listener) =>
			source.subscribe((d) => {
				if (d.reset) return listener({ upserts: d.upserts.filter(keep), removes: [], reset: true });
				const upserts: T[] = [];
				const removes: string[] = [...d.removes];
				for (const row of d.upserts) {
					if (keep(row)) upserts.push(row);
					else removes.push(row.id);
				}
				listener({ upserts, removes });
			})
	};
}
