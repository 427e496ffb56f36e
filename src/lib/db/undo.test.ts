import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TieoutDB } from './database';
import { applyChanges, deleteRecord, saveRecord, updateRecord, updateRecords } from './repository';
import { onCommitted } from './history';
import { undoChange } from './undo';
import { exportBackup } from './backup';
import * as b from '$lib/testing/builders';
import { freshDbEachTest, refused, seedLinked } from '$lib/testing/db';

let db: TieoutDB;
freshDbEachTest('undo', (d) => (db = d));

/** Runs `write` and returns the id of the change it committed. */
async function changeOf(write: () => Promise<unknown>): Promise<string> {
	let id = '';
	const stop = onCommitted((c) => (id = c.change));
	try {
		await write();
	} finally {
		stop();
	}
	expect(id).not.toBe('');
	return id;
}

const records = async (d: TieoutDB) => {
	const { history: _h, ...rest } = (await exportBackup(d, 'now')).tables;
	void _h;
	return rest;
};

describe('undo', () => {
	it('puts an edited field back, and redo (the undo of the undo) sets it again', async () => {
		const s = await seedLinked(db);
		const edit = await changeOf(() => updateRecord(db, 'sites', s.site.id, { costCenter: '' }));
		const undo = await changeOf(() => undoChange(db, edit, { kind: 'undo' }));
		expect((await db.sites.get(s.site.id))!.costCenter).toBe(s.site.costCenter);
		await undoChange(db, undo, { kind: 'redo' });
		expect((await db.sites.get(s.site.id))!.costCenter).toBe('');
	});

	it('brings a deleted job back whole, with its tasks, change orders and sign-off photos', async () => {
		const s = await seedLinked(db);
		await db.invoiceLines.clear();
		await db.invoices.update(s.inv.id, { workOrderNumbers: [] });
		await db.attachments.add({ id: 'att-1', workOrderId: s.wo.id, name: 'gauge.png', type: 'image/png', addedOn: '2026-12-01', data: new Blob([new Uint8Array([1, 2, 3])]) });
		const before = await records(db);
		const del = await changeOf(() => deleteRecord(db, 'workOrders', s.wo.id));
		expect(await db.tasks.count()).toBe(0);
		expect(await db.attachments.count()).toBe(0);
		await undoChange(db, del, { kind: 'undo' });
		expect(await records(db)).toEqual(before);
	});

	it('takes an import back as one step, the PO revision it logged too', async () => {
		const s = await seedLinked(db);
		const before = await records(db);
		const po = b.purchaseOrder({ customerId: s.cust.id, number: '2002' });
		const lines = Array.from({ length: 2_100 }, (_, i) => b.poLine({ poId: po.id, lineNo: i + 1 }));
		const changed = { ...s.pol, description: 'Revised scope' };
		const imp = await changeOf(() =>
			applyChanges(db, { put: { purchaseOrders: [po], poLines: [...lines, changed] }, revisions: [{ id: 'rev-1', poId: s.po.id, revision: 2, appliedOn: '2026-12-08', summary: '1 changed' }] }, undefined, { kind: 'import', file: 'buyer-po.csv' })
		);
		expect(await db.poLines.count()).toBe(2_101);
		await undoChange(db, imp, { kind: 'undo' });
		expect(await records(db)).toEqual(before);
	});

	it('refuses, naming the record and field, when another tab changed the field since, and changes nothing', async () => {
		const s = await seedLinked(db);
		const edit = await changeOf(() => updateRecord(db, 'sites', s.site.id, { costCenter: 'CC-1' }));
		const other = new TieoutDB(db.name);
		await updateRecord(other, 'sites', s.site.id, { costCenter: 'CC-2' });
		other.close();
		const count = await db.history.count();
		const err = await refused(undoChange(db, edit, { kind: 'undo' }));
		expect(err.message).toBe('Nothing was undone: Site Tower A: Cost centre was changed after this step');
		expect((await db.sites.get(s.site.id))!.costCenter).toBe('CC-2');
		expect(await db.history.count()).toBe(count);
	});

	it('refuses to take back a created record that was edited since, but not one edited and put back', async () => {
		const c = b.customer({ name: 'Northwind' });
		const made = await changeOf(() => saveRecord(db, 'customers', c));
		const edit = await changeOf(() => updateRecord(db, 'customers', c.id, { apContact: 'Dana' }));
		expect((await refused(undoChange(db, made, { kind: 'undo' }))).message).toContain('Customer Northwind: AP contact was changed after this step');
		await undoChange(db, edit, { kind: 'undo' });
		await undoChange(db, made, { kind: 'undo' });
		expect(await db.customers.count()).toBe(0);
	});

	it('refuses to take back a job that has a task added since, or a customer a job was filed under since', async () => {
		const cust = b.customer();
		const made = await changeOf(() => saveRecord(db, 'customers', cust));
		const wo = b.workOrder({ customerId: cust.id, number: 'WO-7' });
		const job = await changeOf(() => saveRecord(db, 'workOrders', wo));
		await saveRecord(db, 'tasks', b.task({ workOrderId: wo.id, code: 'T9' }));
		expect((await refused(undoChange(db, job, { kind: 'undo' }))).message).toContain('Work order WO-7 has Task T9 added since');
		expect((await refused(undoChange(db, made, { kind: 'undo' }))).message).toContain('is still used by work orders WO-7');
	});
});

