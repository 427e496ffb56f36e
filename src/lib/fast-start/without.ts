/**
 * The benchmark's switch: `tests/bench/browser.mjs` with `BENCH_WITHOUT=first-rows,line-files`
 * sets this key before the app starts, and the app then neither reads nor keeps those copies, so
 * each copy's worth is timed with it and without it on the same build. Nobody else sets the key;
 * without it every copy is used.
 */
export type Copy = 'first-rows' | 'line-files';

export const WITHOUT_KEY = 'tieout:bench-without';

export function benchWithout(): ReadonlySet<Copy> {
	try {
		return new Set((localStorage.getItem(WITHOUT_KEY) ?? '').split(',').filter(Boolean) as Copy[]);
	} catch {
		return new Set();
	}
}
