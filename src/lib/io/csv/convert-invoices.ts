import { newInvoice, newInvoiceLine } from '$lib/domain/factories';
import { clip } from '$lib/domain/limits';
import { INVOICE_LINE_KINDS, INVOICE_STATUSES, type Invoice, type InvoiceLine } from '$lib/domain/records';
import { validateInvoice, validateInvoiceLine } from '$lib/domain/validate';
import { checkUnique, customerFor, groupRows, HeaderFields, sameCustomer, Sheet, text, type ConvertContext, type ConvertOptions, type Converted } from './convert-core';
import { INVOICE_STATUS_ALIASES, LINE_KIND_ALIASES } from './enums';
import type { FieldMapping } from './mapping';
import type { ParsedTable } from './parse';
import { dateCell, enumCell, integerCell, listCell, moneyCell, quantityCell, termsCell } from './values';

export interface ImportedInvoice {
	invoice: Invoice;
	lines: InvoiceLine[];
	lineRows: number[];
	given: string[];
}

const INVOICE_KEYS: Record<string, string> = {
	number: 'invoiceNumber',
	customerId: 'customer',
	invoiceDate: 'invoiceDate',
	terms: 'terms',
	poNumber: 'poNumber',
	workOrderNumbers: 'woNumbers',
	status: 'status'
};
const LINE_KEYS: Record<string, string> = {
	lineNo: 'lineNo',
	description: 'description',
	kind: 'kind',
	qtyMilli: 'quantity',
	unit: 'unit',
	rateCents: 'rate',
	poLineNo: 'poLine',
	woNumber: 'woNumber',
	taskCode: 'taskCode',
	buyerItemCode: 'buyerItemCode'
};

const LINE_FIELDS = ['lineNo', 'description', 'kind', 'quantity', 'unit', 'rate', 'woNumber', 'taskCode', 'poLine', 'buyerItemCode'];

/** Invoice lines, one row each with the invoice's fields repeated, as invoices with their lines. */
export function convertInvoices(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): Converted<ImportedInvoice> {
	const sheet = new Sheet('invoice', table, mapping, ctx.fileName, ctx.progress);
	const money = (t: string) => moneyCell(t, options);
	const out: ImportedInvoice[] = [];
	const sameBuyer = sameCustomer(ctx);

	for (const [number, rows] of groupRows(sheet, 'invoiceNumber', 'invoice number')) {
		const what = `Invoice ${clip(number)}`;
		const head = new HeaderFields(sheet, what);
		const first = rows[0]!.row;
		const invoiceId = ctx.idGen();
		const lines: InvoiceLine[] = [];
		const lineRows: number[] = [];
		for (const r of rows) {
			head.take(r, 'customer', text, sameBuyer);
			head.take(r, 'invoiceDate', (t) => dateCell(t, options));
			head.take(r, 'terms', termsCell);
			head.take(r, 'poNumber', text);
			head.take(r, 'woNumbers', (t) => ({ ok: true, value: listCell(t) }));
			head.take(r, 'status', (t) => enumCell(t, INVOICE_STATUSES, INVOICE_STATUS_ALIASES));
			// A row with no line fields at all is an invoice without lines (an export writes one for it).
			if (LINE_FIELDS.every((k) => sheet.text(r, k) === '')) continue;
			const line = newInvoiceLine(ctx.idGen(), invoiceId, sheet.value(r, 'lineNo', integerCell, 0, true), {
				description: sheet.text(r, 'description'),
				kind: sheet.value(r, 'kind', (t) => enumCell(t, INVOICE_LINE_KINDS, LINE_KIND_ALIASES), 'labor'),
				qtyMilli: sheet.value(r, 'quantity', (t) => quantityCell(t, options), 0, true),
				unit: sheet.text(r, 'unit'),
				rateCents: sheet.value(r, 'rate', money, 0, true),
				woNumber: sheet.text(r, 'woNumber'),
				taskCode: sheet.text(r, 'taskCode'),
				poLineNo: sheet.value<number | null>(r, 'poLine', integerCell, null),
				buyerItemCode: sheet.text(r, 'buyerItemCode')
			});
			sheet.validated(r.row, validateInvoiceLine(line), LINE_KEYS);
			lines.push(line);
			lineRows.push(r.row);
		}
		checkUnique(sheet, lines.map((l, i) => ({ row: lineRows[i]!, value: l.lineNo })), 'lineNo', what);
		const customer = customerFor(sheet, head, first, what, ctx);
		// Without a job-numbers column, the invoice's jobs are the ones its lines bill; a blank cell in the column means none.
		const billed = [...new Set(lines.map((l) => l.woNumber).filter((n) => n !== ''))];
		const woNumbers = head.get<string[]>('woNumbers') ?? (sheet.has('woNumbers') ? [] : billed);
		const invoice = newInvoice(invoiceId, number, customer?.id ?? '', head.get<string>('invoiceDate') ?? ctx.today, head.get<string>('terms') ?? customer?.defaultTerms ?? 'Net 30', {
			poNumber: head.get<string>('poNumber') ?? '',
			workOrderNumbers: woNumbers,
			status: head.get('status') ?? 'draft'
		});
		if (customer) sheet.validated(first, validateInvoice(invoice), INVOICE_KEYS, head);
		out.push({ invoice, lines, lineRows, given: head.given() });
		sheet.converted(rows.length);
	}
	return sheet.result(out);
}
