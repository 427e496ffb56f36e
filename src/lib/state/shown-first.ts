import type { TableName, TieoutDB } from '$lib/db/database';
import { RENAME_FIELDS } from '$lib/db/integrity';
import { sameRecord } from './same-record';
import type { RecordOf } from '$lib/db/records';
import { updateRecord, validateRecord } from '$lib/db/repository';
import type { LiveTable } from './live-table.svelte';
import type { Cause } from '$lib/db/cause';

/** True when an edit changes its own record only (no reference elsewhere follows it). */
export function changesOneRecord(table: TableName, patch: object): boolean {
	const moves = (RENAME_FIELDS[table] ?? []) as readonly string[];
	return !Object.keys(patch).some((k) => moves.includes(k));
}

/** This tab's writes still in flight, per record. */
const inFlight = new Map<string, number>();

/**
 * A cell edit, shown in the mirror (and so in every grid and in reconciliation) as soon as it
 * passes validation, then stored. Waiting for the IndexedDB commit before showing it put the
 * transaction's round trips, each queued behind whatever the page was drawing, between the
 * keystroke and the highlight. Storage is still the judge: when the write is refused (a
 * duplicate number, a record deleted in another tab) the mirror gets the stored record back
 * before the refusal is reported, so nothing unsaved stays on screen. Edits that rename (and
 * so move other records with them) wait for the commit, since only it knows what moved.
 */
export async function updateShownFirst<K extends TableName>(
	db: TieoutDB,
	live: LiveTable<RecordOf[K]>,
	table: K,
	id: string,
	patch: Partial<RecordOf[K]>,
	startedAs?: Partial<RecordOf[K]>,
	cause?: Cause
): Promise<RecordOf[K]> {
	const key = `${table}\u0000${id}`;
	// An edit made while this tab's own earlier write to the record is in flight began from a value
	// that write is replacing (a rename is not shown until it commits): that is no other tab's change.
	if (inFlight.has(key)) startedAs = undefined;
	const shown = live.get(id);
	let guess: RecordOf[K] | null = shown && changesOneRecord(table, patch) ? ({ ...shown, ...patch, id } as RecordOf[K]) : null;
	if (guess && validateRecord(table, guess).length) guess = null;
	if (guess) live.apply({ upserts: [guess], removes: [] });
	inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
	try {
		const stored = await updateRecord(db, table, id, patch, startedAs, cause);
		const now = live.get(id);
		// A later edit of the same record may already show its own guess: its commit follows.
		if ((!guess || now === guess) && !sameRecord(now as never, stored as never)) live.apply({ upserts: [stored], removes: [] });
		return stored;
	} catch (err) {
		if (guess && live.get(id) === guess) {
			const truth = (await db.table(table).get(id).catch(() => shown)) as RecordOf[K] | undefined;
			live.apply(truth ? { upserts: [truth], removes: [] } : { upserts: [], removes: [id] });
		}
		throw err;
	} finally {
		const left = inFlight.get(key)! - 1;
		if (left) inFlight.set(key, left);
		else inFlight.delete(key);
	}
}
