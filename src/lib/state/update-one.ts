import type { TableName } from '$lib/db/database';
import { describeStorageError } from '$lib/db/errors';
import type { RecordOf } from '$lib/db/records';
import { updateRecord, updateRecords } from '$lib/db/repository';
import { app } from './app.svelte';
import type { Cause } from '$lib/db/cause';

/**
 * Why an edit was not stored; `gone` when its record no longer exists (deleted in another tab).
 * Made here, where edits are stored; grids only show it.
 */
export interface EditRefusal {
	message: string;
	gone: boolean;
}

/** True when storage holds no record `id` (false when storage cannot tell). */
export async function isGone(table: TableName, id: string): Promise<boolean> {
	try {
		return (await app.wb.db.table(table).get(id)) === undefined;
	} catch {
		return false;
	}
}

/**
 * A new version of one record that exists: refused, and never made again, when it was deleted
 * meanwhile. A change set puts what it is given, so a job signed off here just after another tab
 * deleted it came back, without its tasks. Resolves to the refusal (and whether the record is
 * gone), or null once stored.
 */
export async function updateOne<K extends TableName>(table: K, record: RecordOf[K], cause?: Cause): Promise<EditRefusal | null> {
	// Counted like every write from the page (app.svelte.ts), so leaving the page asks first.
	app.pendingWrites++;
	try {
		await app.started;
		await updateRecord(app.wb.db, table, record.id, record, undefined, cause);
		return null;
	} catch (err) {
		return { message: describeStorageError(err), gone: await isGone(table, record.id) };
	} finally {
		app.pendingWrites--;
	}
}

/** updateOne for several records in one transaction: all stored, or none. */
export async function updateSome(updates: Parameters<typeof updateRecords>[1], cause?: Cause): Promise<EditRefusal | null> {
	app.pendingWrites++;
	try {
		await app.started;
		await updateRecords(app.wb.db, updates, cause);
		return null;
	} catch (err) {
		const gone = await Promise.all(updates.map((u) => isGone(u.table, u.record.id)));
		return { message: describeStorageError(err), gone: gone.some(Boolean) };
	} finally {
		app.pendingWrites--;
	}
}
