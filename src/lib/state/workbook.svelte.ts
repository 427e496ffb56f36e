import { defaultSettings, type Settings } from '$lib/domain/records';
import type { TableName, TieoutDB } from '$lib/db/database';
import { RECORD_TABLES } from '$lib/db/database';
import { onStorageMutated, type TableChange } from '$lib/db/changes';
import type { RecordOf } from '$lib/db/records';
import { describeStorageError } from '$lib/db/errors';
import { LiveTable } from './live-table.svelte';
import { notices } from './notices.svelte';

type Tables = { [K in TableName]: LiveTable<RecordOf[K]> };

/** Line tables can hold 100,000 rows: they load in pages so the first rows show at once. */
const PAGED: readonly TableName[] = ['tasks', 'poLines', 'invoiceLines'];
const FIRST_PAGE = 300;

/**
 * Every record of the workbook, mirrored from IndexedDB and kept current by Dexie's change
 * feed (this tab's writes and other tabs' alike). Storage stays the truth: the mirror is only
 * ever filled from what was committed.
 */
export class Workbook {
	readonly tables = Object.fromEntries(RECORD_TABLES.map((t) => [t, new LiveTable()])) as unknown as Tables;
	ready = $state(false);
	#stop: (() => void) | null = null;

	constructor(readonly db: TieoutDB) {}

	get settings(): Settings {
		void this.tables.settings.version;
		return this.tables.settings.get('app') ?? defaultSettings();
	}

	/** True once loaded with no customers and no jobs: the first-run state. */
	get isEmpty(): boolean {
		void this.tables.customers.version;
		void this.tables.workOrders.version;
		return this.ready && this.tables.customers.size === 0 && this.tables.workOrders.size === 0;
	}

	/**
	 * Resolves once every header table and the first page of each line table are in, read in
	 * parallel, so a grid can show rows at once; the rest of the lines stream in behind
	 * (`linesLoaded`).
	 */
	async start(): Promise<void> {
		this.#stop = onStorageMutated(this.db.name, (changes) => {
			this.#refresh(changes).catch((err) => notices.push('error', `Could not read a change back from storage: ${describeStorageError(err)}`));
		});
		const small = RECORD_TABLES.filter((t) => !PAGED.includes(t));
		const [, lastKeys] = await Promise.all([Promise.all(small.map((t) => this.#loadAll(t))), Promise.all(PAGED.map((t) => this.#loadFirstPage(t)))]);
		this.ready = true;
		performance.mark('tieout:first-rows-read');
		this.linesLoaded = Promise.all(PAGED.map((t, i) => this.#loadRest(t, lastKeys[i]!))).then(
			() => void performance.mark('tieout:lines-read'),
			(err) => notices.push('error', `Some lines could not be read from storage: ${describeStorageError(err)}`)
		);
	}

	linesLoaded: Promise<void> = Promise.resolve();

	stop(): void {
		this.#stop?.();
	}

	#live(table: TableName) {
		return this.tables[table] as unknown as LiveTable<{ id: string }>;
	}

	async #loadAll(table: TableName): Promise<void> {
		if (PAGED.includes(table)) return this.#loadRest(table, await this.#loadFirstPage(table));
		this.#live(table).apply({ upserts: await this.db.table(table).toArray(), removes: [], reset: true });
		this.#live(table).loaded = true;
	}

	/** Returns the last key read, or null when the table is already complete. */
	async #loadFirstPage(table: TableName): Promise<string | null> {
		const page = await this.db.table(table).orderBy(':id').limit(FIRST_PAGE).toArray();
		this.#live(table).apply({ upserts: page, removes: [], reset: true });
		return page.length === FIRST_PAGE ? page[page.length - 1]!.id : null;
	}

	/**
	 * Reads the rest in parallel slices of the key space (ids are random UUIDs, so 16 slices by
	 * first hex digit are near-even): the browser's storage thread fetches the next slice while
	 * the main thread deserialises the last. The grid gets all the rows at once: one sort and
	 * one render instead of one per slice.
	 */
	async #loadRest(table: TableName, after: string | null): Promise<void> {
		if (after !== null) {
			const t = this.db.table(table);
			const bounds = [after, ...'123456789abcdef'.split('').filter((c) => c > after), '\uffff'];
			const slices = await this.db.transaction('r', t, () =>
				Promise.all(bounds.slice(0, -1).map((lo, i) => t.where(':id').between(lo, bounds[i + 1]!, false, false).toArray()))
			);
			performance.mark(`tieout:read:${table}`);
			this.#live(table).apply({ upserts: slices.flat(), removes: [] });
		}
		this.#live(table).loaded = true;
	}

	async #refresh(changes: TableChange[]): Promise<void> {
		for (const change of changes) {
			if (!(RECORD_TABLES as readonly string[]).includes(change.table)) continue;
			if ('all' in change) {
				await this.#loadAll(change.table);
				continue;
			}
			const live = this.#live(change.table);
			const found = await this.db.table(change.table).bulkGet(change.ids);
			const upserts = found.filter((r): r is { id: string } => !!r);
			const removes = change.ids.filter((_, i) => !found[i]);
			live.apply({ upserts, removes });
		}
	}
}
