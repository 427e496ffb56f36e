/**
 * The fast-start room: everything that exists only so the first screen draws fast, and the one
 * module the app imports of it (the pages; no room below may import it, README "Layout").
 *
 * Its invariant: what is shown after the workbook is open is exactly what is stored; a copy is
 * only ever shown before that, and withdrawn if it disagrees.
 *
 * The one copy, and what withdraws it:
 * - The line files (line-cache.ts, line-store.ts, line-file.ts, line-cache.worker.ts): the line
 *   tables as a few big files in the origin private file system, patched at start from the journal
 *   of records changed since (line-journal.ts). The workbook loads the rest of its lines from them
 *   and compares every row with the table before the table counts as loaded (Workbook#verify),
 *   applying the difference.
 * Two more were retired, each timed with and without on the same build (docs/benchmarks.md, "each
 * fast-start copy with and without it"): the start copy of each workbook's first records (first
 * rows came sooner without it), and the first screens that static/first-rows.js drew before the
 * app ran (without them first rows came at 359 ms on return visits and 660 ms after a restart,
 * within the 0.5 s and 0.8 s targets, from the app's own preview over the line files).
 * retired-copies.ts removes what earlier versions left of them.
 * fast-start.property.test.ts drives writes from this tab, another tab and outside Tieout, tab
 * closes, restarts and new builds, and holds the room to its invariant.
 */
import { describeStorageProblem } from '$lib/db/errors';
import { noLineCopies, type FastStart } from '$lib/state/fast-start-hooks';
import { notices } from '$lib/state/notices.svelte';
import { LINE_TABLES, type Workbook } from '$lib/state/workbook.svelte';
import { dropLegacyCopy, LineCache } from './line-cache';
import { dropRetiredCopies } from './retired-copies';
import { benchWithout, type Copy } from './without';

export { LINE_PAGES, type LinePage, type LineTable } from './line-pages';

export interface Options {
	/** Copies left out, to time the app without them (without.ts); none unless a benchmark asks. */
	without?: ReadonlySet<Copy>;
}

/**
 * The copies of workbook `db` as it opens (`OpenHooks.fastStart`, handed to app.open by the
 * layout): the line files start being read now, beside the opening.
 */
export function openFastStart(db: string, o: Options = {}): FastStart {
	const without = o.without ?? benchWithout();
	let lines = noLineCopies();
	if (!without.has('line-files')) {
		const cache = new LineCache(db);
		cache.prefetch(LINE_TABLES);
		lines = cache;
	}
	return {
		lines,
		opened(wb: Workbook): void {
			// Once the lines are in, off the first screen's path: what earlier versions kept and this one no longer reads.
			void wb.linesLoaded.then(() => {
				const failed = (err: unknown) => notices.push('error', `Could not delete the fast-start copy an earlier version kept (nothing of yours is in it): ${describeStorageProblem(err)}`);
				try {
					dropRetiredCopies();
				} catch (err) {
					failed(err);
				}
				dropLegacyCopy(db).catch(failed);
			});
		}
	};
}
