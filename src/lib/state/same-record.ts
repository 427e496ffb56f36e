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
	const seen = new Set<string>();
	const upserts: T[] = [];
	for (const row of stored) {
		seen.add(row.id);
		if (!keep.has(row.id) && !sameRecord(shown.get(row.id) as Record<string, unknown> | undefined, row as unknown as Record<string, unknown>)) upserts.push(row);
	}
	const removes = [...shown.keys()].filter((id) => !seen.has(id) && !keep.has(id));
	return { upserts, removes };
}
