import { isLocalDate } from './dates';
import {
	ACCOUNTING_FIELDS,
	BUSINESS_FIELDS,
	CHANGE_ORDER_FIELDS,
	clip,
	CUSTOMER_FIELDS,
	INVOICE_FIELDS,
	INVOICE_LINE_FIELDS,
	LOGO_MAX_BYTES,
	LOGO_MAX_CHARS,
	PO_LINE_FIELDS,
	PURCHASE_ORDER_FIELDS,
	SETTINGS_FIELDS,
	SITE_FIELDS,
	TASK_FIELDS,
	TEXT_LIMITS,
	tooLong,
	WORK_ORDER_FIELDS,
	type FieldRules
} from './limits';
import { formatMoney, MAX_LINE_CENTS } from './money';
import { lineAmount } from './quantity';
import type { Problem } from './result';
import { parseTerms } from './terms';
import {
	BILLING_TYPES,
	CHANGE_ORDER_STATUSES,
	INVOICE_LINE_KINDS,
	INVOICE_EVENT_KINDS,
	INVOICE_STATUSES,
	MAX_LINE_NO,
	PRIORITIES,
	TASK_KINDS,
	WORK_ORDER_STATUSES,
	WORK_ORDER_TYPES,
	type ChangeOrder,
	type Customer,
	type Invoice,
	type InvoiceEvent,
	type InvoiceLine,
	type PoLine,
	type PurchaseOrder,
	type Settings,
	type Site,
	type Task,
	type Tolerances,
	type WorkOrder
} from './records';

/** Collects every problem of a record, not just the first. */
class Checker {
	readonly problems: Problem[] = [];
	/** Fields refused for their length: no other rule reads them (one may be megabytes long). */
	readonly #tooLong = new Set<string>();
	add(field: string, message: string) {
		this.problems.push({ field, message });
	}
	/** False when the field is already refused for its length. */
	fits(field: string): boolean {
		return !this.#tooLong.has(field);
	}
	/** Every text field within the limit of its kind (limits.ts), checked before anything else reads it. */
	lengths<T>(x: T, rules: FieldRules<T>, prefix = '') {
		for (const [key, rule] of Object.entries(rules) as [string, FieldRules<T>[keyof FieldRules<T>]][]) {
			const value = (x as Record<string, unknown>)[key];
			const field = prefix + key;
			if (rule === 'logo') {
				if (typeof value === 'string' && value.length > LOGO_MAX_CHARS) this.long(field, `The logo is about ${Math.round((value.length * 3) / 4 / 1024).toLocaleString('en-US')} kB; the most is ${LOGO_MAX_BYTES / 1024} kB`);
			} else if (rule === 'date' || rule === 'choice') {
				// Bounded by its own rule: a date or a choice from a list is short when it is valid.
				continue;
			} else if (Array.isArray(value)) {
				const over = value.find((v) => typeof v === 'string' && tooLong('', v, rule.kind));
				if (typeof over === 'string') this.long(field, tooLong(`One of the ${rule.label.toLowerCase()}s`, over, rule.kind)!);
			} else if (typeof value === 'string') {
				const message = tooLong(rule.label, value, rule.kind);
				if (message) this.long(field, message);
			}
		}
	}
	private long(field: string, message: string) {
		this.#tooLong.add(field);
		this.add(field, message);
	}
	required(field: string, value: string, label: string) {
		if (this.fits(field) && value.trim() === '') this.add(field, `${label} is required`);
	}
	date(field: string, value: string | null, label: string, required = false) {
		if (value === null || value === '') {
			if (required) this.add(field, `${label} is required`);
		} else if (!isLocalDate(value)) this.add(field, `${label} "${clip(value, 20)}" is not a date`);
	}
	int(field: string, value: number | null, label: string, { min = -Infinity, max = Infinity, nullable = false } = {}) {
		if (value === null) {
			if (!nullable) this.add(field, `${label} is required`);
		} else if (!Number.isSafeInteger(value)) this.add(field, `${label} must be a whole number`);
		else if (value < min) this.add(field, `${label} must be at least ${min}`);
		else if (value > max) this.add(field, `${label} must be at most ${max.toLocaleString('en-US')}`);
	}
	/** An amount in cents within what one line may hold. */
	cents(field: string, value: number | null, label: string, { min = -Infinity, nullable = false } = {}) {
		this.int(field, value, label, { min, nullable });
		if (value !== null && Number.isSafeInteger(value) && Math.abs(value) > MAX_LINE_CENTS) this.add(field, `${label} ${formatMoney(value)} is more than ${formatMoney(MAX_LINE_CENTS)}, the most one line may hold`);
	}
	/** Quantity × rate within what one line may hold (the rate's field carries the problem). */
	amount(field: string, qty: number, rate: number, label: string) {
		if (!Number.isSafeInteger(qty) || !Number.isSafeInteger(rate)) return;
		const amount = lineAmount(qty, rate);
		if (Math.abs(amount) > MAX_LINE_CENTS) this.add(field, `${label} ${formatMoney(amount)} is more than ${formatMoney(MAX_LINE_CENTS)}, the most one line may hold`);
	}
	/**
	 * A credit line (domain.md) is a negative price or a negative quantity, never both: two minus
	 * signs make a charge again, which is a typing slip, never a way to write one.
	 */
	credit(field: string, qty: number, rate: number, priceLabel: string) {
		if (qty < 0 && rate < 0) this.add(field, `Quantity and ${priceLabel} are both negative: a credit has a negative ${priceLabel} or a negative quantity, never both`);
	}
	oneOf(field: string, value: string, label: string, allowed: readonly string[]) {
		if (!allowed.includes(value)) this.add(field, `${label} must be one of ${allowed.join(', ')}`);
	}
	terms(field: string, value: string, label: string) {
		if (!this.fits(field) || value.trim() === '') return;
		const t = parseTerms(value);
		if (!t.ok) this.add(field, `${label}: ${t.error}`);
	}
}

