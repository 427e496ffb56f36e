/**
 * Records grouped under a key (a parent id, a job number). Buckets hold the records themselves,
 * so a lookup is one Map access; a bucket's order is insertion order and means nothing: callers
 * pick the smallest id (`first`) or treat the bucket as a set, so a fresh build and an
 * incremental one always agree.
 */
export class Groups<T extends { id: string }> {
	readonly #map = new Map<string, T[]>();

	add(key: string, rec: T): void {
		const list = this.#map.get(key);
		if (list) list.push(rec);
		else this.#map.set(key, [rec]);
	}

	/** Remove the record with `rec.id` from the bucket (the stored object may be an older version). */
	remove(key: string, rec: T): void {
		const list = this.#map.get(key);
		if (!list) return;
		const i = list.findIndex((r) => r.id === rec.id);
		if (i < 0) return;
		if (list.length === 1) this.#map.delete(key);
		else list.splice(i, 1);
	}

	/** The bucket (shared, do not mutate); an empty array when none. */
	get(key: string): readonly T[] {
		return this.#map.get(key) ?? EMPTY;
	}

	/** The record with the smallest id: the deterministic winner when a key is (wrongly) shared. */
	first(key: string): T | undefined {
		const list = this.#map.get(key);
		return list ? minById(list) : undefined;
	}
}

/** Two-level groups, e.g. POs by customer, then by PO number: no composite string keys to build. */
export class NestedGroups<T extends { id: string }> {
	readonly #map = new Map<string, Groups<T>>();

	add(outer: string, inner: string, rec: T): void {
		let g = this.#map.get(outer);
		if (!g) this.#map.set(outer, (g = new Groups<T>()));
		g.add(inner, rec);
	}

	remove(outer: string, inner: string, rec: T): void {
		this.#map.get(outer)?.remove(inner, rec);
	}

	get(outer: string, inner: string): readonly T[] {
		return this.#map.get(outer)?.get(inner) ?? (EMPTY as readonly T[]);
	}

	first(outer: string, inner: string): T | undefined {
		return this.#map.get(outer)?.first(inner);
	}
}

function minById<T extends { id: string }>(list: readonly T[]): T | undefined {
	let min = list[0];
	for (let i = 1; i < list.length; i++) if (list[i]!.id < min!.id) min = list[i];
	return min;
}

// Shared and never mutated. Not frozen: a frozen array has another elements kind, and hot loops over
// a mix of both kinds lose their fast path.
const EMPTY: readonly never[] = [];
