import { BUSINESS_FIELDS, CHANGE_ORDER_FIELDS, CUSTOMER_FIELDS, INVOICE_FIELDS, INVOICE_LINE_FIELDS, PO_LINE_FIELDS, PURCHASE_ORDER_FIELDS, SETTINGS_FIELDS, SITE_FIELDS, TASK_FIELDS, WORK_ORDER_FIELDS, type FieldRule } from './limits';
import { formatMoney, type Cents } from './money';
import { formatQuantity, type Milli } from './quantity';
import { sentenceStart } from './words';

/*
 * A stored field as people read it in a record's history or a refusal ("Cost centre", "$12.50",
 * "(blank)"): the text fields' labels are those their limits already name; numbers and yes/no
 * fields are named here.
 */

const TEXT: Record<string, Record<string, FieldRule>> = {
	customers: CUSTOMER_FIELDS,
	sites: SITE_FIELDS,
	workOrders: WORK_ORDER_FIELDS,
	tasks: TASK_FIELDS,
	changeOrders: CHANGE_ORDER_FIELDS,
	purchaseOrders: PURCHASE_ORDER_FIELDS,
	poLines: PO_LINE_FIELDS,
	invoices: INVOICE_FIELDS,
	invoiceLines: INVOICE_LINE_FIELDS,
	settings: SETTINGS_FIELDS
};

const OTHER: Record<string, string> = {
	qtyMilli: 'Quantity',
	rateCents: 'Rate',
	unitPriceCents: 'Unit price',
	extendedCents: 'Extended amount',
	amountCents: 'Amount',
	nteCents: 'Not to exceed',
	blanketLimitCents: 'Blanket limit',
	poLineNo: 'PO line',
	lineNo: 'Line',
	revision: 'Revision',
	done: 'Done',
	extra: 'Extra work',
	requiresPo: 'Requires PO',
	taxAllowed: 'Tax allowed',
	freightAllowed: 'Freight allowed',
	tolerances: 'Tolerances',
	history: 'Invoice history',
	business: 'Business profile',
	accounting: 'Bookkeeping',
	nextInvoiceNo: 'Next invoice number',
	taxRateBp: 'Tax rate',
	staleDays: 'Stale after (days)',
	csvBom: 'CSV byte-order mark',
	backupReminderDays: 'Backup reminder (days)'
};

/** "Cost centre" for `costCenter`; a field no list names reads as its words ("signedOffOn" → "Signed off on"). */
export function fieldLabel(table: string, field: string): string {
	const rule = TEXT[table]?.[field] ?? (table === 'settings' ? (BUSINESS_FIELDS as Record<string, FieldRule>)[field] : undefined);
	if (rule && typeof rule === 'object') return rule.label;
	if (OTHER[field]) return OTHER[field]!;
	const words = field.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	return sentenceStart(words);
}

/** A stored value in a sentence: text in quotes, money and quantities as shown in the grids, nothing as "(blank)". */
export function fieldValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '(blank)';
	if (typeof value === 'number' && field.endsWith('Cents')) return formatMoney(value as Cents);
	if (typeof value === 'number' && field === 'qtyMilli') return formatQuantity(value as Milli);
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 79)}…` : value}"`;
	if (Array.isArray(value)) return value.length ? `"${value.map(String).join(', ')}"` : '(blank)';
	if (typeof value === 'object') return '(changed)';
	return String(value);
}