const NUMBER_RE = /^[A-Za-z0-9][A-Za-z0-9._/#-]*$/;

function checkTolerances(c: Checker, t: Tolerances, prefix: string) {
	c.int(`${prefix}.qtyBp`, t.qtyBp, 'Quantity tolerance', { min: 0 });
	c.int(`${prefix}.priceBp`, t.priceBp, 'Price tolerance', { min: 0 });
	c.int(`${prefix}.absCents`, t.absCents, 'Amount tolerance', { min: 0 });
}

export function validateCustomer(x: Customer): Problem[] {
	const c = new Checker();
	c.lengths(x, CUSTOMER_FIELDS);
	c.required('name', x.name, 'Legal name');
	c.terms('defaultTerms', x.defaultTerms, 'Default terms');
	if (x.apEmail && c.fits('apEmail') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(x.apEmail)) c.add('apEmail', `AP email "${clip(x.apEmail)}" is not an email address`);
	if (x.tolerances) checkTolerances(c, x.tolerances, 'tolerances');
	return c.problems;
}

export function validateSite(x: Site): Problem[] {
	const c = new Checker();
	c.lengths(x, SITE_FIELDS);
	c.required('customerId', x.customerId, 'Customer');
	c.required('name', x.name, 'Site name');
	return c.problems;
}

export function validateWorkOrder(x: WorkOrder): Problem[] {
	const c = new Checker();
	c.lengths(x, WORK_ORDER_FIELDS);
	c.required('number', x.number, 'Work order number');
	if (c.fits('number') && x.number.trim() && !NUMBER_RE.test(x.number)) c.add('number', `Work order number "${clip(x.number)}" may only hold letters, digits and . _ / # -`);
	c.required('customerId', x.customerId, 'Customer');
	c.oneOf('type', x.type, 'Type', WORK_ORDER_TYPES);
	c.oneOf('status', x.status, 'Status', WORK_ORDER_STATUSES);
	c.oneOf('priority', x.priority, 'Priority', PRIORITIES);
	c.oneOf('billingType', x.billingType, 'Billing type', BILLING_TYPES);
	c.date('versionDate', x.versionDate, 'Version date', true);
	c.date('openedOn', x.openedOn, 'Opened on', true);
	c.date('scheduledStart', x.scheduledStart, 'Scheduled start');
	c.date('scheduledEnd', x.scheduledEnd, 'Scheduled end');
	if (x.scheduledStart && x.scheduledEnd && isLocalDate(x.scheduledStart) && isLocalDate(x.scheduledEnd) && x.scheduledEnd < x.scheduledStart) {
		c.add('scheduledEnd', 'Scheduled end is before scheduled start');
	}
	c.int('nteCents', x.nteCents, 'NTE cap', { min: 0, nullable: true });
	c.date('signedOffOn', x.signedOffOn, 'Signed off on');
	c.date('completedOn', x.completedOn, 'Completed on');
	if (x.completedOn && isLocalDate(x.completedOn) && isLocalDate(x.openedOn) && x.completedOn < x.openedOn) c.add('completedOn', 'Completed on is before opened on');
	const needsSignOff = x.status === 'complete' || x.status === 'invoiced' || x.status === 'closed';
	if (needsSignOff && x.type !== 'internal') {
		if (!x.signedOffBy.trim()) c.add('signedOffBy', `A ${x.status} work order needs a sign-off: who signed it off`);
		if (!x.signedOffOn) c.add('signedOffOn', `A ${x.status} work order needs a sign-off date`);
	}
	if (x.type === 'warranty' && !x.warrantyOf.trim()) c.add('warrantyOf', 'A warranty work order names the original job number');
	return c.problems;
}

export function validateTask(x: Task): Problem[] {
	const c = new Checker();
	c.lengths(x, TASK_FIELDS);
	c.required('workOrderId', x.workOrderId, 'Work order');
	c.required('code', x.code, 'Task code');
	c.required('description', x.description, 'Description');
	c.oneOf('kind', x.kind, 'Kind', TASK_KINDS);
	c.int('qtyMilli', x.qtyMilli, 'Quantity');
	c.int('rateCents', x.rateCents, 'Rate');
	c.credit('rateCents', x.qtyMilli, x.rateCents, 'rate');
	c.amount('rateCents', x.qtyMilli, x.rateCents, 'Quantity × rate');
	c.int('poLineNo', x.poLineNo, 'PO line', { min: 1, max: MAX_LINE_NO, nullable: true });
	if (x.changeOrderNumber.trim() && !x.extra) c.add('extra', 'A task under a change order is outside the original scope: mark it extra');
	return c.problems;
}

export function validateChangeOrder(x: ChangeOrder): Problem[] {
	const c = new Checker();
	c.lengths(x, CHANGE_ORDER_FIELDS);
	c.required('workOrderId', x.workOrderId, 'Work order');
	c.required('number', x.number, 'Change order number');
	c.oneOf('status', x.status, 'Status', CHANGE_ORDER_STATUSES);
	c.cents('amountCents', x.amountCents, 'Amount change');
	c.date('approvedOn', x.approvedOn, 'Approved on');
	if (x.status === 'approved') {
		if (!x.approvedBy.trim()) c.add('approvedBy', 'An approved change order names who approved it');
		if (!x.approvedOn) c.add('approvedOn', 'An approved change order needs the approval date');
	}
	return c.problems;
}

export function validatePurchaseOrder(x: PurchaseOrder): Problem[] {
	const c = new Checker();
	c.lengths(x, PURCHASE_ORDER_FIELDS);
	c.required('customerId', x.customerId, 'Customer');
	c.required('number', x.number, 'PO number');
	c.date('issueDate', x.issueDate, 'Issue date', true);
	c.int('revision', x.revision, 'Revision', { min: 0 });
	c.terms('terms', x.terms, 'Terms');
	c.int('blanketLimitCents', x.blanketLimitCents, 'Blanket limit', { min: 0, max: Number.MAX_SAFE_INTEGER, nullable: true });
	return c.problems;
}

export function validatePoLine(x: PoLine): Problem[] {
	const c = new Checker();
	c.lengths(x, PO_LINE_FIELDS);
	c.required('poId', x.poId, 'Purchase order');
	c.int('lineNo', x.lineNo, 'Line number', { min: 1, max: MAX_LINE_NO });
	c.required('description', x.description, 'Description');
	c.int('qtyMilli', x.qtyMilli, 'Quantity');
	c.int('unitPriceCents', x.unitPriceCents, 'Unit price');
	c.credit('unitPriceCents', x.qtyMilli, x.unitPriceCents, 'unit price');
	c.amount('unitPriceCents', x.qtyMilli, x.unitPriceCents, 'Quantity × unit price');
	c.cents('extendedCents', x.extendedCents, 'Extended amount');
	c.date('needBy', x.needBy, 'Need-by date');
	return c.problems;
}

export function validateInvoice(x: Invoice): Problem[] {
	const c = new Checker();
	c.lengths(x, INVOICE_FIELDS);
	c.required('number', x.number, 'Invoice number');
	if (c.fits('number') && x.number.trim() && !NUMBER_RE.test(x.number)) c.add('number', `Invoice number "${clip(x.number)}" may only hold letters, digits and . _ / # -`);
	c.required('customerId', x.customerId, 'Customer');
	c.date('invoiceDate', x.invoiceDate, 'Invoice date', true);
	c.required('terms', x.terms, 'Terms');
	c.terms('terms', x.terms, 'Terms');
	c.oneOf('status', x.status, 'Status', INVOICE_STATUSES);
	x.history.forEach((e: Partial<InvoiceEvent> | null, n) => {
		// A backup may hold anything: each entry is checked like a record's fields.
		const entry = `History entry ${n + 1}`;
		const known = typeof e === 'object' && e !== null && Object.keys(e).every((k) => k === 'on' || k === 'what' || k === 'other');
		if (!known || typeof e.on !== 'string' || typeof e.what !== 'string' || typeof e.other !== 'string') return c.add('history', `${entry} is not a date, an event and an invoice number`);
		c.date('history', e.on, `${entry}'s date`, true);
		c.oneOf('history', e.what, entry, INVOICE_EVENT_KINDS);
		if (tooLong('', e.other, 'identifier')) c.add('history', `${entry} names an invoice number longer than ${TEXT_LIMITS.identifier} characters`);
	});
	return c.problems;
}

export function validateInvoiceLine(x: InvoiceLine): Problem[] {
	const c = new Checker();
	c.lengths(x, INVOICE_LINE_FIELDS);
	c.required('invoiceId', x.invoiceId, 'Invoice');
	c.int('lineNo', x.lineNo, 'Line number', { min: 1, max: MAX_LINE_NO });
	c.required('description', x.description, 'Description');
	c.oneOf('kind', x.kind, 'Kind', INVOICE_LINE_KINDS);
	c.int('qtyMilli', x.qtyMilli, 'Quantity');
	c.int('rateCents', x.rateCents, 'Rate');
	c.credit('rateCents', x.qtyMilli, x.rateCents, 'rate');
	c.amount('rateCents', x.qtyMilli, x.rateCents, 'Quantity × rate');
	c.int('poLineNo', x.poLineNo, 'PO line', { min: 1, max: MAX_LINE_NO, nullable: true });
	if (x.kind === 'discount' && Number.isSafeInteger(x.qtyMilli) && Number.isSafeInteger(x.rateCents) && lineAmount(x.qtyMilli, x.rateCents) > 0) c.add('rateCents', 'A discount lowers the total: its rate (or its quantity) is negative or zero');
	if (x.taskCode.trim() && !x.woNumber.trim()) c.add('woNumber', 'A task code needs the work order number it belongs to');
	return c.problems;
}

export function validateSettings(x: Settings): Problem[] {
	const c = new Checker();
	c.lengths(x, SETTINGS_FIELDS);
	c.lengths(x.business, BUSINESS_FIELDS, 'business.');
	for (const book of Object.keys(ACCOUNTING_FIELDS) as (keyof typeof ACCOUNTING_FIELDS)[]) c.lengths(x.accounting[book], ACCOUNTING_FIELDS[book], `accounting.${book}.`);
	c.required('invoicePrefix', x.invoicePrefix, 'Invoice prefix');
	// Every new invoice number is the prefix and digits, so the prefix must make a valid number.
	if (c.fits('invoicePrefix') && x.invoicePrefix.trim() && !NUMBER_RE.test(x.invoicePrefix)) c.add('invoicePrefix', `Invoice prefix "${clip(x.invoicePrefix)}" may only hold letters, digits and . _ / # -, starting with a letter or digit`);
	c.int('nextInvoiceNo', x.nextInvoiceNo, 'Next invoice number', { min: 1 });
	c.required('defaultTerms', x.defaultTerms, 'Default terms');
	c.terms('defaultTerms', x.defaultTerms, 'Default terms');
	c.int('taxRateBp', x.taxRateBp, 'Tax rate', { min: 0 });
	c.int('staleDays', x.staleDays, 'Stale after (days)', { min: 1 });
	c.int('backupReminderDays', x.backupReminderDays, 'Backup reminder (days)', { min: 0, max: 365 });
	checkTolerances(c, x.tolerances, 'tolerances');
	return c.problems;
}
