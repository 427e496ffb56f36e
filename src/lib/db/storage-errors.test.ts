import { afterEach, describe, expect, it } from 'vitest';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import type { TieoutDB } from './database';
import { describeStorageError, RecordError } from './errors';
import { applyChanges, deleteRecord, saveBatch, saveRecord, updateRecord, type ChangeSet } from './repository';
import { NAMED_MAX } from './named-writes';
import { addAttachment, deleteAttachment } from './attachments';
import { exportBackup, restoreBackup } from './backup';
import * as b from '$lib/testing/builders';
import { everything, openedDbs, sampleDbs } from '$lib/testing/db';
import { failWrites, NOT_A_REFUSAL, SPACE, type FailureMode } from '$lib/testing/failing-storage';

/*
 * Every write function of the repository, with the browser out of space the two ways it happens:
 * a write refused for quota, and Chromium's full disk (the transaction aborted with an IO error,
 * each request only "AbortError"). The person reads the space sentence, never a duplicate or a
 * record's problem, and storage holds exactly what it held.
 */

const opened = openedDbs('full');
let restore: (() => void) | null = null;
afterEach(() => {
	restore?.();
	restore = null;
});

let n = 0;
const ids = () => `id-${++n}`;
const sampleDb = sampleDbs('full-sample');

/** A buyer's PO export as an import writes it: the PO, its lines, the revision and the mapping. */
function poImport(customerId: string, pos: number, linesEach: number): ChangeSet {
	const purchaseOrders = Array.from({ length: pos }, (_, i) => b.purchaseOrder({ customerId, number: `PO-${100000 + i}`, revision: 0 }));
	const poLines = purchaseOrders.flatMap((po) => Array.from({ length: linesEach }, (_, l) => b.poLine({ poId: po.id, lineNo: l + 1, description: `Preventive maintenance visit ${l}` })));
	return {
		put: { purchaseOrders, poLines },
		revisions: purchaseOrders.map((po) => ({ id: `rev-${po.id}`, poId: po.id, revision: 0, appliedOn: '2027-01-15', summary: `${linesEach} lines added` })),
		mappings: [{ id: 'map-1', customerId, kind: 'po', headerSignature: 'po number|line', mapping: { number: 'PO Number' } }]
	};
}

/** Runs `write` with writes failing; returns what the person would read, after checking storage is untouched. */
async function failed(db: TieoutDB, mode: FailureMode, write: () => Promise<unknown>, after = 0): Promise<string> {
	const before = await everything(db);
	restore = failWrites(mode, after);
	const err = await write().then(
		() => null,
		(e: unknown) => e
	);
	restore();
	restore = null;
	expect(err, 'the write must fail').not.toBeNull();
	expect(err).not.toBeInstanceOf(RecordError);
	expect(await everything(db)).toEqual(before);
	return describeStorageError(err);
}

const MODES: FailureMode[] = ['quota', 'disk-full'];

describe.each(MODES)('out of space (%s): every repository write says so and changes nothing', (mode) => {
	it('saveRecord: a new customer', async () => {
		const db = await sampleDb();
		expect(await failed(db, mode, () => saveRecord(db, 'customers', b.customer()))).toBe(SPACE);
	});

	it('saveRecord: the settings', async () => {
		const db = await sampleDb();
		expect(await failed(db, mode, () => saveRecord(db, 'settings', b.settings({ invoicePrefix: 'NEW-' })))).toBe(SPACE);
	});

	it('updateRecord: a cell edit, and a rename that moves the records pointing at it', async () => {
		const db = await sampleDb();
		const wo = (await db.workOrders.toArray()).find((w) => w.status === 'invoiced' || w.status === 'closed')!;
		expect(await failed(db, mode, () => updateRecord(db, 'workOrders', wo.id, { description: 'Typed while the disk was full' }, { description: wo.description }))).toBe(SPACE);
		expect(await failed(db, mode, () => updateRecord(db, 'workOrders', wo.id, { number: 'WO-RENAMED' }, { number: wo.number }))).toBe(SPACE);
	});

	it('saveBatch: the sample workbook into an empty one', async () => {
		const db = await opened();
		expect(await failed(db, mode, () => saveBatch(db, sampleWorkbook('2027-01-15', ids)))).toBe(SPACE);
	});

	it('applyChanges: a PO import written in named slices', async () => {
		const db = await sampleDb();
		const customer = (await db.customers.toArray())[0]!;
		expect(await failed(db, mode, () => applyChanges(db, poImport(customer.id, 3, 60)), 40)).toBe(SPACE);
	});

	it(`applyChanges: an import past ${NAMED_MAX} records, failing halfway through`, async () => {
		const db = await sampleDb();
		const customer = (await db.customers.toArray())[0]!;
		const set = poImport(customer.id, 201, 50);
		expect(set.put!.poLines!.length).toBeGreaterThan(NAMED_MAX);
		expect(await failed(db, mode, () => applyChanges(db, set), 5_000)).toBe(SPACE);
	}, 60_000);

	it('addAttachment: a sign-off photo', async () => {
		const db = await sampleDb();
		const wo = (await db.workOrders.toArray())[0]!;
		const photo = { name: 'after.jpg', type: 'image/jpeg', data: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }) };
		expect(await failed(db, mode, () => addAttachment(db, wo.id, photo, '2027-01-15', 'att-1'))).toBe(SPACE);
	});
});

