import { upgradeSettings, type Settings } from '$lib/domain/records';
import type { TableName, TieoutDB } from '$lib/db/database';
import { RECORD_TABLES } from '$lib/db/database';
import { onStorageMutated, type TableChange } from '$lib/db/changes';
import type { RecordOf } from '$lib/db/records';
import { describeStorageProblem } from '$lib/db/errors';
import { bumpGeneration, ensureGeneration } from '$lib/db/generation';
import { noLineCopies, type CopyJournal, type LineCopies, type Pending } from './fast-start-hooks';
import { sameRecord, storedDelta, storedDeltaSlices } from './same-record';
import type { Delta } from './row-source';
import { LiveTable } from './live-table.svelte';
import { notices } from './notices.svelte';

type Tables = { [K in TableName]: LiveTable<RecordOf[K]> };

/** Line tables can hold 100,000 rows: they load in pages so the first rows show at once. */
export const LINE_TABLES: readonly TableName[] = ['tasks', 'poLines', 'invoiceLines'];
const FIRST_PAGE = 300;
/** Tables smaller than this read fast enough without a cached copy. */
const CACHE_FROM = 2_000;
/** Records per read when the change feed brings back many at once. */
const READ_SLICE = 2_000;
/**
 * After edits the fast-start copy is rewritten only once the workbook has been quiet this long:
 * a rewrite serialises and stores every row of the table (100,000 lines: long tasks of hundreds
 * of ms), while a stale copy only costs the next start a few rows patched by the verify it does
 * anyway. At 3 s, someone editing every few seconds paid for a rewrite between edits.
 */
const SNAPSHOT_DELAY = 60_000;

/**
 * Rows of a comparison's difference handed to the mirror per task: 100,000 new lines at once (an
 * import from the worker, read back whole) held the page for 225-560 ms while live findings and
 * the lookups took them in; in slices of 5,000, each is one short task. Some of what follows each
 * slice costs in proportion to the whole table (the grids' totals and refresh), so a difference
 * of a million rows goes in at most `APPLY_SLICES` slices rather than 200.
 */
const APPLY_SLICE = 5_000;
const APPLY_SLICES = 20;

/** Lets the page paint and take input before the next slice. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * After a change too many records for the journal to name (an import), the copy is of no use
 * until rewritten, and a tab closed within the minute left the next start reading every line
 * from IndexedDB: it is rewritten as soon as the change has been taken in.
 */
const WHOLE_CHANGE_DELAY = 1_000;

/**
 * Every record of the workbook, mirrored from IndexedDB and kept current by Dexie's change
 * feed (this tab's writes and other tabs' alike). Storage stays the truth: the mirror is filled
 * from what was committed, except a cell edit shown while it is stored (shown-first.ts), which
 * is replaced by the stored record if the write is refused.
 */
export class Workbook {
	readonly tables = Object.fromEntries(RECORD_TABLES.map((t) => [t, new LiveTable()])) as unknown as Tables;
	ready = $state(false);
	#stop: (() => void) | null = null;
	/** Ids the change feed refreshed while a table is being verified against its cache. */
	#touched = new Map<TableName, Set<string>>();
	/** Comparisons of a line table with storage still running (`#reverify`). */
	#verifying = new Map<TableName, Promise<void>>();
	#queued = new Map<TableName, Promise<void>>();
	#snapshotTimers = new Map<TableName, ReturnType<typeof setTimeout>>();
	/** True while a load applies rows as stored: those are not changes the copy has missed. */
	#loading = false;
	#unsubscribe: (() => void)[] = [];

	/**
	 * `cache`, the line tables' fast-start copies (fast-start/line-cache.ts, handed in by the page),
	 * may already be reading, started before the workbook opened; without it every start reads the tables.
	 * `afterPaint` resolves once the browser has painted (ui/paint.ts, handed in because state does
	 * not import ui); outside a browser nothing is painted and the lines are read at once.
	 */
	constructor(
		readonly db: TieoutDB,
		readonly cache: LineCopies = noLineCopies(),
		readonly afterPaint: () => Promise<void> = () => Promise.resolve()
	) {}

	get settings(): Settings {
		void this.tables.settings.version;
		return upgradeSettings(this.tables.settings.get('app'));
	}

	/** True once loaded with no customers and no jobs: the first-run state. */
	get isEmpty(): boolean {
		void this.tables.customers.version;
		void this.tables.workOrders.version;
		return this.ready && this.tables.customers.size === 0 && this.tables.workOrders.size === 0;
	}

