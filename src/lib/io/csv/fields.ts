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

/*
 * Synonyms are listed best first: when two columns of one file match one field (Oracle's
 * NEED_BY_DATE and PROMISED_DATE, SAP's Kostenstelle and Sachkonto), the column matching the
 * earlier synonym fills it and the other is shown as not imported. No normalised synonym is on
 * two fields of one kind (fields.test.ts), so a header never has to pick between fields.
 * Sources: Oracle EBS/Fusion column names (PO_NUMBER, SEGMENT1, UNIT_MEAS_LOOKUP_CODE,
 * CHARGE_ACCOUNT), SAP technical names (EBELN, TXZ01, NETWR, KOSTL) and German screen texts
 * (Kurztext, Nettowert, Liefertermin), SAP's English texts (Purchasing Document, Short Text,
 * Net Order Value), Coupa (Line Num, UOM Code, Account Code, Need By Date), Ariba (Order ID,
 * Buyer Part ID, Requested Delivery Date), Jaggaer (Product Description, Extended Price), and
 * the headers of hand-kept spreadsheets (PO#, GL, Acct, Price Each, Promised).
 */
const PO_NUMBER = [
	'PO Number', 'PO', 'PO #', 'PO No', 'PO Num', 'PO ID', 'Purchase Order', 'Purchase Order Number', 'Purchase Order No', 'Purchasing Document', 'Purch Doc',
	'Order', 'Order No', 'Order Number', 'Order #', 'Order ID', 'SEGMENT1', 'EBELN', 'Bestellnummer', 'Bestellung', 'Bestell Nr', 'Einkaufsbeleg'
];
/** The company billed (the contractor's customer), not a person at it: that is the PO's Buyer. */
const CUSTOMER = ['Customer', 'Customer Name', 'Client', 'Client Name', 'Company', 'Company Name', 'Buyer Company', 'Bill To', 'Bill To Name', 'Sold To', 'Sold To Name', 'Kunde', 'Kundenname'];
const QTY = ['Quantity', 'Qty', 'Quantity Ordered', 'Qty Ordered', 'Ordered Qty', 'Order Qty', 'Order Quantity', 'PO Quantity', 'Menge', 'Bestellmenge', 'MENGE', 'Hours', 'Hrs'];
const UNIT = ['Unit', 'UOM', 'UoM', 'Unit of Measure', 'UOM Code', 'Unit Meas Lookup Code', 'Order Unit', 'OUn', 'U/M', 'Einheit', 'Mengeneinheit', 'ME', 'BestME', 'MEINS'];
const ITEM = [
	'Buyer Item Code', 'Buyer Item', 'Buyer Part ID', 'Buyer Part', 'Buyer Part No', 'Buyer Part Number', 'Item', 'Item Code', 'Item No', 'Item Number', 'Item ID',
	'Part', 'Part No', 'Part Number', 'Material', 'Material No', 'Material Number', 'MATNR', 'SKU', 'Artikel', 'Artikelnummer', 'Materialnummer'
];
const LINE = ['Line', 'Line No', 'Line Num', 'Line Number', 'Line #', 'Pos', 'Position', 'Item Line', 'Zeile'];
const WO = [
	'WO Number', 'WO', 'WO #', 'WO No', 'WO ID', 'Work Order', 'Work Order Number', 'Work Order No', 'Work Order ID', 'Job', 'Job Number', 'Job No', 'Job ID',
	'Ticket', 'Ticket Number', 'Ticket No', 'Service Request', 'Service Request Number', 'SR Number', 'Tracking Number', 'Tracking No', 'Tracking #', 'Call Number', 'Auftrag', 'Auftragsnummer'
];
const KIND = ['Kind', 'Type', 'Line Type', 'Item Type', 'Charge Type', 'Category'];
const TERMS = ['Terms', 'Payment Terms', 'Payment Term', 'Terms Code', 'ZTERM', 'Zahlungsbedingungen', 'Zahlungsbedingung'];
const RATE = ['Rate', 'Unit Price', 'Price', 'Unit Rate', 'Unit Cost', 'Unit Amount', 'Price Each', 'Hourly Rate', 'Bill Rate'];
const PO_LINE = ['PO Line', 'PO Line No', 'PO Line Number', 'PO Line Item', 'PO Item', 'PO Pos'];

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
	po: [
		f('poNumber', 'PO Number', 'code', true, true, PO_NUMBER),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('buyer', 'Buyer', 'text', true, false, ['Buyer', 'Buyer Name', 'Agent Name', 'Purchasing Agent', 'Purchaser', 'Requester', 'Requisitioner', 'Requested By', 'Ordered By', 'Einkäufer', 'Besteller']),
		f('issueDate', 'Issue Date', 'date', true, false, ['Issue Date', 'PO Date', 'Order Date', 'Creation Date', 'Created Date', 'Document Date', 'Date', 'Issued', 'Created', 'BEDAT', 'Bestelldatum', 'Belegdatum', 'Datum']),
		f('revision', 'Revision', 'integer', true, false, ['Revision', 'Rev', 'Rev No', 'Revision Num', 'Revision Number', 'PO Revision', 'Version', 'Change No']),
		f('terms', 'Terms', 'terms', true, false, TERMS),
		f('taxAllowed', 'Tax Allowed', 'boolean', true, false, ['Tax Allowed', 'Taxable', 'Tax OK']),
		f('freightAllowed', 'Freight Allowed', 'boolean', true, false, ['Freight Allowed', 'Freight OK']),
		f('blanketLimit', 'Blanket Limit', 'money', true, false, ['Blanket Limit', 'Blanket Amount', 'Blanket Total Amount', 'Amount Limit', 'PO Limit', 'Limit', 'Not To Exceed', 'NTE']),
		f('lineNo', 'Line', 'integer', false, true, [...LINE, 'PO Line', 'PO Line No', 'Order Line', 'Order Line Num', 'EBELP']),
		f('buyerItemCode', 'Buyer Item Code', 'text', false, false, ITEM),
		f('description', 'Description', 'text', false, true, [
			'Description', 'Item Description', 'Line Description', 'Product Description', 'Material Description', 'Short Text', 'Desc', 'Descr', 'TXZ01',
			'Kurztext', 'Materialkurztext', 'Bezeichnung', 'Beschreibung', 'Text'
		]),
		f('quantity', 'Quantity', 'quantity', false, true, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('unitPrice', 'Unit Price', 'money', false, true, ['Unit Price', 'Net Price', 'Price', 'Unit Cost', 'Price Each', 'Cost Each', 'Price Per Unit', 'Unit Rate', 'Cost', 'Rate', 'NETPR', 'Nettopreis', 'Preis', 'Einzelpreis']),
		// The line's own amount first: a generic Amount or Total loses to them when a file has both.
		f('extended', 'Extended Amount', 'money', false, false, [
			'Extended Amount', 'Extended', 'Ext Amount', 'Ext Price', 'Extended Price', 'Extended Cost', 'Line Total', 'Line Amount', 'Line Value', 'Net Value', 'Net Order Value',
			'Net Amount', 'NETWR', 'Nettowert', 'Nettobestellwert', 'Gesamtpreis', 'Gesamtwert', 'Total Price', 'Total Amount', 'Amount', 'Total', 'Betrag'
		]),
		// A cost centre or building, else the account the line is charged to (what a buyer's export often carries instead).
		f('costCenter', 'Cost Center', 'text', false, false, [
			'Cost Center', 'Cost Centre', 'Kostenstelle', 'KOSTL', 'Building', 'Department', 'Dept', 'Charge Account', 'Account Code', 'GL Account', 'G/L Account', 'GL Code',
			'GL Acct', 'GL', 'Account', 'Acct', 'Sachkonto', 'SAKTO'
		]),
		// The buyer's date first; the supplier's promised date only when the file has no other.
		f('needBy', 'Need By', 'date', false, false, [
			'Need By', 'Need By Date', 'Needed By', 'Date Needed', 'Required By', 'Required Date', 'Date Required', 'Requested Delivery Date', 'Delivery Date', 'Deliver By',
			'Deliv Date', 'Liefertermin', 'Lieferdatum', 'EINDT', 'Due', 'Due Date', 'Promised Date', 'Promise Date', 'Date Promised', 'Promised'
		])
	],
	workOrder: [
		f('woNumber', 'WO Number', 'code', true, true, WO),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('site', 'Site', 'text', true, false, ['Site', 'Site Name', 'Location', 'Location Name', 'Store', 'Store Name', 'Facility', 'Property', 'Standort']),
		f('type', 'Type', 'enum', true, false, ['Type', 'WO Type', 'Job Type', 'Work Type', 'Work Order Type']),
		f('status', 'Status', 'enum', true, false, ['Status', 'WO Status', 'Job Status', 'Work Order Status', 'State']),
		f('priority', 'Priority', 'enum', true, false, ['Priority', 'Prio', 'Urgency']),
		f('description', 'Job Description', 'text', true, false, ['Job Description', 'WO Description', 'Work Order Description', 'Problem Description', 'Problem', 'Summary', 'Scope', 'Scope of Work', 'Work Requested']),
		f('poNumber', 'PO Number', 'code', true, false, PO_NUMBER),
		f('nte', 'NTE', 'money', true, false, ['NTE', 'Not To Exceed', 'NTE Amount', 'NTE Limit', 'Cap', 'Limit']),
		f('openedOn', 'Opened On', 'date', true, false, ['Opened On', 'Opened', 'Open Date', 'Date Opened', 'Created', 'Date', 'Opened Date', 'Created Date', 'Date Created', 'Created On', 'Job Date', 'Call Date', 'Date Received', 'Request Date']),
		// Job history (issue 20): FSM exports (ServiceTitan, Jobber, FieldEdge, ServiceChannel) and contractors' job logs.
		f('scheduledStart', 'Scheduled Start', 'date', true, false, ['Scheduled Start', 'Scheduled', 'Scheduled Date', 'Schedule Date', 'Scheduled For', 'Scheduled Start Date', 'Start Date', 'Planned Start', 'Appointment Date', 'Visit Date', 'Termin']),
		f('scheduledEnd', 'Scheduled End', 'date', true, false, ['Scheduled End', 'Scheduled End Date', 'Scheduled Finish', 'End Date', 'Planned End', 'Planned Finish']),
		f('completedOn', 'Completed On', 'date', true, false, ['Completed On', 'Completion Date', 'Completed', 'Date Completed', 'Completed Date', 'Complete Date', 'Completed At', 'Job Completed', 'Finished On', 'Date Finished', 'Done On', 'Date Done', 'Erledigt am']),
		f('signedOffBy', 'Signed Off By', 'text', true, false, ['Signed Off By', 'Sign Off By', 'Signed By', 'Approved By', 'Signed Off', 'Sign Off Name', 'Signoff Name', 'Accepted By', 'Customer Signature', 'Signature']),
		f('signedOffOn', 'Signed Off On', 'date', true, false, ['Signed Off On', 'Sign Off Date', 'Signed On', 'Signed Off Date', 'Date Signed', 'Date Signed Off', 'Signed Date', 'Signature Date', 'Accepted On']),
		f('completionNotes', 'Completion Notes', 'text', true, false, ['Completion Notes', 'Sign Off Notes', 'Signoff Notes', 'Completion Note', 'Tech Notes', 'Technician Notes', 'Resolution', 'Resolution Notes', 'Work Performed', 'Closing Notes', 'Close Out Notes']),
		f('assignedTo', 'Assigned To', 'text', true, false, ['Assigned To', 'Technician', 'Technician Name', 'Tech', 'Assigned Tech', 'Assignee']),
		f('warrantyOf', 'Warranty Of', 'code', true, false, ['Warranty Of', 'Original Job', 'Original WO', 'Callback Of']),
		f('taskCode', 'Task Code', 'code', false, true, ['Task Code', 'Task', 'Task No', 'Task #', 'Task ID', 'Activity Code', 'Step', 'Line', 'Line No']),
		f('taskDescription', 'Task Description', 'text', false, true, ['Task Description', 'Description', 'Desc', 'Task Desc', 'Task Name', 'Work Description', 'Activity']),
		f('kind', 'Kind', 'enum', false, false, ['Kind', 'Task Kind', 'Task Type', 'Line Type', 'Cost Type', 'Charge Type', 'Category']),
		f('quantity', 'Quantity', 'quantity', false, false, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('rate', 'Rate', 'money', false, false, RATE),
		f('buyerItemCode', 'Buyer Item Code', 'text', false, false, ITEM),
		f('poLine', 'PO Line', 'integer', false, false, PO_LINE),
		f('done', 'Done', 'boolean', false, false, ['Done', 'Task Done', 'Task Complete', 'Complete', 'Finished', 'Erledigt', 'Task Finished', 'Is Done', 'Done Flag'])
	],
	invoice: [
		f('invoiceNumber', 'Invoice Number', 'code', true, true, ['Invoice Number', 'Invoice', 'Invoice No', 'Invoice #', 'Invoice ID', 'Inv No', 'Inv #', 'InvoiceNo', 'Bill Number', 'Bill No', 'Rechnungsnummer', 'Rechnung']),
		f('customer', 'Customer', 'text', true, false, CUSTOMER),
		f('invoiceDate', 'Invoice Date', 'date', true, false, ['Invoice Date', 'Inv Date', 'Bill Date', 'Txn Date', 'Date', 'Rechnungsdatum']),
		f('terms', 'Terms', 'terms', true, false, TERMS),
		f('poNumber', 'PO Number', 'code', true, false, PO_NUMBER),
		f('woNumbers', 'WO Numbers', 'list', true, false, ['WO Numbers', 'Work Orders', 'Work Order Numbers', 'Jobs', 'Job Numbers']),
		f('status', 'Status', 'enum', true, false, ['Status', 'Invoice Status', 'State']),
		f('lineNo', 'Line', 'integer', false, true, LINE),
		f('description', 'Description', 'text', false, true, ['Description', 'Line Description', 'Item Description', 'Product Description', 'Desc', 'Memo', 'Line Memo', 'Bezeichnung']),
		f('kind', 'Kind', 'enum', false, false, KIND),
		f('quantity', 'Quantity', 'quantity', false, true, QTY),
		f('unit', 'Unit', 'text', false, false, UNIT),
		f('rate', 'Rate', 'money', false, true, RATE),
		f('woNumber', 'WO Number', 'code', false, false, WO),
		f('taskCode', 'Task Code', 'code', false, false, ['Task Code', 'Task', 'Task No', 'Task #', 'Task ID']),
		f('poLine', 'PO Line', 'integer', false, false, PO_LINE),
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
