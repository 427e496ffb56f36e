import type { Invoice, InvoiceLine } from '$lib/domain/records';
import type { Problem } from '$lib/domain/result';
import type { TieoutDB, TableName } from './database';
import { refuseLockedInvoices } from './locks';
import { bulkWriteNamed } from './named-writes';
import { describeRecord, type AnyRecord, type RecordOf } from './records';
import type { ChangeRecorder } from './history';
import { OWNED } from './owners';

type Check<K extends TableName> = (db: TieoutDB, x: RecordOf[K]) => Promise<Problem[]>;

const list = (names: string[], max = 5) =>
	names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

async function taken(found: { id: string } | undefined, self: { id: string }, field: string, message: string): Promise<Problem[]> {
	return found && found.id !== self.id ? [{ field, message }] : [];
}

async function exists(db: TieoutDB, table: TableName, id: string | null, field: string, label: string): Promise<Problem[]> {
	if (!id) return [];
	return (await db.table(table).get(id)) ? [] : [{ field, message: `${label} ${id} does not exist` }];
}

async function woName(db: TieoutDB, id: string) {
	return (await db.workOrders.get(id))?.number ?? id;
}

/**
 * Uniqueness and foreign-key checks, run inside the write transaction before the write. Each
 * table's reads go out together: every sequential read is another wait for the page's thread,
 * which after a cell edit is busy drawing the grid.
 */
const CHECKS: { [K in TableName]: Check<K> } = {
	customers: async (db, x) => {
		const same = (await db.customers.where('name').equals(x.name).toArray()).find((c) => c.id !== x.id);
		return taken(same, x, 'name', `A customer named "${x.name}" already exists`);
	},
	sites: (db, x) => exists(db, 'customers', x.customerId, 'customerId', 'Customer'),
	workOrders: async (db, x) => {
		const [same, site, customer] = await Promise.all([
			db.workOrders.where('number').equals(x.number).first(),
			x.siteId ? db.sites.get(x.siteId) : undefined,
			exists(db, 'customers', x.customerId, 'customerId', 'Customer')
		]);
		return [
			...(await taken(same, x, 'number', `Work order number ${x.number} is already used`)),
			...customer,
			...(x.siteId && !site ? [{ field: 'siteId', message: `Site ${x.siteId} does not exist` }] : []),
			...(site && site.customerId !== x.customerId ? [{ field: 'siteId', message: `Site "${site.name}" belongs to another customer` }] : [])
		];
	},
	tasks: async (db, x) => {
		const [same, wo] = await Promise.all([db.tasks.where('[workOrderId+code]').equals([x.workOrderId, x.code]).first(), db.workOrders.get(x.workOrderId)]);
		if (!wo) return [{ field: 'workOrderId', message: `Work order ${x.workOrderId} does not exist` }];
		return taken(same, x, 'code', `Task code ${x.code} is already used on ${wo.number}`);
	},
	changeOrders: async (db, x) => {
		const [same, wo] = await Promise.all([db.changeOrders.where('[workOrderId+number]').equals([x.workOrderId, x.number]).first(), db.workOrders.get(x.workOrderId)]);
		if (!wo) return [{ field: 'workOrderId', message: `Work order ${x.workOrderId} does not exist` }];
		return taken(same, x, 'number', `Change order ${x.number} already exists on ${wo.number}`);
	},
	purchaseOrders: async (db, x) => {
		const [same, customer] = await Promise.all([db.purchaseOrders.where('[customerId+number]').equals([x.customerId, x.number]).first(), db.customers.get(x.customerId)]);
		if (!customer) return [{ field: 'customerId', message: `Customer ${x.customerId} does not exist` }];
		return taken(same, x, 'number', `PO ${x.number} already exists for ${customer.name}`);
	},
	poLines: async (db, x) => {
		const [same, po] = await Promise.all([db.poLines.where('[poId+lineNo]').equals([x.poId, x.lineNo]).first(), db.purchaseOrders.get(x.poId)]);
		if (!po) return [{ field: 'poId', message: `Purchase order ${x.poId} does not exist` }];
		return taken(same, x, 'lineNo', `PO ${po.number} already has a line ${x.lineNo}`);
	},
	invoices: async (db, x) => {
		const [same, customer] = await Promise.all([db.invoices.where('number').equals(x.number).first(), exists(db, 'customers', x.customerId, 'customerId', 'Customer')]);
		return [...(await taken(same, x, 'number', `Invoice number ${x.number} is already used`)), ...customer];
	},
	invoiceLines: async (db, x) => {
		const [same, inv] = await Promise.all([db.invoiceLines.where('[invoiceId+lineNo]').equals([x.invoiceId, x.lineNo]).first(), db.invoices.get(x.invoiceId)]);
		if (!inv) return [{ field: 'invoiceId', message: `Invoice ${x.invoiceId} does not exist` }];
		return taken(same, x, 'lineNo', `Invoice ${inv.number} already has a line ${x.lineNo}`);
	},
	settings: async () => []
};

