import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { refused } from '$lib/testing/db';
import { exportBackup, readBackup, restoreBackup } from './backup';
import { RECORD_TABLES, TieoutDB } from './database';
import { saveBatch, updateRecord } from './repository';

let db: TieoutDB;
let n = 0;
const ids = () => `id-${++n}`;
beforeEach(() => {
	db = new TieoutDB('limits-' + crypto.randomUUID());
});
afterEach(async () => {
	await db.delete();
});

const snapshot = async () => Object.fromEntries(await Promise.all(RECORD_TABLES.map(async (t) => [t, await db.table(t).toArray()])));

describe('length limits at restore and at edit', () => {
	it('a backup holding a value longer than the limits (stored before they existed) restores whole and names it before replacing anything', async () => {
		await saveBatch(db, sampleWorkbook('2027-01-15', ids));
		const file = JSON.parse(JSON.stringify(await exportBackup(db, 'now')));
		const line = file.tables.poLines[1];
		line.description = 'x'.repeat(50 * 1024 * 1024);
		const { summary } = readBackup(file);
		expect(summary.overLong).toEqual([`PO line ${line.lineNo}: Description is 52,428,800 characters; the most is 2,000`]);
		await restoreBackup(db, file);
		expect((await db.poLines.get(line.id))!.description).toHaveLength(50 * 1024 * 1024);
	});

	it('a value over its limit together with another problem is still refused, naming the other problem, and nothing changes', async () => {
		await saveBatch(db, sampleWorkbook('2027-01-15', ids));
		const before = await snapshot();
		const file = JSON.parse(JSON.stringify(await exportBackup(db, 'now')));
		file.tables.poLines[1].description = 'x'.repeat(3000);
		file.tables.poLines[2].lineNo = 0;
		const err = await refused(restoreBackup(db, file));
		expect(err.message).toContain('Line number must be at least 1');
		expect(err.message).not.toContain('Description is 3,000 characters');
		expect(await snapshot()).toEqual(before);
	});

	it('a record stored before limits existed still reads back whole; an edit of it names the over-long field until it is shortened', async () => {
		const wb = sampleWorkbook('2027-01-15', ids);
		await saveBatch(db, wb);
		const task = wb.tasks[0]!;
		// Written as an earlier version of Tieout could: no limit was checked.
		await db.tasks.put({ ...task, description: 'd'.repeat(2500) });
		expect((await db.tasks.get(task.id))!.description).toHaveLength(2500);

		const err = await refused(updateRecord(db, 'tasks', task.id, { unit: 'hr' }));
		expect(err.problems).toEqual([{ field: 'description', message: 'Description is 2,500 characters; the most is 2,000' }]);
		expect((await db.tasks.get(task.id))!.unit).toBe(task.unit);

		await updateRecord(db, 'tasks', task.id, { description: 'd'.repeat(2000) });
		await updateRecord(db, 'tasks', task.id, { unit: 'hr' });
		expect(await db.tasks.get(task.id)).toMatchObject({ unit: 'hr', description: 'd'.repeat(2000) });
	});
});
