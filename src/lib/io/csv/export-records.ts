import { formatMoneyPlain } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import type { Customer, Invoice, InvoiceLine, PoLine, PurchaseOrder, Site, Task, WorkOrder } from '$lib/domain/records';
import { fieldsOf } from './fields';
import { csvNumber, toCsv, type CsvCell, type CsvOptions } from './write';

const money = (c: number | null): CsvCell => (c === null ? null : csvNumber(formatMoneyPlain(c)));
const qty = (q: number): CsvCell => csvNumber(formatQuantity(q));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Headers are the import fields' labels, so the import maps an exported file back without help. */
const headerOf = (keys: readonly string[], kind: 'po' | 'workOrder' | 'invoice') => keys.map((k) => fieldsOf(kind).find((f) => f.key === k)!.label);

const PO_COLUMNS = ['poNumber', 'buyer', 'issueDate', 'revision', 'terms', 'taxAllowed', 'freightAllowed', 'blanketLimit', 'lineNo', 'buyerItemCode', 'description', 'quantity', 'unit', 'unitPrice', 'extended', 'costCenter', 'needBy'] as const;

/** Purchase orders as one CSV, one row per line with the PO header repeated, as buyer systems export them. */
export function posToCsv(pos: readonly { po: PurchaseOrder; lines: readonly PoLine[] }[], options: CsvOptions = {}): string {
	const rows: CsvCell[][] = [];
	for (const { po, lines } of pos) {
		for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
			rows.push([
				po.number,
				po.buyer,
				po.issueDate,
				po.revision,
				po.terms,
				yesNo(po.taxAllowed),
				yesNo(po.freightAllowed),
				money(po.blanketLimitCents),
				l.lineNo,
				l.buyerItemCode,
				l.description,
				qty(l.qtyMilli),
				l.unit,
				money(l.unitPriceCents),
				money(l.extendedCents),
				l.costCenter,
				l.needBy
			]);
		}
	}
	return toCsv(headerOf(PO_COLUMNS, 'po'), rows, options);
}

export function poToCsv(po: PurchaseOrder, lines: readonly PoLine[], options: CsvOptions = {}): string {
	return posToCsv([{ po, lines }], options);
}

const WO_COLUMNS = ['woNumber', 'customer', 'site', 'type', 'status', 'priority', 'description', 'poNumber', 'nte', 'openedOn', 'scheduledStart', 'scheduledEnd', 'completedOn', 'signedOffBy', 'signedOffOn', 'completionNotes', 'assignedTo', 'warrantyOf', 'taskCode', 'taskDescription', 'kind', 'quantity', 'unit', 'rate', 'buyerItemCode', 'poLine', 'done'] as const;

/** Names for the ids a record holds: customers and sites are exported by name, as the import finds them. */
export interface ExportNames {
	customers: readonly Customer[];
	sites?: readonly Site[];
}

const nameOf = (list: readonly { id: string; name: string }[] | undefined, id: string | null) => (id === null ? '' : (list?.find((x) => x.id === id)?.name ?? ''));

/** Work orders as one CSV, one row per task with the job's fields repeated; a job without tasks gets one row of its own. */
export function workOrdersToCsv(entries: readonly { workOrder: WorkOrder; tasks: readonly Task[] }[], names: ExportNames, options: CsvOptions = {}): string {
	const rows: CsvCell[][] = [];
	for (const { workOrder: w, tasks } of entries) {
		const head: CsvCell[] = [w.number, nameOf(names.customers, w.customerId), nameOf(names.sites, w.siteId), w.type, w.status, w.priority, w.description, w.poNumber, money(w.nteCents), w.openedOn, w.scheduledStart, w.scheduledEnd, w.completedOn, w.signedOffBy, w.signedOffOn, w.completionNotes, w.assignedTo, w.warrantyOf];
		if (tasks.length === 0) rows.push([...head, ...Array<CsvCell>(9).fill(null)]);
		for (const t of tasks) rows.push([...head, t.code, t.description, t.kind, qty(t.qtyMilli), t.unit, money(t.rateCents), t.buyerItemCode, t.poLineNo, yesNo(t.done)]);
	}
	return toCsv(headerOf(WO_COLUMNS, 'workOrder'), rows, options);
}

const INVOICE_COLUMNS = ['invoiceNumber', 'customer', 'invoiceDate', 'terms', 'poNumber', 'woNumbers', 'status', 'lineNo', 'description', 'kind', 'quantity', 'unit', 'rate', 'woNumber', 'taskCode', 'poLine', 'buyerItemCode'] as const;

/** Invoices as one CSV, one row per line with the invoice's fields repeated; an invoice without lines gets one row of its own. */
export function invoicesToCsv(entries: readonly { invoice: Invoice; lines: readonly InvoiceLine[] }[], names: ExportNames, options: CsvOptions = {}): string {
	const rows: CsvCell[][] = [];
	for (const { invoice: v, lines } of entries) {
		const head: CsvCell[] = [v.number, nameOf(names.customers, v.customerId), v.invoiceDate, v.terms, v.poNumber, v.workOrderNumbers.join(', '), v.status];
		if (lines.length === 0) rows.push([...head, ...Array<CsvCell>(10).fill(null)]);
		for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) rows.push([...head, l.lineNo, l.description, l.kind, qty(l.qtyMilli), l.unit, money(l.rateCents), l.woNumber, l.taskCode, l.poLineNo, l.buyerItemCode]);
	}
	return toCsv(headerOf(INVOICE_COLUMNS, 'invoice'), rows, options);
}
