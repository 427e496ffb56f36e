import { afterEach, describe, expect, it, vi } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { applyChanges } from '$lib/db/repository';
import * as b from '$lib/testing/builders';
import { OpenedWorkbooks } from '$lib/testing/opened-workbooks';
import { Workbook } from './workbook.svelte';

const books = new OpenedWorkbooks();
afterEach(() => books.closeAll());
const seeded = (n: number) => books.seeded(n);
const open = (db: TieoutDB) => books.open(db);

const mirror = (wb: Workbook) => wb.tables.tasks.rows().sort((x, y) => (x.id < y.id ? -1 : 1));
const stored = async (db: TieoutDB) => (await db.tasks.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));

describe('loading line tables', () => {
	it('mirrors every row of a table larger than the first page', async () => {
		const { db } = await seeded(750);
		const wb = await open(db);
		expect(mirror(wb)).toEqual(await stored(db));
	});

	it('says when a line table holds only its first page, so an early drawing of its true top rows stays until it is whole', async () => {
		const { db } = await seeded(750);
		const wb = new Workbook(db);
		books.track(db, wb);
		await wb.start();
		expect(wb.tables.tasks.size).toBe(300);
		expect(wb.tables.tasks.whole).toBe(false);
		expect(wb.tables.customers.whole).toBe(true);
		await wb.linesLoaded;
		expect(wb.tables.tasks.whole).toBe(true);
		expect(wb.tables.tasks.loaded).toBe(true);
	});
});

const moreTasks = (workOrderId: string, n: number) => Array.from({ length: n }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId, code: `I${i}` }));

/** The size of the tasks mirror after each change, and how many changes replaced it whole. */
function watchTasks(wb: Workbook) {
	const sizes: number[] = [];
	let resets = 0;
	wb.tables.tasks.subscribe((d) => {
		sizes.push(wb.tables.tasks.map.size);
		if (d.reset) resets++;
	});
	return { sizes, resets: () => resets };
}

describe('one change to several tables', () => {
	// Bug: each table was shown as soon as it was read back, so for a frame the home page showed the
	// sample's invoices without their lines ("$0.00 owed", "0 lines").
	it('is shown all at once: a new job is never in the mirror without the tasks written with it', async () => {
		const { db, tasks } = await seeded(10);
		const wb = await open(db);
		const stored = (await db.workOrders.get(tasks[0]!.workOrderId))!;
		const job = b.workOrder({ customerId: stored.customerId, number: 'WO-NEW' });
		const jobTasks = moreTasks(job.id, 5);
		const seenWith: number[] = [];
		// What a page draws: Svelte's effects run in the microtasks after the task that changed the state.
		wb.tables.workOrders.subscribe((d) => {
			if (d.upserts.some((w) => w.id === job.id)) queueMicrotask(() => seenWith.push(wb.tables.tasks.rows().filter((t) => t.workOrderId === job.id).length));
		});
		await applyChanges(db, { put: { workOrders: [job], tasks: jobTasks } });
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(15));
		expect(seenWith).toEqual([5]);
	});
});

describe('a write of many lines while the workbook is open', () => {
	// Bug: Dexie reported any write of 50 records or more as "the whole table changed", so a
	// 60-line import made every tab read all its lines again, its grids dropping to the first page meanwhile.
	it('reaches the mirror as the lines written, without reloading the table or dropping rows meanwhile', async () => {
		const { db, tasks } = await seeded(1_000);
		const wb = await open(db);
		const { sizes, resets } = watchTasks(wb);
		const imported = moreTasks(tasks[0]!.workOrderId, 300);
		await applyChanges(db, { put: { tasks: imported } });
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(1_300));
		expect(resets()).toBe(0);
		expect(sizes).toEqual([1_300]);
		expect(wb.tables.tasks.get(imported[299]!.id)).toEqual(imported[299]);
	});

	// Bug: a write reported as "the whole table changed" (past 10,000 records, a restore) reloaded the
	// table, and every grid of it showed only the first page until the rest was read again.
	it('compares a table reported changed as a whole with storage, keeping every row shown meanwhile', async () => {
		const { db, tasks } = await seeded(1_000);
		const wb = await open(db);
		const { sizes, resets } = watchTasks(wb);
		const changed = { ...tasks[10]!, description: 'Changed in bulk' };
		// One bulk call of 50 or more: Dexie reports the whole table.
		await db.transaction('rw', db.tasks, async () => {
			await db.tasks.bulkPut([changed, ...moreTasks(tasks[0]!.workOrderId, 99)]);
			await db.tasks.delete(tasks[20]!.id);
		});
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(1_098));
		expect(resets()).toBe(0);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1_000);
		expect(wb.tables.tasks.get(tasks[10]!.id)?.description).toBe('Changed in bulk');
		expect(wb.tables.tasks.get(tasks[20]!.id)).toBeUndefined();
		expect(mirror(wb)).toEqual(await stored(db));
	});
});

