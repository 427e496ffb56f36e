import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { onStorageMutated, type TableChange } from './changes';
import { bulkWriteNamed, NAMED_MAX, NAMED_SLICE, namesKeys, RowsRefused } from './named-writes';
import { describeStorageError } from './errors';
import { classifyStorageError } from './storage-failure';
import { failWrites } from '$lib/testing/failing-storage';
import * as b from '$lib/testing/builders';
import { openedDbs } from '$lib/testing/db';

const opened = openedDbs('named');

async function feedOf(write: (db: TieoutDB) => Promise<unknown>): Promise<{ db: TieoutDB; changes: TableChange[] }> {
	const db = await opened();
	const changes: TableChange[] = [];
	const off = onStorageMutated(db.name, (c) => changes.push(...c));
	await db.transaction('rw', db.tasks, () => write(db)).catch(() => {});
	await new Promise((r) => setTimeout(r, 20));
	off();
	return { db, changes };
}

const tasks = (n: number) => Array.from({ length: n }, (_, i) => b.task({ id: `t-${String(i).padStart(5, '0')}`, workOrderId: 'wo', code: `T${i}` }));

describe('bulkWriteNamed', () => {
	// Bug: a 60-line import reached every tab as "all of poLines changed", and each read 100,000 lines again.
	it('reports every key of a large write to the change feed, where one bulkPut reports the whole table', async () => {
		const rows = tasks(NAMED_SLICE * 3 + 7);
		const plain = await feedOf((db) => db.tasks.bulkPut(rows));
		expect(plain.changes).toEqual([{ table: 'tasks', all: true }]);

		const named = await feedOf((db) => bulkWriteNamed(db.tasks, rows));
		expect(named.changes).toHaveLength(1);
		expect(named.changes[0]).toMatchObject({ table: 'tasks' });
		expect(new Set((named.changes[0] as { ids: string[] }).ids)).toEqual(new Set(rows.map((r) => r.id)));
		expect(await named.db.tasks.count()).toBe(rows.length);
	});

	it('reports a write past NAMED_MAX records as the whole table, which costs less than naming each', async () => {
		const rows = tasks(120);
		const whole = await feedOf((db) => bulkWriteNamed(db.tasks, rows, 'put', false));
		expect(whole.changes).toEqual([{ table: 'tasks', all: true }]);
		expect(await whole.db.tasks.count()).toBe(120);
	});

	it('names the refused rows by their position in the whole write, across slices', async () => {
		const rows = tasks(NAMED_SLICE * 2 + 5);
		const seen: unknown[] = [];
		await feedOf(async (db) => {
			await db.tasks.add(rows[NAMED_SLICE + 3]!);
			await db.tasks.add(rows[2]!);
			await bulkWriteNamed(db.tasks, rows, 'add').catch((e: unknown) => seen.push(e));
		});
		expect(seen[0]).toBeInstanceOf(RowsRefused);
		expect((seen[0] as RowsRefused).positions).toEqual([2, NAMED_SLICE + 3]);
		// Where no caller names the records (a rename's follow-up writes), the person still reads why.
		expect(describeStorageError(seen[0])).toBe('That record would duplicate one that already exists (same number), so nothing was saved.');
	});

	// Bug: a full disk aborted a PO import's transaction, every pending row failed with an
	// AbortError, and each was counted as refused by a unique index: "its number is already used".
	it('does not count rows failed by an aborted transaction as refused by a unique index', async () => {
		const rows = tasks(NAMED_SLICE * 2 + 5);
		const seen: unknown[] = [];
		await feedOf(async (db) => {
			const restore = failWrites('disk-full', 10);
			await bulkWriteNamed(db.tasks, rows, 'add')
				.catch((e: unknown) => seen.push(e))
				.finally(restore);
		});
		expect(seen).toHaveLength(1);
		expect(seen[0]).not.toBeInstanceOf(RowsRefused);
		expect(classifyStorageError(seen[0])).toBe('interrupted');
	});
});

describe('namesKeys', () => {
	it('names a write that is a small part of its table, and reports whole one that is most of it or past NAMED_MAX', async () => {
		const db = await opened();
		await db.tasks.bulkAdd(tasks(8_000));
		// Small writes are always named, whatever the table holds.
		expect(await namesKeys(db.tasks, 1_000)).toBe(true);
		expect(await namesKeys(db.customers, 1_000)).toBe(true);
		// 2,000 of 8,000: each tab reads 2,000 records rather than 8,000.
		expect(await namesKeys(db.tasks, 2_000)).toBe(true);
		// 2,001 of 8,000, or 5,000 into an empty table (a paste of new rows): the table is read again instead.
		expect(await namesKeys(db.tasks, 2_001)).toBe(false);
		expect(await namesKeys(db.customers, 5_000)).toBe(false);
		expect(await namesKeys(db.tasks, NAMED_MAX + 1)).toBe(false);
	});
});