export function integrityProblems<K extends TableName>(db: TieoutDB, table: K, x: RecordOf[K]): Promise<Problem[]> {
	return (CHECKS[table] as Check<K>)(db, x);
}

/**
 * Why a record may not be deleted: the records that still point at it. Empty means it may go.
 * `going` names records leaving in the same change (an undo taking back what a change made):
 * they do not hold it back.
 */
export async function deleteBlockers(db: TieoutDB, table: TableName, rec: AnyRecord, going: (table: TableName, id: string) => boolean = () => false): Promise<string[]> {
	const out: string[] = [];
	const note = <T extends { id: string }>(what: string, from: TableName, rows: T[], name: (r: T) => string) => {
		const names = [...new Set(rows.filter((r) => !going(from, r.id)).map(name))];
		if (names.length) out.push(`${what} ${list(names)}`);
	};
	switch (table) {
		case 'customers': {
			const id = rec.id;
			note('sites', 'sites', await db.sites.where('customerId').equals(id).toArray(), (s) => s.name);
			note('work orders', 'workOrders', await db.workOrders.where('customerId').equals(id).toArray(), (w) => w.number);
			note('POs', 'purchaseOrders', await db.purchaseOrders.where('customerId').equals(id).toArray(), (p) => p.number);
			note('invoices', 'invoices', await db.invoices.where('customerId').equals(id).toArray(), (i) => i.number);
			break;
		}
		case 'sites':
			note('work orders', 'workOrders', await db.workOrders.where('siteId').equals(rec.id).toArray(), (w) => w.number);
			break;
		case 'workOrders': {
			const wo = rec as RecordOf['workOrders'];
			const named = await db.invoices.where('workOrderNumbers').equals(wo.number).toArray();
			const lines = (await db.invoiceLines.where('woNumber').equals(wo.number).toArray()).filter((l) => !going('invoiceLines', l.id));
			const billed = (await db.invoices.bulkGet([...new Set(lines.map((l) => l.invoiceId))])).flatMap((i) => (i ? [i] : []));
			note('invoices', 'invoices', [...named, ...billed], (i) => i.number);
			break;
		}
		case 'tasks': {
			const t = rec as RecordOf['tasks'];
			const wo = await woName(db, t.workOrderId);
			const lines = (await db.invoiceLines.where('[woNumber+taskCode]').equals([wo, t.code]).toArray()).filter((l) => !going('invoiceLines', l.id));
			const invs = await db.invoices.bulkGet([...new Set(lines.map((l) => l.invoiceId))]);
			note('invoices', 'invoices', invs.filter((i) => i).map((i) => i!), (i) => i.number);
			break;
		}
		case 'changeOrders': {
			const co = rec as RecordOf['changeOrders'];
			const tasks = await db.tasks.where('changeOrderNumber').equals(co.number).toArray();
			note('tasks', 'tasks', tasks.filter((t) => t.workOrderId === co.workOrderId), (t) => t.code);
			break;
		}
		case 'purchaseOrders': {
			const po = rec as RecordOf['purchaseOrders'];
			const wos = await db.workOrders.where('poNumber').equals(po.number).toArray();
			note('work orders', 'workOrders', wos.filter((w) => w.customerId === po.customerId), (w) => w.number);
			const invs = await db.invoices.where('poNumber').equals(po.number).toArray();
			note('invoices', 'invoices', invs.filter((i) => i.customerId === po.customerId), (i) => i.number);
			break;
		}
		case 'poLines': {
			const line = rec as RecordOf['poLines'];
			const po = await db.purchaseOrders.get(line.poId);
			if (!po) break;
			const authorised: { id: string; name: string }[] = [];
			for (const wo of await jobsOnPo(db, po)) {
				for (const t of await db.tasks.where('workOrderId').equals(wo.id).toArray()) {
					if (t.poLineNo === line.lineNo) authorised.push({ id: t.id, name: `${wo.number} ${t.code}` });
				}
			}
			note('tasks', 'tasks', authorised, (t) => t.name);
			const invs = (await db.invoices.where('poNumber').equals(po.number).toArray()).filter((i) => i.customerId === po.customerId);
			const billed: RecordOf['invoices'][] = [];
			for (const inv of invs) {
				const n = await db.invoiceLines.where('invoiceId').equals(inv.id).filter((l) => l.poLineNo === line.lineNo && !going('invoiceLines', l.id)).count();
				if (n) billed.push(inv);
			}
			note('invoices', 'invoices', billed, (i) => i.number);
			break;
		}
		default:
			break;
	}
	return out;
}


