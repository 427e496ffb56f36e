import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { TieoutDB } from './database';
import { exportBackup, restoreBackup } from './backup';
import { saveBatch } from './repository';
import { ATTACHMENT_MAX_BYTES } from './attachments';
import { CURRENT_FORMAT } from './backup-format';
import { refused } from '$lib/testing/db';

type Tables = Record<string, Record<string, unknown>[]>;
const FRESH = readFileSync('tests/fixtures/backups/format2-2026-12-05.json', 'utf8');
const OLD = readFileSync('tests/fixtures/backups/format1-2026-11-27.json', 'utf8');
/** A good backup to spoil: today's format, or format 1. */
const file = (text = FRESH) => JSON.parse(text) as { formatVersion?: number; tables: Tables };

let db: TieoutDB;
let before: unknown;
let n = 0;
beforeEach(async () => {
	db = new TieoutDB('refusals-' + crypto.randomUUID());
	await saveBatch(db, sampleWorkbook('2026-06-01', () => `here-${++n}`));
	before = (await exportBackup(db, 'now')).tables;
});
afterEach(async () => {
	await db.delete();
});

/** Restores `f`, expects a refusal, and checks the workbook is exactly as it was. */
async function refusedWhole(f: unknown): Promise<string> {
	const err = await refused(restoreBackup(db, f));
	expect((await exportBackup(db, 'now')).tables).toEqual(before);
	expect(err.message).not.toMatch(/bulkAdd|ConstraintError|Dexie|undefined|Cannot read/);
	return err.message;
}

describe('a backup that cannot be restored is refused in plain words, and changes nothing', () => {
	it('a file missing a whole table is refused naming it, never read as empty (regression: "Restored 63 records" deleted the invoice lines)', async () => {
		const f = file();
		delete f.tables.invoiceLines;
		expect(await refusedWhole(f)).toContain('its invoice lines ("invoiceLines") are missing');
	});

	it('a format-1 file missing a table it always carried is refused too; one from before attachments is not', async () => {
		const f = file(OLD);
		delete f.tables.poLines;
		expect(await refusedWhole(f)).toContain('its PO lines ("poLines") are missing');
		const early = file(OLD);
		delete early.tables.attachments;
		await expect(restoreBackup(db, early)).resolves.toBeGreaterThan(50);
	});

	it('a file of today\'s format without attachments is refused: it always carries them', async () => {
		const f = file();
		delete f.tables.attachments;
		expect(await refusedWhole(f)).toContain('its sign-off attachments ("attachments") are missing');
	});

	it('records of a kind Tieout does not know are refused, not dropped', async () => {
		const f = file();
		f.tables.timesheets = [{ id: 'x' }];
		expect(await refusedWhole(f)).toContain('it holds records of a kind this Tieout does not know ("timesheets")');
	});

	it('duplicate ids are named in a sentence (regression: "tasks.bulkAdd(): 1 of 23 operations failed… ConstraintError")', async () => {
		const f = file();
		const [t1, t2] = f.tables.tasks!;
		t2!.id = t1!.id;
		expect(await refusedWhole(f)).toContain(`two tasks in the backup have the same id ("${String(t1!.id)}")`);
	});

	it('two records with the same unique number are named', async () => {
		const f = file();
		const [w1, w2] = f.tables.workOrders!;
		w2!.number = w1!.number;
		expect(await refusedWhole(f)).toContain(`two work orders in the backup have the same number: Work order ${String(w1!.number)} and Work order ${String(w1!.number)}`);
		const g = file();
		const [l1, l2] = g.tables.poLines!.filter((l) => l.poId === g.tables.poLines![0]!.poId);
		l2!.lineNo = l1!.lineNo;
		expect(await refusedWhole(g)).toContain('two PO lines in the backup have the same PO and line number');
	});

	it('out-of-range values are named with the field and the limit', async () => {
		const f = file();
		f.tables.poLines![0]!.lineNo = 0;
		f.tables.settings![0]!.backupReminderDays = 1000;
		f.tables.workOrders![0]!.openedOn = '2027-13-45';
		const message = await refusedWhole(f);
		expect(message).toContain('Backup reminder (days) must be at most 365');
		expect(message).toContain('Opened on "2027-13-45" is not a date');
		expect(message).toMatch(/PO line 0: Line number must be at least 1/);
	});

	it('a field Tieout does not keep is refused rather than stored or silently dropped', async () => {
		const f = file();
		f.tables.customers![0]!.vatNumber = 'DE123';
		expect(await refusedWhole(f)).toContain('the field "vatNumber" is not one Tieout keeps');
	});

	it('an attachment over the size cap, or a PO revision of a PO not in the file, is named', async () => {
		const f = file();
		f.tables.attachments![0]!.base64 = 'A'.repeat(Math.ceil(((ATTACHMENT_MAX_BYTES + 1024) * 4) / 3));
		f.tables.poRevisions![0]!.poId = 'gone';
		const message = await refusedWhole(f);
		expect(message).toMatch(/Attachment gauge reading\.png: it is 10\.0 MB; an attachment may be at most 10 MB/);
		expect(message).toContain('PO revision 2: its purchase order is not in the backup');
	});

	it('a file from a newer Tieout is refused with what to do', async () => {
		const f = file();
		f.formatVersion = CURRENT_FORMAT.version + 1;
		expect(await refusedWhole(f)).toContain('written by a newer Tieout');
	});

	it('a file wrong throughout lists twenty problems and says how many more', async () => {
		const f = file();
		for (const t of f.tables.tasks!) t.unit = 42;
		expect(await refusedWhole(f)).toMatch(/…and 2 more problems$/);
	});
});
