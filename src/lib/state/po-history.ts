import type { PoRevision } from '$lib/db/database';
import { app } from './app.svelte';

/** What each import changed on a PO, newest first. */
export async function revisionsOf(poId: string): Promise<PoRevision[]> {
	const list = await app.wb.db.poRevisions.where('poId').equals(poId).toArray();
	return list.sort((a, b) => b.revision - a.revision || b.appliedOn.localeCompare(a.appliedOn));
}