	/**
	 * Resolves once the header tables and the first page of each line table are in, so a grid
	 * can paint at once. After that first paint the rest of the lines arrive (`linesLoaded`):
	 * from the fast-start cache when there is one, then verified against the tables, which stay
	 * the truth.
	 */
	async start(): Promise<void> {
		this.#stop = onStorageMutated(this.db.name, (changes) => {
			this.#refresh(changes).catch((err) => notices.push('error', `Could not read a change back from storage: ${describeStorageProblem(err)}`));
		});
		ensureGeneration(this.db.name);
		// A first screen kept from the mirror before a change to it is no longer to be drawn unchecked;
		// rows read as stored are no change (else every start would void the last visit's screens).
		for (const t of RECORD_TABLES) this.#unsubscribe.push(this.#live(t).subscribe(() => this.#loading || bumpGeneration(this.db.name)));
		for (const t of LINE_TABLES) {
			const noteShown = (d: Delta<{ id: string }>) => {
				if (!this.#loading) this.#note(t, (j) => j.note(t, [...d.upserts.map((r) => r.id), ...d.removes]));
			};
			this.#unsubscribe.push(this.#live(t).subscribe(noteShown));
		}
		const small = RECORD_TABLES.filter((t) => !LINE_TABLES.includes(t));
		const [, lastKeys] = await Promise.all([Promise.all(small.map((t) => this.#loadAll(t))), Promise.all(LINE_TABLES.map((t) => this.#loadFirstPage(t)))]);
		this.ready = true;
		performance.mark('tieout:first-rows-read');
		this.linesLoaded = this.afterPaint()
			.then(() => Promise.all(LINE_TABLES.map((t, i) => this.#loadLines(t, lastKeys[i]!))))
			.then(
				() => void performance.mark('tieout:lines-read'),
				(err) => notices.push('error', `Some lines could not be read from storage: ${describeStorageProblem(err)}`)
			);
	}

	linesLoaded: Promise<void> = Promise.resolve();

	stop(): void {
		this.#stop?.();
		for (const off of this.#unsubscribe.splice(0)) off();
		for (const timer of this.#snapshotTimers.values()) clearTimeout(timer);
		this.cache.close();
	}

	/**
	 * Reads one record and its lines as stored now and shows them at once: after an import from
	 * the worker, the record the page opens is not left waiting for the whole table's comparison,
	 * whose slices bring a record's lines only with the last of them. Rows read here are as stored,
	 * so a comparison running meanwhile keeps them (they count as the change feed's).
	 */
	async showNow(table: TableName, id: string, lines?: { table: TableName; parent: string }): Promise<void> {
		const [record, children] = await Promise.all([
			this.db.table(table).get(id) as Promise<{ id: string } | undefined>,
			lines ? (this.db.table(lines.table).where(lines.parent).equals(id).toArray() as Promise<{ id: string }[]>) : Promise.resolve([])
		]);
		const apply = (t: TableName, rows: { id: string }[]) => {
			const live = this.#live(t);
			const touched = this.#touched.get(t);
			const upserts = rows.filter((r) => !sameRecord(live.map.get(r.id) as Record<string, unknown> | undefined, r as Record<string, unknown>));
			for (const r of upserts) touched?.add(r.id);
			if (upserts.length) live.apply({ upserts, removes: [] });
		};
		if (record) apply(table, [record]);
		if (lines && children.length) apply(lines.table, children);
	}

	#live(table: TableName) {
		return this.tables[table] as unknown as LiveTable<{ id: string }>;
	}

	/** Applies rows as read from storage (or its copy), which the copy's journal need not note. */
	#applyLoaded(table: TableName, delta: Delta<{ id: string }>): void {
		this.#loading = true;
		try {
			this.#live(table).apply(delta);
		} finally {
			this.#loading = false;
		}
	}

	/**
	 * Notes a line table's change in the copy's journal as it is shown, so a tab closed before the
	 * copy is rewritten loses nothing at the next start. When the journal cannot be written the
	 * copy can no longer be trusted, so it goes.
	 */
	#note(table: TableName, write: (journal: CopyJournal) => void): void {
		try {
			write(this.cache.journal);
		} catch (err) {
			this.cache.drop(table).catch(() => {});
			notices.push('error', `Could not note a change for the fast-start copy of ${table}, so the copy was dropped (your records are all saved; only the next start is slower): ${describeStorageProblem(err)}`);
		}
	}

	/** A small table, read whole (the line tables load in pages). */
	async #loadAll(table: TableName): Promise<void> {
		this.#applyLoaded(table, { upserts: await this.db.table(table).toArray(), removes: [], reset: true });
		this.#live(table).whole = true;
		this.#live(table).loaded = true;
	}

	/**
	 * A small table changed as a whole (a paste of 10,000 customers), read again and applied as
	 * its difference from what is shown: rows this tab's write already showed (sheet-writes.ts)
	 * are not handed to the grids a second time, which cost a 10,000-row paste ~0.3 s.
	 */
	async #reloadSmall(table: TableName): Promise<void> {
		const live = this.#live(table);
		if (!live.loaded) return this.#loadAll(table);
		const delta = storedDelta(live.map, await this.db.table(table).toArray());
		if (delta.upserts.length || delta.removes.length) this.#applyLoaded(table, delta);
	}

	/**
	 * The lines after the first page: from the fast-start cache when there is one (then checked
	 * against the table), else from the table.
	 */
	async #loadLines(table: TableName, after: string | null): Promise<void> {
		let changed: Pending;
		try {
			changed = this.cache.journal.adopt(table);
		} catch {
			changed = { whole: true, ids: [] }; // a journal that cannot be kept: the copy is not trusted
		}
		if (after === null || changed.whole) return this.#loadRest(table, after);
		const cached = await this.cache.read<{ id: string }>(table).catch(() => null);
		if (!cached) return this.#loadRest(table, after);
		performance.mark(`tieout:cache-read:${table}`);
		this.#applyLoaded(table, changed.ids.length ? await this.#patch(table, cached, changed.ids) : { upserts: cached, removes: [] });
		this.#live(table).whole = true;
		return this.#reverify(table);
	}

	/** The copy's rows with the records its journal names as they are stored now. */
	async #patch(table: TableName, cached: { id: string }[], ids: string[]): Promise<Delta<{ id: string }>> {
		const found = (await this.db.table(table).bulkGet(ids)) as ({ id: string } | undefined)[];
		const changed = new Set(ids);
		const upserts = cached.filter((r) => !changed.has(r.id));
		for (const r of found) if (r) upserts.push(r);
		// Rows of the first page the copy no longer holds were deleted since.
		return { upserts, removes: ids.filter((_, i) => !found[i]) };
	}

	/** Returns the last key read, or null when the table is already complete. */
	async #loadFirstPage(table: TableName): Promise<string | null> {
		const page = await this.db.table(table).orderBy(':id').limit(FIRST_PAGE).toArray();
		this.#applyLoaded(table, { upserts: page, removes: [], reset: true });
		return page.length === FIRST_PAGE ? page[page.length - 1]!.id : null;
	}

	/**
	 * Reads keys above `after` in parallel slices of the key space (ids are random UUIDs, so 16
	 * slices by first hex digit are near-even): the storage thread fetches one slice while the
	 * main thread deserialises another.
	 */
	async #readAbove(table: TableName, after: string): Promise<{ id: string }[]> {
		return (await this.#readSlices(table, after)).flat();
	}

	/** `#readAbove`'s slices as read, in key order. */
	async #readSlices(table: TableName, after: string): Promise<{ id: string }[][]> {
		const t = this.db.table(table);
		const bounds = [after, ...'0123456789abcdef'.split('').filter((c) => c > after), '\uffff'];
		const slices = await this.db.transaction('r', t, () =>
			Promise.all(bounds.slice(0, -1).map((lo, i) => t.where(':id').between(lo, bounds[i + 1]!, false, false).toArray()))
		);
		performance.mark(`tieout:read:${table}`);
		return slices;
	}

	/** The rest of a line table after its first page, handed to the grid at once: one sort, one render. */
	async #loadRest(table: TableName, after: string | null): Promise<void> {
		if (after !== null) this.#applyLoaded(table, { upserts: await this.#readAbove(table, after), removes: [] });
		this.#live(table).whole = true;
		this.#live(table).loaded = true;
		this.#scheduleSnapshot(table, 0);
	}

	/**
	 * Compares the mirror with the table again, after any comparison already running has ended; a
	 * comparison queued but not yet started answers for later requests too.
	 */
	async #reverify(table: TableName): Promise<void> {
		const queued = this.#queued.get(table);
		if (queued) return queued;
		const running = this.#verifying.get(table);
		const next = (running ?? Promise.resolve())
			.catch(() => {})
			.then(() => {
				this.#queued.delete(table);
				return this.#verify(table);
			});
		this.#queued.set(table, next);
		this.#verifying.set(table, next);
		try {
			await next;
		} finally {
			if (this.#verifying.get(table) === next) this.#verifying.delete(table);
		}
	}

	/**
	 * Compares the cached rows with the table and applies the difference, a slice per task: after
	 * an import from the worker the whole difference is 100,000 new lines, and comparing and
	 * applying them at once held the page for 225-560 ms.
	 */
	async #verify(table: TableName): Promise<void> {
		const touched = new Set<string>();
		this.#touched.set(table, touched);
		try {
			const slices = await this.#readSlices(table, '');
			const live = this.#live(table);
			const size = Math.max(APPLY_SLICE, Math.ceil(slices.reduce((n, s) => n + s.length, 0) / APPLY_SLICES));
			// A row the change feed applies meanwhile is newer than the read's: it stays (`touched`).
			const deltas = storedDeltaSlices(live.map, slices, touched, size);
			let upserted = 0;
			let removed = 0;
			for (;;) {
				// The pause comes before the comparison, so each slice is compared with what is shown then.
				await nextTask();
				const next = deltas.next();
				if (next.done) break;
				const { upserts, removes } = next.value;
				if (upserts.length || removes.length) live.apply({ upserts, removes });
				upserted += upserts.length;
				removed += removes.length;
			}
			if (upserted || removed) {
				// The copy was behind the table in ways its journal did not name (a write from another tab, the import worker or outside the app).
				performance.mark(`tieout:cache-corrected:${table}`, { detail: { upserts: upserted, removes: removed } });
				this.#scheduleSnapshot(table, 0);
			}
			live.loaded = true;
		} finally {
			this.#touched.delete(table);
		}
	}

	/** Rewrites a table's fast-start copy a while after its last change. */
	#scheduleSnapshot(table: TableName, delay = SNAPSHOT_DELAY): void {
		if (!LINE_TABLES.includes(table)) return;
		clearTimeout(this.#snapshotTimers.get(table));
		this.#snapshotTimers.set(
			table,
			setTimeout(() => {
				const live = this.#live(table);
				const upTo = this.cache.journal.mark(table);
				const write = live.size >= CACHE_FROM ? this.cache.write(table, live.rows(), Date.now()) : this.cache.drop(table);
				write.then(() => {
					this.cache.journal.settle(table, upTo);
					performance.mark(`tieout:cache-written:${table}`);
				}).catch((err) =>
					notices.push('error', `Could not save the fast-start copy of ${table} (your records are all saved; only the next start is slower): ${describeStorageProblem(err)}`)
				);
			}, delay)
		);
	}

	async #refresh(changes: TableChange[]): Promise<void> {
		const read: { table: TableName; ids: string[]; found: ({ id: string } | undefined)[] }[] = [];
		for (const change of changes) {
			if (!(RECORD_TABLES as readonly string[]).includes(change.table)) continue;
			if ('all' in change) {
				// Read back as stored, yet a change: bumped on both sides of the read, which a kept screen may fall between.
				bumpGeneration(this.db.name);
				// A line table is compared with what is stored, not reloaded: reloading showed its grids
				// only the first page for the seconds 100,000 lines take to read again.
				if (LINE_TABLES.includes(change.table)) {
					// Noted at once: a tab closed during the read must not leave the next start trusting the copy.
					this.#note(change.table, (j) => j.noteWhole(change.table));
					await this.#reverify(change.table);
					this.#scheduleSnapshot(change.table, WHOLE_CHANGE_DELAY);
				} else await this.#reloadSmall(change.table);
				bumpGeneration(this.db.name);
				continue;
			}
			const touched = this.#touched.get(change.table);
			if (touched) for (const id of change.ids) touched.add(id);
			// Read back in slices, so an import of 40,000 lines does not freeze the page in one call.
			const found: ({ id: string } | undefined)[] = [];
			for (let from = 0; from < change.ids.length; from += READ_SLICE) found.push(...(await this.db.table(change.table).bulkGet(change.ids.slice(from, from + READ_SLICE))));
			read.push({ table: change.table, ids: change.ids, found });
		}
		// Every table of the change is shown in one task, once all are read: an invoice was drawn for
		// a frame without the lines written with it ("$0.00 owed" on the home page after the sample).
		for (const { table, ids, found } of read) {
			const live = this.#live(table);
			// Skip rows already shown as stored (an edit from this tab is applied as it commits).
			const upserts = found.filter((r): r is { id: string } => !!r && !sameRecord(live.map.get(r.id) as Record<string, unknown> | undefined, r as Record<string, unknown>));
			const removes = ids.filter((id, i) => !found[i] && live.map.has(id));
			if (upserts.length || removes.length) live.apply({ upserts, removes });
			this.#scheduleSnapshot(table, this.#copyUseless(table) ? WHOLE_CHANGE_DELAY : SNAPSHOT_DELAY);
		}
	}

	#copyUseless(table: TableName): boolean {
		try {
			return LINE_TABLES.includes(table) && this.cache.journal.isWhole(table);
		} catch {
			return true;
		}
	}
}
