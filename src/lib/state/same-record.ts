import { sameValue } from '$lib/db/history';
import type { Delta } from './row-source';

/**
 * True when two records hold the same values. Line records are flat, so a field compares by
 * `===`; a customer's tolerances or other names are objects that a read from storage makes
 * anew, so those compare by value.
 */
export function sameRecord(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
	if (!a) return false;
	const keys = Object.keys(b);
	if (keys.length !== Object.keys(a).length) return false;
	for (const k of keys) if (a[k] !== b[k] && !(typeof b[k] === 'object' && sameValue(a[k], b[k]))) return false;
	return true;
}

/**
 * What turns the rows shown into the rows stored: the stored rows that differ, and the shown
 * ones no longer stored. Ids in `keep` are left as shown (a write the change feed already applied).
 */
export function storedDelta<T extends { id: string }>(shown: ReadonlyMap<string, T>, stored: readonly T[], keep: ReadonlySet<string> = new Set()): Delta<T> {
	const upserts: T[] = [];
	const removes: string[] = [];
	for (const d of storedDeltaSlices(shown, [stored], keep, Infinity)) {
		for (const r of d.upserts) upserts.push(r);
		for (const id of d.removes) removes.push(id);
	}
	return { upserts, removes };
}

/**
 * `storedDelta` a slice of at most `size` rows at a time, for a table too large to compare and
 * apply in one task. Each slice is compared only when asked for, so `keep` and `shown` are read
 * as they stand then (the caller applies each slice before asking for the next); the last slices
 * name the shown rows no longer stored.
 */
export function* storedDeltaSlices<T extends { id: string }>(shown: ReadonlyMap<string, T>, stored: readonly (readonly T[])[], keep: ReadonlySet<string>, size: number): Generator<Delta<T>> {
	const seen = new Set<string>();
	for (const part of stored) {
		for (let from = 0; from < part.length; from += size) {
			const upserts: T[] = [];
			for (const row of part.slice(from, from + size)) {
				seen.add(row.id);
				if (!keep.has(row.id) && !sameRecord(shown.get(row.id) as Record<string, unknown> | undefined, row as unknown as Record<string, unknown>)) upserts.push(row);
			}
			yield { upserts, removes: [] };
		}
	}
	const removes = [...shown.keys()].filter((id) => !seen.has(id) && !keep.has(id));
	for (let from = 0; from < removes.length; from += size) yield { upserts: [], removes: removes.slice(from, from + size) };
}
