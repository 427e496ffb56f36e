import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '$lib/db/database';
import { historyOf } from '$lib/db/history';
import { saveRecord } from '$lib/db/repository';
import { everything, openedDbs } from '$lib/testing/db';
import { answer, plannedWrite } from '$lib/io/csv/worker/handle';
import type { WorkerRequest } from '$lib/io/csv/worker/protocol';
import { acme } from '$lib/io/csv/test-helpers';
import { writePlanned, type WriteResponse } from './import-write';

/*
 * The import worker stores the plan it checked (issue 20: a 100,000-line import cloned every
 * record on the page's thread). The same file read and checked as in the worker, then written
 * by writePlanned against a real (fake-indexeddb) workbook.
 */

const opened = openedDbs('import-write');
const MAPPING = { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit Price' };

const csv = (lines: number) =>
	['PO Number,Line,Description,Quantity,Unit Price', ...Array.from({ length: lines }, (_, i) => `PO-${Math.floor(i / 500)},${(i % 500) + 1},Line ${i},1,10.00`)].join('\n');

function check(lines: number, customers = [acme]): void {
	const ask = (req: WorkerRequest) => answer(req, () => {})[0]!;
	const bytes = new TextEncoder().encode(csv(lines)).buffer as ArrayBuffer;
	expect(ask({ type: 'read', id: 1, bytes, fileName: 'log.csv', chosen: {} })).toMatchObject({ ok: true });
	const plan = ask({ type: 'plan', id: 2, kind: 'po', mapping: MAPPING, options: { decimal: '.', dateOrder: 'mdy' }, customerId: customers[0]!.id, customers, sites: [], today: '2027-01-15', stored: {}, references: {} });
	expect(plan).toMatchObject({ outcome: { ok: true } });
}

const mapping: ColumnMapping = { id: 'm1', customerId: acme.id, kind: 'po', headerSignature: 'sig', mapping: MAPPING };

async function workbook() {
	const db = await opened();
	await saveRecord(db, 'customers', acme);
	return db;
}

describe('the import worker’s write', () => {
	it('stores the checked plan and the mapping in one change, tells its progress rising to the whole, then that it is committing, and answers with the change for the undo list', async () => {
		const db = await workbook();
		check(2_500);
		const told: WriteResponse[] = [];
		const r = await writePlanned(db, plannedWrite(), { type: 'write', id: 9, db: db.name, mapping, file: 'log.csv', recording: true }, new AbortController().signal, (x) => told.push(x));
		expect(r).toMatchObject({ type: 'written', id: 9, ok: true, committed: { db: db.name, cause: { kind: 'import', file: 'log.csv' }, total: 2_510 } });
		// 5 POs, 2,500 lines and each new PO's first revision record.
		expect(await db.purchaseOrders.count()).toBe(5);
		expect((await db.poLines.toArray()).map((l) => l.description).sort()).toEqual(Array.from({ length: 2_500 }, (_, i) => `Line ${i}`).sort());
		expect(await db.mappings.get('m1')).toEqual(mapping);
		const line = (await db.poLines.toArray())[0]!;
		expect((await historyOf(db, 'poLines', line.id)).map((h) => h.cause)).toEqual([{ kind: 'import', file: 'log.csv', label: '' }]);
		const fractions = told.filter((t) => t.type === 'progress' && !t.committing).map((t) => (t.type === 'progress' ? t.fraction : NaN));
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions.length).toBeLessThanOrEqual(101);
		expect(fractions.at(-1)).toBe(1);
		expect(told.filter((t) => t.type === 'progress' && t.committing)).toHaveLength(1);
		expect(told.at(-1)).toMatchObject({ committing: true });
	});

	it('stopped halfway answers that it was cancelled and leaves storage exactly as it was', async () => {
		const db = await workbook();
		check(2_500);
		const before = await everything(db);
		const stop = new AbortController();
		const r = await writePlanned(db, plannedWrite(), { type: 'write', id: 3, db: db.name, mapping, file: 'log.csv', recording: true }, stop.signal, (x) => {
			if (x.type === 'progress' && x.fraction > 0.3) stop.abort();
		});
		expect(r).toMatchObject({ ok: false, cancelled: true });
		expect(await everything(db)).toEqual(before);
	});

	it('a plan storage refuses is answered in the person’s words, naming the record, and stores nothing', async () => {
		const db = await workbook();
		const ghost = { ...acme, id: 'ghost', name: 'Ghost Buyer' };
		check(10, [ghost]);
		const before = await everything(db);
		const r = await writePlanned(db, plannedWrite(), { type: 'write', id: 4, db: db.name, mapping, file: 'log.csv', recording: true }, new AbortController().signal, () => {});
		expect(r).toMatchObject({ ok: false, cancelled: false });
		expect(r.type === 'written' && !r.ok && r.message).toMatch(/PO-0/);
		expect(await everything(db)).toEqual(before);
	});

	it('with nothing checked, stores nothing and says so', async () => {
		const db = await workbook();
		const r = await writePlanned(db, null, { type: 'write', id: 5, db: db.name, mapping, file: 'log.csv', recording: true }, new AbortController().signal, () => {});
		expect(r).toEqual({ type: 'written', id: 5, ok: false, cancelled: false, message: 'Nothing has been checked yet. Nothing was saved.' });
		expect(await db.mappings.count()).toBe(0);
	});
});
