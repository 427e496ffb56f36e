import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { applyChanges, deleteRecord, saveRecord, updateRecord } from './repository';
import { ChangeRecorder, historyOf, keyOf, onCommitted, PART, type CommittedChange } from './history';
import { onStorageMutated, type TableChange } from './changes';
import * as b from '$lib/testing/builders';
import { freshDbEachTest, refused, seedLinked } from '$lib/testing/db';

let db: TieoutDB;
freshDbEachTest('history', (d) => (db = d));

describe('the history of every change', () => {
	it('keeps an edit as its fields, old and new, with its cause, in one row per change', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'sites', s.site.id, { costCenter: '' }, undefined, { kind: 'edit' });
		const [row] = await historyOf(db, 'sites', s.site.id);
		expect(row).toMatchObject({ cause: { kind: 'edit', file: '', label: '' }, total: 1, keys: [keyOf('sites', s.site.id)], deleted: [] });
		expect(row!.updated).toEqual([{ key: keyOf('sites', s.site.id), before: { costCenter: s.site.costCenter }, after: { costCenter: '' } }]);
	});

	it('names a created record only (its values are the record itself)', async () => {
		const c = b.customer({ name: 'Northwind' });
		await saveRecord(db, 'customers', c, { kind: 'create' });
		const [row] = await historyOf(db, 'customers', c.id);
		expect(row).toMatchObject({ keys: [keyOf('customers', c.id)], updated: [], deleted: [], cause: { kind: 'create' } });
	});

	it('keeps a deleted job whole with its cascaded tasks and change orders, in the same change', async () => {
		const s = await seedLinked(db);
		await db.invoiceLines.clear();
		await db.invoices.update(s.inv.id, { workOrderNumbers: [] });
		await deleteRecord(db, 'workOrders', s.wo.id);
		const [row] = await historyOf(db, 'tasks', s.task.id);
		expect(row!.cause.kind).toBe('delete');
		expect(row!.deleted.map((d) => d.key).sort()).toEqual([keyOf('workOrders', s.wo.id), keyOf('tasks', s.task.id), keyOf('changeOrders', s.co.id)].sort());
		expect(row!.deleted.find((d) => d.key === keyOf('workOrders', s.wo.id))!.record).toEqual(s.wo);
	});

	it('keeps a rename and the references it moved as one change', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'workOrders', s.wo.id, { number: 'WO-101' });
		const [row] = await historyOf(db, 'invoiceLines', s.line.id);
		expect(row!.keys.sort()).toEqual([keyOf('workOrders', s.wo.id), keyOf('invoiceLines', s.line.id), keyOf('invoices', s.inv.id)].sort());
		expect(row!.updated.find((u) => u.key === keyOf('invoiceLines', s.line.id))).toMatchObject({ before: { woNumber: 'WO-100' }, after: { woNumber: 'WO-101' } });
	});

	it('keeps an import with its file name, in parts of at most PART records, ids only', async () => {
		const cust = b.customer();
		await saveRecord(db, 'customers', cust);
		const po = b.purchaseOrder({ customerId: cust.id, number: 'P-1' });
		const lines = Array.from({ length: PART + 5 }, (_, i) => b.poLine({ poId: po.id, lineNo: i + 1 }));
		await applyChanges(db, { put: { purchaseOrders: [po], poLines: lines } }, undefined, { kind: 'import', file: 'buyer-po.csv' });
		const rows = await db.history.where('lookup').equals(keyOf('purchaseOrders', po.id)).toArray();
		const all = await db.history.where('change').equals(rows[0]!.change).toArray();
		expect(all.map((r) => r.keys.length).sort((a, b) => a - b)).toEqual([6, PART]);
		expect(all.every((r) => r.cause.file === 'buyer-po.csv' && r.total === PART + 6 && !r.updated.length && !r.deleted.length)).toBe(true);
	});

	it('files lines created with their PO under the PO, one index entry per PO, and still finds each line\'s history (schema 6)', async () => {
		const cust = b.customer();
		await saveRecord(db, 'customers', cust);
		const pos = [b.purchaseOrder({ customerId: cust.id, number: 'P-1' }), b.purchaseOrder({ customerId: cust.id, number: 'P-2' })];
		const lines = pos.flatMap((po) => Array.from({ length: PART }, (_, i) => b.poLine({ poId: po.id, lineNo: i + 1 })));
		await applyChanges(db, { put: { purchaseOrders: pos, poLines: lines } }, undefined, { kind: 'import', file: 'log.csv' });
		const rows = (await db.history.toArray()).filter((r) => r.cause.kind === 'import');
		expect(rows.flatMap((r) => r.keys)).toHaveLength(2 + 2 * PART);
		// No line is indexed, and each part is found by the PO of every line it holds, however the lines fall into parts.
		const poOf = new Map(lines.map((l) => [keyOf('poLines', l.id), keyOf('purchaseOrders', l.poId)]));
		expect(new Set(rows.flatMap((r) => r.lookup))).toEqual(new Set(pos.map((p) => keyOf('purchaseOrders', p.id))));
		for (const row of rows) expect(new Set(row.lookup)).toEqual(new Set(row.keys.map((k) => poOf.get(k) ?? k)));
		for (const line of [lines[0]!, lines[PART - 1]!, lines[PART]!, lines.at(-1)!]) {
			expect((await historyOf(db, 'poLines', line.id)).map((r) => r.cause), line.lineNo.toString()).toEqual([{ kind: 'import', file: 'log.csv', label: '' }]);
		}
		await updateRecord(db, 'poLines', lines.at(-1)!.id, { description: 'Moved' }, undefined, { kind: 'edit' });
		const last = await historyOf(db, 'poLines', lines.at(-1)!.id);
		expect(last.map((r) => r.cause.kind)).toEqual(['edit', 'import']);
		expect(last[0]!.lookup).toEqual([keyOf('poLines', lines.at(-1)!.id)]);
	});

	it('indexes a line added to a PO that was already stored under its own key', async () => {
		const s = await seedLinked(db);
		const line = b.poLine({ poId: s.po.id, lineNo: 99 });
		await saveRecord(db, 'poLines', line, { kind: 'create' });
		const [row] = await historyOf(db, 'poLines', line.id);
		expect(row!.lookup).toEqual([keyOf('poLines', line.id)]);
	});

	it('finds the creation of a line an edit moved to another PO since', async () => {
		const s = await seedLinked(db);
		const po = b.purchaseOrder({ customerId: s.cust.id, number: 'P-NEW' });
		const line = b.poLine({ poId: po.id, lineNo: 1 });
		await applyChanges(db, { put: { purchaseOrders: [po], poLines: [line] } }, undefined, { kind: 'import', file: 'new.csv' });
		await updateRecord(db, 'poLines', line.id, { poId: s.po.id, lineNo: 50 }, undefined, { kind: 'edit' });
		expect((await historyOf(db, 'poLines', line.id)).map((r) => r.cause.kind)).toEqual(['edit', 'import']);
	});

	it('keeps nothing of a refused write', async () => {
		const s = await seedLinked(db);
		const before = await db.history.count();
		await refused(updateRecord(db, 'workOrders', s.wo.id, { customerId: 'nobody' }));
		expect(await db.history.count()).toBe(before);
	});

	it('tells this tab of each committed change, and never the change feed of records', async () => {
		const s = await seedLinked(db);
		const heard: CommittedChange[] = [];
		const stop = onCommitted((c) => heard.push(c));
		const fed: TableChange[][] = [];
		const off = onStorageMutated(db.name, (c) => fed.push(c));
		await updateRecord(db, 'sites', s.site.id, { name: 'Tower B' }, undefined, { kind: 'paste' });
		await new Promise((r) => setTimeout(r, 20));
		stop();
		off();
		expect(heard).toMatchObject([{ db: db.name, cause: { kind: 'paste' }, total: 1, undoes: '' }]);
		expect(fed.flat().map((c) => c.table)).toEqual(['sites']);
	});

	it('counts a record touched twice in one change once, from first state to last', () => {
		const rec = new ChangeRecorder();
		rec.created('customers', { id: 'c', name: 'A' });
		rec.changed('customers', { id: 'c', name: 'A' }, { id: 'c', name: 'B' });
		rec.changed('sites', { id: 's', name: 'X' }, { id: 's', name: 'X' });
		const rows = rec.rows('ch', 'now', { kind: 'edit' });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ keys: ['customers:c'], updated: [], deleted: [], total: 1 });
	});
});
