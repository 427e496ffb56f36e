import type { Workbook } from './workbook.svelte';

/*
 * What state is lent by the fast-start room (src/lib/fast-start), which sits above it (README,
 * Layout): the page that opens the workbook hands it in (`OpenHooks.fastStart`). State never takes
 * a copy for the truth: a line table's copy is compared with the table before the table counts
 * as loaded.
 */

/** What changed since a line table's copy was written: every record (`whole`), or these ids. */
export interface Pending {
	whole: boolean;
	ids: string[];
}

/** The journal of the records changed since each copy was written (fast-start/line-journal.ts). */
export interface CopyJournal {
	note(table: string, ids: readonly string[]): void;
	noteWhole(table: string): void;
	isWhole(table: string): boolean;
	mark(table: string): number;
	settle(table: string, upTo: number): void;
	adopt(table: string): Pending;
}

/** The copies of the big line tables the workbook loads from (fast-start/line-cache.ts). */
export interface LineCopies {
	readonly journal: CopyJournal;
	/** The rows of a table's copy, or null when there is none. */
	read<T>(table: string): Promise<T[] | null>;
	write(table: string, rows: readonly unknown[], savedAt: number): Promise<void>;
	drop(table: string): Promise<void>;
	close(): void;
}

/** What keeps the copies from an open workbook (`FastStart.opened`). */
export interface CopyKeepers {
	/** Another page opened, or the window changed size: the line pages' first screens are measured and kept again. */
	layoutChanged(): void;
	/** The workbook closes: nothing more is kept from it. */
	stop(): void;
}

/** The fast-start room as one workbook opening sees it. */
export interface FastStart {
	/** The line tables' copies, which may already be being read. */
	readonly lines: LineCopies;
	/** The workbook has read what is stored: from now on the copies are kept from it. */
	opened(wb: Workbook): CopyKeepers;
}

/** No copies: every start reads the tables, slower and as correct (a workbook opened without the page's hooks, most tests). */
export function noLineCopies(): LineCopies {
	return {
		journal: { note() {}, noteWhole() {}, isWhole: () => false, mark: () => 0, settle() {}, adopt: () => ({ whole: true, ids: [] }) },
		read: async () => null,
		write: async () => {},
		drop: async () => {},
		close() {}
	};
}
