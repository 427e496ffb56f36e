import { RECORD_TABLES, type Attachment, type TableName, type TieoutDB } from './database';
import { RecordError } from './errors';
import { describeRecord, validateRecord } from './repository';
import { VERSIONS } from './schema';
import { TABLE_LABEL, type AnyRecord, type RecordOf } from './records';
import { batchIntegrityProblems } from './integrity';
import { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder } from '$lib/domain/factories';
import { defaultSettings, type Settings } from '$lib/domain/records';
import type { LocalDate } from '$lib/domain/dates';

export const BACKUP_FORMAT = 'tieout-backup';
const CURRENT = VERSIONS[VERSIONS.length - 1]!.version;

/** An attachment as JSON can carry it: the file's bytes in base64. */
export interface BackedUpAttachment extends Omit<Attachment, 'data'> {
	base64: string;
}

export interface Backup {
	format: typeof BACKUP_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	tables: Partial<Record<TableName | 'mappings' | 'poRevisions', unknown[]>> & { attachments?: BackedUpAttachment[] };
}

const EXTRA_TABLES = ['mappings', 'poRevisions'] as const;

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	// In slices: String.fromCharCode with a multi-megabyte spread overflows the call stack.
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/**
 * Everything in the workbook as one JSON document, sign-off photos and readings included.
 * `backupOn`, the local date of a backup the person is making, is written into the file's
 * settings as the last backup: the date is stored only once the file is made, so a file read
 * before that would say the workbook had never been backed up, and so would its restore.
 */
export async function exportBackup(db: TieoutDB, exportedAt: string, backupOn?: LocalDate): Promise<Backup> {
	const { tables, attachments } = await db.transaction('r', [...RECORD_TABLES, ...EXTRA_TABLES, 'attachments'].map((t) => db.table(t)), async () => {
		const tables: Backup['tables'] = {};
		for (const t of [...RECORD_TABLES, ...EXTRA_TABLES]) tables[t] = await db.table(t).toArray();
		return { tables, attachments: await db.attachments.toArray() };
	});
	// Blobs are read after the transaction: awaiting a non-IndexedDB promise inside it would end it early.
	tables.attachments = await Promise.all(
		attachments.map(async ({ data, ...rest }) => ({ ...rest, base64: toBase64(new Uint8Array(await data.arrayBuffer())) }))
	);
	if (backupOn) {
		const settings = (tables.settings ?? []) as Settings[];
		tables.settings = (settings.length ? settings : [defaultSettings()]).map((st) => ({ ...st, lastBackupOn: backupOn }));
	}
	return { format: BACKUP_FORMAT, schemaVersion: CURRENT, exportedAt, tables };
}

function attachmentsFrom(backup: Backup, problems: string[]): Attachment[] {
	const rows = backup.tables.attachments ?? [];
	if (!Array.isArray(rows)) {
		problems.push('attachments: not a list');
		return [];
	}
	const workOrders = new Set(((backup.tables.workOrders ?? []) as { id: string }[]).map((w) => w.id));
	const out: Attachment[] = [];
	for (const a of rows) {
		const name = typeof a?.name === 'string' ? a.name : '(unnamed)';
		if (typeof a?.id !== 'string' || typeof a.base64 !== 'string' || typeof a.type !== 'string' || typeof a.addedOn !== 'string') {
			problems.push(`attachment ${name}: incomplete`);
		} else if (!workOrders.has(a.workOrderId)) {
			problems.push(`attachment ${name}: its work order is not in the backup`);
		} else {
			try {
				const { base64, ...rest } = a;
				out.push({ ...rest, data: new Blob([fromBase64(base64)], { type: a.type }) });
			} catch {
				problems.push(`attachment ${name}: its data is not base64`);
			}
		}
	}
	return out;
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
		rows.forEach((r: unknown, i: number) => problems.push(...recordProblems(t, r, i)));
		count += rows.length;
	}
	const attachments = attachmentsFrom(backup, problems);
	if (problems.length) {
		throw new RecordError(problems.slice(0, 20).map((message) => ({ field: '', message })), 'The backup was not restored');
	}
	const tables = [...RECORD_TABLES, ...EXTRA_TABLES];
	await db.transaction('rw', [...tables, 'attachments'].map((t) => db.table(t)), async () => {
		for (const t of tables) {
			await db.table(t).clear();
			const rows = backup.tables[t];
			if (Array.isArray(rows) && rows.length) await db.table(t).bulkAdd(rows);
		}
		await db.attachments.clear();
		if (attachments.length) await db.attachments.bulkAdd(attachments);
		// With every record in place, the references a save checks (a line's invoice, a job's
		// customer and site): a problem throws, and the transaction puts the old workbook back.
		const batch = Object.fromEntries(RECORD_TABLES.map((t) => [t, backup.tables[t] ?? []]));
		const refused = (await batchIntegrityProblems(db, batch)).map((p) => `${describeRecord(p.table, p.record)}: ${p.message}`);
		if (refused.length) throw new RecordError(refused.slice(0, 20).map((message) => ({ field: '', message })), 'The backup was not restored');
	});
	return count;
}

/**
 * Why one record of a backup cannot be restored. A file edited by hand or cut short may hold
 * anything: a record that is not an object, or lacks the fields its checks read, is named as
 * such rather than failing inside a check.
 */
function recordProblems(table: TableName, r: unknown, i: number): string[] {
	if (!r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string') return [`${TABLE_LABEL[table]} ${i + 1} of the backup is not a record (it has no id)`];
	const rec = r as AnyRecord;
	const shape = shapeProblems(table, rec as unknown as Record<string, unknown>);
	if (shape.length) return shape.map((m) => `${describeRecord(table, rec)}: ${m}`);
	return validateRecord(table, rec as never).map((p) => `${describeRecord(table, rec)}: ${p.message}`);
}

/** A record of each table as this build makes it: the fields a restored record must have, and their kinds. */
const TEMPLATE: { [K in TableName]: RecordOf[K] } = {
	customers: newCustomer('id'),
	sites: newSite('id', 'c'),
	workOrders: newWorkOrder('id', 'WO-1', 'c', '2000-01-01'),
	tasks: newTask('id', 'w', 'T1'),
	changeOrders: newChangeOrder('id', 'w', 'CO-1'),
	purchaseOrders: newPurchaseOrder('id', 'c', '1', '2000-01-01'),
	poLines: newPoLine('id', 'p', 1),
	invoices: newInvoice('id', 'INV-1', 'c', '2000-01-01', 'Net 30'),
	invoiceLines: newInvoiceLine('id', 'i', 1),
	settings: defaultSettings()
};

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

/** Each field the template has that the record lacks, or holds a different kind of value in (a field that may be empty is null in the template, and takes any kind). */
function shapeProblems(table: TableName, r: Record<string, unknown>): string[] {
	const out: string[] = [];
	for (const [field, model] of Object.entries(TEMPLATE[table])) {
		if (!(field in r)) out.push(`the field "${field}" is missing`);
		else if (model !== null && r[field] !== null && kind(r[field]) !== kind(model)) out.push(`the field "${field}" holds ${kind(r[field])} where ${kind(model)} belongs`);
		else if (model !== null && r[field] === null) out.push(`the field "${field}" is empty`);
	}
	return out;
}

/** Empties the workbook (every record, mapping and revision) in one transaction. */
export async function clearWorkbook(db: TieoutDB): Promise<void> {
	const tables = [...RECORD_TABLES, ...EXTRA_TABLES, 'attachments'];
	await db.transaction('rw', tables.map((t) => db.table(t)), async () => {
		for (const t of tables) await db.table(t).clear();
	});
}