describe('a whole-table comparison applied in slices', () => {
	// The comparison reads the table once, then applies what differs a slice per task (an import of
	// 100,000 lines from the worker held the page for up to 560 ms at once). A row written between
	// the read and its slice reaches the mirror through the change feed, and the older read must not
	// overwrite it.
	it('keeps a row the change feed applied after the read, and ends equal to storage', async () => {
		const { db, tasks } = await seeded(1_000);
		const wb = await open(db);
		const workOrderId = tasks[0]!.workOrderId;
		// Its id sorts last, so its slice is applied after every other.
		const last = b.task({ id: 'ffffffff-ffff-4fff-8fff-ffffffffffff', workOrderId, code: 'LAST', description: 'As imported' });
		let edited = false;
		const slices: number[] = [];
		wb.tables.tasks.subscribe((d) => {
			slices.push(d.upserts.length);
			if (edited) return;
			edited = true;
			// After the comparison's read, before its last slice: a later edit of the last row.
			void db.tasks.update(last.id, { description: 'Edited after the read' });
		});
		// One bulk call of 50 or more: Dexie reports the whole table, and the mirror compares.
		await db.tasks.bulkPut([...moreTasks(workOrderId, 12_000), last]);
		await vi.waitFor(() => expect(wb.tables.tasks.get(last.id)?.description).toBe('Edited after the read'));
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(13_001));
		await new Promise((r) => setTimeout(r, 50));
		expect(wb.tables.tasks.get(last.id)?.description).toBe('Edited after the read');
		expect(slices.length).toBeGreaterThan(2);
		expect(mirror(wb)).toEqual(await stored(db));
	});
});

describe('a record shown at once after a big write from elsewhere', () => {
	// After an import from the worker the comparison brings a record's lines only with its last
	// slice (3 s for 100,000 lines); the record the page opens is read and shown at once.
	it('shows the job and all its tasks as stored before the comparison has ended, and the comparison ends equal to storage', async () => {
		const { db, tasks } = await seeded(1_000);
		const wb = await open(db);
		const job = b.workOrder({ id: crypto.randomUUID(), customerId: (await db.customers.toArray())[0]!.id, number: 'WO-NEW' });
		const mine = moreTasks(job.id, 40);
		await db.workOrders.put(job);
		await db.tasks.bulkPut([...moreTasks(tasks[0]!.workOrderId, 12_000), ...mine]);
		await wb.showNow('workOrders', job.id, { table: 'tasks', parent: 'workOrderId' });
		expect(wb.tables.workOrders.get(job.id)).toEqual(job);
		expect(mine.map((t) => wb.tables.tasks.get(t.id))).toEqual(mine);
		expect(wb.tables.tasks.size).toBeLessThan(13_040);
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(13_040));
		expect(mirror(wb)).toEqual(await stored(db));
	});
});

describe('a small table changed as a whole', () => {
	// Bug: a 10,000-row paste into Customers, already shown by the paste, was read back and handed to
	// every grid again as a reset: a fifth of the paste's time.
	it('applies only what differs from what is shown, with nested fields compared by value', async () => {
		const { db } = await seeded(10);
		const wb = await open(db);
		const kept = Array.from({ length: 60 }, (_, i) => b.customer({ id: `c-${i}`, name: `Buyer ${i}`, otherNames: [`B${i}`], tolerances: { qtyBp: 100, priceBp: 0, absCents: 0 } }));
		wb.tables.customers.apply({ upserts: kept, removes: [] });
		const deltas: { upserts: number; removes: number; reset: boolean }[] = [];
		wb.tables.customers.subscribe((d) => deltas.push({ upserts: d.upserts.length, removes: d.removes.length, reset: !!d.reset }));
		const renamed = { ...kept[7]!, name: 'Buyer seven renamed' };
		// One bulk call of 50 or more, which Dexie reports as the whole table changed.
		await db.customers.bulkPut([...kept.slice(0, 7), renamed, ...kept.slice(8)].map((c) => structuredClone(c)));
		await vi.waitFor(() => expect(wb.tables.customers.get(renamed.id)?.name).toBe('Buyer seven renamed'));
		expect(deltas).toEqual([{ upserts: 1, removes: 0, reset: false }]);
		const shown = wb.tables.customers.rows().sort((x, y) => (x.id < y.id ? -1 : 1));
		expect(shown).toEqual((await db.customers.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1)));
	});
});
