/**
 * Copies earlier versions kept in localStorage and this one no longer reads, each timed with and
 * without on the same build before it went (docs/benchmarks.md, "each fast-start copy with and
 * without it"). Left behind they would only take the space the line journal needs.
 */
export const RETIRED_PREFIXES = [
	// Until 2026-12: the start copy of each workbook's first records (up to 1.5 M characters).
	// Without it first rows came sooner.
	'tieout:start-copy:',
	// Until 2026-12: the first screens drawn by static/first-rows.js before the app ran, one per
	// page and grid, and the line pages' measured frame. Without them first rows came within the
	// targets (359 ms return, 660 ms restart), from the app's own preview over the line files.
	'tieout:first-rows:',
	'tieout:line-frame:',
	// The write generation the first screens were checked by, changed by every transaction in every tab.
	'tieout:generation:'
] as const;

/**
 * Removes every retired copy an earlier version left, of any workbook; returns how many. A storage
 * that cannot be read holds none this page could use; a removal refused is thrown, to be shown.
 */
export function dropRetiredCopies(storage: () => Storage = () => localStorage): number {
	let s: Storage;
	const keys: string[] = [];
	try {
		s = storage();
		for (let i = 0; i < s.length; i++) {
			const key = s.key(i);
			if (key && RETIRED_PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
		}
	} catch {
		return 0;
	}
	for (const key of keys) s.removeItem(key);
	return keys.length;
}