describe('undo of many lines', () => {
	it('takes back 150 invoice lines added and 200 changed on one invoice, then redoes them', async () => {
		const s = await seedLinked(db);
		const old = Array.from({ length: 200 }, (_, i) => b.invoiceLine({ invoiceId: s.inv.id, lineNo: i + 2 }));
		await applyChanges(db, { put: { invoiceLines: old } });
		const before = await records(db);
		const added = Array.from({ length: 150 }, (_, i) => b.invoiceLine({ invoiceId: s.inv.id, lineNo: i + 500 }));
		const paste = await changeOf(() => applyChanges(db, { put: { invoiceLines: [...old.map((l) => ({ ...l, description: 'pasted', rateCents: 1 })), ...added] } }, undefined, { kind: 'paste' }));
		const after = await records(db);
		const undo = await changeOf(() => undoChange(db, paste, { kind: 'undo' }));
		expect(await records(db)).toEqual(before);
		await undoChange(db, undo, { kind: 'redo' });
		expect(await records(db)).toEqual(after);
	});
});

/** A random write on a small workbook: an edit, a batch edit, a new task, a delete, an import. */
const step = fc.oneof(
	fc.record({ kind: fc.constant('edit' as const), site: fc.nat(2), text: fc.string({ maxLength: 6 }) }),
	fc.record({ kind: fc.constant('batch' as const), qty: fc.integer({ min: 0, max: 9_000 }) }),
	fc.record({ kind: fc.constant('task' as const), code: fc.stringMatching(/^[A-Z]\d$/) }),
	fc.record({ kind: fc.constant('delete' as const), which: fc.nat(5) }),
	fc.record({ kind: fc.constant('import' as const), lines: fc.integer({ min: 1, max: 30 }), rename: fc.boolean() })
);

describe('undo all, redo all (property)', () => {
	it('undoing every change in turn returns storage to the start; redoing every undo returns it to the end', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
				const d = new TieoutDB(`undo-prop-${crypto.randomUUID()}`);
				try {
					const cust = b.customer({ name: 'Acme' });
					const sites = [0, 1, 2].map((i) => b.site({ customerId: cust.id, name: `Site ${i}` }));
					const wo = b.workOrder({ customerId: cust.id, number: 'WO-1' });
					const po = b.purchaseOrder({ customerId: cust.id, number: 'P-1' });
					await applyChanges(d, { put: { customers: [cust], sites, workOrders: [wo], purchaseOrders: [po], tasks: [b.task({ workOrderId: wo.id, code: 'A0' })] } });
					const start = await records(d);
					const done: string[] = [];
					let n = 0;
					for (const s of steps) {
						const write = async () => {
							if (s.kind === 'edit') await updateRecord(d, 'sites', sites[s.site]!.id, { costCenter: s.text });
							if (s.kind === 'batch') {
								const tasks = await d.tasks.toArray();
								await updateRecords(d, tasks.map((t) => ({ table: 'tasks' as const, record: { ...t, qtyMilli: s.qty } })));
							}
							if (s.kind === 'task') await saveRecord(d, 'tasks', b.task({ workOrderId: wo.id, code: s.code }));
							if (s.kind === 'delete') {
								const tasks = await d.tasks.toArray();
								const t = tasks[s.which % Math.max(1, tasks.length)];
								if (t) await deleteRecord(d, 'tasks', t.id);
							}
							if (s.kind === 'import') {
								const p = b.purchaseOrder({ customerId: cust.id, number: `I-${n++}` });
								const lines = Array.from({ length: s.lines }, (_, i) => b.poLine({ poId: p.id, lineNo: i + 1 }));
								await applyChanges(d, { put: { purchaseOrders: s.rename ? [p, { ...po, number: `P-${n}` }] : [p], poLines: lines } }, undefined, { kind: 'import', file: 'x.csv' });
							}
						};
						let id = '';
						const stop = onCommitted((c) => (id = c.change));
						await write().catch(() => {}); // a refused write (a duplicate task code) is no change
						stop();
						if (id) done.push(id);
					}
					const end = await records(d);
					const undos: string[] = [];
					for (const id of [...done].reverse()) undos.push(await changeOf(() => undoChange(d, id, { kind: 'undo' })));
					expect(await records(d)).toEqual(start);
					for (const id of [...undos].reverse()) await undoChange(d, id, { kind: 'redo' });
					expect(await records(d)).toEqual(end);
				} finally {
					await d.delete();
				}
			}),
			{ numRuns: 25 }
		);
	});
});