/** Deletes a record's owned children, each noted whole in the change's history so an undo brings it back. */
export async function cascadeDelete(db: TieoutDB, table: TableName, id: string, rec?: ChangeRecorder): Promise<void> {
	for (const [child, field] of OWNED[table] ?? []) {
		const rows = (await db.table(child).where(field).equals(id).toArray()) as { id: string }[];
		if (!rows.length) continue;
		for (const r of rows) rec?.deleted(child, r);
		await db.table(child).bulkDelete(rows.map((r) => r.id));
	}
}

/**
 * The fields whose change makes `propagateRename` move other records. An edit that leaves them
 * alone changes that one record only, so it can be shown before its transaction commits.
 */
export const RENAME_FIELDS: { readonly [K in TableName]?: readonly (keyof RecordOf[K] & string)[] } = {
	workOrders: ['number'],
	purchaseOrders: ['number'],
	tasks: ['code'],
	changeOrders: ['number'],
	poLines: ['lineNo']
};

/**
 * Records point at each other by the numbers people see (job number, PO number, task code).
 * When one of those is corrected, the references follow it in the same transaction, so a typo
 * fix never orphans an invoice line. A settled invoice (paid, void) is not rewritten behind the
 * person's back: the rename is refused, naming it, as any other change to it would be.
 */
export async function propagateRename<K extends TableName>(db: TieoutDB, table: K, before: RecordOf[K], after: RecordOf[K], rec?: ChangeRecorder): Promise<void> {
	const moved = await renamedInvoiceRecords(db, table, before, after);
	if (moved.invoices.length || moved.invoiceLines.length) {
		await refuseLockedInvoices(db, moved, `${describeRecord(table, before)} cannot be renamed`);
		if (rec) {
			for (const t of ['invoices', 'invoiceLines'] as const) {
				const was = await db.table(t).bulkGet(moved[t].map((r) => r.id));
				moved[t].forEach((r, i) => rec.changed(t, was[i], r));
			}
		}
		await bulkWriteNamed(db.invoices, moved.invoices);
		await bulkWriteNamed(db.invoiceLines, moved.invoiceLines);
	}
	if (table === 'workOrders') {
		const [a, b] = [before as RecordOf['workOrders'], after as RecordOf['workOrders']];
		if (a.number === b.number) return;
		await moveAll(db, 'workOrders', db.workOrders.filter((w) => w.warrantyOf === a.number).toArray(), { warrantyOf: b.number }, rec);
	} else if (table === 'purchaseOrders') {
		const [a, b] = [before as RecordOf['purchaseOrders'], after as RecordOf['purchaseOrders']];
		if (a.number === b.number || a.customerId !== b.customerId) return;
		await moveAll(db, 'workOrders', db.workOrders.where('poNumber').equals(a.number).filter((w) => w.customerId === a.customerId).toArray(), { poNumber: b.number }, rec);
	} else if (table === 'changeOrders') {
		const [a, b] = [before as RecordOf['changeOrders'], after as RecordOf['changeOrders']];
		if (a.number === b.number) return;
		await moveAll(db, 'tasks', db.tasks.where('workOrderId').equals(a.workOrderId).filter((t) => t.changeOrderNumber === a.number).toArray(), { changeOrderNumber: b.number }, rec);
	} else if (table === 'poLines') {
		const [a, b] = [before as RecordOf['poLines'], after as RecordOf['poLines']];
		if (a.lineNo === b.lineNo) return;
		const po = await db.purchaseOrders.get(a.poId);
		if (!po) return;
		for (const wo of await jobsOnPo(db, po)) {
			await moveAll(db, 'tasks', db.tasks.where('workOrderId').equals(wo.id).filter((t) => t.poLineNo === a.lineNo).toArray(), { poLineNo: b.lineNo }, rec);
		}
	}
}

