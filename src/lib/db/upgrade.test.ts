import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { TieoutDB } from './database';
import { VERSIONS } from './schema';
import { exportBackup, restoreBackup } from './backup';
import { BACKUP_KINDS } from './backup-format';
import type { StoredKind } from './migrations';
import { byId, expectedUpgrade, frozenFiles } from '$lib/testing/upgrades';
import { invoiceDeleteRefusal, invoiceLinesRefusal } from '$lib/domain/invoice-changes';
import { updateRecord } from './repository';
import { historyOf, keyOf, onCommitted } from './history';
import { undoChange } from './undo';

type DbFixture = { version: number; tables: Record<string, Record<string, unknown>[]> };
const FIXTURES = frozenFiles<DbFixture>('tests/fixtures/db', /^db-v\d+\.json$/);

/** The fixture's records as its version stored them: attachments' bytes as a Blob. */
const stored = (kind: string, r: Record<string, unknown>) => {
	if (kind !== 'attachments') return r;
	const { base64, ...rest } = r as { base64: string };
	return { ...rest, data: new Blob([Buffer.from(base64, 'base64')], { type: String(r.type) }) };
};

/** Writes a frozen database with the Dexie schema of its own version only, as that release did. */
async function writeOldDatabase(name: string, fixture: DbFixture): Promise<void> {
	const old = new Dexie(name);
	old.version(fixture.version).stores(VERSIONS.find((v) => v.version === fixture.version)!.stores);
	await old.open();
	for (const [kind, rows] of Object.entries(fixture.tables)) await old.table(kind).bulkAdd(rows.map((r) => stored(kind, r)));
	old.close();
}

const opened: TieoutDB[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

/** The frozen database of `version`, written as that release did, opened with today's code. */
async function openFrozen(version: number, tag: string): Promise<TieoutDB> {
	const name = `upgrade-${tag}-${crypto.randomUUID()}`;
	await writeOldDatabase(name, FIXTURES.find((f) => f.data.version === version)!.data);
	const db = new TieoutDB(name);
	opened.push(db);
	return db;
}

describe('opening the frozen database of every released version with today\'s code', () => {
	it.each(FIXTURES.map((f) => [f.data.version, f.data] as const))('version %i: every record is kept, upgraded to today\'s fields', async (_v, fixture) => {
		const name = `upgrade-v${fixture.version}-${crypto.randomUUID()}`;
		await writeOldDatabase(name, fixture);
		const db = new TieoutDB(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(VERSIONS.at(-1)!.version);
		const now = (await exportBackup(db, 'now')).tables as Record<string, { id: string }[]>;
		for (const kind of BACKUP_KINDS) {
			const expected = (fixture.tables[kind] ?? []).map((r) => expectedUpgrade(kind as StoredKind, r));
			expect(byId(now[kind]!), kind).toEqual(byId(expected as { id: string }[]));
		}
	});

	it('a workbook whose settings predate the CSV byte-order mark backs up into a file its own restore takes (regression: "Settings: the field "csvBom" is missing")', async () => {
		const v1 = FIXTURES.find((f) => f.data.version === 1)!.data;
		expect(v1.tables.settings![0]).not.toHaveProperty('csvBom');
		const name = `upgrade-csvbom-${crypto.randomUUID()}`;
		await writeOldDatabase(name, v1);
		const db = new TieoutDB(name);
		const other = new TieoutDB(`${name}-restored`);
		opened.push(db, other);
		const file = JSON.parse(JSON.stringify(await exportBackup(db, '2026-12-05T10:00:00Z', '2026-12-05', '0.2.0')));
		await expect(restoreBackup(other, file)).resolves.toBeGreaterThan(50);
		expect((await other.settings.get('app'))?.csvBom).toBe(true);
	});

	it('version 3 to 4: a sent invoice stored before the history opens locked, never given a sent date it did not record', async () => {
		const db = await openFrozen(3, 'v3-sent');
		const sent = (await db.invoices.where('number').equals('INV-1041').first())!;
		expect(sent).toMatchObject({ status: 'sent', creditOf: '', reissueOf: '', history: [] });
		expect(invoiceLinesRefusal(sent)).toMatch(/^Invoice INV-1041 has been sent: its lines and totals stay as the buyer received them/);
		expect(invoiceDeleteRefusal(sent)).toMatch(/^Invoice INV-1041 has been sent and cannot be deleted/);
		const line = (await db.invoiceLines.where('invoiceId').equals(sent.id).first())!;
		await expect(updateRecord(db, 'invoiceLines', line.id, { rateCents: 1 })).rejects.toThrow(/has been sent/);
	});

	it('version 4 to 5: the workbook opens with an empty history, and its first edit is kept and undone', async () => {
		const db = await openFrozen(4, 'v4-history');
		expect(await db.history.count()).toBe(0);
		let change = '';
		const stop = onCommitted((c) => (change = c.change));
		await updateRecord(db, 'sites', 'rec-004', { costCenter: '' });
		stop();
		expect((await historyOf(db, 'sites', 'rec-004'))[0]!.updated[0]).toMatchObject({ before: { costCenter: 'CC-4410' }, after: { costCenter: '' } });
		await undoChange(db, change, { kind: 'undo' });
		expect((await db.sites.get('rec-004'))!.costCenter).toBe('CC-4410');
	});

	// Version 5 indexed every record a row names; version 6 files a line created with its PO under the PO.
	it.each([
		{ version: 5, line: 'rec-902', po: 'rec-900', file: 'buyer-po.csv', ownEntries: 1 },
		{ version: 6, line: 'rec-911', po: 'rec-910', file: 'buyer-po-december.csv', ownEntries: 0 }
	])('an import stored by version $version: its line\'s history is found ($ownEntries index entries of its own) and the import is undone whole', async ({ version, line, po, file, ownEntries }) => {
		const db = await openFrozen(version, `v${version}-lookup`);
		expect(await db.history.where('lookup').equals(keyOf('poLines', line)).count()).toBe(ownEntries);
		const [imported] = await historyOf(db, 'poLines', line);
		expect(imported!.cause).toEqual({ kind: 'import', file, label: '' });
		await undoChange(db, imported!.change, { kind: 'undo' });
		expect(await db.purchaseOrders.get(po)).toBeUndefined();
		expect(await db.poLines.where('poId').equals(po).count()).toBe(0);
		expect((await historyOf(db, 'poLines', line)).map((r) => r.cause.kind)).toEqual(['undo', 'import']);
	});
});
