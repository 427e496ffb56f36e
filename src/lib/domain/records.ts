import type { Cents } from './money';
import type { LocalDate } from './dates';
import type { Milli } from './quantity';

/** Opaque record id, made by an IdGen passed in by the caller. */
/** The highest line number a PO or invoice line may have (the grids order lines by parent × 10,000,000 + line). */
export const MAX_LINE_NO = 9_999_999;

export type Id = string;
export type IdGen = () => Id;

export interface Tolerances {
	/** Quantity tolerance in basis points of the authorised quantity (5% = 500). */
	qtyBp: number;
	/** Price tolerance in basis points of the PO unit price. */
	priceBp: number;
	/** Absolute amount cap in cents: a difference at or under it is tolerated. */
	absCents: Cents;
}

export interface Customer {
	id: Id;
	name: string;
	/** The billing address in parts (domain/addresses.ts): the street may hold several lines. */
	billingStreet: string;
	billingCity: string;
	/** State or province, e.g. `OH`. */
	billingRegion: string;
	billingPostalCode: string;
	billingCountry: string;
	apContact: string;
	apEmail: string;
	requiresPo: boolean;
	defaultTerms: string;
	taxAllowed: boolean;
	freightAllowed: boolean;
	/** Per-customer override of the global tolerances; null means use the global ones. */
	tolerances: Tolerances | null;
	/**
	 * Other names this customer's files have used ("ACME Corp." for "Acme Corporation"),
	 * remembered when a person matches one in an import, so the next file matches by itself.
	 */
	otherNames: string[];
}

export interface Site {
	id: Id;
	customerId: Id;
	name: string;
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
	accessNotes: string;
	costCenter: string;
}

export const WORK_ORDER_TYPES = ['preventive', 'corrective', 'emergency', 'warranty', 'internal'] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

