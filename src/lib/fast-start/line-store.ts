import { decodeLineFile } from './line-file';

/** A chunk of a copy: JSON text, or its UTF-8 bytes as read from a file. */
export type Chunk = string | Uint8Array;

/** Where the fast-start copies live. Losing one costs only a slower start. */
export interface LineStore {
	/** True when reading does not take the page's thread, so it is worth starting early. */
	readonly offThread: boolean;
	read(table: string): Promise<Chunk[] | null>;
	write(table: string, chunks: string[], savedAt: number): Promise<void>;
	drop(table: string): Promise<void>;
	/** Removes every copy of this workbook. */
	clear(): Promise<void>;
	close(): void;
}

type Op = { op: 'read'; table: string } | { op: 'write'; table: string; chunks: string[]; savedAt: number } | { op: 'drop'; table: string } | { op: 'clear' };
export type LineStoreRequest = Op & { id: number; dir: string };
export type LineStoreReply = { id: number; ok: true; file: ArrayBuffer | null } | { id: number; ok: false; error: string };

/**
 * The copies as files in the origin private file system, read and written by a worker
 * (line-cache.worker.ts). The file's bytes are transferred back, not copied.
 */
export class FileLineStore implements LineStore {
	readonly offThread = true;
	#worker: Worker | null = null;
	#seq = 0;
	#pending = new Map<number, { resolve: (file: ArrayBuffer | null) => void; reject: (e: Error) => void }>();

	constructor(readonly dir: string) {}

	static available(): boolean {
		return typeof Worker !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
	}

	#ask(op: Op): Promise<ArrayBuffer | null> {
		if (!this.#worker) {
			const w = new Worker(new URL('./line-cache.worker.ts', import.meta.url), { type: 'module' });
			w.onmessage = (e: MessageEvent<LineStoreReply>) => {
				const r = e.data;
				const p = this.#pending.get(r.id);
				this.#pending.delete(r.id);
				if (r.ok) p?.resolve(r.file);
				else p?.reject(new Error(r.error));
			};
			w.onerror = (e) => {
				e.preventDefault();
				this.#fail(new Error(`The fast-start copy's worker stopped: ${e.message || 'it could not start'}`));
			};
			this.#worker = w;
		}
		const id = ++this.#seq;
		const reply = new Promise<ArrayBuffer | null>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
		this.#worker.postMessage({ ...op, id, dir: this.dir } satisfies LineStoreRequest);
		return reply;
	}

	#fail(error: Error): void {
		const waiting = [...this.#pending.values()];
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
		for (const p of waiting) p.reject(error);
	}

	async read(table: string): Promise<Chunk[] | null> {
		const file = await this.#ask({ op: 'read', table });
		return file ? (decodeLineFile(new Uint8Array(file))?.chunks ?? null) : null;
	}

	async write(table: string, chunks: string[], savedAt: number): Promise<void> {
		await this.#ask({ op: 'write', table, chunks, savedAt });
	}

	async drop(table: string): Promise<void> {
		await this.#ask({ op: 'drop', table });
	}

	async clear(): Promise<void> {
		await this.#ask({ op: 'clear' });
	}

	close(): void {
		this.#fail(new Error('The workbook was closed'));
	}
}

/**
 * Copies kept for the life of the page only: where there is no file system for them (Node
 * tests, an old browser), a start reads the tables themselves, which is slower and as correct.
 */
export class MemoryLineStore implements LineStore {
	readonly offThread = false;
	static readonly #all = new Map<string, Map<string, string[]>>();

	constructor(readonly dir: string) {}

	get #copies(): Map<string, string[]> {
		let m = MemoryLineStore.#all.get(this.dir);
		if (!m) MemoryLineStore.#all.set(this.dir, (m = new Map()));
		return m;
	}

	async read(table: string): Promise<Chunk[] | null> {
		return this.#copies.get(table) ?? null;
	}

	async write(table: string, chunks: string[]): Promise<void> {
		this.#copies.set(table, chunks);
	}

	async drop(table: string): Promise<void> {
		this.#copies.delete(table);
	}

	async clear(): Promise<void> {
		MemoryLineStore.#all.delete(this.dir);
	}

	close(): void {}
}
