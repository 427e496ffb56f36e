import { defaultSettings, type Settings } from '$lib/domain/records';
import type { TableName, TieoutDB } from '$lib/db/database';
import { RECORD_TABLES } from '$lib/db/database';
import { onStorageMutated, type TableChange } from '$lib/db/changes';
import type { RecordOf } from '$lib/db/records';
import { LiveTable } from './live-table.svelte';

type Tables = { [K in TableName]: LiveTable<RecordOf[K]> };

/** Line tables can hold 100,000 rows: they load in pages so the first rows show at once. */
const PAGED: readonly TableName[] = ['tasks', 'poLines', 'invoiceLines'];
const FIRST_PAGE = 300;
const PAGE = 20_000;

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

	async start(): Promise<void> {
		this.#stop = onStorageMutated(this.db.name, (changes) => void this.#refresh(changes));
		const small = RECORD_TABLES.filter((t) => !PAGED.includes(t));
		await Promise.all(small.map((t) => this.#loadAll(t)));
		this.ready = true;
		await Promise.all(PAGED.map((t) => this.#loadAll(t)));
	}

	stop(): void {
		this.#stop?.();
	}

	async #loadAll(table: TableName): Promise<void> {
		const live = this.tables[table] as unknown as LiveTable<{ id: string }>;
		const t = this.db.table(table);
		if (!PAGED.includes(table)) {
			live.apply({ upserts: await t.toArray(), removes: [], reset: true });
			live.loaded = true;
			return;
		}
		let page = await t.orderBy(':id').limit(FIRST_PAGE).toArray();
		live.apply({ upserts: page, removes: [], reset: true });
		while (page.length) {
			const last = page[page.length - 1]!.id;
			page = await t.where(':id').above(last).limit(PAGE).toArray();
			if (page.length) live.apply({ upserts: page, removes: [] });
		}
		live.loaded = true;
	}

	async #refresh(changes: TableChange[]): Promise<void> {
		for (const change of changes) {
			if (!(RECORD_TABLES as readonly string[]).includes(change.table)) continue;
			if ('all' in change) {
				await this.#loadAll(change.table);
				continue;
			}
			const live = this.tables[change.table] as unknown as LiveTable<{ id: string }>;
			const found = await this.db.table(change.table).bulkGet(change.ids);
			const upserts = found.filter((r): r is { id: string } => !!r);
			const removes = change.ids.filter((_, i) => !found[i]);
			live.apply({ upserts, removes });
		}
	}
}
