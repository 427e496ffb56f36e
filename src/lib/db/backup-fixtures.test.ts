import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TieoutDB } from './database';
import { exportBackup, readBackup, restoreBackup } from './backup';
import { BACKUP_FORMATS, BACKUP_KINDS, CURRENT_FORMAT } from './backup-format';
import { byId, expectedUpgrade, frozenFiles, withoutRestores } from '$lib/testing/upgrades';
import type { StoredKind } from './migrations';

type BackupFile = { formatVersion?: number; schemaVersion: number; appVersion?: string; exportedAt: string; tables: Record<string, Record<string, unknown>[]> };

/** Every backup format Tieout ever wrote, as files it wrote, frozen: each must restore forever. */
const FIXTURES = frozenFiles<BackupFile>('tests/fixtures/backups', /^format\d+-.*\.json$/);

let db: TieoutDB;
beforeEach(() => {
	db = new TieoutDB('fixtures-' + crypto.randomUUID());
});
afterEach(async () => {
	await db.delete();
});

describe('frozen backups of every released format', () => {
	it('has at least one frozen file for every released format', () => {
		const formats = new Set(FIXTURES.map(({ file }) => Number(/^format(\d+)-/.exec(file)![1])));
		expect([...formats].sort()).toEqual(BACKUP_FORMATS.map((f) => f.version));
	});

	it.each(FIXTURES.map((f) => [f.file, f.data] as const))('%s restores with every record in its upgraded form', async (_file, file) => {
		const restored = await restoreBackup(db, structuredClone(file));
		expect(restored).toBeGreaterThan(50);
		// Read back through today's backup, which carries every kind of record (attachments as base64).
		const now = withoutRestores((await exportBackup(db, 'now')).tables) as Record<string, Record<string, unknown>[]>;
		for (const kind of BACKUP_KINDS) {
			const expected = (file.tables[kind] ?? []).map((r) => expectedUpgrade(kind as StoredKind, r));
			expect(byId(now[kind] as { id: string }[]), kind).toEqual(byId(expected as { id: string }[]));
		}
	});

	it.each(FIXTURES.map((f) => [f.file, f.data] as const))('%s tells what it holds and who made it before anything is replaced', (_file, file) => {
		const { summary } = readBackup(structuredClone(file));
		expect(summary.formatVersion).toBe(file.formatVersion ?? 1);
		expect(summary.exportedAt).toBe(file.exportedAt);
		expect(summary.appVersion).toBe(file.appVersion ?? null);
		for (const kind of BACKUP_KINDS) expect(summary.counts[kind], kind).toBe((file.tables[kind] ?? []).length);
	});

	it('a backup made now is of the current format and restores to the same records', async () => {
		await restoreBackup(db, structuredClone(FIXTURES.at(-1)!.data));
		const made = JSON.parse(JSON.stringify(await exportBackup(db, '2026-12-05T10:00:00.000Z', undefined, '0.2.0')));
		expect(made).toMatchObject({ format: 'tieout-backup', formatVersion: CURRENT_FORMAT.version, schemaVersion: CURRENT_FORMAT.schemaVersion, appVersion: '0.2.0' });
		expect(Object.keys(made.tables).sort()).toEqual([...BACKUP_KINDS].sort());
		const other = new TieoutDB('fixtures-other-' + crypto.randomUUID());
		try {
			await restoreBackup(other, made);
			expect(withoutRestores((await exportBackup(other, 'now')).tables)).toEqual(withoutRestores((await exportBackup(db, 'now')).tables));
		} finally {
			await other.delete();
		}
	});
});
