import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { deleteRecord, describeRecord, saveBatch, updateRecord } from './repository';
import * as b from '$lib/testing/builders';
import { counts, empty, freshDbEachTest, refused, seedLinked } from '$lib/testing/db';

let db: TieoutDB;
freshDbEachTest('integrity', (d) => (db = d));

describe('references follow a corrected number', () => {
	it('renaming a change order moves the tasks that cite it', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'changeOrders', s.co.id, { number: 'CO-1A' });
		expect((await db.tasks.get(s.task.id))?.changeOrderNumber).toBe('CO-1A');
	});

	it('renumbering a PO line moves the tasks and invoice lines on that PO', async () => {
		const s = await seedLinked(db);
		await db.tasks.update(s.task.id, { poLineNo: 1 });
		await updateRecord(db, 'poLines', s.pol.id, { lineNo: 7 });
		expect((await db.tasks.get(s.task.id))?.poLineNo).toBe(7);
		expect((await db.invoiceLines.get(s.line.id))?.poLineNo).toBe(7);
	});

	it('renumbering a PO line leaves another customer’s PO with the same number alone', async () => {
		const s = await seedLinked(db);
		const other = b.customer({ name: 'Other Buyer' });
		const theirs = b.workOrder({ customerId: other.id, number: 'WO-900', poNumber: '1001' });
		const theirTask = b.task({ workOrderId: theirs.id, code: 'T1', poLineNo: 1 });
		await saveBatch(db, { customers: [other], workOrders: [theirs], tasks: [theirTask] });
		await updateRecord(db, 'poLines', s.pol.id, { lineNo: 7 });
		expect((await db.tasks.get(theirTask.id))?.poLineNo).toBe(1);
	});
});

describe('refused deletes', () => {
	it('a PO line that a task is authorised by cannot be deleted', async () => {
		const s = await seedLinked(db);
		await db.invoiceLines.clear();
		await db.tasks.update(s.task.id, { poLineNo: 1 });
		const err = await refused(deleteRecord(db, 'poLines', s.pol.id));
		expect(err.message).toContain('WO-100 T1');
		expect(await db.poLines.get(s.pol.id)).toBeDefined();
	});
});

describe('saveBatch', () => {
	it('refuses a record that points at a customer that does not exist, storing nothing', async () => {
		const wo = b.workOrder({ customerId: 'nobody', number: 'WO-1' });
		const err = await refused(saveBatch(db, { workOrders: [wo] }));
		expect(err.message).toContain('Customer nobody does not exist');
		expect(await counts(db)).toEqual(empty);
	});

	it('refuses two customers with the same name in one batch, storing nothing', async () => {
		const err = await refused(saveBatch(db, { customers: [b.customer({ name: 'Acme' }), b.customer({ name: 'Acme' })] }));
		expect(err.message).toContain('A customer named "Acme" already exists');
		expect(await counts(db)).toEqual(empty);
	});
});

describe('describeRecord', () => {
	it('names lines by their number once', () => {
		expect(describeRecord('poLines', b.poLine({ lineNo: 3 }))).toBe('PO line 3');
		expect(describeRecord('invoiceLines', b.invoiceLine({ lineNo: 2 }))).toBe('Invoice line 2');
		expect(describeRecord('workOrders', b.workOrder({ number: 'WO-7' }))).toBe('Work order WO-7');
	});
});
