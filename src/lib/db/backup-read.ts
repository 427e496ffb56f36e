import { RECORD_TABLES, type Attachment, type ColumnMapping, type PoRevision, type TableName } from './database';
import { ATTACHMENT_MAX_BYTES } from './attachments';
import { RecordError } from './errors';
import { describeRecord, TABLE_LABEL, type AnyRecord, type RecordOf } from './records';
import { validateRecord } from './repository';
import { isTooLong } from '$lib/domain/limits';
import { CURRENT_SCHEMA, VERSIONS } from './schema';
import { upgradeRecord, type StoredKind } from './migrations';
import { fieldDifferences, kindProblems, type BackedUpAttachment } from './shapes';
import type { HistoryRow } from './history';
import { BACKUP_FORMAT, BACKUP_FORMATS, BACKUP_KINDS, CURRENT_FORMAT, KIND_PLURAL } from './backup-format';

export const NOT_RESTORED = 'The backup was not restored';

/** What a backup file holds, shown before anything is replaced. */
export interface BackupSummary {
	formatVersion: number;
	/** The Tieout that wrote it, when the file says (files of format 1 do not). */
	appVersion: string | null;
	/** When it was made, as the file says (an ISO timestamp). */
	exportedAt: string | null;
	counts: Record<StoredKind, number>;
	/**
	 * Values longer than Tieout now allows ("PO line 2: Description is 2,345 characters; the
	 * most is 2,000"): stored before the limits existed, restored as they are, shown before the
	 * restore so the person knows to shorten them (an edit of such a record is refused until then).
	 */
	overLong: string[];
}

/** A backup read, upgraded to today's schema and checked: ready to replace the workbook. */
export interface PreparedBackup {
	summary: BackupSummary;
	records: { [K in TableName]: RecordOf[K][] };
	mappings: ColumnMapping[];
	poRevisions: PoRevision[];
	attachments: Attachment[];
	/** The history of every change the backup's workbook made (none before format 5). */
	history: HistoryRow[];
}

/** At most this many problems are listed; a file that is wrong throughout says how many more. */
const LISTED = 20;

