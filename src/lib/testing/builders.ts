/**
 * Test-only builders: each returns a fully populated, valid record (every field set to a
 * realistic, non-default value) that a test overrides where it matters.
 * Ids are unique per call; foreign keys default to placeholders a test sets when it stores them.
 */
import type {
	ChangeOrder,
	Customer,
	Invoice,
	InvoiceLine,
	PoLine,
	PurchaseOrder,
	Settings,
	Site,
	Task,
	WorkOrder
} from '$lib/domain/records';
import { defaultAccounting } from '$lib/domain/records';

let seq = 0;
/** A fresh id such as `wo-7`; unique within the test run. */
export const nextId = (prefix: string): string => `${prefix}-${++seq}`;

export const customer = (x: Partial<Customer> = {}): Customer => ({
	id: nextId('cust'),
	name: `Northwind Facilities ${seq}`,
	billingStreet: '100 Main St',
	billingCity: 'Springfield',
	billingRegion: 'IL',
	billingPostalCode: '62701',
	billingCountry: 'USA',
	apContact: 'Pat Payables',
	apEmail: 'ap@northwind.example',
	requiresPo: true,
	defaultTerms: '2/10 Net 30',
	taxAllowed: true,
	freightAllowed: false,
	tolerances: { qtyBp: 500, priceBp: 100, absCents: 2500 },
	otherNames: [],
	...x
});

export const site = (x: Partial<Site> = {}): Site => ({
	id: nextId('site'),
	customerId: 'cust-missing',
	name: `Plant ${seq}`,
	street: '200 Industrial Way',
	city: 'Springfield',
	region: 'IL',
	postalCode: '62702',
	country: 'USA',
	accessNotes: 'Badge at gate 3',
	costCenter: 'CC-4410',
	...x
});

export const workOrder = (x: Partial<WorkOrder> = {}): WorkOrder => ({
	id: nextId('wo'),
	number: `WO-${18000 + seq}`,
	versionDate: '2027-01-04',
	customerId: 'cust-missing',
	siteId: null,
	description: 'Replace rooftop unit compressor',
	type: 'corrective',
	priority: 'high',
	status: 'in_progress',
	openedOn: '2027-01-03',
	scheduledStart: '2027-01-05',
	scheduledEnd: '2027-01-07',
	assignedTo: 'J. Rivera; Acme Cranes',
	asset: 'RTU-3',
	accessNotes: 'Roof hatch key at front desk',
	safetyNotes: 'Fall protection required',
	billingType: 'time_and_materials',
	nteCents: 500_000,
	poNumber: '4500012345',
	quoteRef: 'Q-2027-014',
	signedOffBy: '',
	signedOffOn: null,
	completedOn: null,
	completionNotes: 'Suction 68 psi, head 250 psi',
	warrantyOf: '',
	...x
});

export const task = (x: Partial<Task> = {}): Task => ({
	id: nextId('task'),
	workOrderId: 'wo-missing',
	code: `T${seq}`,
	description: 'Technician labor',
	kind: 'labor',
	qtyMilli: 1_500,
	unit: 'h',
	rateCents: 12_500,
	buyerItemCode: 'LAB-HVAC',
	poLineNo: 1,
	done: true,
	extra: false,
	changeOrderNumber: '',
	...x
});

export const changeOrder = (x: Partial<ChangeOrder> = {}): ChangeOrder => ({
	id: nextId('co'),
	workOrderId: 'wo-missing',
	number: `CO-${seq}`,
	description: 'Add crane lift',
	amountCents: 85_000,
	approvedBy: 'M. Buyer',
	approvedOn: '2027-01-06',
	status: 'approved',
	...x
});

export const purchaseOrder = (x: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
	id: nextId('po'),
	customerId: 'cust-missing',
	number: `45000${seq}`,
	buyer: 'M. Buyer',
	issueDate: '2027-01-02',
	revision: 1,
	terms: 'Net 30',
	taxAllowed: true,
	freightAllowed: true,
	blanketLimitCents: 1_000_000,
	...x
});

export const poLine = (x: Partial<PoLine> = {}): PoLine => ({
	id: nextId('pol'),
	poId: 'po-missing',
	lineNo: 1,
	buyerItemCode: 'LAB-HVAC',
	description: 'HVAC labor',
	qtyMilli: 10_000,
	unit: 'h',
	unitPriceCents: 12_500,
	extendedCents: 125_000,
	costCenter: 'CC-4410',
	needBy: '2027-01-31',
	...x
});

export const invoice = (x: Partial<Invoice> = {}): Invoice => ({
	id: nextId('inv'),
	number: `INV-${1000 + seq}`,
	customerId: 'cust-missing',
	invoiceDate: '2027-01-15',
	terms: '2/10 Net 30',
	poNumber: '4500012345',
	workOrderNumbers: ['WO-18472'],
	status: 'draft',
	notes: 'Thank you for your business',
	creditOf: '',
	reissueOf: '',
	history: [],
	...x
});

export const invoiceLine = (x: Partial<InvoiceLine> = {}): InvoiceLine => ({
	id: nextId('invl'),
	invoiceId: 'inv-missing',
	lineNo: 1,
	description: 'Technician labor',
	kind: 'labor',
	qtyMilli: 1_500,
	unit: 'h',
	rateCents: 12_500,
	woNumber: 'WO-18472',
	taskCode: 'T1',
	poLineNo: 1,
	buyerItemCode: 'LAB-HVAC',
	...x
});

export const settings = (x: Partial<Settings> = {}): Settings => ({
	id: 'app',
	business: {
		legalName: 'Rivera Mechanical LLC',
		street: '9 Shop Rd',
		city: 'Springfield',
		region: 'IL',
		postalCode: '62703',
		country: 'USA',
		phone: '217-555-0100',
		email: 'billing@rivera.example',
		taxId: '12-3456789',
		remitStreet: 'PO Box 42',
		remitCity: 'Springfield',
		remitRegion: 'IL',
		remitPostalCode: '62704',
		remitCountry: 'USA',
		invoiceFooter: 'Late payments accrue 1.5% per month',
		logoDataUrl: ''
	},
	invoicePrefix: 'INV-',
	nextInvoiceNo: 1042,
	defaultTerms: 'Net 30',
	taxRateBp: 825,
	tolerances: { qtyBp: 0, priceBp: 0, absCents: 0 },
	staleDays: 30,
	lastBackupOn: '2027-01-01',
	csvBom: true,
	backupReminderDays: 14,
	accounting: defaultAccounting(),
	...x
});
