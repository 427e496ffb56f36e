/** What the browser says about Tieout's storage: persistent or best-effort, and how much is used. */
export interface StorageStatus {
	supported: boolean;
	persisted: boolean | null;
	usageBytes: number | null;
	quotaBytes: number | null;
}

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

/**
 * Ask the browser not to evict the workbook under storage pressure. Browsers may say no
 * (Chromium grants it to installed or often-used sites); the answer is shown, not assumed.
 */
export async function requestPersistence(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
	if (!storage?.persist) return null;
	if (await storage.persisted()) return true;
	return storage.persist();
}

export async function readStorageStatus(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
	if (!storage?.estimate) return { supported: false, persisted: null, usageBytes: null, quotaBytes: null };
	const [persisted, estimate] = await Promise.all([storage.persisted ? storage.persisted() : Promise.resolve(null), storage.estimate()]);
	return { supported: true, persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

export function formatBytes(n: number | null): string {
	if (n === null) return 'unknown';
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = n / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
