import { Dexie, type Table } from 'dexie';

interface Snapshot {
	table: string;
	savedAt: number;
	/** JSON arrays of rows, a few thousand rows each, so no single parse is a long task. */
	chunks: string[];
}

const CHUNK = 5_000;

/**
 * A derived copy of the big line tables, a few large values instead of 100,000 small ones:
 * Chromium's IndexedDB spends ~25 µs per record just to iterate a store, so 100,000 PO lines
 * take 2.5–3.5 s to read however they are read, while the same rows as a few JSON strings
 * read and parse in a fraction of that. It is never the truth: its own database (dropping it
 * loses nothing, backups ignore it), and every load is verified against the real tables.
 */
export class LineCache extends Dexie {
	snapshots!: Table<Snapshot, string>;

	constructor(dbName: string) {
		super(`${dbName}-cache`);
		this.version(1).stores({ snapshots: 'table' });
	}

	async read<T>(table: string): Promise<T[] | null> {
		const snap = await this.snapshots.get(table);
		if (!snap) return null;
		const rows: T[] = [];
		for (const chunk of snap.chunks) for (const row of JSON.parse(chunk) as T[]) rows.push(row);
		return rows;
	}

	async write(table: string, rows: readonly unknown[], savedAt: number): Promise<void> {
		const chunks: string[] = [];
		for (let i = 0; i < rows.length; i += CHUNK) {
			chunks.push(JSON.stringify(rows.slice(i, i + CHUNK)));
			// Yield between chunks: serialising 100,000 rows at once would be a long task.
			await new Promise((r) => setTimeout(r, 0));
		}
		await this.snapshots.put({ table, savedAt, chunks });
	}

	async drop(table: string): Promise<void> {
		await this.snapshots.delete(table);
	}
}

/** True when two flat records hold the same values (line records have no nested objects). */
export function sameRecord(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
	if (!a) return false;
	const keys = Object.keys(b);
	if (keys.length !== Object.keys(a).length) return false;
	for (const k of keys) if (a[k] !== b[k]) return false;
	return true;
}
