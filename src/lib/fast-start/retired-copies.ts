/**
 * Copies earlier versions kept and this one no longer reads. Until 2026-12 a "start copy" of each
 * workbook's first records (up to 1.5 M characters) lived in localStorage under this prefix; timed
 * without it, first rows came sooner (docs/benchmarks.md), so it was retired. Left behind it would
 * only take the space the first screens and the line journal share.
 */
export const RETIRED_START_COPY_PREFIX = 'tieout:start-copy:';

/**
 * Removes every start copy an earlier version left, of any workbook; returns how many. A storage
 * that cannot be read holds none this page could use; a removal refused is thrown, to be shown.
 */
export function dropRetiredStartCopies(storage: () => Storage = () => localStorage): number {
	let s: Storage;
	const keys: string[] = [];
	try {
		s = storage();
		for (let i = 0; i < s.length; i++) {
			const key = s.key(i);
			if (key?.startsWith(RETIRED_START_COPY_PREFIX)) keys.push(key);
		}
	} catch {
		return 0;
	}
	for (const key of keys) s.removeItem(key);
	return keys.length;
}
