/**
 * The fast-start room: everything that exists only so the first screen draws fast, and the one
 * module the app imports of it (the pages; no room below may import it, README "Layout").
 *
 * Its invariant: what is shown after the workbook is open is exactly what is stored; a copy is
 * only ever shown before that, and withdrawn if it disagrees.
 *
 * The copies, and what withdraws each one:
 * - The line files (line-cache.ts, line-store.ts, line-file.ts, line-cache.worker.ts): the line
 *   tables as a few big files in the origin private file system, patched at start from the journal
 *   of records changed since (line-journal.ts). The workbook loads the rest of its lines from them
 *   and compares every row with the table before the table counts as loaded (Workbook#verify).
 * - The first screens (first-rows.ts; kept by first-rows-keeper.ts from a grid and by
 *   line-snapshots.ts for the three line pages, from the records first-rows-source.ts names):
 *   drawn by static/first-rows.js before the app runs, under this build's drawing key only
 *   (src/lib/build/drawing-key.ts), after checking every record drawn against IndexedDB, or before
 *   while the generation is unchanged, withdrawing a drawing the check fails; the grid takes the
 *   drawing off once its own rows are up.
 * A third, the start copy of each workbook's first records, was retired: first rows came sooner
 * without it (docs/benchmarks.md). retired-copies.ts removes what earlier versions left of it.
 * fast-start.property.test.ts drives writes from this tab, another tab and outside Tieout, tab
 * closes, restarts and new builds, and holds the room to its invariant.
 */
import { describeStorageProblem } from '$lib/db/errors';
import type { TableName } from '$lib/db/database';
import type { RecordOf } from '$lib/db/records';
import type { FirstScreen } from '$lib/grid/first-screen';
import { gridViews } from '$lib/grid/view-store';
import { noLineCopies, type CopyKeepers, type FastStart } from '$lib/state/fast-start-hooks';
import { notices } from '$lib/state/notices.svelte';
import { LINE_TABLES, type Workbook } from '$lib/state/workbook.svelte';
import { dropEveryFirstRows, drawnFirstRows, removeFirstRows } from './first-rows';
import { FirstRowsKeeper } from './first-rows-keeper';
import { firstRowsSource } from './first-rows-source';
import { dropLegacyCopy, LineCache } from './line-cache';
import { LineSnapshots, type Surroundings } from './line-snapshots';
import { dropRetiredStartCopies } from './retired-copies';
import { benchWithout, type Copy } from './without';

export { firstRowsDrawn } from './first-rows';
export { LINE_PAGES, type LinePage, type LineTable } from './line-pages';

export interface Options {
	/** Where the line pages' first screens are measured and kept (tests give their own). */
	surroundings?: Surroundings;
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
		opened(wb: Workbook): CopyKeepers {
			const stops: (() => void)[] = [];
			// Once the lines are in, off the first screen's path: what earlier versions kept and this one no longer reads.
			void wb.linesLoaded.then(() => {
				const failed = (err: unknown) => notices.push('error', `Could not delete the fast-start copy an earlier version kept (nothing of yours is in it): ${describeStorageProblem(err)}`);
				try {
					dropRetiredStartCopies();
				} catch (err) {
					failed(err);
				}
				dropLegacyCopy(db).catch(failed);
			});
			// A grid's kept view changed: its first screens were taken in the old layout. Dropped at once,
			// so a reload in the next moment draws nothing rather than columns that then jump.
			stops.push(gridViews.subscribe((kind) => dropEveryFirstRows(kind)));
			let screens: LineSnapshots | null = null;
			if (!without.has('first-rows')) {
				screens = new LineSnapshots(wb, o.surroundings);
				screens.start();
				stops.push(() => screens?.stop());
			}
			return {
				layoutChanged: () => screens?.layoutChanged(),
				stop: () => stops.splice(0).forEach((stop) => stop())
			};
		}
	};
}

/** The early drawings of the grids: on a line page the grid's `firstScreen` (its first screens are kept from the workbook); `remove()` takes every one off. */
export const earlyDrawings = {
	drawn: (slug: string): boolean => !!drawnFirstRows(slug),
	remove: (slug?: string): void => removeFirstRows(slug)
};

/** A grid over one table that keeps its own first screen (the customers page): its `firstScreen`. */
export function firstScreenOf<K extends TableName>(wb: Workbook, table: K): FirstScreen<RecordOf[K]> {
	const source = firstRowsSource(wb, table);
	if (benchWithout().has('first-rows')) return earlyDrawings;
	return { ...earlyDrawings, keep: (o) => new FirstRowsKeeper({ ...o, source }) };
}
