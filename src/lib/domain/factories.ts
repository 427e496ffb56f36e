import type { LocalDate } from './dates';
import type { ChangeOrder, Customer, Id, Invoice, InvoiceLine, PoLine, PurchaseOrder, Site, Task, WorkOrder } from './records';

/** Complete records with sensible blanks, so a new grid row is valid before the user types. */

export const newCustomer = (id: Id, x: Partial<Customer> = {}): Customer => ({
	id,
	name: '',
	billingStreet: '',
	billingCity: '',
	billingRegion: '',
	billingPostalCode: '',
	billingCountry: '',
	apContact: '',
	apEmail: '',
	requiresPo: false,
	defaultTerms: 'Net 30',
	taxAllowed: true,
	freightAllowed: true,
	tolerances: null,
	otherNames: [],
	...x
});

export const newSite = (id: Id, customerId: Id, x: Partial<Site> = {}): Site => ({
	id,
	customerId,
	name: '',
	street: '',
	city: '',
	region: '',
	postalCode: '',
	country: '',
	accessNotes: '',
	costCenter: '',
	...x
});

export const newWorkOrder = (id: Id, number: string, customerId: Id, today: LocalDate, x: Partial<WorkOrder> = {}): WorkOrder => ({
	id,
	number,
	versionDate: today,
	customerId,
	siteId: null,
	description: '',
	type: 'corrective',
	priority: 'normal',
	status: 'open',
	openedOn: today,
	scheduledStart: null,
	scheduledEnd: null,
	assignedTo: '',
	asset: '',
	accessNotes: '',
	safetyNotes: '',
	billingType: 'time_and_materials',
	nteCents: null,
	poNumber: '',
	quoteRef: '',
	signedOffBy: '',
	signedOffOn: null,
	completedOn: null,
	completionNotes: '',
	warrantyOf: '',
	...x
});

export const newTask = (id: Id, workOrderId: Id, code: string, x: Partial<Task> = {}): Task => ({
	id,
	workOrderId,
	code,
	description: 'New task',
	kind: 'labor',
	qtyMilli: 1000,
	unit: 'h',
	rateCents: 0,
	buyerItemCode: '',
	poLineNo: null,
	done: false,
	extra: false,
	changeOrderNumber: '',
	...x
});

export const newChangeOrder = (id: Id, workOrderId: Id, number: string, x: Partial<ChangeOrder> = {}): ChangeOrder => ({
	id,
	workOrderId,
	number,
	description: '',
	amountCents: 0,
	approvedBy: '',
	approvedOn: null,
	status: 'pending',
	...x
});

export const newPurchaseOrder = (id: Id, customerId: Id, number: string, today: LocalDate, x: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
	id,
	customerId,
	number,
	buyer: '',
	issueDate: today,
	revision: 0,
	terms: 'Net 30',
	taxAllowed: false,
	freightAllowed: false,
	blanketLimitCents: null,
	...x
});

export const newPoLine = (id: Id, poId: Id, lineNo: number, x: Partial<PoLine> = {}): PoLine => ({
	id,
	poId,
	lineNo,
	buyerItemCode: '',
	description: 'New line',
	qtyMilli: 1000,
	unit: 'ea',
	unitPriceCents: 0,
	extendedCents: 0,
	costCenter: '',
	needBy: null,
	...x
});

export const newInvoice = (id: Id, number: string, customerId: Id, today: LocalDate, terms: string, x: Partial<Invoice> = {}): Invoice => ({
	id,
	number,
	customerId,
	invoiceDate: today,
	terms,
	poNumber: '',
	workOrderNumbers: [],
	status: 'draft',
	notes: '',
	creditOf: '',
	reissueOf: '',
	history: [],
	...x
});

export const newInvoiceLine = (id: Id, invoiceId: Id, lineNo: number, x: Partial<InvoiceLine> = {}): InvoiceLine => ({
	id,
	invoiceId,
	lineNo,
	description: 'New line',
	kind: 'labor',
	qtyMilli: 1000,
	unit: 'h',
	rateCents: 0,
	woNumber: '',
	taskCode: '',
	poLineNo: null,
	buyerItemCode: '',
	...x
});

/** The next free line number: one past the highest in use. */
export const nextLineNo = (used: Iterable<number>): number => Math.max(0, ...used) + 1;

/** The next free code like `T4` after `T1..T3`, or `WO-18485` after `WO-18484`: the trailing number goes up by one. */
export function nextCode(used: Iterable<string>, fallback: string): string {
	const taken = new Set(used);
	let best: { prefix: string; n: number; width: number } | null = null;
	for (const code of taken) {
		const m = /^(.*?)(\d+)$/.exec(code);
		if (m && (!best || Number(m[2]) > best.n)) best = { prefix: m[1]!, n: Number(m[2]), width: m[2]!.length };
	}
	if (!best) return fallback;
	let n = best.n + 1;
	let candidate = `${best.prefix}${String(n).padStart(best.width, '0')}`;
	while (taken.has(candidate)) candidate = `${best.prefix}${String(++n).padStart(best.width, '0')}`;
	return candidate;
}