const refuse = (problems: string[]): never => {
	const more = problems.length > LISTED ? [`…and ${problems.length - LISTED} more problems`] : [];
	throw new RecordError([...problems.slice(0, LISTED), ...more].map((message) => ({ field: '', message })), NOT_RESTORED);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a backup file's JSON: recognises its format, upgrades every record of an older format
 * or schema to today's shape, and checks every record, reference and unique key, so that the
 * replace that follows cannot fail on the file's content. Refuses with every problem named in
 * plain sentences; nothing is written here.
 */
export function readBackup(input: unknown): PreparedBackup {
	if (!isObject(input) || input.format !== BACKUP_FORMAT || !isObject(input.tables)) refuse(['this file is not a Tieout backup']);
	const b = input as Record<string, unknown> & { tables: Record<string, unknown> };
	const formatVersion = b.formatVersion === undefined ? 1 : b.formatVersion;
	const schemaVersion = b.schemaVersion;
	if (typeof formatVersion !== 'number' || typeof schemaVersion !== 'number') refuse(['this file is not a Tieout backup (it does not say which version wrote it)']);
	if ((formatVersion as number) > CURRENT_FORMAT.version || (schemaVersion as number) > CURRENT_SCHEMA) {
		refuse([`it was written by a newer Tieout (backup format ${formatVersion as number}, schema ${schemaVersion as number}); this one reads formats up to ${CURRENT_FORMAT.version}. Reload Tieout to get the newer version, then restore again`]);
	}
	const format = BACKUP_FORMATS.find((f) => f.version === formatVersion);
	if (!format || !VERSIONS.some((v) => v.version === schemaVersion)) refuse([`its backup format (${String(formatVersion)}, schema ${String(schemaVersion)}) is not one Tieout ever wrote`]);
	const from = schemaVersion as number;

	const unknownKinds = Object.keys(b.tables).filter((k) => !(BACKUP_KINDS as readonly string[]).includes(k));
	const missing = BACKUP_KINDS.filter((k) => !(k in b.tables) && !(format!.optionalTables as readonly string[]).includes(k));
	const notLists = BACKUP_KINDS.filter((k) => k in b.tables && !Array.isArray(b.tables[k]));
	const structure = [
		...unknownKinds.map((k) => `it holds records of a kind this Tieout does not know ("${k}"); it may come from a newer version`),
		...missing.map((k) => `its ${KIND_PLURAL[k]} ("${k}") are missing, so the file is incomplete; restoring it would delete the ${KIND_PLURAL[k]} now in Tieout`),
		...notLists.map((k) => `its ${KIND_PLURAL[k]} ("${k}") are not a list of records`)
	];
	if (structure.length) refuse(structure);

	const problems: string[] = [];
	const rows = (kind: StoredKind): Record<string, unknown>[] => {
		const list = (b.tables[kind] ?? []) as unknown[];
		const out: Record<string, unknown>[] = [];
		list.forEach((r, i) => {
			if (!isObject(r) || typeof r.id !== 'string' || r.id === '') problems.push(`${ONE[kind]} ${i + 1} of the backup is not a record (it has no id)`);
			else out.push(upgradeRecord(kind, r, from, CURRENT_SCHEMA));
		});
		return out;
	};

	const records = {} as PreparedBackup['records'];
	const overLong: string[] = [];
	for (const table of RECORD_TABLES) {
		const list = rows(table);
		for (const r of list) {
			for (const m of recordProblems(table, r)) (isTooLong(m) ? overLong : problems).push(`${describeRecord(table, r as unknown as AnyRecord)}: ${m}`);
		}
		(records as Record<string, unknown[]>)[table] = list;
	}
	const mappings = rows('mappings');
	const poRevisions = rows('poRevisions');
	const backedUp = rows('attachments');
	const history = rows('history');
	const shapedWell = new Set<Record<string, unknown>>();
	for (const [kind, list, name] of [
		['mappings', mappings, (r: Record<string, unknown>) => `Remembered column mapping ${String(r.id)}`],
		['poRevisions', poRevisions, (r: Record<string, unknown>) => `PO revision ${String(r.revision)}`],
		['attachments', backedUp, (r: Record<string, unknown>) => `Attachment ${String(r.name)}`],
		['history', history, (r: Record<string, unknown>) => `Change ${String(r.id)} of the history`]
	] as const) {
		for (const r of list) {
			const shape = shapeProblems(kind, r);
			problems.push(...shape.map((m) => `${name(r)}: ${m}`));
			if (!shape.length) shapedWell.add(r);
		}
	}
	if (records.settings.some((s) => s.id !== 'app') || records.settings.length > 1) problems.push(`it holds ${records.settings.length} settings records where a workbook has one, named "app"`);
	problems.push(...duplicateProblems(records, { mappings, poRevisions, attachments: backedUp, history }));

	const poIds = new Set(records.purchaseOrders.map((p) => p.id));
	for (const r of poRevisions) if (!poIds.has(r.poId as string)) problems.push(`PO revision ${String(r.revision)}: its purchase order is not in the backup`);
	const attachments = attachmentsFrom(backedUp.filter((a) => shapedWell.has(a)) as unknown as BackedUpAttachment[], new Set(records.workOrders.map((w) => w.id)), problems);
	const changes = historyFrom(history.filter((h) => shapedWell.has(h)) as unknown as HistoryRow[], problems);
	if (problems.length) refuse(problems);

	const counts = Object.fromEntries(BACKUP_KINDS.map((k) => [k, k === 'attachments' ? attachments.length : k === 'mappings' ? mappings.length : k === 'poRevisions' ? poRevisions.length : k === 'history' ? changes.length : records[k as TableName].length])) as Record<StoredKind, number>;
	return {
		summary: {
			formatVersion: format!.version,
			appVersion: typeof b.appVersion === 'string' ? b.appVersion : null,
			exportedAt: typeof b.exportedAt === 'string' ? b.exportedAt : null,
			counts,
			overLong
		},
		records,
		mappings: mappings as unknown as ColumnMapping[],
		poRevisions: poRevisions as unknown as PoRevision[],
		attachments,
		history: changes
	};
}

/** "Task 3 of the backup": one record of a kind, by its place in the file. */
const ONE: Record<StoredKind, string> = { ...TABLE_LABEL, settings: 'Settings record', mappings: 'Remembered column mapping', attachments: 'Attachment', poRevisions: 'PO revision', history: 'Change' };

/** Missing, unknown or wrong-kind fields: a hand-edited or cut-short file may hold anything. */
function shapeProblems(kind: StoredKind, r: Record<string, unknown>): string[] {
	const { missing, unknown } = fieldDifferences(kind, r);
	return [
		...missing.map((f) => `the field "${f}" is missing`),
		...unknown.map((f) => `the field "${f}" is not one Tieout keeps`),
		...kindProblems(kind, r)
	];
}

/** A record's shape first; only a record of the right shape can be validated without failing inside a check. */
function recordProblems(table: TableName, r: Record<string, unknown>): string[] {
	const shape = shapeProblems(table, r);
	return shape.length ? shape : validateRecord(table, r as never).map((p) => p.message);
}

/** How a unique key's fields read in a sentence. */
const FIELD_WORD: Record<string, string> = { id: 'id', number: 'number', code: 'code', lineNo: 'line number', workOrderId: 'work order', poId: 'PO', invoiceId: 'invoice', customerId: 'customer' };

/** The unique keys of each table, from the schema: the primary key and every `&` index. */
function uniqueKeys(table: string): string[][] {
	const spec = VERSIONS[VERSIONS.length - 1]!.stores[table] ?? 'id';
	const [primary, ...rest] = spec.split(',').map((s) => s.trim());
	return [[primary!], ...rest.filter((s) => s.startsWith('&')).map((s) => s.replace(/^&\[?|\]$/g, '').split('+'))];
}

/** Two records where the workbook allows one: the same id, or the same unique key (a work order number). */
function duplicateProblems(records: PreparedBackup['records'], extras: Record<'mappings' | 'poRevisions' | 'attachments' | 'history', Record<string, unknown>[]>): string[] {
	const out: string[] = [];
	const all: [StoredKind, Record<string, unknown>[]][] = [...RECORD_TABLES.map((t) => [t, records[t] as unknown as Record<string, unknown>[]] as [StoredKind, Record<string, unknown>[]]), ...Object.entries(extras) as [StoredKind, Record<string, unknown>[]][]];
	for (const [kind, list] of all) {
		for (const fields of uniqueKeys(kind)) {
			const seen = new Map<string, Record<string, unknown>>();
			for (const r of list) {
				const key = JSON.stringify(fields.map((f) => r[f]));
				const first = seen.get(key);
				if (!first) {
					seen.set(key, r);
					continue;
				}
				const same = fields.map((f) => FIELD_WORD[f] ?? f).join(' and ');
				const named = (RECORD_TABLES as readonly string[]).includes(kind) ? `: ${describeRecord(kind as TableName, first as unknown as AnyRecord)} and ${describeRecord(kind as TableName, r as unknown as AnyRecord)}` : '';
				out.push(`two ${KIND_PLURAL[kind]} in the backup have the same ${same}${fields.length === 1 && fields[0] === 'id' ? ` ("${String(r.id)}")` : ''}${named}`);
			}
		}
	}
	return out;
}

/** Bytes a base64 text decodes to, without decoding it. */
const base64Bytes = (text: string) => Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

function attachmentsFrom(rows: BackedUpAttachment[], workOrders: Set<string>, problems: string[]): Attachment[] {
	const out: Attachment[] = [];
	for (const a of rows) {
		if (!workOrders.has(a.workOrderId)) problems.push(`Attachment ${a.name}: its work order is not in the backup`);
		else if (base64Bytes(a.base64) > ATTACHMENT_MAX_BYTES) problems.push(`Attachment ${a.name}: it is ${(base64Bytes(a.base64) / 1024 / 1024).toFixed(1)} MB; an attachment may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
		else {
			try {
				const { base64, ...rest } = a;
				out.push({ ...rest, data: new Blob([fromBase64(base64)], { type: a.type }) });
			} catch {
				problems.push(`Attachment ${a.name}: its data is not base64`);
			}
		}
	}
	return out;
}

/**
 * History rows as stored: a sign-off photo deleted with its job is kept whole, its bytes a Blob
 * again. What a row says of records is not checked against today's records: it is the past.
 */
function historyFrom(rows: HistoryRow[], problems: string[]): HistoryRow[] {
	return rows.map((row) => {
		if (![...row.keys, ...row.lookup].every((k) => typeof k === 'string' && k.includes(':'))) problems.push(`Change ${row.id} of the history: its record keys are not "kind:id"`);
		if (!row.deleted.some((d) => typeof d?.record?.base64 === 'string')) return row;
		const deleted = row.deleted.map((d) => {
			const { base64, ...rest } = d.record as { base64?: string; type?: string };
			if (typeof base64 !== 'string') return d;
			try {
				return { ...d, record: { ...rest, data: new Blob([fromBase64(base64)], { type: String(rest.type ?? '') }) } };
			} catch {
				problems.push(`Change ${row.id} of the history: an attachment's data is not base64`);
				return d;
			}
		});
		return { ...row, deleted };
	});
}

export function toBase64(bytes: Uint8Array): string {
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
