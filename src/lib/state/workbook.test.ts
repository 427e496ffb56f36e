import { afterEach, describe, expect, it } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { LineCache } from '$lib/db/line-cache';
import * as b from '$lib/testing/builders';
import { Workbook } from './workbook.svelte';

const opened: { db: TieoutDB; wb?: Workbook }[] = [];
afterEach(async () => {
	for (const o of opened.splice(0)) {
		o.wb?.stop();
		await o.db.delete();
		await new LineCache(o.db.name).clear();
	}
});

/** A workbook with one job of `n` tasks: more than a first page, so the cache path is taken. */
async function seeded(n: number) {
	const db = new TieoutDB('wb-' + crypto.randomUUID());
	opened.push({ db });
	const c = b.customer();
	const wo = b.workOrder({ customerId: c.id });
	const tasks = Array.from({ length: n }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId: wo.id, code: `T${i + 1}` }));
	await db.customers.add(c);
	await db.workOrders.add(wo);
	await db.tasks.bulkAdd(tasks);
	return { db, tasks };
}

async function open(db: TieoutDB) {
	const wb = new Workbook(db);
	opened.find((o) => o.db === db)!.wb = wb;
	await wb.start();
	await wb.linesLoaded;
	return wb;
}

const mirror = (wb: Workbook) => wb.tables.tasks.rows().sort((x, y) => (x.id < y.id ? -1 : 1));
const stored = async (db: TieoutDB) => (await db.tasks.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));

describe('loading line tables', () => {
	it('mirrors every row of a table larger than the first page', async () => {
		const { db } = await seeded(750);
		const wb = await open(db);
		expect(mirror(wb)).toEqual(await stored(db));
	});

	it('corrects a stale fast-start cache from the table: changed, deleted and added rows', async () => {
		const { db, tasks } = await seeded(750);
		// The cache holds the tasks as they were; then the table moves on behind its back.
		await new LineCache(db.name).write('tasks', tasks, 1);
		await db.tasks.update(tasks[10]!.id, { description: 'Changed after the cache was written' });
		await db.tasks.delete(tasks[20]!.id);
		await db.tasks.add(b.task({ id: crypto.randomUUID(), workOrderId: tasks[0]!.workOrderId, code: 'T999' }));
		performance.clearMarks();
		const wb = await open(db);
		expect(performance.getEntriesByName('tieout:cache-read:tasks')).toHaveLength(1);
		expect(mirror(wb)).toEqual(await stored(db));
		expect(wb.tables.tasks.get(tasks[20]!.id)).toBeUndefined();
	});
});
