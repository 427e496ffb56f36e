import { emptySource } from './empty-source';
import { filteredSource, type RowSource } from './row-source';
import type { LiveTable } from './live-table.svelte';

/** The record selected in a master grid, kept current as the table changes under it. */
export class Selection<T extends { id: string }> {
	id = $state<string | null>(null);

	constructor(private table: LiveTable<T>) {}

	get record(): T | undefined {
		void this.table.version;
		return this.table.get(this.id);
	}

	/** The rows of `children` that belong to the selected record (none while nothing is selected). */
	childrenIn<C extends { id: string }>(children: LiveTable<C>, parentOf: (row: C) => string): RowSource<C> {
		const id = this.id;
		return id ? filteredSource(children, (row) => parentOf(row) === id) : emptySource<C>();
	}
}
