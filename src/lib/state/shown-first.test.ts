import { describe, expect, it } from 'vitest';
import type { TieoutDB } from '$lib/db/database';
import { saveRecord } from '$lib/db/repository';
import type { InvoiceLine, WorkOrder } from '$lib/domain/records';
import * as b from '$lib/testing/builders';
import { freshDbEachTest, refused, seedLinked } from '$lib/testing/db';
import { LiveTable } from './live-table.svelte';
import { changesOneRecord, updateShownFirst } from './shown-first';

let db: TieoutDB;
freshDbEachTest('shown-first', (d) => (db = d));

/** A mirror of one table as the workbook keeps it, filled from storage. */
async function mirrorOf<T extends { id: string }>(rows: T[]) {
	const live = new LiveTable<T>();
	live.apply({ upserts: rows, removes: [], reset: true });
	const seen: T[][] = [];
	live.subscribe((d) => seen.push([...d.upserts]));
	return { live, seen };
}

describe('updateShownFirst', () => {
	// Bug: a rename is shown only once it commits, so a second edit of the cell typed meanwhile began
	// from the old number and was refused as if another tab had changed it.
	it('takes a second edit of a record while this tab’s first is still being stored', async () => {
		const s = await seedLinked(db);
		const { live } = await mirrorOf<WorkOrder>([s.wo]);
		const first = updateShownFirst(db, live, 'workOrders', s.wo.id, { number: 'WO-200' }, { number: 'WO-100' });
		const second = updateShownFirst(db, live, 'workOrders', s.wo.id, { number: 'WO-300' }, { number: 'WO-100' });
		await first;
		expect((await second).number).toBe('WO-300');
		expect((await db.workOrders.get(s.wo.id))?.number).toBe('WO-300');
		// Once nothing of this tab's is in flight, a stale starting value is refused again.
		await expect(updateShownFirst(db, live, 'workOrders', s.wo.id, { number: 'WO-400' }, { number: 'WO-100' })).rejects.toThrow(/another tab/);
	});

	it('shows a valid edit before the transaction commits, then keeps the stored record', async () => {
		const s = await seedLinked(db);
		const { live } = await mirrorOf<InvoiceLine>([s.line]);
		const write = updateShownFirst(db, live, 'invoiceLines', s.line.id, { qtyMilli: 9_000 });
		// Synchronously, before any IndexedDB round trip: what the grid and the engine see.
		expect(live.get(s.line.id)?.qtyMilli).toBe(9_000);
		expect((await db.invoiceLines.get(s.line.id))?.qtyMilli).toBe(s.line.qtyMilli);
		const stored = await write;
		expect(stored.qtyMilli).toBe(9_000);
		expect(await db.invoiceLines.get(s.line.id)).toEqual(stored);
		expect(live.get(s.line.id)).toEqual(stored);
	});

	it('takes a refused edit back off the screen and stores nothing', async () => {
		const s = await seedLinked(db);
		const other = b.invoiceLine({ invoiceId: s.inv.id, lineNo: 2, woNumber: 'WO-100', taskCode: 'T1' });
		await saveRecord(db, 'invoiceLines', other);
		const { live, seen } = await mirrorOf<InvoiceLine>([s.line, other]);
		// Valid on its own, so shown at once; the unique index on [invoiceId+lineNo] refuses it in the transaction.
		const write = updateShownFirst(db, live, 'invoiceLines', s.line.id, { lineNo: 2 });
		expect(live.get(s.line.id)?.lineNo).toBe(2);
		const err = await refused(write);
		expect(err.message).toContain('already has a line 2');
		expect(await db.invoiceLines.get(s.line.id)).toEqual(s.line);
		expect(live.get(s.line.id)).toEqual(s.line);
		expect(seen.at(-1)).toEqual([s.line]);
	});

	it('never shows an edit that fails validation', async () => {
		const s = await seedLinked(db);
		const { live, seen } = await mirrorOf<InvoiceLine>([s.line]);
		const err = await refused(updateShownFirst(db, live, 'invoiceLines', s.line.id, { description: '' }));
		expect(err.problems.map((p) => p.field)).toEqual(['description']);
		expect(seen).toEqual([]);
		expect(live.get(s.line.id)).toEqual(s.line);
		expect(await db.invoiceLines.get(s.line.id)).toEqual(s.line);
	});

	it('takes the edit back when the record was deleted elsewhere meanwhile', async () => {
		const s = await seedLinked(db);
		const { live } = await mirrorOf<InvoiceLine>([s.line]);
		await db.invoiceLines.delete(s.line.id);
		const err = await refused(updateShownFirst(db, live, 'invoiceLines', s.line.id, { qtyMilli: 2_000 }));
		expect(err.message).toContain('deleted');
		expect(live.get(s.line.id)).toBeUndefined();
	});

	it('waits for the commit when the edit renames, since other records move with it', async () => {
		const s = await seedLinked(db);
		const { live } = await mirrorOf<WorkOrder>([s.wo]);
		const write = updateShownFirst(db, live, 'workOrders', s.wo.id, { number: 'WO-101' });
		expect(live.get(s.wo.id)?.number).toBe('WO-100');
		await write;
		expect(live.get(s.wo.id)?.number).toBe('WO-101');
		expect((await db.invoiceLines.get(s.line.id))?.woNumber).toBe('WO-101');
	});
});

describe('changesOneRecord', () => {
	it('is false exactly for the fields a rename carries to other records', () => {
		expect(changesOneRecord('workOrders', { number: 'X' })).toBe(false);
		expect(changesOneRecord('workOrders', { description: 'X' })).toBe(true);
		expect(changesOneRecord('tasks', { code: 'T9' })).toBe(false);
		expect(changesOneRecord('poLines', { lineNo: 4 })).toBe(false);
		expect(changesOneRecord('poLines', { qtyMilli: 4 })).toBe(true);
		expect(changesOneRecord('invoiceLines', { lineNo: 4 })).toBe(true);
	});
});
