import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import type { Customer, Invoice, InvoiceLine, PoLine, PurchaseOrder, Site, Task, WorkOrder } from '$lib/domain/records';
import { fieldsOf, type FieldDef, type ImportKind } from '../fields';
import type { RecordPreview } from './protocol';

/** How many of a new record's lines the review shows: enough to see what the columns hold. */
export const PREVIEW_CHILDREN = 5;

type Read<T> = Record<string, (r: T) => unknown>;
/** Each kind's record and the records of its lines. */
type Records = { po: [PurchaseOrder, PoLine]; workOrder: [WorkOrder, Task]; invoice: [Invoice, InvoiceLine] };

/** Where each import field's value is on the stored record (the field keys of fields.ts). */
const READ: { [K in ImportKind]: { head: Read<Records[K][0]>; child: Read<Records[K][1]> } } = {
	po: {
		head: { buyer: (p) => p.buyer, issueDate: (p) => p.issueDate, revision: (p) => p.revision, terms: (p) => p.terms, taxAllowed: (p) => p.taxAllowed, freightAllowed: (p) => p.freightAllowed, blanketLimit: (p) => p.blanketLimitCents },
		child: { lineNo: (l) => l.lineNo, buyerItemCode: (l) => l.buyerItemCode, description: (l) => l.description, quantity: (l) => l.qtyMilli, unit: (l) => l.unit, unitPrice: (l) => l.unitPriceCents, extended: (l) => l.extendedCents, costCenter: (l) => l.costCenter, needBy: (l) => l.needBy }
	},
	workOrder: {
		head: {
			customer: (w) => w.customerId,
			site: (w) => w.siteId,
			type: (w) => w.type,
			status: (w) => w.status,
			priority: (w) => w.priority,
			description: (w) => w.description,
			poNumber: (w) => w.poNumber,
			nte: (w) => w.nteCents,
			openedOn: (w) => w.openedOn,
			signedOffBy: (w) => w.signedOffBy,
			signedOffOn: (w) => w.signedOffOn,
			assignedTo: (w) => w.assignedTo,
			warrantyOf: (w) => w.warrantyOf
		},
		child: { taskCode: (t) => t.code, taskDescription: (t) => t.description, kind: (t) => t.kind, quantity: (t) => t.qtyMilli, unit: (t) => t.unit, rate: (t) => t.rateCents, buyerItemCode: (t) => t.buyerItemCode, poLine: (t) => t.poLineNo, done: (t) => t.done }
	},
	invoice: {
		head: { customer: (i) => i.customerId, invoiceDate: (i) => i.invoiceDate, terms: (i) => i.terms, poNumber: (i) => i.poNumber, woNumbers: (i) => i.workOrderNumbers, status: (i) => i.status },
		child: { lineNo: (l) => l.lineNo, description: (l) => l.description, kind: (l) => l.kind, quantity: (l) => l.qtyMilli, unit: (l) => l.unit, rate: (l) => l.rateCents, woNumber: (l) => l.woNumber, taskCode: (l) => l.taskCode, poLine: (l) => l.poLineNo, buyerItemCode: (l) => l.buyerItemCode }
	}
};

export interface Names {
	customers: readonly Customer[];
	sites: readonly Site[];
}

/** A value as the grids show it: `$1,234.50`, `Jan 15, 2027`, `1.5`, `in progress`, `Yes`, a customer's name. */
export function shown(def: FieldDef, value: unknown, names: Names): string {
	if (value === null || value === undefined) return '';
	if (def.key === 'customer') return names.customers.find((c) => c.id === value)?.name ?? '';
	if (def.key === 'site') return names.sites.find((s) => s.id === value)?.name ?? '';
	switch (def.type) {
		case 'money':
			return formatMoney(value as number);
		case 'quantity':
			return formatQuantity(value as number);
		case 'date':
			return formatDate(value as string);
		case 'boolean':
			return value ? 'Yes' : 'No';
		case 'enum':
			return String(value).replace(/_/g, ' ');
		case 'list':
			return (value as string[]).join(', ');
		default:
			return String(value);
	}
}

/**
 * A new record as the review shows it: the header fields the file fills, and its first lines
 * under the columns the file fills, as they will be stored. Small by design: it crosses from
 * the worker for each record the review lists.
 */
export function previewOf<K extends ImportKind>(
	kind: K,
	mapped: readonly string[],
	record: Records[K][0],
	children: readonly Records[K][1][],
	names: Names
): RecordPreview {
	const filled = new Set(mapped);
	const read = READ[kind] as { head: Read<unknown>; child: Read<unknown> };
	const defs = fieldsOf(kind).filter((d) => filled.has(d.key));
	const head = defs.filter((d) => d.header && read.head[d.key]);
	const cols = defs.filter((d) => !d.header && read.child[d.key]);
	return {
		facts: head.map((d) => ({ label: d.label, value: shown(d, read.head[d.key]!(record), names) })).filter((f) => f.value !== ''),
		columns: cols.map((d) => ({ label: d.label, numeric: d.type === 'money' || d.type === 'quantity' || d.type === 'integer' })),
		rows: children.slice(0, PREVIEW_CHILDREN).map((c) => cols.map((d) => shown(d, read.child[d.key]!(c), names))),
		more: Math.max(0, children.length - PREVIEW_CHILDREN)
	};
}
