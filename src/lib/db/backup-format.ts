import { RECORD_TABLES } from './database';
import type { StoredKind } from './migrations';

export const BACKUP_FORMAT = 'tieout-backup';

/**
 * Every released backup format, append-only, and the schema its records are in. A file names its
 * format (files of format 1 did not: they are the ones without `formatVersion`); a restore reads
 * every format listed here and upgrades its records to today's schema. A new schema version
 * comes with a new format (schema.test.ts checks), and every format has a frozen file in
 * tests/fixtures/backups/ that backup-fixtures.test.ts restores.
 */
export const BACKUP_FORMATS = [
	/** Through 2026-11: twelve tables; `attachments` from 2026-11-26 on; no format or app version. */
	{ version: 1, schemaVersion: 1, optionalTables: ['attachments', 'history'] as StoredKind[] },
	/** From 2026-12: every table always present, the format and the app's version named. */
	{ version: 2, schemaVersion: 2, optionalTables: ['history'] as StoredKind[] },
	/** From 2026-12-06: customers' other names and work orders' completion date (schema 3). */
	{ version: 3, schemaVersion: 3, optionalTables: ['history'] as StoredKind[] },
	/** From 2026-12-07: invoices' corrections and history, addresses in parts, bookkeeping names (schema 4). */
	{ version: 4, schemaVersion: 4, optionalTables: ['history'] as StoredKind[] },
	/** From 2026-12-08: the history of every change (schema 5); files before it have none. */
	{ version: 5, schemaVersion: 5, optionalTables: [] as StoredKind[] },
	/** From 2026-12-09: history rows name the keys they are found by (`lookup`, schema 6). */
	{ version: 6, schemaVersion: 6, optionalTables: [] as StoredKind[] }
] as const;

export const CURRENT_FORMAT = BACKUP_FORMATS[BACKUP_FORMATS.length - 1]!;

/** Every kind of record a backup holds, in the order a person reads them. */
export const BACKUP_KINDS: readonly StoredKind[] = [...RECORD_TABLES.filter((t) => t !== 'settings'), 'attachments', 'poRevisions', 'mappings', 'settings', 'history'];

/** What a person calls each kind, many of them: "12 work orders". */
export const KIND_PLURAL: Record<StoredKind, string> = {
	customers: 'customers',
	sites: 'sites',
	workOrders: 'work orders',
	tasks: 'tasks',
	changeOrders: 'change orders',
	purchaseOrders: 'purchase orders',
	poLines: 'PO lines',
	invoices: 'invoices',
	invoiceLines: 'invoice lines',
	attachments: 'sign-off attachments',
	poRevisions: 'PO revisions',
	mappings: 'remembered column mappings',
	history: 'changes in the history',
	settings: 'settings records'
};
