import { RECORD_TABLES, type TableName, type TieoutDB } from './database';
import { RecordError } from './errors';
import { describeRecord, validateRecord } from './repository';
import { VERSIONS } from './schema';
import type { AnyRecord } from './records';

export const BACKUP_FORMAT = 'tieout-backup';
const CURRENT = VERSIONS[VERSIONS.length - 1]!.version;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	tables: Partial<Record<TableName | 'mappings' | 'poRevisions', unknown[]>>;
}

const EXTRA_TABLES = ['mappings', 'poRevisions'] as const;

/** Everything in the workbook as one JSON document (attachments are kept by the browser and not in it yet). */
export async function exportBackup(db: TieoutDB, exportedAt: string): Promise<Backup> {
	return db.transaction('r', [...RECORD_TABLES, ...EXTRA_TABLES].map((t) => db.table(t)), async () => {
		const tables: Backup['tables'] = {};
		for (const t of [...RECORD_TABLES, ...EXTRA_TABLES]) tables[t] = await db.table(t).toArray();
		return { format: BACKUP_FORMAT, schemaVersion: CURRENT, exportedAt, tables };
	});
}

/**
 * Upgrades a backup written by an older schema to the current one, step by step. Each schema
 * version that moves data adds its step here, so an old backup always restores.
 */
function upgrade(b: Backup): Backup {
	if (b.schemaVersion > CURRENT) {
		throw new RecordError([{ field: 'schemaVersion', message: `it was written by a newer Tieout (schema ${b.schemaVersion}); this one reads up to ${CURRENT}` }], 'The backup was not restored');
	}
	return { ...b, schemaVersion: CURRENT };
}

/**
 * Replace the workbook with a backup, all or nothing: the file is checked record by record
 * first, and the swap is one transaction, so a bad file leaves the current workbook untouched.
 */
export async function restoreBackup(db: TieoutDB, input: unknown): Promise<number> {
	const b = input as Partial<Backup> | null;
	if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT || typeof b.schemaVersion !== 'number' || typeof b.tables !== 'object') {
		throw new RecordError([{ field: 'format', message: 'this file is not a Tieout backup' }], 'The backup was not restored');
	}
	const backup = upgrade(b as Backup);
	const problems: string[] = [];
	let count = 0;
	for (const t of RECORD_TABLES) {
		const rows = backup.tables[t] ?? [];
		if (!Array.isArray(rows)) {
			problems.push(`${t}: not a list of records`);
			continue;
		}
		for (const r of rows as AnyRecord[]) {
			for (const p of validateRecord(t, r as never)) problems.push(`${describeRecord(t, r)}: ${p.message}`);
		}
		count += rows.length;
	}
	if (problems.length) {
		throw new RecordError(problems.slice(0, 20).map((message) => ({ field: '', message })), 'The backup was not restored');
	}
	const tables = [...RECORD_TABLES, ...EXTRA_TABLES];
	await db.transaction('rw', tables.map((t) => db.table(t)), async () => {
		for (const t of tables) {
			await db.table(t).clear();
			const rows = backup.tables[t];
			if (Array.isArray(rows) && rows.length) await db.table(t).bulkAdd(rows);
		}
	});
	return count;
}

/** Empties the workbook (every record, mapping and revision) in one transaction. */
export async function clearWorkbook(db: TieoutDB): Promise<void> {
	const tables = [...RECORD_TABLES, ...EXTRA_TABLES, 'attachments'];
	await db.transaction('rw', tables.map((t) => db.table(t)), async () => {
		for (const t of tables) await db.table(t).clear();
	});
}
