import { describe, expect, it } from 'vitest';
import { FIELDS, normaliseHeader, type ImportKind } from './fields';
import { suggestMapping } from './mapping';

/*
 * Each header as a real export writes it (Oracle's upper case and underscores, SAP's technical
 * names and German screen texts, Coupa, Ariba and Jaggaer's words, a spreadsheet's `PO#` and
 * `G/L Acct`), the kind of file, and the field it must fill. Every synonym in fields.ts has its
 * case here (checked below), so a synonym that stops mapping fails by name.
 */
type Case = [header: string, kind: ImportKind, field: string];
const each = (kinds: ImportKind[], field: string, headers: string[]): Case[] => kinds.flatMap((k) => headers.map((h): Case => [h, k, field]));

const ALL: ImportKind[] = ['po', 'workOrder', 'invoice'];
const WO_INV: ImportKind[] = ['workOrder', 'invoice'];

const CASES: Case[] = [
	// Shared by the kinds that have the field.
	...each(ALL, 'poNumber', [
		'PO Number', 'PO', 'PO #', 'PO No.', 'PO_NUM', 'PO ID', 'Purchase Order', 'Purchase Order Number', 'Purchase Order No.', 'Purchasing Document', 'Purch.Doc.',
		'Order', 'Order No.', 'Order Number', 'Order #', 'Order ID', 'SEGMENT1', 'EBELN', 'Bestellnummer', 'Bestellung', 'Bestell-Nr.', 'Einkaufsbeleg'
	]),
	...each(ALL, 'quantity', ['Quantity', 'QTY', 'QUANTITY_ORDERED', 'Qty Ordered', 'Ordered Qty', 'Order Qty', 'Order Quantity', 'PO Quantity', 'Menge', 'Bestellmenge', 'MENGE', 'Hours', 'Hrs.']),
	...each(ALL, 'unit', ['Unit', 'UOM', 'UoM', 'Unit of Measure', 'UOM Code', 'UNIT_MEAS_LOOKUP_CODE', 'Order Unit', 'OUn', 'U/M', 'Einheit', 'Mengeneinheit', 'ME', 'BestME', 'MEINS']),
	...each(ALL, 'buyerItemCode', [
		'Buyer Item Code', 'Buyer Item', 'Buyer Part ID', 'Buyer Part', 'Buyer Part No.', 'Buyer Part Number', 'Item', 'Item Code', 'Item No.', 'ITEM_NUMBER', 'Item ID',
		'Part', 'Part #', 'Part No.', 'Part Number', 'Material', 'Material No.', 'Material Number', 'MATNR', 'SKU', 'Artikel', 'Artikelnummer', 'Materialnummer'
	]),
	...each(['po', 'invoice'], 'lineNo', ['Line', 'Line No.', 'LINE_NUM', 'Line Number', 'Line #', 'Pos.', 'Position', 'Item Line', 'Zeile']),
	...each(['po', 'invoice'], 'terms', ['Terms', 'PAYMENT_TERMS', 'Payment Term', 'Terms Code', 'ZTERM', 'Zahlungsbedingungen', 'Zahlungsbedingung']),
	...each(ALL, 'customer', ['Customer', 'Customer Name', 'Client', 'Client Name', 'Company', 'Company Name', 'Buyer Company', 'Bill To', 'Bill-To Name', 'Sold To', 'SOLD_TO_NAME', 'Kunde', 'Kundenname']),
	...each(WO_INV, 'rate', ['Rate', 'Unit Price', 'Price', 'Unit Rate', 'Unit Cost', 'UnitAmount', 'Price Each', 'Hourly Rate', 'Bill Rate']),
	...each(WO_INV, 'poLine', ['PO Line', 'PO Line No.', 'PO Line Number', 'PO Line Item', 'PO Item', 'PO Pos.']),
	...each(['workOrder'], 'woNumber', [
		'WO Number', 'WO', 'WO#', 'WO No.', 'WO ID', 'Work Order', 'Work Order Number', 'Work Order No.', 'Work Order ID', 'Job', 'Job Number', 'Job No.', 'Job ID',
		'Ticket', 'Ticket Number', 'Ticket No.', 'Service Request', 'Service Request Number', 'SR Number', 'Tracking Number', 'Tracking No.', 'Tracking #', 'Call Number', 'Auftrag', 'Auftragsnummer'
	]),
	...each(['invoice'], 'woNumber', [
		'WO Number', 'WO', 'WO#', 'WO No.', 'WO ID', 'Work Order', 'Work Order Number', 'Work Order No.', 'Work Order ID', 'Job', 'Job Number', 'Job No.', 'Job ID',
		'Ticket', 'Ticket Number', 'Ticket No.', 'Service Request', 'Service Request Number', 'SR Number', 'Tracking Number', 'Tracking No.', 'Tracking #', 'Call Number', 'Auftrag', 'Auftragsnummer'
	]),

	// Purchase orders.
	...each(['po'], 'buyer', ['Buyer', 'BUYER_NAME', 'AGENT_NAME', 'Purchasing Agent', 'Purchaser', 'Requester', 'Requisitioner', 'Requested By', 'Ordered By', 'Einkäufer', 'Besteller']),
	...each(['po'], 'issueDate', ['Issue Date', 'PO Date', 'Order Date', 'CREATION_DATE', 'Created Date', 'Document Date', 'Date', 'Issued', 'Created', 'BEDAT', 'Bestelldatum', 'Belegdatum', 'Datum']),
	...each(['po'], 'revision', ['Revision', 'Rev', 'Rev. No.', 'REVISION_NUM', 'Revision Number', 'PO Revision', 'Version', 'Change No.']),
	...each(['po'], 'taxAllowed', ['Tax Allowed', 'Taxable', 'Tax OK']),
	...each(['po'], 'freightAllowed', ['Freight Allowed', 'Freight OK']),
	...each(['po'], 'blanketLimit', ['Blanket Limit', 'Blanket Amount', 'BLANKET_TOTAL_AMOUNT', 'AMOUNT_LIMIT', 'PO Limit', 'Limit', 'Not-To-Exceed', 'NTE']),
	...each(['po'], 'lineNo', ['PO Line', 'PO Line No.', 'Order Line', 'Order Line Num', 'EBELP']),
	...each(['po'], 'description', [
		'Description', 'ITEM_DESCRIPTION', 'Line Description', 'Product Description', 'Material Description', 'Short Text', 'Desc.', 'Descr', 'TXZ01', 'Kurztext',
		'Materialkurztext', 'Bezeichnung', 'Beschreibung', 'Text'
	]),
	...each(['po'], 'unitPrice', ['UNIT_PRICE', 'Net Price', 'Price', 'Unit Cost', 'Price Each', 'Cost Each', 'Price per Unit', 'Unit Rate', 'Cost', 'Rate', 'NETPR', 'Nettopreis', 'Preis', 'Einzelpreis']),
	...each(['po'], 'extended', [
		'Extended Amount', 'Extended', 'Ext. Amount', 'Ext Price', 'Extended Price', 'Extended Cost', 'Line Total', 'Line Amount', 'Line Value', 'Net Value', 'Net Order Value',
		'Net Amount', 'NETWR', 'Nettowert', 'Nettobestellwert', 'Gesamtpreis', 'Gesamtwert', 'Total Price', 'Total Amount', 'AMOUNT', 'Total', 'Betrag'
	]),
	...each(['po'], 'costCenter', [
		'Cost Center', 'Cost Centre', 'Kostenstelle', 'KOSTL', 'Building', 'Department', 'Dept.', 'CHARGE_ACCOUNT', 'Account Code', 'GL Account', 'G/L Account', 'GL Code',
		'G/L Acct', 'GL', 'Account', 'Acct.', 'Sachkonto', 'SAKTO'
	]),
	...each(['po'], 'needBy', [
		'Need By', 'NEED_BY_DATE', 'Needed By', 'Date Needed', 'Required By', 'Required Date', 'Date Required', 'Requested Delivery Date', 'Delivery Date', 'Deliver By',
		'Deliv. Date', 'Liefertermin', 'Lieferdatum', 'EINDT', 'Due', 'Due Date', 'PROMISED_DATE', 'Promise Date', 'Date Promised', 'Promised'
	]),

	// Work orders.
	...each(['workOrder'], 'site', ['Site', 'Site Name', 'Location', 'Location Name', 'Store', 'Store Name', 'Facility', 'Property', 'Standort']),
	...each(['workOrder'], 'type', ['Type', 'WO Type', 'Job Type', 'Work Type', 'Work Order Type']),
	...each(['workOrder'], 'status', ['Status', 'WO Status', 'Job Status', 'Work Order Status', 'State']),
	...each(['workOrder'], 'priority', ['Priority', 'Prio', 'Urgency']),
	...each(['workOrder'], 'description', ['Job Description', 'WO Description', 'Work Order Description', 'Problem Description', 'Problem', 'Summary', 'Scope', 'Scope of Work', 'Work Requested']),
	...each(['workOrder'], 'nte', ['NTE', 'Not To Exceed', 'NTE Amount', 'NTE Limit', 'Cap', 'Limit']),
	...each(['workOrder'], 'openedOn', ['Opened On', 'Opened', 'Open Date', 'Date Opened', 'Created Date', 'Date Created', 'Request Date', 'Call Date', 'Created', 'Date', 'Opened Date', 'Created On', 'Job Date', 'Date Received']),
	...each(['workOrder'], 'signedOffBy', ['Signed Off By', 'Sign-off By', 'Signed By', 'Approved By', 'Signed Off', 'Sign Off Name', 'Signoff Name', 'Accepted By', 'Customer Signature', 'Signature']),
	...each(['workOrder'], 'signedOffOn', ['Signed Off On', 'Sign-off Date', 'Signed On', 'Signed Off Date', 'Date Signed', 'Date Signed Off', 'Signed Date', 'Signature Date', 'Accepted On']),
	// Job history: the day the work was done is not the day it was signed off.
	...each(['workOrder'], 'completedOn', ['Completed On', 'Completion Date', 'Completed', 'Date Completed', 'Completed Date', 'Complete Date', 'Completed At', 'Job Completed', 'Finished On', 'Date Finished', 'Done On', 'Date Done', 'Erledigt am']),
	...each(['workOrder'], 'scheduledStart', ['Scheduled Start', 'Scheduled', 'Scheduled Date', 'Schedule Date', 'Scheduled For', 'Scheduled Start Date', 'Start Date', 'Planned Start', 'Appointment Date', 'Visit Date', 'Termin']),
	...each(['workOrder'], 'scheduledEnd', ['Scheduled End', 'Scheduled End Date', 'Scheduled Finish', 'End Date', 'Planned End', 'Planned Finish']),
	...each(['workOrder'], 'completionNotes', ['Completion Notes', 'Sign-off Notes', 'Signoff Notes', 'Completion Note', 'Tech Notes', 'Technician Notes', 'Resolution', 'Resolution Notes', 'Work Performed', 'Closing Notes', 'Close-out Notes']),
	...each(['workOrder'], 'assignedTo', ['Assigned To', 'Technician', 'Technician Name', 'Tech', 'Assigned Tech', 'Assignee']),
	...each(['workOrder'], 'warrantyOf', ['Warranty Of', 'Original Job', 'Original WO', 'Callback Of']),
	...each(['workOrder'], 'taskCode', ['Task Code', 'Task', 'Task No.', 'Task #', 'Task ID', 'Activity Code', 'Step', 'Line', 'Line No.']),
	...each(['workOrder'], 'taskDescription', ['Task Description', 'Description', 'Desc.', 'Task Desc', 'Task Name', 'Work Description', 'Activity']),
	...each(['workOrder'], 'kind', ['Kind', 'Task Kind', 'Task Type', 'Line Type', 'Cost Type', 'Charge Type', 'Category']),
	...each(['workOrder'], 'done', ['Done', 'Task Done', 'Task Complete', 'Complete', 'Finished', 'Erledigt', 'Task Finished', 'Is Done', 'Done Flag']),

	// Invoices.
	...each(['invoice'], 'invoiceNumber', ['Invoice Number', 'Invoice', 'Invoice No.', 'Invoice #', 'Invoice ID', 'Inv No', 'Inv #', 'InvoiceNo', 'Bill Number', 'Bill No.', 'Rechnungsnummer', 'Rechnung']),
	...each(['invoice'], 'invoiceDate', ['Invoice Date', 'Inv. Date', 'Bill Date', 'TxnDate', 'Date', 'Rechnungsdatum']),
	...each(['invoice'], 'woNumbers', ['WO Numbers', 'Work Orders', 'Work Order Numbers', 'Jobs', 'Job Numbers']),
	...each(['invoice'], 'status', ['Status', 'Invoice Status', 'State']),
	...each(['invoice'], 'description', ['Description', 'Line Description', 'Item Description', 'Product Description', 'Desc', 'Memo', 'Line Memo', 'Bezeichnung']),
	...each(['invoice'], 'kind', ['Kind', 'Type', 'Line Type', 'Item Type', 'Charge Type', 'Category']),
	...each(['invoice'], 'taskCode', ['Task Code', 'Task', 'Task No.', 'Task #', 'Task ID'])
];

describe('header synonyms of buyer and spreadsheet exports', () => {
	it.each(CASES)('%s in a %s file fills %s', (header, kind, field) => {
		expect(suggestMapping(kind, [header])).toEqual({ [field]: header });
	});

	it('every synonym in fields.ts has its case above', () => {
		const covered = new Set(CASES.map(([h, k, f]) => `${k}|${f}|${normaliseHeader(h)}`));
		const missing = Object.entries(FIELDS).flatMap(([kind, defs]) => defs.flatMap((d) => d.synonyms.filter((s) => !covered.has(`${kind}|${d.key}|${normaliseHeader(s)}`)).map((s) => `${kind} ${d.key}: ${s}`)));
		expect(missing).toEqual([]);
	});

	it.each(Object.keys(FIELDS) as ImportKind[])('no header of a %s file could fill two fields', (kind) => {
		const fieldsOf = new Map<string, string[]>();
		for (const d of FIELDS[kind]) for (const name of new Set([d.label, ...d.synonyms].map(normaliseHeader))) fieldsOf.set(name, [...(fieldsOf.get(name) ?? []), d.key]);
		expect([...fieldsOf].filter(([, keys]) => keys.length > 1)).toEqual([]);
	});
});
