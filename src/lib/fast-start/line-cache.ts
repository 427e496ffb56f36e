import { Dexie } from 'dexie';
import { FileLineStore, MemoryLineStore, type Chunk, type LineStore } from './line-store';
import { LineJournal } from './line-journal';
import type { LineCopies } from '$lib/state/fast-start-hooks';

/** Rows per chunk: no single parse or stringify of a chunk is a long task. */
const CHUNK = 5_000;

/**
 * A derived copy of the big line tables, a few large chunks instead of 100,000 small records:
 * Chromium's IndexedDB spends ~25 µs per record just to iterate a store, so 100,000 PO lines
 * take 2.5–3.5 s to read however they are read, while the same rows as one file read and parse
 * in a fraction of that. It is never the truth: it lives outside the workbook (dropping it loses
 * nothing, backups ignore it), and every load is verified against the real tables.
 */
export class LineCache implements LineCopies {
	readonly #store: LineStore;
	#prefetched = new Map<string, Promise<Chunk[] | null>>();
	/** The records changed since each copy was written (line-journal.ts). */
	readonly journal: LineJournal;

	constructor(
		readonly dbName: string,
		store?: LineStore
	) {
		const dir = `${dbName}-lines`;
		this.#store = store ?? (FileLineStore.available() ? new FileLineStore(dir) : new MemoryLineStore(dir));
		this.journal = new LineJournal(dbName);
	}

	/**
	 * Starts reading the copies now, when that happens off the page's thread: the read then runs
	 * beside the app's start-up, and the next `read` of each table takes its answer.
	 */
	prefetch(tables: readonly string[]): void {
		if (!this.#store.offThread) return;
		for (const table of tables) {
			const read = this.#store.read(table).then((chunks) => {
				if (chunks) performance.mark(`tieout:cache-prefetched:${table}`);
				return chunks;
			});
			this.#prefetched.set(table, read.catch(() => null));
		}
	}

	/** The rows of a table's copy, or null when there is none (or it cannot be read). */
	async read<T>(table: string): Promise<T[] | null> {
		const prefetched = this.#prefetched.get(table);
		this.#prefetched.delete(table);
		const chunks = await (prefetched ?? this.#store.read(table));
		if (!chunks) return null;
		const decoder = new TextDecoder();
		const rows: T[] = [];
		for (const chunk of chunks) {
			for (const row of JSON.parse(typeof chunk === 'string' ? chunk : decoder.decode(chunk)) as T[]) rows.push(row);
			// The page may paint between chunks: 100,000 rows decoded and parsed at once held it for 0.3 s,
			// often just before a grid's first rows were drawn.
			await yieldToPage();
		}
		return rows;
	}

	async write(table: string, rows: readonly unknown[], savedAt: number): Promise<void> {
		const chunks: string[] = [];
		for (let i = 0; i < rows.length; i += CHUNK) {
			chunks.push(JSON.stringify(rows.slice(i, i + CHUNK)));
			// Yield between chunks: serialising 100,000 rows at once would be a long task.
			await yieldToPage();
		}
		await this.#store.write(table, chunks, savedAt);
	}

	drop(table: string): Promise<void> {
		return this.#store.drop(table);
	}

	/** Removes every copy of this workbook, and the IndexedDB copy that earlier versions kept. */
	async clear(): Promise<void> {
		await Promise.all([this.#store.clear(), dropLegacyCopy(this.dbName)]);
	}

	close(): void {
		this.#store.close();
	}
}

/**
 * Lets the page handle input and paint before going on. A message, not `setTimeout(0)`, which
 * browsers hold back 4 ms once timers nest five deep: 20 chunks would wait 80 ms for nothing.
 */
function yieldToPage(): Promise<void> {
	if (typeof MessageChannel !== 'function') return new Promise((r) => setTimeout(r, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * Until 2026-11-26 the copies lived in their own IndexedDB database (`<workbook>-cache`). It is
 * derived data: deleting it frees its ~25 MB and loses nothing.
 */
export async function dropLegacyCopy(dbName: string): Promise<void> {
	if (typeof indexedDB === 'undefined' || !(await Dexie.exists(`${dbName}-cache`))) return;
	await Dexie.delete(`${dbName}-cache`);
}
