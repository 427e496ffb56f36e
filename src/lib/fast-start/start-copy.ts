import { defaultStorage, readGeneration, type SmallStorage } from '$lib/db/generation';
import { VERSIONS } from '$lib/db/schema';
import type { StartRecords } from '$lib/state/fast-start-hooks';

/*
 * The start copy: the records a workbook shows first (every small table, and each line table's
 * first page), kept in localStorage with the write generation they were taken at. After a
 * browser restart IndexedDB takes 0.3-0.8 s to open; while the generation is unchanged the app
 * fills its workbook from this copy at once, so a page can draw before then, and the reads from
 * IndexedDB that follow replace every record (Workbook.start). It serves the visits first-rows.js
 * cannot: a new build that draws the grids differently, whose kept first screens are void.
 */

interface Kept {
	v: 1;
	/** The schema version the records were read under: an upgrade may reshape them without a write through Dexie's middleware. */
	schema: number;
	gen: string;
	tables: StartRecords;
}

const SCHEMA = VERSIONS[VERSIONS.length - 1]!.version;

export const startCopyKey = (db: string): string => `tieout:start-copy:${db}`;

/** Takes the copy away, so no start draws from it. */
export function dropStartCopy(db: string, storage: SmallStorage = defaultStorage()): void {
	try {
		storage.removeItem(startCopyKey(db));
	} catch {
		/* storage unavailable: its generation check fails as well */
	}
}

/**
 * localStorage holds about 5 M characters for the whole site, shared with the first screens and
 * the line journal: a workbook whose first records take more starts from IndexedDB as before.
 */
export const START_COPY_MAX = 1_500_000;

/** The copy, when it was taken at the workbook's current generation; else null. */
export function readStartCopy(db: string, storage: SmallStorage = defaultStorage()): StartRecords | null {
	try {
		const kept = JSON.parse(storage.getItem(startCopyKey(db)) ?? 'null') as Kept | null;
		const gen = readGeneration(db, storage);
		return kept?.v === 1 && kept.schema === SCHEMA && gen !== null && kept.gen === gen && kept.tables && typeof kept.tables === 'object' ? kept.tables : null;
	} catch {
		return null;
	}
}

/**
 * Keeps `tables` as taken at generation `gen`; returns whether it was kept. Too big, or refused
 * by the storage, the old copy goes too, so no start draws from it.
 */
export function writeStartCopy(db: string, gen: string, tables: StartRecords, storage: SmallStorage = defaultStorage(), max = START_COPY_MAX): boolean {
	const text = JSON.stringify({ v: 1, schema: SCHEMA, gen, tables } satisfies Kept);
	try {
		if (text.length > max) throw new RangeError('start copy too big');
		storage.setItem(startCopyKey(db), text);
		return true;
	} catch {
		dropStartCopy(db, storage);
		return false;
	}
}
