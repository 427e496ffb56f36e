import type { Page } from '@playwright/test';

/**
 * IndexedDB writes that fail, while a flag is set, the two ways a browser out of space fails
 * them (the same two as src/lib/testing/failing-storage.ts for the unit tests):
 * - `quota`: each put or add throws a QuotaExceededError at once;
 * - `disk-full`: Chromium 156 on a full disk (seen with tests/tools/disk-full.mjs): the write is
 *   taken, then the transaction is aborted; every pending request fails with an AbortError and
 *   only `transaction.error` says why, an UnknownError naming FILE_ERROR_NO_SPACE.
 * The flag lives in the page and its workers, so a reload clears it.
 */
export type FailureMode = 'quota' | 'disk-full';

declare global {
	// The flag is read in the page and in its workers (the import worker stores the imports).
	var __tieoutFailWrites: FailureMode | null | undefined;
}

/** Replaces IndexedDB's writes in this global scope (a page or a worker) by ones that fail while the flag is set. */
function install(): void {
	const reasons = new WeakMap<IDBTransaction, DOMException>();
	const errorOf = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!.get!;
	Object.defineProperty(IDBTransaction.prototype, 'error', {
		configurable: true,
		enumerable: true,
		get(this: IDBTransaction) {
			return reasons.get(this) ?? errorOf.call(this);
		}
	});
	const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
	for (const op of ['put', 'add', 'delete', 'clear']) {
		const original = proto[op]!;
		proto[op] = function (this: IDBObjectStore, ...args: unknown[]) {
			const mode = globalThis.__tieoutFailWrites;
			if (!mode || (mode === 'quota' && (op === 'delete' || op === 'clear'))) return original.apply(this, args);
			if (mode === 'quota') throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
			const request = original.apply(this, args);
			const tx = this.transaction;
			if (!reasons.has(tx)) {
				reasons.set(tx, new DOMException('Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError'));
				// After the caller's loop has issued its writes, as the disk write fails later.
				queueMicrotask(() => {
					try {
						tx.abort();
					} catch {
						/* already finished */
					}
				});
			}
			return request;
		};
	}
}

/** The mode each page's workers are told, as the page's own flag (workers start later than the page). */
const modes = new WeakMap<Page, FailureMode | null>();
const setFlag = (m: FailureMode | null) => void (globalThis.__tieoutFailWrites = m);

/** Installs the stub in every page the context opens and in each worker it starts; nothing fails until `failWrites`. */
export async function stubStorage(page: Page): Promise<void> {
	await page.addInitScript(install);
	page.on('worker', (worker) => {
		void worker.evaluate(install).then(() => worker.evaluate(setFlag, modes.get(page) ?? null)).catch(() => {
			/* the worker ended first */
		});
	});
}

async function flag(page: Page, mode: FailureMode | null): Promise<void> {
	modes.set(page, mode);
	await page.evaluate(setFlag, mode);
	for (const worker of page.workers()) await worker.evaluate(setFlag, mode).catch(() => {});
}

export const failWrites = (page: Page, mode: FailureMode) => flag(page, mode);
export const stopFailing = (page: Page) => flag(page, null);

/**
 * Every record of the workbook as stored, read with IndexedDB itself rather than through the
 * app; attachments as their name and size.
 */
export function stored(page: Page, dbName = 'tieout'): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		(name) =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const out: Record<string, unknown[]> = {};
					for (const s of names) {
						const all = tx.objectStore(s).getAll();
						all.onsuccess = () => (out[s] = (all.result as { data?: unknown }[]).map((r) => (r.data instanceof Blob ? { ...r, data: r.data.size } : r)));
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		dbName
	);
}

/** The sentence a person reads when the space is gone (src/lib/db/errors.ts), word for word. */
export const SPACE =
	'Nothing was saved: the browser has no more space for Tieout on this computer. Free disk space (empty the trash, delete large files you no longer need), then try again. Meanwhile, download a backup from Settings: a download does not need this space.';
