import { Dexie, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { TableName } from './database';

/** Which records of a table changed: some ids, or everything (a range write such as clear()). */
export type TableChange = { table: TableName; ids: string[] } | { table: TableName; all: true };

/**
 * Dexie fires `storagemutated` after every committed write, in this tab and (through a
 * BroadcastChannel) in every other tab: the same feed that drives liveQuery. We read from it
 * just the keys that changed, so a one-cell edit reloads one row, not 100,000.
 */
export function parseMutatedParts(dbName: string, parts: ObservabilitySet): TableChange[] {
	const prefix = `idb://${dbName}/`;
	const byTable = new Map<string, { ids: Set<string>; all: boolean }>();
	for (const [part, tree] of Object.entries(parts)) {
		if (!part.startsWith(prefix)) continue;
		const [table, index] = part.slice(prefix.length).split('/');
		// The history (history.ts) is written with every change; it is no change of a record, and
		// its index of record keys would otherwise read as every record it names having changed.
		if (!table || table === 'history' || (index !== '' && index !== ':dels')) continue;
		const entry = byTable.get(table) ?? { ids: new Set<string>(), all: false };
		byTable.set(table, entry);
		for (const node of RangeSet(tree as IntervalTree)) {
			if (typeof node.from === 'string' && node.from === node.to) entry.ids.add(node.from);
			else entry.all = true;
		}
	}
	return [...byTable].map(([table, e]) =>
		e.all ? { table: table as TableName, all: true as const } : { table: table as TableName, ids: [...e.ids] }
	);
}

export function onStorageMutated(dbName: string, listener: (changes: TableChange[]) => void): () => void {
	const fn = (parts: ObservabilitySet) => {
		const changes = parseMutatedParts(dbName, parts);
		if (changes.length) listener(changes);
	};
	Dexie.on('storagemutated', fn);
	return () => Dexie.on('storagemutated').unsubscribe(fn);
}
