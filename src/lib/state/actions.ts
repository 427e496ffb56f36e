import { addChangeOrder as newChangeOrderFor } from '$lib/domain/change-orders';
import {
	newCustomer,
	newInvoice,
	newInvoiceLine,
	newPoLine,
	newPurchaseOrder,
	newSite,
	newTask,
	newWorkOrder,
	nextCode,
	nextLineNo
} from '$lib/domain/factories';
import type { TableName } from '$lib/db/database';
import type { EditRefusal } from './update-one';
import type { PoLine, Task } from '$lib/domain/records';
import { choosePoLine } from '$lib/domain/task-fill';
import { poLineEdit, poLineEditBasis } from '$lib/domain/totals';
import type { RecordOf } from '$lib/db/records';
import { confirmer } from './confirm.svelte';
import { app, deleteOne, newId, saveOne, today, updateCell } from './app.svelte';
import { linesOf } from './lookups';
import { notices } from './notices.svelte';
import { isGone } from './update-one';
import { sentenceStart } from '$lib/domain/words';

/** New rows start valid and unique, so the person only types what differs. Each returns the new id, or null when refused. */

async function added<K extends TableName>(table: K, record: RecordOf[K]): Promise<string | null> {
	return (await saveOne(table, record)) ? null : record.id;
}

export function addCustomer() {
	const names = app.wb.tables.customers.rows().map((c) => c.name);
	return added('customers', newCustomer(newId(), { name: nextCode(names, 'New customer 1'), defaultTerms: app.wb.settings.defaultTerms }));
}

export function addSite(customerId: string) {
	const names = app.wb.tables.sites.rows().map((s) => s.name);
	return added('sites', newSite(newId(), customerId, { name: nextCode(names, 'New site 1') }));
}

export function addWorkOrder(customerId: string | undefined) {
	const customer = customerId ?? app.wb.tables.customers.rows()[0]?.id;
	if (!customer) {
		notices.push('error', 'Add a customer first (Customers page): every work order is for a customer.');
		return Promise.resolve(null);
	}
	const number = nextCode(app.wb.tables.workOrders.rows().map((w) => w.number), 'WO-1001');
	return added('workOrders', newWorkOrder(newId(), number, customer, today()));
}

export function addTask(workOrderId: string) {
	const code = nextCode(linesOf(app.wb).tasks(workOrderId).map((t) => t.code), 'T1');
	return added('tasks', newTask(newId(), workOrderId, code));
}

export function addChangeOrder(workOrderId: string) {
	const wo = app.wb.tables.workOrders.get(workOrderId);
	const made = wo ? newChangeOrderFor(wo, linesOf(app.wb).changeOrders(workOrderId), newId) : null;
	if (!made?.ok) {
		notices.push('error', made?.reason ?? 'The work order no longer exists.');
		return Promise.resolve(null);
	}
	return added('changeOrders', made.value);
}

export function addPurchaseOrder(customerId: string | undefined) {
	const customer = customerId ?? app.wb.tables.customers.rows()[0]?.id;
	if (!customer) {
		notices.push('error', 'Add a customer first (Customers page): a PO is issued by a customer.');
		return Promise.resolve(null);
	}
	const used = app.wb.tables.purchaseOrders.rows().filter((p) => p.customerId === customer).map((p) => p.number);
	const terms = app.wb.tables.customers.get(customer)?.defaultTerms || app.wb.settings.defaultTerms;
	return added('purchaseOrders', newPurchaseOrder(newId(), customer, nextCode(used, 'PO-1'), today(), { terms }));
}

export function addPoLine(poId: string) {
	return added('poLines', newPoLine(newId(), poId, nextLineNo(linesOf(app.wb).poLines(poId).map((l) => l.lineNo))));
}

/** Takes the next number from Settings (prefix + counter), skipping any already used, and moves the counter on. */
export async function addInvoice(customerId: string | undefined) {
	const customer = customerId ?? app.wb.tables.customers.rows()[0]?.id;
	if (!customer) {
		notices.push('error', 'Add a customer first (Customers page): an invoice bills a customer.');
		return null;
	}
	const s = app.wb.settings;
	const used = new Set(app.wb.tables.invoices.rows().map((i) => i.number));
	let n = s.nextInvoiceNo;
	while (used.has(`${s.invoicePrefix}${n}`)) n++;
	const terms = app.wb.tables.customers.get(customer)?.defaultTerms || s.defaultTerms;
	const id = await added('invoices', newInvoice(newId(), `${s.invoicePrefix}${n}`, customer, today(), terms));
	if (id) await saveOne('settings', { ...s, nextInvoiceNo: n + 1 });
	return id;
}

export function addInvoiceLine(invoiceId: string) {
	return added('invoiceLines', newInvoiceLine(newId(), invoiceId, nextLineNo(linesOf(app.wb).invoiceLines(invoiceId).map((l) => l.lineNo))));
}

/** Asks first, naming what goes with the record; the repository still refuses if others point at it. */
export async function removeRecord(table: TableName, id: string, name: string, goesWith = ''): Promise<boolean> {
	const ok = await confirmer.ask(`Delete ${name}?`, `${sentenceStart(name)}${goesWith ? ` and ${goesWith}` : ''} will be deleted from this workbook. Undo (Ctrl+Z) brings ${goesWith ? 'them' : 'it'} back.`);
	if (!ok) return false;
	const error = await deleteOne(table, id, { kind: 'delete', label: name });
	if (!error) notices.push('success', `${sentenceStart(name)} deleted.`);
	return !error;
}

/**
 * One field of one record, as typed into a grid cell that showed `startedAs` when the editor
 * opened. Resolves to the refusal, or null once stored. A refusal says whether the record is gone
 * from storage, so the grid can keep what was typed for a record deleted in another tab.
 */
export async function editField<K extends TableName>(table: K, id: string, field: string, value: unknown, startedAs: unknown): Promise<EditRefusal | null> {
	const message = await storeField(table, id, field, value, startedAs);
	return message === null ? null : { message, gone: await isGone(table, id) };
}

function storeField<K extends TableName>(table: K, id: string, field: string, value: unknown, startedAs: unknown): Promise<string | null> {
	let patch = { [field]: value } as Partial<RecordOf[K]>;
	let basis = {};
	const poLine = table === 'poLines' ? app.wb.tables.poLines.get(id) : undefined;
	if (poLine) {
		patch = poLineEdit(poLine, patch as Partial<PoLine>) as Partial<RecordOf[K]>;
		basis = poLineEditBasis(poLine, field, patch as Partial<PoLine>);
	}
	const task = table === 'tasks' && field === 'poLineNo' ? app.wb.tables.tasks.get(id) : undefined;
	if (task) {
		const filled = choosePoLine(task, value as number | null, linesOf(app.wb).poLinesForTask(task));
		patch = filled as Partial<RecordOf[K]>;
		// Filled only from what the task held: if another tab changed one since, refuse rather than overwrite it.
		basis = Object.fromEntries(Object.keys(filled).filter((k) => k !== field).map((k) => [k, task[k as keyof Task]]));
	}
	return updateCell(table, id, patch, { ...basis, [field]: startedAs } as Partial<RecordOf[K]>);
}

/** A grid's `onEdit` for one table. */
export const editsTo =
	<K extends TableName>(table: K) =>
	(row: { id: string }, field: string, value: unknown, startedAs: unknown) =>
		editField(table, row.id, field, value, startedAs);
