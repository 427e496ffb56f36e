import { describe, expect, it, vi } from 'vitest';
import type { TieoutDB } from '$lib/db/database';
import type { FirstRowsSnapshot, GridFrame } from './first-rows';
import * as b from '$lib/testing/builders';
import { testWorkbooks } from '$lib/testing/workbooks';
import { LineSnapshots, tablesBehind, type Surroundings } from './line-snapshots';

const open = testWorkbooks('line-snapshots');

/** A window 1440 × 900 whose line grids sit where the app puts them. */
const FRAME: GridFrame = { left: 24, top: 150, rightGap: 24, bottomGap: 20 };

function surroundings(path = '/lines/tasks', frame: GridFrame | null = FRAME) {
	const stored = new Map<string, string>();
	const storage = {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, v),
		removeItem: (k: string) => void stored.delete(k)
	} as Storage;
	const env = { path, frame, width: 1440, height: 900, drawing: 'drawing-1' };
	const surround: Surroundings = {
		storage: () => storage,
		view: () => ({ width: env.width, height: env.height }),
		path: () => env.path,
		frame: () => env.frame,
		drawing: () => env.drawing
	};
	const snapshot = (path: string, slug: string): FirstRowsSnapshot | null => JSON.parse(stored.get(`tieout:first-rows:${path}#${slug}`) ?? 'null') as FirstRowsSnapshot | null;
	return { env, surround, snapshot };
}

/** Two buyers whose POs sort by customer name, not by PO number; lines stored out of order. */
async function fill(db: TieoutDB) {
	const zeta = b.customer({ id: 'c-zeta', name: 'Zeta Property' });
	const acme = b.customer({ id: 'c-acme', name: 'Acme Facilities' });
	const poZ = b.purchaseOrder({ id: 'po-z', customerId: zeta.id, number: '100' });
	const poA = b.purchaseOrder({ id: 'po-a', customerId: acme.id, number: '200' });
	await db.customers.bulkAdd([zeta, acme]);
	await db.purchaseOrders.bulkAdd([poZ, poA]);
	await db.poLines.bulkAdd([
		b.poLine({ id: 'z3', poId: poZ.id, lineNo: 3 }),
		b.poLine({ id: 'z1', poId: poZ.id, lineNo: 1 }),
		b.poLine({ id: 'a2', poId: poA.id, lineNo: 2 }),
		b.poLine({ id: 'z2', poId: poZ.id, lineNo: 2 }),
		b.poLine({ id: 'a1', poId: poA.id, lineNo: 1 })
	]);
	const wo = b.workOrder({ id: 'wo-1', customerId: acme.id, siteId: null, number: 'WO-1' });
	await db.workOrders.add(wo);
	await db.tasks.bulkAdd([b.task({ id: 't2', workOrderId: wo.id, code: 'T2' }), b.task({ id: 't1', workOrderId: wo.id, code: 'T1' })]);
}