describe('a full disk refuses deletes too (a quota never refuses one: a delete frees space)', () => {
	it('deleteRecord: a job with its tasks and change orders', async () => {
		const db = await sampleDb();
		const billed = new Set((await db.invoices.toArray()).flatMap((i) => i.workOrderNumbers));
		const wo = (await db.workOrders.toArray()).find((w) => !billed.has(w.number) && w.status === 'open')!;
		expect(await db.tasks.where('workOrderId').equals(wo.id).count()).toBeGreaterThan(0);
		expect(await failed(db, 'disk-full', () => deleteRecord(db, 'workOrders', wo.id))).toBe(SPACE);
	});


	it('deleteAttachment: a sign-off photo', async () => {
		const db = await sampleDb();
		const wo = (await db.workOrders.toArray())[0]!;
		await addAttachment(db, wo.id, { name: 'after.jpg', type: 'image/jpeg', data: new Blob([new Uint8Array(2048)]) }, '2027-01-15', 'att-1');
		expect(await failed(db, 'disk-full', () => deleteAttachment(db, 'att-1'))).toBe(SPACE);
	});
});

describe('out of space while restoring a backup', () => {
	it('restoreBackup refused for quota: the space sentence, and the workbook as it was', async () => {
		const source = await sampleDb();
		await saveRecord(source, 'customers', b.customer({ name: 'Only in the backup' }));
		const backup = JSON.parse(JSON.stringify(await exportBackup(source, '2027-01-15T12:00:00.000Z')));
		const db = await sampleDb();
		expect(await failed(db, 'quota', () => restoreBackup(db, backup))).toBe(SPACE);
	});
});

describe('real refusals are still told as such', () => {
	// Bug: with the disk full, a PO import was refused with "Purchase order PO-100007: its number is
	// already used by another record"; the same file imported once space was freed. Every request
	// of the aborted transaction failed with an AbortError, and each was counted as a duplicate.
	it('a PO import on a full disk is not told "its number is already used by another record"', async () => {
		const db = await sampleDb();
		const customer = (await db.customers.toArray())[0]!;
		const set = poImport(customer.id, 10, 50);
		const text = await failed(db, 'disk-full', () => applyChanges(db, set), 100);
		expect(text).not.toMatch(NOT_A_REFUSAL);
		expect(text).toBe(SPACE);
		// Once there is space again, the same import is stored whole.
		await applyChanges(db, set);
		expect(await db.poLines.where('poId').equals(set.put!.purchaseOrders![7]!.id).count()).toBe(50);
	});

	it('an import whose PO number another stored PO of that buyer holds names that PO', async () => {
		const db = await sampleDb();
		const stored = (await db.purchaseOrders.toArray())[0]!;
		const before = await everything(db);
		const clash = b.purchaseOrder({ customerId: stored.customerId, number: stored.number });
		const err = await applyChanges(db, { put: { purchaseOrders: [clash], poLines: [b.poLine({ poId: clash.id, lineNo: 1 })] } }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(RecordError);
		expect(describeStorageError(err)).toBe(`Nothing was saved: Purchase order ${stored.number}: its number is already used by another record`);
		expect(await everything(db)).toEqual(before);
	});

	it('a batch holding a record already stored names it', async () => {
		const db = await sampleDb();
		const wo = (await db.workOrders.toArray())[0]!;
		const err = await saveBatch(db, { workOrders: [{ ...wo, id: 'another-id' }] }).catch((e: unknown) => e);
		expect(describeStorageError(err)).toBe(`The batch was not saved: Work order ${wo.number}: its id or number is already used`);
	});
});
