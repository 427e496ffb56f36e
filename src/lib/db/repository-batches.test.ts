import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { describeStorageError } from './errors';
import { applyChanges, saveBatch, saveRecord } from './repository';
import * as b from '$lib/testing/builders';
import { counts, empty, freshDbEachTest, refused, seedLinked } from '$lib/testing/db';

// Writes of many records in one change: a whole workbook, an import's puts and deletes, a revision.
let db: TieoutDB;
freshDbEachTest('batch', (d) => (db = d));

describe('saveBatch', () => {
	it('stores a whole workbook in one go', async () => {
		const cust = b.customer();
		const wo = b.workOrder({ customerId: cust.id });
		await saveBatch(db, { customers: [cust], workOrders: [wo], tasks: [b.task({ workOrderId: wo.id }), b.task({ workOrderId: wo.id })] });
		expect(await counts(db)).toMatchObject({ customers: 1, workOrders: 1, tasks: 2 });
	});

	it('stores nothing when one record is invalid, listing each problem by record', async () => {
		const cust = b.customer();
		const bad = b.workOrder({ customerId: cust.id, number: 'WO-BAD', type: 'warranty' });
		const err = await refused(saveBatch(db, { customers: [cust], workOrders: [b.workOrder({ customerId: cust.id }), bad] }));
		expect(err.message).toContain('Work order WO-BAD: A warranty work order names the original job number');
		expect(await counts(db)).toEqual(empty);
	});

	it('stores nothing when a key is duplicated, and says why in words', async () => {
		const cust = b.customer();
		const batch = { customers: [cust], workOrders: [b.workOrder({ customerId: cust.id, number: 'WO-1' }), b.workOrder({ customerId: cust.id, number: 'WO-1' })] };
		const err = await saveBatch(db, batch).then(() => null, (e: unknown) => e);
		expect(describeStorageError(err)).toBe('The batch was not saved: Work order WO-1: its id or number is already used');
		expect(await counts(db)).toEqual(empty);
	});

	it('stores nothing when a record duplicates one already stored', async () => {
		const s = await seedLinked(db);
		const before = await counts(db);
		const fresh = b.customer({ name: 'Initech' });
		const clash = b.invoice({ customerId: fresh.id, number: 'INV-1' });
		await expect(saveBatch(db, { customers: [fresh], invoices: [clash] })).rejects.toThrow();
		expect(await counts(db)).toEqual(before);
		expect(await db.invoices.toArray()).toEqual([s.inv]);
	});
});