/** Records that follow a rename, rewritten and each noted in the change's history. */
async function moveAll(db: TieoutDB, table: TableName, found: Promise<object[]>, patch: object, rec?: ChangeRecorder): Promise<void> {
	const rows = await found;
	if (!rows.length) return;
	const moved = rows.map((r) => ({ ...r, ...patch }));
	rows.forEach((r, i) => rec?.changed(table, r, moved[i]!));
	await bulkWriteNamed(db.table(table), moved);
}

/** The invoices and invoice lines a rename rewrites, as they would be stored after it. */
async function renamedInvoiceRecords<K extends TableName>(db: TieoutDB, table: K, before: RecordOf[K], after: RecordOf[K]): Promise<{ invoices: Invoice[]; invoiceLines: InvoiceLine[] }> {
	const invoices: Invoice[] = [];
	const invoiceLines: InvoiceLine[] = [];
	if (table === 'workOrders') {
		const [a, b] = [before as RecordOf['workOrders'], after as RecordOf['workOrders']];
		if (a.number === b.number) return { invoices, invoiceLines };
		for (const l of await db.invoiceLines.where('woNumber').equals(a.number).toArray()) invoiceLines.push({ ...l, woNumber: b.number });
		for (const inv of await db.invoices.where('workOrderNumbers').equals(a.number).toArray()) {
			invoices.push({ ...inv, workOrderNumbers: inv.workOrderNumbers.map((n) => (n === a.number ? b.number : n)) });
		}
	} else if (table === 'purchaseOrders') {
		const [a, b] = [before as RecordOf['purchaseOrders'], after as RecordOf['purchaseOrders']];
		if (a.number === b.number || a.customerId !== b.customerId) return { invoices, invoiceLines };
		for (const inv of await db.invoices.where('poNumber').equals(a.number).toArray()) if (inv.customerId === a.customerId) invoices.push({ ...inv, poNumber: b.number });
	} else if (table === 'tasks') {
		const [a, b] = [before as RecordOf['tasks'], after as RecordOf['tasks']];
		if (a.code === b.code) return { invoices, invoiceLines };
		const wo = await woName(db, a.workOrderId);
		for (const l of await db.invoiceLines.where('[woNumber+taskCode]').equals([wo, a.code]).toArray()) invoiceLines.push({ ...l, taskCode: b.code });
	} else if (table === 'poLines') {
		const [a, b] = [before as RecordOf['poLines'], after as RecordOf['poLines']];
		const po = a.lineNo === b.lineNo ? undefined : await db.purchaseOrders.get(a.poId);
		if (!po) return { invoices, invoiceLines };
		for (const inv of await db.invoices.where('poNumber').equals(po.number).toArray()) {
			if (inv.customerId !== po.customerId) continue;
			for (const l of await db.invoiceLines.where('invoiceId').equals(inv.id).toArray()) if (l.poLineNo === a.lineNo) invoiceLines.push({ ...l, poLineNo: b.lineNo });
		}
	}
	return { invoices, invoiceLines };
}

/** The work orders that bill against a PO: same customer, same PO number. */
export async function jobsOnPo(db: TieoutDB, po: RecordOf['purchaseOrders']) {
	return (await db.workOrders.where('poNumber').equals(po.number).toArray()).filter((w) => w.customerId === po.customerId);
}