export const WORK_ORDER_STATUSES = ['open', 'in_progress', 'complete', 'invoiced', 'closed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** A status as a sentence says it: "WO-18476 is in progress". */
export const STATUS_LABEL: Readonly<Record<WorkOrderStatus, string>> = {
	open: 'open',
	in_progress: 'in progress',
	complete: 'complete',
	invoiced: 'invoiced',
	closed: 'closed',
	cancelled: 'cancelled'
};

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const BILLING_TYPES = ['fixed', 'time_and_materials', 'hybrid'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];

export interface WorkOrder {
	id: Id;
	/** Unique job number, e.g. `WO-18472`. */
	number: string;
	versionDate: LocalDate;
	customerId: Id;
	siteId: Id | null;
	description: string;
	type: WorkOrderType;
	priority: Priority;
	status: WorkOrderStatus;
	openedOn: LocalDate;
	scheduledStart: LocalDate | null;
	scheduledEnd: LocalDate | null;
	assignedTo: string;
	asset: string;
	accessNotes: string;
	safetyNotes: string;
	billingType: BillingType;
	/** Not-to-exceed cap; null when the job has none. */
	nteCents: Cents | null;
	/** The buyer's PO this job bills against, by number ('' when none). */
	poNumber: string;
	quoteRef: string;
	signedOffBy: string;
	signedOffOn: LocalDate | null;
	/** When the work was finished; the sign-off may come days later. Null when unknown. */
	completedOn: LocalDate | null;
	completionNotes: string;
	/** For a warranty callback: the original job's number. */
	warrantyOf: string;
}

export const TASK_KINDS = ['labor', 'material', 'subcontract', 'fee'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface Task {
	id: Id;
	workOrderId: Id;
	/** Unique within its work order, e.g. `T1` or `10`. */
	code: string;
	description: string;
	kind: TaskKind;
	qtyMilli: Milli;
	unit: string;
	rateCents: Cents;
	buyerItemCode: string;
	/** The PO line (on the work order's PO) this task is authorised by. */
	poLineNo: number | null;
	done: boolean;
	/** Added after the work was authorised: needs an approved change order. */
	extra: boolean;
	changeOrderNumber: string;
}

export const CHANGE_ORDER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeOrderStatus = (typeof CHANGE_ORDER_STATUSES)[number];

export interface ChangeOrder {
	id: Id;
	workOrderId: Id;
	number: string;
	description: string;
	amountCents: Cents;
	approvedBy: string;
	approvedOn: LocalDate | null;
	status: ChangeOrderStatus;
}

export interface PurchaseOrder {
	id: Id;
	customerId: Id;
	/** The buyer's own number: unique per customer, not globally. */
	number: string;
	buyer: string;
	issueDate: LocalDate;
	revision: number;
	terms: string;
	taxAllowed: boolean;
	freightAllowed: boolean;
	blanketLimitCents: Cents | null;
}

export interface PoLine {
	id: Id;
	poId: Id;
	lineNo: number;
	buyerItemCode: string;
	description: string;
	qtyMilli: Milli;
	unit: string;
	unitPriceCents: Cents;
	/** As the buyer's export states it; compared with quantity × price, never silently replaced. */
	extendedCents: Cents;
	costCenter: string;
	needBy: LocalDate | null;
}

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * What happened to an invoice, as its history keeps it: its status moves, and the corrections
 * that point from one invoice to another (a credit note, a void and reissue).
 */
export const INVOICE_EVENT_KINDS = ['sent', 'paid', 'voided', 'credited', 'credit_note_for', 'reissued', 'reissue_of'] as const;
export type InvoiceEventKind = (typeof INVOICE_EVENT_KINDS)[number];

export interface InvoiceEvent {
	on: LocalDate;
	what: InvoiceEventKind;
	/** The other invoice of a correction, by number ('' for a status move). */
	other: string;
}

export interface Invoice {
	id: Id;
	/** The contractor's own sequence, unique. */
	number: string;
	customerId: Id;
	invoiceDate: LocalDate;
	terms: string;
	poNumber: string;
	workOrderNumbers: string[];
	status: InvoiceStatus;
	notes: string;
	/** For a credit note: the number of the invoice it corrects ('' for an invoice). */
	creditOf: string;
	/** For a reissue: the number of the voided invoice it replaces ('' otherwise). */
	reissueOf: string;
	/** What happened to it, oldest first; only ever added to. */
	history: InvoiceEvent[];
}

export const INVOICE_LINE_KINDS = ['labor', 'material', 'subcontract', 'fee', 'tax', 'freight', 'discount'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

export interface InvoiceLine {
	id: Id;
	invoiceId: Id;
	lineNo: number;
	description: string;
	kind: InvoiceLineKind;
	qtyMilli: Milli;
	unit: string;
	rateCents: Cents;
	/** The task billed: work order number + task code. */
	woNumber: string;
	taskCode: string;
	/** The PO line billed, on the invoice's PO. */
	poLineNo: number | null;
	buyerItemCode: string;
}

export interface BusinessProfile {
	legalName: string;
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
	phone: string;
	email: string;
	taxId: string;
	/** Where payment is sent, when not the business address: the street may start with a name or a PO box. */
	remitStreet: string;
	remitCity: string;
	remitRegion: string;
	remitPostalCode: string;
	remitCountry: string;
	invoiceFooter: string;
	/** The logo drawn on invoices: a PNG or JPEG data URL, '' when none. */
	logoDataUrl: string;
}

export interface Settings {
	id: 'app';
	business: BusinessProfile;
	invoicePrefix: string;
	nextInvoiceNo: number;
	defaultTerms: string;
	/** Sales tax rate in basis points (8.25% = 825). */
	taxRateBp: number;
	tolerances: Tolerances;
	/** Work orders open longer than this many days are flagged as stale. */
	staleDays: number;
	lastBackupOn: LocalDate | null;
	/** Exported CSV starts with a byte-order mark, so Excel reads accents right. */
	csvBom: boolean;
	/** Days without a downloaded backup after which Tieout reminds the person to make one; 0 never reminds. */
	backupReminderDays: number;
	/** How each kind of invoice line is booked in the bookkeeper's system (the QuickBooks and Xero exports). */
	accounting: AccountingSettings;
}

/** Per kind of invoice line: Xero's account code and tax type, and QuickBooks' product/service. */
export interface AccountingSettings {
	xeroAccount: Record<InvoiceLineKind, string>;
	xeroTaxType: Record<InvoiceLineKind, string>;
	quickBooksItem: Record<InvoiceLineKind, string>;
}

const perKind = (value: (kind: InvoiceLineKind) => string) => Object.fromEntries(INVOICE_LINE_KINDS.map((k) => [k, value(k)])) as Record<InvoiceLineKind, string>;

/** QuickBooks products/services a new company file can be given, one per kind of line. */
export const DEFAULT_QUICKBOOKS_ITEM: Readonly<Record<InvoiceLineKind, string>> = {
	labor: 'Labor',
	material: 'Materials',
	subcontract: 'Subcontract',
	fee: 'Fee',
	tax: 'Sales Tax',
	freight: 'Freight',
	discount: 'Discount'
};

/**
 * What the exports used before these were settings: every line to Xero's Sales account 200,
 * `Tax Exempt` (tax billed is a line of its own, so Xero must not add more).
 */
export const defaultAccounting = (): AccountingSettings => ({
	xeroAccount: perKind(() => '200'),
	xeroTaxType: perKind(() => 'Tax Exempt'),
	quickBooksItem: perKind((k) => DEFAULT_QUICKBOOKS_ITEM[k])
});

export const ZERO_TOLERANCES: Tolerances = { qtyBp: 0, priceBp: 0, absCents: 0 };

export function defaultSettings(): Settings {
	return {
		id: 'app',
		business: {
			legalName: '',
			street: '',
			city: '',
			region: '',
			postalCode: '',
			country: '',
			phone: '',
			email: '',
			taxId: '',
			remitStreet: '',
			remitCity: '',
			remitRegion: '',
			remitPostalCode: '',
			remitCountry: '',
			invoiceFooter: '',
			logoDataUrl: ''
		},
		invoicePrefix: 'INV-',
		nextInvoiceNo: 1001,
		defaultTerms: 'Net 30',
		taxRateBp: 0,
		tolerances: { ...ZERO_TOLERANCES },
		staleDays: 30,
		lastBackupOn: null,
		csvBom: true,
		backupReminderDays: 14,
		accounting: defaultAccounting()
	};
}

/** The business records by the name of the collection that holds them (storage and reconciliation share it). */
export interface RecordsByTable {
	customers: Customer;
	sites: Site;
	workOrders: WorkOrder;
	tasks: Task;
	changeOrders: ChangeOrder;
	purchaseOrders: PurchaseOrder;
	poLines: PoLine;
	invoices: Invoice;
	invoiceLines: InvoiceLine;
}

/**
 * Settings as stored by any earlier release, brought up to today's shape: fields added since are
 * filled from the defaults, so an old record never reaches code that expects the new field.
 */
export function upgradeSettings(stored: Partial<Settings> | undefined): Settings {
	const base = defaultSettings();
	if (!stored) return base;
	return {
		...base,
		...stored,
		id: 'app',
		business: { ...base.business, ...stored.business },
		tolerances: { ...base.tolerances, ...stored.tolerances },
		accounting: {
			xeroAccount: { ...base.accounting.xeroAccount, ...stored.accounting?.xeroAccount },
			xeroTaxType: { ...base.accounting.xeroTaxType, ...stored.accounting?.xeroTaxType },
			quickBooksItem: { ...base.accounting.quickBooksItem, ...stored.accounting?.quickBooksItem }
		}
	};
}
