/** The three things a CSV can import, as ColumnMapping.kind names them. */
export type ImportKind = 'po' | 'workOrder' | 'invoice';

export type ValueType = 'text' | 'code' | 'money' | 'quantity' | 'date' | 'integer' | 'boolean' | 'terms' | 'enum' | 'list';

export interface FieldDef {
	key: string;
	/** Written as the column header on export, and shown in the mapping step. */
	label: string;
	required: boolean;
	/** Part of the record's header (repeated on every row of one PO, job or invoice), not of a line. */
	header: boolean;
	type: ValueType;
	/** Other headers buyer systems use for it; compared case- and punctuation-insensitively. */
	synonyms: readonly string[];
}

const f = (key: string, label: string, type: ValueType, header: boolean, required: boolean, synonyms: string[]): FieldDef => ({
	key,
	label,
	type,
	header,
	required,
	synonyms
});

const PO_NUMBER = ['PO Number', 'PO', 'PO #', 'PO No', 'PO Num', 'Purchase Order', 'Purchase Order Number', 'Order', 'Order No', 'Order Number', 'Order #', 'Bestellnummer', 'Bestellung'];
/** The company billed (the contractor's customer), not a person at it: that is the PO's Buyer. */
const CUSTOMER = ['Customer', 'Customer Name', 'Client', 'Client Name', 'Company', 'Company Name', 'Buyer Company', 'Bill To', 'Bill To Name', 'Sold To', 'Sold To Name', 'Kunde', 'Kundenname'];
const QTY = ['Quantity', 'Qty', 'Qty Ordered', 'Ordered Qty', 'Order Qty', 'Menge', 'Hours', 'Hrs'];
const UNIT = ['Unit', 'UOM', 'UoM', 'Unit of Measure', 'Einheit', 'ME'];
const ITEM = ['Buyer Item Code', 'Item', 'Item Code', 'Item No', 'Item Number', 'Buyer Part', 'Buyer Part No', 'Part', 'Part No', 'Part Number', 'Material', 'Material No', 'SKU', 'Artikel', 'Artikelnummer'];
const LINE = ['Line', 'Line No', 'Line Num', 'Line Number', 'Line #', 'Pos', 'Position', 'Item Line', 'Zeile'];
const WO = ['WO Number', 'WO', 'WO #', 'WO No', 'Work Order', 'Work Order Number', 'Job', 'Job Number', 'Job No', 'Ticket', 'Ticket Number', 'Auftrag'];
const KIND = ['Kind', 'Type', 'Line Type', 'Category'];

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
	po: [
		f('poNumber', 'PO Number', 'code', true, true, PO_NUMBER),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('buyer', 'Buyer', 'text', true, false, ['Buyer', 'Buyer Name', 'Purchaser', 'Requester', 'Einkäufer']),
		f('issueDate', 'Issue Date', 'date', true, false, ['Issue Date', 'PO Date', 'Order Date', 'Date', 'Issued', 'Created', 'Bestelldatum', 'Datum']),
		f('revision', 'Revision', 'integer', true, false, ['Revision', 'Rev', 'Rev No', 'Version', 'Change No']),
		f('terms', 'Terms', 'terms', true, false, ['Terms', 'Payment Terms', 'Zahlungsbedingungen']),
		f('taxAllowed', 'Tax Allowed', 'boolean', true, false, ['Tax Allowed', 'Taxable', 'Tax OK']),
		f('freightAllowed', 'Freight Allowed', 'boolean', true, false, ['Freight Allowed', 'Freight OK']),
		f('blanketLimit', 'Blanket Limit', 'money', true, false, ['Blanket Limit', 'PO Limit', 'Limit', 'Not To Exceed', 'NTE']),
		f('lineNo', 'Line', 'integer', false, true, [...LINE, 'PO Line', 'PO Line No']),
		f('buyerItemCode', 'Buyer Item Code', 'text', false, false, ITEM),
		f('description', 'Description', 'text', false, true, ['Description', 'Desc', 'Item Description', 'Line Description', 'Short Text', 'Bezeichnung', 'Beschreibung', 'Text']),
		f('quantity', 'Quantity', 'quantity', false, true, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('unitPrice', 'Unit Price', 'money', false, true, ['Unit Price', 'Price', 'Unit Cost', 'Cost', 'Net Price', 'Nettopreis', 'Preis', 'Rate', 'Einzelpreis']),
		f('extended', 'Extended Amount', 'money', false, false, ['Extended Amount', 'Extended', 'Ext Amount', 'Ext Price', 'Extended Price', 'Amount', 'Line Total', 'Line Amount', 'Total', 'Net Value', 'Gesamtpreis', 'Betrag']),
		f('costCenter', 'Cost Center', 'text', false, false, ['Cost Center', 'Cost Centre', 'Building', 'Kostenstelle', 'Department', 'GL Account']),
		f('needBy', 'Need By', 'date', false, false, ['Need By', 'Need By Date', 'Delivery Date', 'Due', 'Due Date', 'Required By', 'Liefertermin', 'Lieferdatum'])
	],
	workOrder: [
		f('woNumber', 'WO Number', 'code', true, true, WO),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('site', 'Site', 'text', true, false, ['Site', 'Site Name', 'Location', 'Store', 'Facility', 'Standort']),
		f('type', 'Type', 'enum', true, false, ['Type', 'WO Type', 'Job Type', 'Work Type']),
		f('status', 'Status', 'enum', true, false, ['Status', 'WO Status', 'Job Status', 'State']),
		f('priority', 'Priority', 'enum', true, false, ['Priority', 'Prio', 'Urgency']),
		f('description', 'Job Description', 'text', true, false, ['Job Description', 'WO Description', 'Work Order Description', 'Problem', 'Summary', 'Scope']),
		f('poNumber', 'PO Number', 'code', true, false, PO_NUMBER),
		f('nte', 'NTE', 'money', true, false, ['NTE', 'Not To Exceed', 'NTE Amount', 'Cap', 'Limit']),
		f('openedOn', 'Opened On', 'date', true, false, ['Opened On', 'Opened', 'Open Date', 'Date Opened', 'Created', 'Date']),
		f('signedOffBy', 'Signed Off By', 'text', true, false, ['Signed Off By', 'Sign Off By', 'Signed By', 'Approved By']),
		f('signedOffOn', 'Signed Off On', 'date', true, false, ['Signed Off On', 'Sign Off Date', 'Signed On', 'Completed On', 'Completion Date']),
		f('assignedTo', 'Assigned To', 'text', true, false, ['Assigned To', 'Technician', 'Tech', 'Assignee']),
		f('warrantyOf', 'Warranty Of', 'code', true, false, ['Warranty Of', 'Original Job', 'Original WO', 'Callback Of']),
		f('taskCode', 'Task Code', 'code', false, true, ['Task Code', 'Task', 'Task No', 'Task #', 'Task ID', 'Step', 'Line', 'Line No']),
		f('taskDescription', 'Task Description', 'text', false, true, ['Task Description', 'Description', 'Desc', 'Task Desc', 'Work Description']),
		f('kind', 'Kind', 'enum', false, false, ['Kind', 'Task Kind', 'Task Type', 'Category', 'Cost Type']),
		f('quantity', 'Quantity', 'quantity', false, false, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('rate', 'Rate', 'money', false, false, ['Rate', 'Unit Price', 'Price', 'Unit Rate', 'Unit Cost']),
		f('buyerItemCode', 'Buyer Item Code', 'text', false, false, ITEM),
		f('poLine', 'PO Line', 'integer', false, false, ['PO Line', 'PO Line No', 'PO Line Number', 'PO Pos']),
		f('done', 'Done', 'boolean', false, false, ['Done', 'Complete', 'Completed', 'Finished', 'Erledigt'])
	],
	invoice: [
		f('invoiceNumber', 'Invoice Number', 'code', true, true, ['Invoice Number', 'Invoice', 'Invoice No', 'Invoice #', 'Inv No', 'Inv #', 'InvoiceNo', 'Rechnungsnummer']),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('invoiceDate', 'Invoice Date', 'date', true, false, ['Invoice Date', 'Date', 'Inv Date', 'Rechnungsdatum']),
		f('terms', 'Terms', 'terms', true, false, ['Terms', 'Payment Terms', 'Zahlungsbedingungen']),
		f('poNumber', 'PO Number', 'code', true, false, PO_NUMBER),
		f('woNumbers', 'WO Numbers', 'list', true, false, ['WO Numbers', 'Work Orders', 'Work Order Numbers', 'Jobs', 'Job Numbers']),
		f('status', 'Status', 'enum', true, false, ['Status', 'Invoice Status', 'State']),
		f('lineNo', 'Line', 'integer', false, true, LINE),
		f('description', 'Description', 'text', false, true, ['Description', 'Desc', 'Line Description', 'Item Description', 'Bezeichnung']),
		f('kind', 'Kind', 'enum', false, false, KIND),
		f('quantity', 'Quantity', 'quantity', false, true, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('rate', 'Rate', 'money', false, true, ['Rate', 'Unit Price', 'Price', 'Unit Rate', 'Unit Cost']),
		f('woNumber', 'WO Number', 'code', false, false, WO),
		f('taskCode', 'Task Code', 'code', false, false, ['Task Code', 'Task', 'Task No', 'Task #']),
		f('poLine', 'PO Line', 'integer', false, false, ['PO Line', 'PO Line No', 'PO Line Number', 'PO Pos']),
		f('buyerItemCode', 'Buyer Item Code', 'text', false, false, ITEM)
	]
};

export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
	return FIELDS[kind];
}

export function fieldDef(kind: ImportKind, key: string): FieldDef | undefined {
	return FIELDS[kind].find((x) => x.key === key);
}

/** `PO #`, `po_number`, `P.O. Number ` and `Bezeichnung` compared as they read, not as they are typed. */
export function normaliseHeader(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Every normalised synonym of every kind: what a header row of some table we import looks like. */
export const KNOWN_HEADERS: ReadonlySet<string> = new Set(
	Object.values(FIELDS).flatMap((defs) => defs.flatMap((d) => [d.label, ...d.synonyms].map(normaliseHeader)))
);