describe('applyChanges', () => {
	it('adds, changes and removes together, keeping ids, and records the revision', async () => {
		const { po, pol } = await seedLinked(db);
		const line2 = b.poLine({ poId: po.id, lineNo: 2, buyerItemCode: 'MAT-1' });
		await applyChanges(db, { put: { poLines: [line2] } });
		const changed = { ...pol, unitPriceCents: 13_000 };
		const line3 = b.poLine({ poId: po.id, lineNo: 3 });
		await applyChanges(db, {
			put: { purchaseOrders: [{ ...po, revision: 2 }], poLines: [changed, line3] },
			remove: { poLines: [line2.id] },
			revisions: [{ id: 'rev-2', poId: po.id, revision: 2, appliedOn: '2027-01-20', summary: '1 changed, 1 added, 1 removed' }]
		});
		const lines = await db.poLines.where('poId').equals(po.id).sortBy('lineNo');
		expect(lines.map((l) => [l.id, l.lineNo, l.unitPriceCents])).toEqual([
			[pol.id, 1, 13_000],
			[line3.id, 3, line3.unitPriceCents]
		]);
		expect((await db.purchaseOrders.get(po.id))?.revision).toBe(2);
		expect(await db.poRevisions.where('poId').equals(po.id).count()).toBe(1);
	});

	it('refuses the whole set when one record breaks uniqueness, and changes nothing', async () => {
		const { po, pol } = await seedLinked(db);
		const before = await counts(db);
		const err = await refused(
			applyChanges(db, {
				put: { purchaseOrders: [{ ...po, revision: 2 }], poLines: [{ ...pol, unitPriceCents: 1 }, b.poLine({ poId: po.id, lineNo: 1 })] },
				revisions: [{ id: 'rev-x', poId: po.id, revision: 2, appliedOn: '2027-01-20', summary: '' }]
			})
		);
		expect(err.message).toMatch(/line 1/);
		expect(await counts(db)).toEqual(before);
		expect((await db.poLines.get(pol.id))?.unitPriceCents).toBe(pol.unitPriceCents);
		expect((await db.purchaseOrders.get(po.id))?.revision).toBe(po.revision);
		expect(await db.poRevisions.count()).toBe(0);
	});

	it('refuses lines whose PO does not exist, and a job at another customer’s site, naming them', async () => {
		const { po, site } = await seedLinked(db);
		const before = await counts(db);
		const other = b.customer({ name: 'Other Buyer' });
		const err = await refused(
			applyChanges(db, {
				put: {
					customers: [other],
					poLines: [b.poLine({ poId: po.id, lineNo: 7 }), b.poLine({ poId: 'po-gone', lineNo: 1 })],
					workOrders: [b.workOrder({ number: 'WO-X', customerId: other.id, siteId: site.id })]
				}
			})
		);
		expect(err.problems.map((p) => p.message)).toEqual(
			expect.arrayContaining([expect.stringContaining('Purchase order po-gone does not exist'), expect.stringContaining('belongs to another customer')])
		);
		expect(await counts(db)).toEqual(before);
	});

	it('adds records the caller made without reading them first, and refuses an id already stored instead of overwriting it', async () => {
		const { cust, po, pol } = await seedLinked(db);
		const fresh = b.poLine({ poId: po.id, lineNo: 5 });
		await applyChanges(db, { put: { poLines: [{ ...pol, description: 'Changed' }] }, add: { poLines: [fresh] } });
		expect(await db.poLines.get(fresh.id)).toEqual(fresh);
		expect((await db.poLines.get(pol.id))?.description).toBe('Changed');

		const before = await counts(db);
		const err = await refused(applyChanges(db, { add: { customers: [{ ...cust, name: 'Impostor' }, b.customer({ name: 'Newcomer' })] } }));
		expect(err.message).toContain('its id or number is already used');
		expect(await counts(db)).toEqual(before);
		expect((await db.customers.get(cust.id))?.name).toBe(cust.name);
	});

	it('checks customer names against what the set leaves stored: a name freed by a rename or a removal may be taken, a held one may not', async () => {
		const { cust } = await seedLinked(db);
		const spare = b.customer({ name: 'Spare Co' });
		await saveRecord(db, 'customers', spare);
		// Renamed and taken over in one set; the removed customer's name given to a new one.
		await applyChanges(db, { put: { customers: [{ ...cust, name: 'Acme Holdings' }] }, add: { customers: [b.customer({ name: cust.name })] } });
		await applyChanges(db, { remove: { customers: [spare.id] }, add: { customers: [b.customer({ name: 'Spare Co' })] } });
		expect((await db.customers.toArray()).map((c) => c.name).sort()).toEqual(['Acme Holdings', cust.name, 'Spare Co'].sort());

		const before = await counts(db);
		const held = await refused(applyChanges(db, { add: { customers: [b.customer({ name: 'Acme Holdings' })] } }));
		expect(held.message).toContain('A customer named "Acme Holdings" already exists');
		const twice = await refused(applyChanges(db, { add: { customers: [b.customer({ name: 'Twin' }), b.customer({ name: 'Twin' })] } }));
		expect(twice.message).toContain('A customer named "Twin" already exists');
		expect(await counts(db)).toEqual(before);
	});

	it('refuses an invalid record before writing anything', async () => {
		const { po } = await seedLinked(db);
		const before = await counts(db);
		const err = await refused(applyChanges(db, { put: { poLines: [b.poLine({ poId: po.id, lineNo: 0 })] } }));
		expect(err.message).toContain('Nothing was saved');
		expect(await counts(db)).toEqual(before);
	});
});

describe('a revision of many lines', () => {
	it('is stored (regression: a 100-line revision of two POs was refused, "the save was interrupted", PrematureCommitError)', async () => {
		const cust = b.customer();
		await saveRecord(db, 'customers', cust);
		const pos = [0, 1].map((i) => b.purchaseOrder({ customerId: cust.id, number: `P-${i}` }));
		const lines = pos.flatMap((po) => Array.from({ length: 50 }, (_, i) => b.poLine({ poId: po.id, lineNo: i + 1 })));
		await applyChanges(db, { put: { purchaseOrders: pos, poLines: lines } });
		const revised = lines.map((l) => ({ ...l, description: 'Revised', costCenter: 'CC-9' }));
		await applyChanges(db, { put: { purchaseOrders: pos.map((p) => ({ ...p, revision: 1 })), poLines: revised } });
		expect((await db.poLines.toArray()).every((l) => l.description === 'Revised')).toBe(true);
	});
});
