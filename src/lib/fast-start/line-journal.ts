/**
 * Which line records changed since each fast-start copy was written. The copy of a table is
 * rewritten only a minute after its last change (a rewrite serialises every row), so a tab
 * closed straight after an edit leaves a copy that is behind. Without this journal the next
 * start showed the old value for the seconds the full check against IndexedDB takes; with it,
 * the start reads the few changed records from IndexedDB before the copy's rows are shown.
 *
 * Kept in localStorage because it must be written synchronously, as the change is shown: an
 * asynchronous write could be lost with the tab. Each entry names the tab that noted it, and a
 * tab clears only its own entries once its copy holds them: another tab's note may be of a
 * change this tab has not seen yet. A journal that cannot be read, or that grows past
 * `MAX_IDS`, says "the whole table", and the copy is not used until it is rewritten.
 */

import { defaultStorage, type SmallStorage } from '$lib/db/generation';
import type { Pending } from '$lib/state/fast-start-hooks';

/** What the journal needs of localStorage (db/generation.ts gives an in-memory one where there is none, as in Node). */
export type JournalStorage = SmallStorage;
export type { Pending };

/** Past this many changed records a rewrite of the copy is due anyway: "the whole table" is noted instead. */
export const MAX_IDS = 2_000;

type Entry = [seq: number, tab: string];
interface State {
	seq: number;
	whole: Entry | null;
	ids: Record<string, Entry>;
}

export class LineJournal {
	constructor(
		readonly dbName: string,
		readonly storage: JournalStorage = defaultStorage(),
		readonly tab: string = crypto.randomUUID()
	) {}

	#key(table: string): string {
		return `tieout:line-journal:${this.dbName}:${table}`;
	}

	#load(table: string): State {
		const text = this.storage.getItem(this.#key(table));
		if (text === null) return { seq: 0, whole: null, ids: {} };
		try {
			const s = JSON.parse(text) as State;
			if (typeof s.seq === 'number' && typeof s.ids === 'object' && s.ids !== null) return s;
		} catch {
			/* fall through: a journal that cannot be read says nothing can be trusted */
		}
		return { seq: 0, whole: [0, ''], ids: {} };
	}

	/**
	 * Throws when storage refuses the write (quota): the caller must then stop trusting the copy.
	 * An empty journal is kept, not removed: its sequence must never restart below a mark a
	 * copy still being written was taken at.
	 */
	#save(table: string, s: State): void {
		this.storage.setItem(this.#key(table), JSON.stringify(s));
	}

	/** Notes records of `table` as changed, in the tab's shown state. */
	note(table: string, ids: readonly string[]): void {
		if (ids.length === 0) return;
		const s = this.#load(table);
		const entry: Entry = [++s.seq, this.tab];
		if (s.whole || Object.keys(s.ids).length + ids.length > MAX_IDS) {
			s.whole = entry;
			s.ids = {};
		} else for (const id of ids) s.ids[id] = entry;
		this.#save(table, s);
	}

	/** Notes every record of `table` as changed (an import or restore replaced it wholesale). */
	noteWhole(table: string): void {
		const s = this.#load(table);
		s.whole = [++s.seq, this.tab];
		s.ids = {};
		this.#save(table, s);
	}

	/** True when the copy of `table` is not to be used at all until it is rewritten. */
	isWhole(table: string): boolean {
		return this.#load(table).whole !== null;
	}

	/** The point a copy is taken at: pass it to `settle` once that copy is stored. */
	mark(table: string): number {
		return this.#load(table).seq;
	}

	/** This tab's copy, taken at `upTo`, is stored: its own notes up to then are in it. */
	settle(table: string, upTo: number): void {
		const s = this.#load(table);
		const mine = (e: Entry) => e[1] === this.tab && e[0] <= upTo;
		if (s.whole && mine(s.whole)) s.whole = null;
		for (const [id, e] of Object.entries(s.ids)) if (mine(e)) delete s.ids[id];
		this.#save(table, s);
	}

	/**
	 * What changed since the copy, taken over by this tab: a tab that noted changes and closed
	 * will never settle them, so the tab that now reads them answers for them.
	 */
	adopt(table: string): Pending {
		const s = this.#load(table);
		const pending = { whole: s.whole !== null, ids: Object.keys(s.ids) };
		if (!pending.whole && pending.ids.length === 0) return pending;
		const entry: Entry = [++s.seq, this.tab];
		if (s.whole) s.whole = entry;
		for (const id of pending.ids) s.ids[id] = entry;
		this.#save(table, s);
		return pending;
	}
}
