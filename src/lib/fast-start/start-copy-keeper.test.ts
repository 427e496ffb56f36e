import { afterEach, describe, expect, it } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { readGeneration } from '$lib/db/generation';
import { LineCache } from './line-cache';
import { readStartCopy } from './start-copy';
import * as b from '$lib/testing/builders';
import { storeJobOfTasks } from '$lib/testing/db';
import { StartCopyKeeper } from './start-copy-keeper';
import { Workbook } from '$lib/state/workbook.svelte';

const opened: { db: TieoutDB; wb: Workbook; keeper?: StartCopyKeeper }[] = [];
afterEach(async () => {
	for (const o of opened.splice(0)) {
		o.keeper?.stop();
		o.wb.stop();
		await o.db.delete();
		await new LineCache(o.db.name).clear();
	}
});

/** A stored workbook of one job with `n` tasks (more than a first page when n > 300). */
async function stored(n: number) {
	const db = new TieoutDB('start-' + crypto.randomUUID());
	return { db, ...(await storeJobOfTasks(db, n)) };
}

function track(db: TieoutDB, wb: Workbook, keeper?: StartCopyKeeper) {
	opened.push({ db, wb, keeper });
	return wb;
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));

describe('the start copy, kept and used', () => {
	it('holds every small table whole and the first 300 lines by key, taken at the current generation', async () => {
		const { db, c, wo, tasks } = await stored(450);
		const wb = track(db, new Workbook(db));
		await wb.start();
		await wb.linesLoaded;
		const keeper = new StartCopyKeeper(wb, () => false);
		opened[opened.length - 1]!.keeper = keeper;
		keeper.start();
		await wb.linesLoaded;
		expect(keeper.write()).toBe(true);
		const copy = readStartCopy(db.name)!;
		expect(copy.customers).toEqual([c]);
		expect(copy.workOrders).toEqual([wo]);
		expect(copy.tasks).toEqual(byId(tasks).slice(0, 300));
		expect(copy.poLines).toEqual([]);
	});

	it('is not written while a write is in flight, nor before every line has been read', async () => {
		const { db } = await stored(10);
		const wb = track(db, new Workbook(db));
		let busy = true;
		const keeper = new StartCopyKeeper(wb, () => busy);
		opened[opened.length - 1]!.keeper = keeper;
		keeper.start();
		expect(keeper.write()).toBe(false);
		await wb.start();
		await wb.linesLoaded;
		expect(keeper.write()).toBe(false);
		expect(readStartCopy(db.name)).toBeNull();
		busy = false;
		expect(keeper.write()).toBe(true);
		// A table being read again (its copy found stale) is not what storage holds yet.
		wb.tables.poLines.loaded = false;
		expect(keeper.write()).toBe(false);
	});

	it('is void once the workbook changes after it was taken', async () => {
		const { db, tasks } = await stored(10);
		const wb = track(db, new Workbook(db));
		await wb.start();
		await wb.linesLoaded;
		const keeper = new StartCopyKeeper(wb, () => false);
		keeper.start();
		await wb.linesLoaded;
		keeper.write();
		keeper.stop();
		const gen = readGeneration(db.name);
		await db.tasks.update(tasks[0]!.id, { description: 'Changed' });
		expect(readGeneration(db.name)).not.toBe(gen);
		expect(readStartCopy(db.name)).toBeNull();
	});

	it('draws from the copy before storage is read, then shows what is stored: changed, deleted and added records', async () => {
		const { db, c, tasks } = await stored(450);
		const first = track(db, new Workbook(db));
		await first.start();
		await first.linesLoaded;
		const copy = first.startRecords();
		// Storage moves on behind the copy's back (as a write from outside Tieout would).
		await db.customers.update(c.id, { name: 'Renamed Buyer Ltd' });
		const firstPage = new Set(copy.tasks!.map((t) => t.id));
		const gone = tasks.find((t) => firstPage.has(t.id))!;
		await db.tasks.delete(gone.id);
		const added = b.task({ id: crypto.randomUUID(), workOrderId: tasks[0]!.workOrderId, code: 'T9999' });
		await db.tasks.add(added);

		const wb = track(db, new Workbook(db));
		wb.seed(copy);
		expect(wb.ready).toBe(true);
		expect(wb.tables.customers.get(c.id)?.name).toBe(c.name);
		// The first page of tasks: the rest come from storage.
		expect(wb.tables.tasks.size).toBe(300);
		// Seeded records are shown, not yet read: nothing may treat them as checked.
		expect(wb.tables.tasks.loaded).toBe(false);
		expect(wb.tables.customers.loaded).toBe(false);

		await wb.start();
		await wb.linesLoaded;
		expect(wb.tables.customers.get(c.id)?.name).toBe('Renamed Buyer Ltd');
		expect(byId(wb.tables.tasks.rows())).toEqual(byId(await db.tasks.toArray()));
		expect(wb.tables.tasks.get(gone.id)).toBeUndefined();
		expect(wb.tables.tasks.size).toBe(450);
		expect(wb.tables.tasks.get(added.id)).toEqual(added);
	});
});