describe('LineSnapshots: the first screen of every line page, kept from the workbook', () => {
	it('writes each line page in the order it opens in, with the frame measured on the page shown', async () => {
		const wb = await open(fill);
		const { surround, snapshot } = surroundings('/lines/tasks');
		const keeper = new LineSnapshots(wb, surround, 0);
		keeper.layoutChanged();
		expect(await keeper.flush()).toEqual(['all-tasks', 'all-po-lines', 'all-invoice-lines']);

		const po = snapshot('/lines/po-lines', 'all-po-lines')!;
		expect(po.rows.map((r) => r.id)).toEqual(['a1', 'a2', 'z1', 'z2', 'z3']);
		expect(po.rows[0]!.cells.slice(0, 3)).toEqual(['200', 'Acme Facilities', '1']);
		expect(po.columns.slice(0, 3).map((c) => c.header)).toEqual(['PO', 'Customer', 'Line']);
		expect({ left: po.left, top: po.top, rightGap: po.rightGap, bottomGap: po.bottomGap }).toEqual(FRAME);
		expect(po).toMatchObject({ v: 2, drawing: 'drawing-1', db: wb.db.name, marker: true });
		expect(po.sources.map(([t, id]) => `${t}:${id}`)).toEqual(expect.arrayContaining(['poLines:a1', 'purchaseOrders:po-a', 'customers:c-acme', 'settings:app']));
		expect(snapshot('/lines/tasks', 'all-tasks')!.rows.map((r) => r.id)).toEqual(['t1', 't2']);
		// No invoice lines: nothing to draw, so no snapshot.
		expect(snapshot('/lines/invoice-lines', 'all-invoice-lines')).toBeNull();
	});

	it('draws a grid in its kept view (grid-views.ts), and not at all when that view sorts or filters its rows', async () => {
		const wb = await open(fill);
		const { surround, snapshot } = surroundings('/lines/po-lines');
		const views = surround.storage();
		views.setItem('tieout:grid-views:all-po-lines', JSON.stringify({ v: 1, current: { columns: [{ colId: 'customer', hide: true }, { colId: 'lineNo', width: 150 }, { colId: 'po' }, { colId: 'gone', width: 10 }], filter: {}, search: '' }, named: [] }));
		const keeper = new LineSnapshots(wb, surround, 0);
		keeper.layoutChanged();
		await keeper.flush();
		const po = snapshot('/lines/po-lines', 'all-po-lines')!;
		expect(po.columns.slice(0, 3).map((c) => [c.header, c.width])).toEqual([
			['PO', 100],
			['Line', 150],
			['Buyer item', 130]
		]);
		expect(po.rows[0]!.cells.slice(0, 2)).toEqual(['200', '1']);

		views.setItem('tieout:grid-views:all-po-lines', JSON.stringify({ v: 1, current: { columns: [{ colId: 'lineNo', sort: 'desc' }], filter: {}, search: '' }, named: [] }));
		keeper.layoutChanged();
		await keeper.flush();
		expect(snapshot('/lines/po-lines', 'all-po-lines')).toBeNull();
	});

	it('keeps only the rows and columns that fit the window', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings();
		env.width = 24 + 58 + 100 + 200 + 24 + 10;
		env.height = 150 + 30 + 2 * 28 + 20;
		const keeper = new LineSnapshots(wb, surround, 0);
		keeper.layoutChanged();
		await keeper.flush();
		const po = snapshot('/lines/po-lines', 'all-po-lines')!;
		expect(po.rows.map((r) => r.id)).toEqual(['a1', 'a2']);
		expect(po.columns.map((c) => c.header)).toEqual(['PO', 'Customer', 'Line']);
	});

	it('writes nothing until a line page has been measured, then places every page by that frame', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings('/purchase-orders', null);
		const keeper = new LineSnapshots(wb, surround, 0);
		keeper.layoutChanged();
		expect(await keeper.flush()).toEqual([]);
		expect(snapshot('/lines/po-lines', 'all-po-lines')).toBeNull();

		env.path = '/lines/invoice-lines';
		env.frame = { ...FRAME, top: 170 };
		expect(await keeper.flush()).toHaveLength(3);
		expect(snapshot('/lines/po-lines', 'all-po-lines')!.top).toBe(170);

		// Back on a page without a line grid, the stored frame still places them.
		env.path = '/';
		env.frame = null;
		keeper.layoutChanged();
		expect(await keeper.flush()).toHaveLength(3);
		expect(snapshot('/lines/tasks', 'all-tasks')!.top).toBe(170);
	});

	it('places no page by a frame measured under another drawing key, whose layout may differ', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings('/lines/tasks');
		const before = new LineSnapshots(wb, surround, 0);
		before.layoutChanged();
		expect(await before.flush()).toHaveLength(3);

		// The next build, started on a page without a line grid.
		env.drawing = 'drawing-2';
		env.path = '/customers';
		env.frame = null;
		const after = new LineSnapshots(wb, surround, 0);
		after.layoutChanged();
		expect(await after.flush()).toEqual([]);
		expect(snapshot('/lines/po-lines', 'all-po-lines')!.drawing).toBe('drawing-1');

		env.path = '/lines/po-lines';
		env.frame = { ...FRAME, top: 190 };
		after.layoutChanged();
		expect(await after.flush()).toHaveLength(3);
		expect(snapshot('/lines/tasks', 'all-tasks')).toMatchObject({ drawing: 'drawing-2', top: 190 });
	});

	it('measures a line page as soon as it is shown, so a glance at one places them all', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings('/lines/tasks');
		const keeper = new LineSnapshots(wb, surround, 60_000);
		keeper.layoutChanged();
		env.path = '/customers';
		env.frame = null;
		await keeper.flush();
		expect(snapshot('/lines/po-lines', 'all-po-lines')).toMatchObject(FRAME);
	});

	it('does not keep a table read only in part: its top rows may not be the real ones', async () => {
		const wb = await open(
			async (db) => {
				await fill(db);
				await db.tasks.bulkAdd(Array.from({ length: 400 }, (_, i) => b.task({ id: `bulk-${i}`, workOrderId: 'wo-1', code: `T${1000 + i}` })));
			},
			{ linesLoaded: false }
		);
		const { surround, snapshot } = surroundings();
		const keeper = new LineSnapshots(wb, surround, 0);
		keeper.layoutChanged();
		expect(await keeper.flush()).not.toContain('all-tasks');
		expect(snapshot('/lines/tasks', 'all-tasks')).toBeNull();
		await wb.linesLoaded;
		keeper.layoutChanged();
		expect(await keeper.flush()).toContain('all-tasks');
	});

	// The bug this pins: a snapshot was kept only by the page's own grid, so a buyer renamed on the
	// Customers page left All PO lines drawing its old top rows on the next visit.
	it('rewrites a page a quiet moment after a record behind it changes on another page', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings('/lines/tasks');
		const keeper = new LineSnapshots(wb, surround, 20);
		keeper.start();
		await vi.waitFor(() => expect(snapshot('/lines/po-lines', 'all-po-lines')?.rows[0]?.id).toBe('a1'));

		env.path = '/customers';
		await wb.db.customers.update('c-zeta', { name: 'Aardvark Holdings' });
		await vi.waitFor(() => expect(snapshot('/lines/po-lines', 'all-po-lines')?.rows.map((r) => r.id)).toEqual(['z1', 'z2', 'z3', 'a1', 'a2']));
		expect(snapshot('/lines/po-lines', 'all-po-lines')!.rows[0]!.cells[1]).toBe('Aardvark Holdings');
		keeper.stop();
	});

	it('rewrites only the pages drawn from the table that changed', async () => {
		const wb = await open(fill);
		const { surround } = surroundings('/lines/tasks');
		const keeper = new LineSnapshots(wb, surround, 60_000);
		keeper.start();
		await wb.linesLoaded;
		await keeper.flush();
		await wb.db.purchaseOrders.update('po-a', { number: '050' });
		await vi.waitFor(() => expect(wb.tables.purchaseOrders.get('po-a')?.number).toBe('050'));
		expect(await keeper.flush()).toEqual(['all-po-lines']);
		await wb.db.workOrders.update('wo-1', { number: 'WO-9' });
		await vi.waitFor(() => expect(wb.tables.workOrders.get('wo-1')?.number).toBe('WO-9'));
		expect(await keeper.flush()).toEqual(['all-tasks']);
		keeper.stop();
	});

	it('leaves a first screen unwritten when an edited line can neither be on it nor come before its last row', async () => {
		const wb = await open(fill);
		const { env, surround, snapshot } = surroundings('/lines/po-lines');
		env.height = 150 + 30 + 2 * 28 + 20; // two rows: a1, a2
		const keeper = new LineSnapshots(wb, surround, 60_000);
		keeper.start();
		await wb.linesLoaded;
		await keeper.flush();
		const shown = () => snapshot('/lines/po-lines', 'all-po-lines')!.rows.map((r) => r.id);
		expect(shown()).toEqual(['a1', 'a2']);
		const edit = async (what: () => Promise<unknown>, seen: () => boolean) => {
			await what();
			await vi.waitFor(() => expect(seen()).toBe(true));
			return keeper.flush();
		};
		const lines = wb.tables.poLines;
		expect(await edit(() => wb.db.poLines.update('z3', { description: 'Far below' }), () => lines.get('z3')?.description === 'Far below')).toEqual([]);
		expect(await edit(() => wb.db.poLines.delete('z2'), () => !lines.get('z2'))).toEqual([]);
		expect(await edit(() => wb.db.poLines.add(b.poLine({ id: 'z9', poId: 'po-z', lineNo: 9 })), () => !!lines.get('z9'))).toEqual([]);
		expect(await edit(() => wb.db.poLines.update('a2', { description: 'On screen' }), () => lines.get('a2')?.description === 'On screen')).toEqual(['all-po-lines']);
		expect(snapshot('/lines/po-lines', 'all-po-lines')!.rows[1]!.cells).toContain('On screen');
		expect(await edit(() => wb.db.poLines.add(b.poLine({ id: 'a0', poId: 'po-a', lineNo: 0 })), () => !!lines.get('a0'))).toEqual(['all-po-lines']);
		expect(shown()).toEqual(['a0', 'a1']);
		// a2 has left the screen: an edit to it now changes nothing drawn.
		expect(await edit(() => wb.db.poLines.update('a2', { description: 'Off screen' }), () => lines.get('a2')?.description === 'Off screen')).toEqual([]);
		keeper.stop();
	});

	it('knows which tables each page is drawn from', () => {
		expect([...tablesBehind('poLines')].sort()).toEqual(['customers', 'poLines', 'purchaseOrders', 'settings']);
		expect([...tablesBehind('tasks')].sort()).toEqual(['customers', 'settings', 'sites', 'tasks', 'workOrders']);
		expect([...tablesBehind('invoiceLines')].sort()).toEqual(['customers', 'invoiceLines', 'invoices', 'settings']);
	});
});
