import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { defaultSettings } from '$lib/domain/records';
import { TieoutDB, RECORD_TABLES } from './database';
import { BACKUP_FORMAT, clearWorkbook, exportBackup, restoreBackup } from './backup';
import { saveBatch } from './repository';
import { addAttachment, attachmentsOf } from './attachments';
import { refused } from '$lib/testing/db';

let a: TieoutDB;
let b: TieoutDB;
let n = 0;
const ids = () => `id-${++n}`;
beforeEach(() => {
	a = new TieoutDB('backup-a-' + crypto.randomUUID());
	b = new TieoutDB('backup-b-' + crypto.randomUUID());
});
afterEach(async () => {
	await a.delete();
	await b.delete();
});

const snapshot = async (db: TieoutDB) =>
	Object.fromEntries(await Promise.all(RECORD_TABLES.map(async (t) => [t, (await db.table(t).toArray()).sort((x, y) => (x.id < y.id ? -1 : 1))])));

/** Sample workbooks in a and b, a's backup as JSON gives it, and what b holds before a restore. */
async function backupOfAOverB() {
	await saveBatch(a, sampleWorkbook('2027-01-15', ids));
	await saveBatch(b, sampleWorkbook('2026-06-01', ids));
	return { before: await snapshot(b), file: JSON.parse(JSON.stringify(await exportBackup(a, 'now'))) };
}

describe('backup and restore', () => {
	it('restores the sample workbook record for record, replacing what was there', async () => {
		await saveBatch(a, sampleWorkbook('2027-01-15', ids));
		await saveBatch(b, sampleWorkbook('2026-06-01', ids));
		const file = JSON.parse(JSON.stringify(await exportBackup(a, '2027-01-15T10:00:00Z')));
		expect(file.format).toBe(BACKUP_FORMAT);
		const records = RECORD_TABLES.reduce((sum, t) => sum + (file.tables[t]?.length ?? 0), 0);
		expect(await restoreBackup(b, file)).toBe(records);
		expect(await snapshot(b)).toEqual(await snapshot(a));
	});

	it('names the day of the backup in the file, so its restore knows when it was made (regression: "Last backup: never")', async () => {
		await saveBatch(a, { ...sampleWorkbook('2027-01-15', ids), settings: [{ ...defaultSettings(), invoicePrefix: 'HP-' }] });
		const file = JSON.parse(JSON.stringify(await exportBackup(a, '2027-01-15T10:00:00Z', '2027-01-15')));
		await restoreBackup(b, file);
		expect(await b.settings.toArray()).toEqual([{ ...defaultSettings(), invoicePrefix: 'HP-', lastBackupOn: '2027-01-15' }]);
		// The workbook the file was made from is not changed by making it.
		expect((await a.settings.toArray())[0]!.lastBackupOn).toBeNull();

		await clearWorkbook(a);
		const empty = JSON.parse(JSON.stringify(await exportBackup(a, '2027-01-16T10:00:00Z', '2027-01-16')));
		expect(empty.tables.settings).toEqual([{ ...defaultSettings(), lastBackupOn: '2027-01-16' }]);
	});

	it('carries sign-off attachments through JSON, byte for byte', async () => {
		const wb = sampleWorkbook('2027-01-15', ids);
		await saveBatch(a, wb);
		const wo = wb.workOrders[0]!;
		const bytes = new Uint8Array(70000).map((_, i) => (i * 31) % 256);
		await addAttachment(a, wo.id, { name: 'gauge reading.jpg', type: 'image/jpeg', data: new Blob([bytes], { type: 'image/jpeg' }) }, '2027-01-14', 'att-1');
		const file = JSON.parse(JSON.stringify(await exportBackup(a, '2027-01-15T10:00:00Z')));
		await restoreBackup(b, file);
		const [restored] = await attachmentsOf(b, wo.id);
		expect(restored).toMatchObject({ id: 'att-1', name: 'gauge reading.jpg', type: 'image/jpeg', addedOn: '2027-01-14' });
		expect(new Uint8Array(await restored!.data.arrayBuffer())).toEqual(bytes);
	});

	it('refuses a backup whose attachment points at a missing work order, and changes nothing', async () => {
		await saveBatch(b, sampleWorkbook('2026-06-01', ids));
		const before = await snapshot(b);
		const file = JSON.parse(JSON.stringify(await exportBackup(b, '2027-01-15T10:00:00Z')));
		file.tables.attachments = [{ id: 'x', workOrderId: 'nope', name: 'photo.png', type: 'image/png', addedOn: '2027-01-01', base64: 'AAAA' }];
		const err = await refused(restoreBackup(b, file));
		expect(err.message).toContain('Attachment photo.png: its work order is not in the backup');
		expect(await snapshot(b)).toEqual(before);
	});

	it('refuses a file that is not a backup and changes nothing', async () => {
		await saveBatch(b, sampleWorkbook('2026-06-01', ids));
		const before = await snapshot(b);
		const err = await refused(restoreBackup(b, { hello: 'world' }));
		expect(err.message).toContain('not a Tieout backup');
		expect(await snapshot(b)).toEqual(before);
	});

	it('refuses a backup with an invalid record, naming it, and changes nothing', async () => {
		const { before, file } = await backupOfAOverB();
		file.tables.workOrders[0].status = 'finished';
		const err = await refused(restoreBackup(b, file));
		expect(err.message).toContain(`Work order ${file.tables.workOrders[0].number}`);
		expect(await snapshot(b)).toEqual(before);
	});

	it('refuses a hand-edited backup with a record missing fields or holding the wrong kind, naming record and field (regression: "Cannot read properties of undefined")', async () => {
		const { before, file } = await backupOfAOverB();
		const [wo, line] = [file.tables.workOrders[0], file.tables.poLines[0]];
		delete wo.description;
		line.qtyMilli = '12';
		file.tables.tasks.push('not a record');
		const err = await refused(restoreBackup(b, file));
		expect(err.message).toContain(`Work order ${wo.number}: the field "description" is missing`);
		expect(err.message).toContain(`PO line ${line.lineNo}: the field "qtyMilli" holds text where a number belongs`);
		expect(err.message).toContain(`Task ${file.tables.tasks.length} of the backup is not a record`);
		expect(err.message).not.toMatch(/Cannot read|undefined/);
		expect(await snapshot(b)).toEqual(before);
	});

	it('refuses a backup whose records point at records it does not hold, and keeps the workbook', async () => {
		const { before, file } = await backupOfAOverB();
		const orphan = file.tables.invoiceLines[0];
		orphan.invoiceId = 'gone';
		file.tables.sites[0].customerId = 'nobody';
		const err = await refused(restoreBackup(b, file));
		expect(err.message).toContain('Invoice gone does not exist');
		expect(err.message).toContain('Customer nobody does not exist');
		expect(await snapshot(b)).toEqual(before);
	});

	it('refuses a backup from a newer schema than this build reads', async () => {
		const file = JSON.parse(JSON.stringify(await exportBackup(a, 'now')));
		file.schemaVersion = 99;
		const err = await refused(restoreBackup(b, file));
		expect(err.message).toContain('newer Tieout');
	});
});

describe('clearWorkbook', () => {
	it('leaves no record behind', async () => {
		await saveBatch(a, sampleWorkbook('2027-01-15', ids));
		await clearWorkbook(a);
		for (const t of RECORD_TABLES) expect(await a.table(t).count()).toBe(0);
	});
});
