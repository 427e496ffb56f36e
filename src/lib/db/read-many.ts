import type { Table } from 'dexie';

/** Ids per request when they are read one by one. */
const SLICE = 2_000;

/**
 * The records of `table` with these ids, in their order (undefined where none). IndexedDB has no
 * "get these keys" in one request, so a bulkGet is one request per id: 10,000 of them took about
 * 1 s of taking a 10,000-row paste back. When the ids are most of the table, one read of the whole
 * table is far cheaper, and the records not asked for are simply dropped.
 */
export async function readMany<T extends { id: string }>(table: Table<T, string>, ids: readonly string[]): Promise<(T | undefined)[]> {
	if (!ids.length) return [];
	if (ids.length * 4 > (await table.count())) {
		const byId = new Map<string, T>();
		const wanted = new Set(ids);
		for (const r of await table.toArray()) if (wanted.has(r.id)) byId.set(r.id, r);
		return ids.map((id) => byId.get(id));
	}
	const out: (T | undefined)[] = [];
	for (let from = 0; from < ids.length; from += SLICE) out.push(...(await table.bulkGet(ids.slice(from, from + SLICE))));
	return out;
}

/**
 * Deletes these ids from `table`. A delete is one request per id, and each makes IndexedDB find
 * and drop the record's index entries: taking back a 10,000-row paste spent 1.6 s here. When they
 * are most of the table, clearing it and putting back the few that stay is one request for the
 * lot; the transaction makes that all or nothing like any other write.
 */
export async function deleteMany<T extends { id: string }>(table: Table<T, string>, ids: readonly string[]): Promise<void> {
	if (!ids.length) return;
	if (ids.length * 4 > (await table.count()) * 3) {
		const going = new Set(ids);
		const staying = (await table.toArray()).filter((r) => !going.has(r.id));
		await table.clear();
		for (let from = 0; from < staying.length; from += SLICE) await table.bulkAdd(staying.slice(from, from + SLICE));
		return;
	}
	for (let from = 0; from < ids.length; from += SLICE) await table.bulkDelete(ids.slice(from, from + SLICE));
}
