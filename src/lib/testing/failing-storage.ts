/**
 * Makes IndexedDB writes fail the ways a browser out of space makes them fail, for tests on
 * fake-indexeddb. `quota`: each put or add throws a QuotaExceededError at once (a delete frees
 * space, and is let through). `disk-full`: any write is taken, then the transaction is aborted
 * with Chromium's own reason (seen in Chromium 156 on a full disk): every pending request fails
 * with an AbortError and only the transaction's `error` says why.
 */
export type FailureMode = 'quota' | 'disk-full';

export const QUOTA_MESSAGE = 'The operation failed because it would cause the application to exceed its storage quota.';
export const DISK_FULL_MESSAGE =
	'Connection is closing because of: IO error: .../http_127.0.0.1_4173.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)';

/** What the person reads when the space is gone, word for word. */
export const SPACE =
	'Nothing was saved: the browser has no more space for Tieout on this computer. Free disk space (empty the trash, delete large files you no longer need), then try again. Meanwhile, download a backup from Settings: a download does not need this space.';
/** What a storage failure must never be told as: a duplicate, or a record's own problem. */
export const NOT_A_REFUSAL = /already used|already exists|duplicate|is missing|is not valid|must be/i;

const WRITES = ['put', 'add', 'delete', 'clear'] as const;

/** Fails every write after the first `after` while installed; returns the function that removes it. */
export function failWrites(mode: FailureMode, after = 0): () => void {
	const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
	const originals = WRITES.map((op) => [op, proto[op]!] as const);
	let calls = 0;
	for (const [op, original] of originals) {
		proto[op] = function (this: IDBObjectStore, ...args: unknown[]) {
			if (mode === 'quota' && (op === 'delete' || op === 'clear')) return original.apply(this, args);
			if (calls++ < after) return original.apply(this, args);
			if (mode === 'quota') throw new DOMException(QUOTA_MESSAGE, 'QuotaExceededError');
			const request = original.apply(this, args);
			const tx = this.transaction as IDBTransaction & { error: DOMException | null };
			// After the caller's loop has issued its writes, as the browser's disk write fails later.
			queueMicrotask(() => {
				if (tx.error) return;
				tx.error = new DOMException(DISK_FULL_MESSAGE, 'UnknownError');
				try {
					tx.abort();
				} catch {
					/* already finished */
				}
			});
			return request;
		};
	}
	return () => {
		for (const [op, original] of originals) proto[op] = original;
	};
}
