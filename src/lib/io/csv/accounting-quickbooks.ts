import type { InvoiceLineKind } from '../../domain/records';
import { invoiceLineAmount } from '../../domain/totals';
import {
	DEFAULT_ITEM_BY_KIND,
	invoiceReference,
	lineDescription,
	money,
	prepareInvoices,
	quantity,
	slashDate,
	type AccountingExport,
	type AccountingExportInput
} from './accounting-common';
import { toCsv, type CsvCell } from './write';

/**
 * QuickBooks Online's invoice import template (Sales > Invoices > Import invoices), in its
 * column order. Sources: Intuit's community answer listing the headers the importer maps by
 * itself (quickbooks.intuit.com/learn-support/en-ca/sales-and-invoicing/do-we-need-to-map-field-everytime-when-import-invoices/01/394876)
 * and the sample file's header as reproduced by exporters that import cleanly
 * (`*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),
 * ItemDescription,ItemQuantity,ItemRate,*ItemAmount,Service Date`), with the US sales-tax
 * columns Taxable and TaxRate before Service Date. The importer has no PO field of its own: it
 * maps extra columns to the invoice's custom fields when they are turned on (Settings > Sales >
 * Custom fields), so the buyer's PO goes in a last column named as QuickBooks' own suggested
 * custom field, `P.O. Number`, and stays in the memo for a company without that field.
 */
export const QUICKBOOKS_HEADER = [
	'*InvoiceNo',
	'*Customer',
	'*InvoiceDate',
	'*DueDate',
	'Terms',
	'Location',
	'Memo',
	'Item(Product/Service)',
	'ItemDescription',
	'ItemQuantity',
	'ItemRate',
	'*ItemAmount',
	'Taxable',
	'TaxRate',
	'Service Date',
	'P.O. Number'
] as const;

/** QuickBooks Online keeps an invoice number (DocNumber) to 21 characters. */
export const QUICKBOOKS_MAX_INVOICE_NO = 21;

export interface QuickBooksOptions {
	/** The QuickBooks product/service each kind of line is booked to, over Settings' (Labor, Materials, ...). */
	itemByKind?: Partial<Record<InvoiceLineKind, string>>;
}

/**
 * One row per invoice line, dates MM/DD/YYYY as a US company reads them. Tax, freight and
 * discount go out as their own lines with Taxable `N`, so the imported total is exactly the
 * workbook's total and QuickBooks does not add sales tax a second time.
 */
export function toQuickBooksCsv(input: AccountingExportInput, options: QuickBooksOptions = {}): AccountingExport {
	const { ready, problems } = prepareInvoices(input);
	for (const inv of input.invoices) {
		if (inv.number.trim().length > QUICKBOOKS_MAX_INVOICE_NO) {
			problems.push({
				invoiceNumber: inv.number.trim(),
				message: `Invoice ${inv.number.trim()} has a number longer than QuickBooks allows (${QUICKBOOKS_MAX_INVOICE_NO} characters).`
			});
		}
	}
	if (problems.length) return { ok: false, problems };
	const item = (kind: InvoiceLineKind) => options.itemByKind?.[kind]?.trim() || input.settings.accounting.quickBooksItem[kind].trim() || DEFAULT_ITEM_BY_KIND[kind];
	// Tasks carry no date of their own: a line's service date is its job's completion date, or its sign-off when that is all the job records.
	const doneOn = new Map((input.workOrders ?? []).map((w) => [w.number, w.completedOn ?? w.signedOffOn ?? null]));
	const serviceDate = (woNumber: string) => {
		const on = doneOn.get(woNumber);
		return on ? slashDate(on, 'mdy') : '';
	};
	const rows: CsvCell[][] = [];
	for (const r of ready) {
		const memo = [invoiceReference(r.invoice), r.invoice.notes.trim()].filter(Boolean).join('; ');
		for (const line of r.lines) {
			rows.push([
				r.invoice.number.trim(),
				r.customer.name.trim(),
				slashDate(r.invoice.invoiceDate, 'mdy'),
				slashDate(r.dueDate, 'mdy'),
				r.terms,
				'',
				memo,
				item(line.kind),
				lineDescription(line, item(line.kind)),
				quantity(line.qtyMilli),
				money(line.rateCents),
				money(invoiceLineAmount(line)),
				'N',
				'',
				serviceDate(line.woNumber),
				r.invoice.poNumber.trim()
			]);
		}
	}
	return { ok: true, csv: toCsv(QUICKBOOKS_HEADER, rows), invoiceCount: ready.length, rowCount: rows.length };
}
