import type { DBCore, Middleware } from 'dexie';

/*
 * A workbook's write generation: a token in localStorage that changes whenever a record may have
 * changed. A kept first screen (fast-start/first-rows.ts) notes the token it was drawn at, and
 * static/first-rows.js draws it at once, without waiting for IndexedDB, only while the token is
 * the same; after a browser restart IndexedDB takes 300-450 ms just to open, which put first
 * rows at 0.6-0.8 s. The token changes (a) as every read-write transaction through Dexie starts
 * and ends, in the writing tab, so a tab closed mid-write still leaves it changed, and (b) after every change to a
 * tab's mirror (Workbook), so a screen kept from a mirror that had not yet caught up with
 * another tab's write is not trusted once it has. Writes from outside Tieout do not change it:
 * first-rows.js still checks every drawn record against IndexedDB and withdraws a stale drawing.
 */

/**
 * What the generation, and the fast-start room's notes beside it, need of localStorage. Where there
 * is none (Node, or storage blocked for the site) an in-memory one is used, for this page only.
 */
export interface SmallStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

const memory = new Map<string, string>();
const memoryStorage: SmallStorage = {
	getItem: (k) => memory.get(k) ?? null,
	setItem: (k, v) => void memory.set(k, v),
	removeItem: (k) => void memory.delete(k)
};

export function defaultStorage(): SmallStorage {
	try {
		if (typeof localStorage !== 'undefined') return localStorage;
	} catch {
		/* localStorage refused (storage blocked for the site): keep the notes for this page only */
	}
	return memoryStorage;
}

/** The localStorage key; static/first-rows.js reads the same key. */
export const generationKey = (db: string): string => `tieout:generation:${db}`;

export function readGeneration(db: string, storage: SmallStorage = defaultStorage()): string | null {
	try {
		return storage.getItem(generationKey(db));
	} catch {
		return null;
	}
}

/** A new token: any change makes every screen kept so far untrusted, whichever tab wrote it. */
export function bumpGeneration(db: string, storage: SmallStorage = defaultStorage()): void {
	try {
		storage.setItem(generationKey(db), `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
	} catch {
		// A full or blocked localStorage: remove the token so nothing is trusted without a check.
		try {
			storage.removeItem(generationKey(db));
		} catch {
			/* storage unavailable: first-rows.js finds no token and checks IndexedDB */
		}
	}
}

/** Gives a workbook a generation if it has none yet (nothing written since localStorage was cleared). */
export function ensureGeneration(db: string, storage: SmallStorage = defaultStorage()): void {
	if (readGeneration(db, storage) === null) bumpGeneration(db, storage);
}

/**
 * Changes the generation as every read-write transaction through Dexie starts and again as it
 * ends: once per transaction, not per write, since each change also reaches every other tab as
 * a storage event.
 */
export function generationMiddleware(db: string): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'tieout-generation',
		create: (down) => ({
			...down,
			transaction: (stores, mode, options) => {
				const tx = down.transaction(stores, mode, options);
				// Dexie's IndexedDB core hands back the IDBTransaction itself.
				const idb = tx as unknown as Partial<Pick<IDBTransaction, 'addEventListener'>>;
				if (mode === 'readwrite') {
					bumpGeneration(db);
					const ended = () => bumpGeneration(db);
					idb.addEventListener?.('complete', ended);
					idb.addEventListener?.('abort', ended);
				}
				return tx;
			}
		})
	};
}
