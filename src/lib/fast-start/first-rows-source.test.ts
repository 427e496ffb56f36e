import { describe, expect, it } from 'vitest';
import type { TableName, TieoutDB } from '$lib/db/database';
import type { SourceRecord } from './first-rows';
import * as b from '$lib/testing/builders';
import { testWorkbooks } from '$lib/testing/workbooks';
import { firstRowsSource } from './first-rows-source';
import { readGeneration } from '$lib/db/generation';
import { Workbook } from '$lib/state/workbook.svelte';

/** A second start on the same database, as a reload would make. */
async function testWorkbookOn(db: TieoutDB) {
	const wb = new Workbook(db);
	await wb.start();
	await wb.linesLoaded;
	return wb;
}

const open = testWorkbooks('first-rows');
const workbook = async (fill: (db: TieoutDB) => Promise<unknown>, linesLoaded = false) => {
	const wb = await open(fill, { linesLoaded });
	return { db: wb.db, wb };
};

/** What first-rows.js does with a source: read the record and compare its JSON ('' for no record). */
async function stillStored(db: TieoutDB, [table, id, json]: SourceRecord) {
	const now = await db.table(table).get(id);
	return (now === undefined ? '' : JSON.stringify(now)) === json;
}

describe('the records a first screen is drawn from', () => {
	it('names each row, the records it points at up the chain, and the settings, once each, as stored', async () => {
		const c = b.customer();
		const po = b.purchaseOrder({ customerId: c.id });
		const lines = [1, 2, 3].map((n) => b.poLine({ poId: po.id, lineNo: n }));
		const { db, wb } = await workbook(async (db) => {
			await db.customers.add(c);
			await db.purchaseOrders.add(po);
			await db.poLines.bulkAdd(lines);
			await db.settings.put(b.settings());
		});
		const sources = firstRowsSource(wb, 'poLines').sources(wb.tables.poLines.rows());
		const named = sources.map(([t, id]) => `${t}:${id}`).sort();
		expect(named).toEqual([...lines.map((l) => `poLines:${l.id}`), `purchaseOrders:${po.id}`, `customers:${c.id}`, 'settings:app'].sort());
		for (const s of sources) expect(await stillStored(db, s)).toBe(true);
	});

	it('goes stale when any of those records changes, goes, or a missing one arrives', async () => {
		const c = b.customer();
		const wo = b.workOrder({ customerId: c.id, siteId: null });
		const task = b.task({ workOrderId: wo.id });
		const orphan = b.task({ workOrderId: 'wo-missing' });
		const { db, wb } = await workbook(async (db) => {
			await db.customers.add(c);
			await db.workOrders.add(wo);
			await db.tasks.bulkAdd([task, orphan]);
		});
		const sources = firstRowsSource(wb, 'tasks').sources(wb.tables.tasks.rows());
		expect(sources).toContainEqual(['workOrders', 'wo-missing', '']);
		expect(sources).toContainEqual(['settings', 'app', '']);
		const fresh = async () => (await Promise.all(sources.map((s) => stillStored(db, s)))).every(Boolean);
		expect(await fresh()).toBe(true);

		const edits: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
			['a row edited', () => db.tasks.update(task.id, { qtyMilli: task.qtyMilli + 1000 }), () => db.tasks.put(task)],
			['a parent renamed', () => db.customers.update(c.id, { name: 'Renamed LLC' }), () => db.customers.put(c)],
			['a row deleted', () => db.tasks.delete(orphan.id), () => db.tasks.put(orphan)],
			['a missing parent created', () => db.workOrders.add(b.workOrder({ id: 'wo-missing', customerId: c.id })), () => db.workOrders.delete('wo-missing')],
			['the settings saved', () => db.settings.put(b.settings()), () => db.settings.delete('app')]
		];
		for (const [what, change, undo] of edits) {
			await change();
			expect(await fresh(), what).toBe(false);
			await undo();
			expect(await fresh(), `${what}, undone`).toBe(true);
		}
	});

	it('is ready only once a paged line table has been read in full', async () => {
		const c = b.customer();
		const wo = b.workOrder({ customerId: c.id });
		const { wb } = await workbook(async (db) => {
			await db.customers.add(c);
			await db.workOrders.add(wo);
			await db.tasks.bulkAdd(Array.from({ length: 400 }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId: wo.id, code: `T${i}` })));
		});
		const source = firstRowsSource(wb, 'tasks');
		expect(source.ready()).toBe(false);
		await wb.linesLoaded;
		expect(source.ready()).toBe(true);
		expect(source.database).toBe(wb.db.name);
		expect(firstRowsSource(wb, 'customers' as TableName).ready()).toBe(true);
	});

	it('notes the write generation only for rows as the workbook holds them, and any change to the workbook changes it', async () => {
		const c = b.customer();
		const po = b.purchaseOrder({ customerId: c.id });
		const lines = [1, 2].map((n) => b.poLine({ poId: po.id, lineNo: n }));
		const { db, wb } = await workbook(async (db) => {
			await db.customers.add(c);
			await db.purchaseOrders.add(po);
			await db.poLines.bulkAdd(lines);
		}, true);
		const source = firstRowsSource(wb, 'poLines');
		const rows = wb.tables.poLines.rows();
		const gen = source.generation(rows);
		expect(gen).toBe(readGeneration(db.name));
		expect(gen).not.toBeNull();
		// A grid still showing a row the workbook has since replaced: not to be drawn unchecked.
		expect(source.generation([{ ...rows[0]! }, rows[1]!])).toBeNull();
		// The next start reads the same records as stored: that is no change, or no kept screen would survive a reload.
		const again = await testWorkbookOn(db);
		expect(readGeneration(db.name)).toBe(gen);
		again.stop();
		// A change reaching the mirror (here as if from another tab) changes the generation.
		wb.tables.customers.apply({ upserts: [{ ...c, name: 'Renamed elsewhere' }], removes: [] });
		expect(readGeneration(db.name)).not.toBe(gen);
	});
});
