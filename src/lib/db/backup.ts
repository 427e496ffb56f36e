import { RECORD_TABLES, type TieoutDB } from './database';
import { RecordError } from './errors';
import { describeRecord } from './repository';
import { batchIntegrityProblems } from './integrity';
import { writeTransaction } from './write-transaction';
import { defaultSettings, type Settings } from '$lib/domain/records';
import type { LocalDate } from '$lib/domain/dates';
import { CURRENT_SCHEMA } from './schema';
import { BACKUP_FORMAT, BACKUP_KINDS, CURRENT_FORMAT } from './backup-format';
import type { StoredKind } from './migrations';
import { NOT_RESTORED, readBackup, toBase64, type PreparedBackup } from './backup-read';
import type { BackedUpAttachment } from './shapes';
import type { Attachment } from './database';
import type { HistoryRow } from './history';
import { recordedWrite } from './repository';

export { BACKUP_FORMAT };
export { readBackup, type PreparedBackup, type BackupSummary } from './backup-read';

/** A backup file as this version writes it (format 2). Older formats are read by backup-read.ts. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	schemaVersion: number;
	/** The Tieout that made it, shown before a restore. */
	appVersion: string;
	exportedAt: string;
	tables: Record<string, unknown[]>;
}

const EXTRA_TABLES = ['mappings', 'poRevisions', 'history'] as const;
const EVERY_TABLE = [...RECORD_TABLES, ...EXTRA_TABLES, 'attachments'];

/**
 * Everything in the workbook as one JSON document, sign-off photos and readings included, every
 * table present even when empty (a restore refuses a file that lacks one). `backupOn`, the local
 * date of a backup the person is making, is written into the file's settings as the last backup:
 * the date is stored only once the file is made, so a file read before that would say the
 * workbook had never been backed up, and so would its restore.
 */
export async function exportBackup(db: TieoutDB, exportedAt: string, backupOn?: LocalDate, appVersion = 'unknown'): Promise<Backup> {
	const { tables, attachments } = await db.transaction('r', EVERY_TABLE.map((t) => db.table(t)), async () => {
		const tables: Backup['tables'] = {};
		for (const t of [...RECORD_TABLES, ...EXTRA_TABLES]) tables[t] = await db.table(t).toArray();
		return { tables, attachments: await db.attachments.toArray() };
	});
	// Blobs are read after the transaction: awaiting a non-IndexedDB promise inside it would end it early.
	const backedUp = async ({ data, ...rest }: Attachment): Promise<BackedUpAttachment> => ({ ...rest, base64: toBase64(new Uint8Array(await data.arrayBuffer())) });
	tables.attachments = await Promise.all(attachments.map(backedUp));
	// A job deleted with its sign-off photos keeps them in its history, in base64 like the attachments.
	tables.history = await Promise.all(
		(tables.history as HistoryRow[]).map(async (row) =>
			row.deleted.some((d) => d.record.data instanceof Blob)
				? { ...row, deleted: await Promise.all(row.deleted.map(async (d) => (d.record.data instanceof Blob ? { ...d, record: await backedUp(d.record as unknown as Attachment) } : d))) }
				: row
		)
	);
	if (backupOn) {
		const settings = (tables.settings ?? []) as Settings[];
		tables.settings = (settings.length ? settings : [defaultSettings()]).map((st) => ({ ...st, lastBackupOn: backupOn }));
	}
	return { format: BACKUP_FORMAT, formatVersion: CURRENT_FORMAT.version, schemaVersion: CURRENT_SCHEMA, appVersion, exportedAt, tables };
}

/**
 * Replace the workbook with a backup read by `readBackup`, all or nothing: the swap is one
 * transaction, and the references a save checks are checked with every record in place, so a
 * problem puts the old workbook back. Returns how many business records were restored.
 */
export async function replaceWorkbook(db: TieoutDB, backup: PreparedBackup, file = ''): Promise<number> {
	// The backup's own history comes back with it, then one change more: this restore, every record "created" by it.
	await recordedWrite(db, EVERY_TABLE.map((t) => db.table(t)), { kind: 'restore', file }, async (rec) => {
		for (const t of EVERY_TABLE) await db.table(t).clear();
		if (backup.history.length) await db.history.bulkAdd(backup.history);
		for (const t of RECORD_TABLES) for (const r of backup.records[t]) rec.created(t, r);
		for (const t of RECORD_TABLES) if (backup.records[t].length) await db.table(t).bulkAdd(backup.records[t]);
		if (backup.mappings.length) await db.mappings.bulkAdd(backup.mappings);
		if (backup.poRevisions.length) await db.poRevisions.bulkAdd(backup.poRevisions);
		if (backup.attachments.length) await db.attachments.bulkAdd(backup.attachments);
		const refused = (await batchIntegrityProblems(db, backup.records)).map((p) => `${describeRecord(p.table, p.record)}: ${p.message}`);
		if (refused.length) throw new RecordError(refused.slice(0, 20).map((message) => ({ field: '', message })), NOT_RESTORED);
	});
	return RECORD_TABLES.reduce((n, t) => n + backup.records[t].length, 0);
}

/** Reads, checks and restores a backup file's JSON in one step (what a test or a script wants). */
export const restoreBackup = async (db: TieoutDB, input: unknown, file = ''): Promise<number> => replaceWorkbook(db, readBackup(input), file);

/** Empties the workbook (every record, mapping, revision and the history) in one transaction. */
export async function clearWorkbook(db: TieoutDB): Promise<void> {
	await writeTransaction(db, EVERY_TABLE.map((t) => db.table(t)), async () => {
		for (const t of EVERY_TABLE) await db.table(t).clear();
	});
}

/** How many records of each kind the workbook holds now: set beside a backup's counts before a restore replaces them. */
export async function countWorkbook(db: TieoutDB): Promise<Record<StoredKind, number>> {
	return Object.fromEntries(await Promise.all(BACKUP_KINDS.map(async (k) => [k, await db.table(k).count()] as const))) as Record<StoredKind, number>;
}