/** The record each reference must find, per table: the field, the table it points into, and its name in messages. */
export const PARENTS: { [K in TableName]?: readonly (readonly [field: string, parent: TableName, label: string])[] } = {
	sites: [['customerId', 'customers', 'Customer']],
	workOrders: [
		['customerId', 'customers', 'Customer'],
		['siteId', 'sites', 'Site']
	],
	tasks: [['workOrderId', 'workOrders', 'Work order']],
	changeOrders: [['workOrderId', 'workOrders', 'Work order']],
	purchaseOrders: [['customerId', 'customers', 'Customer']],
	poLines: [['poId', 'purchaseOrders', 'Purchase order']],
	invoices: [['customerId', 'customers', 'Customer']],
	invoiceLines: [['invoiceId', 'invoices', 'Invoice']]
};

export interface BatchProblem {
	table: TableName;
	record: AnyRecord;
	message: string;
}

/** What the batch's records point at that does not exist, with the batch already written. */
export async function referenceProblems(db: TieoutDB, batch: { [K in TableName]?: readonly RecordOf[K][] }): Promise<BatchProblem[]> {
	const out: BatchProblem[] = [];
	const sites = new Map<string, RecordOf['sites']>();
	for (const [table, refs] of Object.entries(PARENTS) as [TableName, (typeof PARENTS)[TableName]][]) {
		const rows = (batch[table] ?? []) as unknown as Record<string, unknown>[];
		if (!rows.length || !refs) continue;
		for (const [field, parent, label] of refs) {
			const ids = [...new Set(rows.map((r) => r[field]).filter((v): v is string => typeof v === 'string' && v !== ''))];
			const found = await db.table(parent).bulkGet(ids);
			const known = new Set<string>();
			found.forEach((f, i) => {
				if (!f) return;
				known.add(ids[i]!);
				if (parent === 'sites') sites.set(ids[i]!, f);
			});
			for (const r of rows) {
				const id = r[field];
				if (typeof id === 'string' && id !== '' && !known.has(id)) out.push({ table, record: r as unknown as AnyRecord, message: `${label} ${id} does not exist` });
			}
		}
	}
	for (const wo of batch.workOrders ?? []) {
		const site = wo.siteId ? sites.get(wo.siteId) : undefined;
		if (site && site.customerId !== wo.customerId) out.push({ table: 'workOrders', record: wo, message: `Site "${site.name}" belongs to another customer` });
	}
	return out;
}

/**
 * The same checks as `integrityProblems`, for many records at once, with the batch already
 * written in the transaction: each referenced table is read once (a 20,000-line import makes a
 * handful of reads, not 40,000). Uniqueness within an index is left to the unique indexes, which
 * refuse the write itself; the one uniqueness no index holds (customer names) is checked too.
 */
export async function batchIntegrityProblems(db: TieoutDB, batch: { [K in TableName]?: readonly RecordOf[K][] }): Promise<BatchProblem[]> {
	return [...(await referenceProblems(db, batch)), ...(await nameClashes(db, batch.customers ?? []))];
}

/**
 * Customers of the batch whose name another customer has, with the batch in place. Asked before
 * the batch is written it gives the same answer (stored records the batch replaces are left out),
 * and costs far less: the name index then holds only what was there, not the 10,000 names a paste
 * just added, each of which the lookup below would step over.
 */
export async function nameClashes(db: TieoutDB, customers: readonly RecordOf['customers'][]): Promise<BatchProblem[]> {
	if (!customers.length) return [];
	const ids = new Set(customers.map((c) => c.id));
	const names = new Set(customers.map((c) => c.name));
	// One index walk for the whole batch (a query per customer made a paste of 10,000 take 8 s), or,
	// when the batch is most of the table, one read of the table, cheaper still than the walk.
	const most = customers.length * 4 > (await db.customers.count());
	const stored = most ? (await db.customers.toArray()).filter((o) => names.has(o.name)) : await db.customers.where('name').anyOf([...names]).toArray();
	const holders = new Map<string, number>();
	for (const c of [...stored.filter((o) => !ids.has(o.id)), ...customers]) holders.set(c.name, (holders.get(c.name) ?? 0) + 1);
	return customers.filter((c) => holders.get(c.name)! > 1).map((c) => ({ table: 'customers', record: c, message: `A customer named "${c.name}" already exists` }));
}
