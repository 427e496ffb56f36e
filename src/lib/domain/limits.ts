import { INVOICE_LINE_KINDS, type AccountingSettings, type BusinessProfile, type ChangeOrder, type Customer, type Invoice, type InvoiceLine, type InvoiceLineKind, type PoLine, type PurchaseOrder, type Settings, type Site, type Task, type WorkOrder } from './records';

/**
 * The most characters each kind of text may hold (docs/field-limits.md says why each is where it
 * is). Counted as the browser counts them (an emoji is two), so a limit here and a browser's own
 * count agree.
 */
export const TEXT_LIMITS = {
	/** Numbers and codes people type and match on: job, PO, invoice, task numbers, item codes, units. */
	identifier: 64,
	/** A name or a short phrase: a customer, a person, terms, a cost centre. */
	name: 200,
	/** A postal address, several lines. */
	address: 500,
	/** What a job, task or line is: read on a grid row and printed on an invoice line. */
	description: 2_000,
	/** Free notes: access, safety, completion, an invoice's notes and footer. */
	note: 10_000
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/** The longest text any field holds: a file's cell longer than this fits nowhere. */
export const LONGEST_TEXT = Math.max(...Object.values(TEXT_LIMITS));

/** Kept small: the logo is stored with the settings and drawn on every invoice. */
export const LOGO_MAX_BYTES = 300 * 1024;
/** The logo's data URL: `data:image/jpeg;base64,` and the image in base64 (4 characters per 3 bytes). */
export const LOGO_MAX_CHARS = 'data:image/jpeg;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4;

/**
 * How one string field is checked: free text of a kind (its limit), or a value checked by its own
 * rule that bounds its length already (a date, a choice from a list, the logo's byte cap).
 */
export type FieldRule = { kind: TextKind; label: string } | 'date' | 'choice' | 'logo';

type StringKeys<T> = { [K in keyof T]-?: T[K] extends string | null | readonly string[] ? K : never }[keyof T] & string;

/**
 * A rule for every string field of a record. The type lists them, so a string field added to a
 * record does not compile until it is given a kind here.
 */
export type FieldRules<T> = { readonly [K in StringKeys<T>]: FieldRule };

const t = (kind: TextKind, label: string): FieldRule => ({ kind, label });
/** A record's own id or the id of the record it belongs to: made by Tieout, never typed, yet checked (a backup may hold anything). */
const ref = (label: string) => t('identifier', label);

export const CUSTOMER_FIELDS: FieldRules<Customer> = {
	id: ref('Id'),
	name: t('name', 'Legal name'),
	billingStreet: t('address', 'Billing street'),
	billingCity: t('name', 'Billing city'),
	billingRegion: t('name', 'Billing state'),
	billingPostalCode: t('identifier', 'Billing ZIP'),
	billingCountry: t('name', 'Billing country'),
	apContact: t('name', 'AP contact'),
	apEmail: t('name', 'AP email'),
	defaultTerms: t('name', 'Default terms'),
	otherNames: t('name', 'Other name')
};

export const SITE_FIELDS: FieldRules<Site> = {
	id: ref('Id'),
	customerId: ref('Customer'),
	name: t('name', 'Site name'),
	street: t('address', 'Street'),
	city: t('name', 'City'),
	region: t('name', 'State'),
	postalCode: t('identifier', 'ZIP'),
	country: t('name', 'Country'),
	accessNotes: t('note', 'Access notes'),
	costCenter: t('name', 'Cost centre')
};

export const WORK_ORDER_FIELDS: FieldRules<WorkOrder> = {
	id: ref('Id'),
	number: t('identifier', 'Work order number'),
	versionDate: 'date',
	customerId: ref('Customer'),
	siteId: ref('Site'),
	description: t('description', 'Description'),
	type: 'choice',
	priority: 'choice',
	status: 'choice',
	openedOn: 'date',
	scheduledStart: 'date',
	scheduledEnd: 'date',
	assignedTo: t('name', 'Assigned to'),
	asset: t('name', 'Asset'),
	accessNotes: t('note', 'Access notes'),
	safetyNotes: t('note', 'Safety notes'),
	billingType: 'choice',
	poNumber: t('identifier', 'PO number'),
	quoteRef: t('name', 'Quote reference'),
	signedOffBy: t('name', 'Signed off by'),
	signedOffOn: 'date',
	completedOn: 'date',
	completionNotes: t('note', 'Completion notes'),
	warrantyOf: t('identifier', 'Warranty of')
};

export const TASK_FIELDS: FieldRules<Task> = {
	id: ref('Id'),
	workOrderId: ref('Work order'),
	code: t('identifier', 'Task code'),
	description: t('description', 'Description'),
	kind: 'choice',
	unit: t('identifier', 'Unit'),
	buyerItemCode: t('identifier', 'Buyer item code'),
	changeOrderNumber: t('identifier', 'Change order number')
};

export const CHANGE_ORDER_FIELDS: FieldRules<ChangeOrder> = {
	id: ref('Id'),
	workOrderId: ref('Work order'),
	number: t('identifier', 'Change order number'),
	description: t('description', 'Description'),
	approvedBy: t('name', 'Decided by'),
	approvedOn: 'date',
	status: 'choice'
};

export const PURCHASE_ORDER_FIELDS: FieldRules<PurchaseOrder> = {
	id: ref('Id'),
	customerId: ref('Customer'),
	number: t('identifier', 'PO number'),
	buyer: t('name', 'Buyer'),
	issueDate: 'date',
	terms: t('name', 'Terms')
};

export const PO_LINE_FIELDS: FieldRules<PoLine> = {
	id: ref('Id'),
	poId: ref('Purchase order'),
	buyerItemCode: t('identifier', 'Buyer item code'),
	description: t('description', 'Description'),
	unit: t('identifier', 'Unit'),
	costCenter: t('name', 'Cost centre'),
	needBy: 'date'
};

export const INVOICE_FIELDS: FieldRules<Invoice> = {
	id: ref('Id'),
	number: t('identifier', 'Invoice number'),
	customerId: ref('Customer'),
	invoiceDate: 'date',
	terms: t('name', 'Terms'),
	poNumber: t('identifier', 'PO number'),
	workOrderNumbers: t('identifier', 'Job number'),
	status: 'choice',
	notes: t('note', 'Notes'),
	creditOf: t('identifier', 'Credit note for'),
	reissueOf: t('identifier', 'Reissue of')
};

export const INVOICE_LINE_FIELDS: FieldRules<InvoiceLine> = {
	id: ref('Id'),
	invoiceId: ref('Invoice'),
	description: t('description', 'Description'),
	kind: 'choice',
	unit: t('identifier', 'Unit'),
	woNumber: t('identifier', 'Job number'),
	taskCode: t('identifier', 'Task code'),
	buyerItemCode: t('identifier', 'Buyer item code')
};

export const BUSINESS_FIELDS: FieldRules<BusinessProfile> = {
	legalName: t('name', 'Legal name'),
	street: t('address', 'Street'),
	city: t('name', 'City'),
	region: t('name', 'State'),
	postalCode: t('identifier', 'ZIP'),
	country: t('name', 'Country'),
	phone: t('name', 'Phone'),
	email: t('name', 'Email'),
	taxId: t('identifier', 'Tax ID'),
	remitStreet: t('address', 'Remit-to street'),
	remitCity: t('name', 'Remit-to city'),
	remitRegion: t('name', 'Remit-to state'),
	remitPostalCode: t('identifier', 'Remit-to ZIP'),
	remitCountry: t('name', 'Remit-to country'),
	invoiceFooter: t('note', 'Invoice footer'),
	logoDataUrl: 'logo'
};

export const SETTINGS_FIELDS: FieldRules<Settings> = {
	id: 'choice',
	invoicePrefix: t('identifier', 'Invoice prefix'),
	defaultTerms: t('name', 'Default terms'),
	lastBackupOn: 'date'
};

/** Settings' bookkeeping names per kind of line: an account code, a tax rate name, a product/service ("Services:HVAC labor"). */
export const ACCOUNTING_FIELDS: { readonly [K in keyof AccountingSettings]: FieldRules<Record<InvoiceLineKind, string>> } = {
	xeroAccount: perKind((k) => t('name', `Xero account for ${k}`)),
	xeroTaxType: perKind((k) => t('name', `Xero tax type for ${k}`)),
	quickBooksItem: perKind((k) => t('name', `QuickBooks product/service for ${k}`))
};

function perKind(rule: (kind: InvoiceLineKind) => FieldRule): FieldRules<Record<InvoiceLineKind, string>> {
	return Object.fromEntries(INVOICE_LINE_KINDS.map((k) => [k, rule(k)])) as FieldRules<Record<InvoiceLineKind, string>>;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Description is 2,345 characters; the most is 2,000", or null when the text fits. */
export function tooLong(label: string, text: string, kind: TextKind): string | null {
	const max = TEXT_LIMITS[kind];
	return text.length > max ? `${label} is ${count(text.length)} characters; the most is ${count(max)}` : null;
}

/** True for a sentence `tooLong` wrote: how a restore tells a value kept from before the limits from a wrong one. */
export function isTooLong(message: string): boolean {
	return / is [\d,]+ characters; the most is [\d,]+$/.test(message);
}

/** The start of a value quoted in a message: a refused value may be megabytes long. */
export function clip(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
