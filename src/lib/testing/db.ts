import { afterEach, beforeEach, expect } from 'vitest';
import { RECORD_TABLES, TieoutDB } from '$lib/db/database';
import { RecordError } from '$lib/db/errors';
import { saveBatch, saveRecord } from '$lib/db/repository';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import * as b from './builders';

/** Awaits a write that must be refused, and returns the RecordError. */
export async function refused(write: Promise<unknown>): Promise<RecordError> {
	const err = await write.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(RecordError);
	return err as RecordError;
}
export const counts = async (db: TieoutDB) => Object.fromEntries(await Promise.all(RECORD_TABLES.map(async (t) => [t, await db.table(t).count()] as const)));
export const empty = Object.fromEntries(RECORD_TABLES.map((t) => [t, 0]));

/** One of everything, wired together: a PO'd work order with a task and change order, billed by a draft invoice. */
export async function seedLinked(db: TieoutDB) {
	const cust = b.customer({ name: 'Acme Property Mgmt' });
	const site = b.site({ customerId: cust.id, name: 'Tower A' });
	const po = b.purchaseOrder({ customerId: cust.id, number: '1001' });
	const pol = b.poLine({ poId: po.id, lineNo: 1 });
	const wo = b.workOrder({ customerId: cust.id, siteId: site.id, number: 'WO-100', poNumber: '1001' });
	const co = b.changeOrder({ workOrderId: wo.id, number: 'CO-1' });
	const task = b.task({ workOrderId: wo.id, code: 'T1', extra: true, changeOrderNumber: 'CO-1' });
	const inv = b.invoice({ customerId: cust.id, number: 'INV-1', poNumber: '1001', workOrderNumbers: ['WO-100'] });
	const line = b.invoiceLine({ invoiceId: inv.id, lineNo: 1, woNumber: 'WO-100', taskCode: 'T1', poLineNo: 1 });
	await saveRecord(db, 'customers', cust);
	await saveRecord(db, 'sites', site);
	await saveRecord(db, 'purchaseOrders', po);
	await saveRecord(db, 'poLines', pol);
	await saveRecord(db, 'workOrders', wo);
	await saveRecord(db, 'changeOrders', co);
	await saveRecord(db, 'tasks', task);
	await saveRecord(db, 'invoices', inv);
	await saveRecord(db, 'invoiceLines', line);
	return { cust, site, po, pol, wo, co, task, inv, line };
}

/** A new empty database for each test, deleted after it, handed to `use` (the test file's own `db`). */
export function freshDbEachTest(prefix: string, use: (db: TieoutDB) => void): void {
	let db: TieoutDB;
	beforeEach(() => {
		db = new TieoutDB(`${prefix}-${crypto.randomUUID()}`);
		use(db);
	});
	afterEach(async () => {
		await db.delete();
	});
}

/** Opens databases on demand within a test; every one is deleted after it. */
export function openedDbs(prefix: string): () => Promise<TieoutDB> {
	const dbs: TieoutDB[] = [];
	afterEach(async () => {
		for (const db of dbs.splice(0)) await db.delete();
	});
	return async () => {
		const db = new TieoutDB(`${prefix}-${crypto.randomUUID()}`);
		dbs.push(db);
		await db.open();
		return db;
	};
}

/** Opens databases on demand, each holding the sample workbook (dated 2027-01-15); every one is deleted after its test. */
export function sampleDbs(prefix: string): () => Promise<TieoutDB> {
	const opened = openedDbs(prefix);
	let n = 0;
	return async () => {
		const db = await opened();
		await saveBatch(db, sampleWorkbook('2027-01-15', () => `${prefix}-${++n}`));
		return db;
	};
}

/** Stores one customer's job with `n` tasks (past 300, more than the workbook's first page). */
export async function storeJobOfTasks(db: TieoutDB, n: number) {
	const c = b.customer();
	const wo = b.workOrder({ customerId: c.id });
	const tasks = Array.from({ length: n }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId: wo.id, code: `T${i + 1}` }));
	await db.customers.add(c);
	await db.workOrders.add(wo);
	await db.tasks.bulkAdd(tasks);
	return { c, wo, tasks };
}

/** Every record of every table, attachments as their ids and sizes: what "storage is unchanged" compares. */
export async function everything(db: TieoutDB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of db.tables) {
		const rows = (await t.toArray()) as { id: string; data?: Blob }[];
		out[t.name] = rows.map((r) => (r.data instanceof Blob ? { ...r, data: r.data.size } : r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}
	return out;
}
