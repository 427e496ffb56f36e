import type { InvoiceLineKind } from '../../domain/records';
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
 * Xero's sales invoice import template (Business > Invoices > Import, SalesInvoiceTemplate.csv),
 * in its column order; `*` marks the columns Xero requires. Sources: the template header as used
 * by exporters that import into Xero (e.g. the `-hdr` of a PayPal-to-Xero csvfix script and a
 * React invoice app's exportXero), with Total and TaxAmount, which the template carries and
 * Xero computes itself when left blank (Xero guide, online.flippingbook.com/view/399081/31).
 */
export const XERO_HEADER = [
	'*ContactName',
	'EmailAddress',
	'POAddressLine1',
	'POAddressLine2',
	'POAddressLine3',
	'POAddressLine4',
	'POCity',
	'PORegion',
	'POPostalCode',
	'POCountry',
	'*InvoiceNumber',
	'Reference',
	'*InvoiceDate',
	'*DueDate',
	'Total',
	'InventoryItemCode',
	'*Description',
	'*Quantity',
	'*UnitAmount',
	'Discount',
	'*AccountCode',
	'*TaxType',
	'TaxAmount',
	'TrackingName1',
	'TrackingOption1',
	'TrackingName2',
	'TrackingOption2',
	'Currency',
	'BrandingTheme'
] as const;

/** Xero refuses a file with more invoices than this; the user must split it. */
export const XERO_MAX_INVOICES = 500;

export interface XeroOptions {
	/** The organisation's date order: `mdy` (US, the default) or `dmy` (UK, AU, NZ). */
	dateOrder?: 'mdy' | 'dmy';
	/** Revenue account code for every line; Xero's demo chart uses 200 for Sales. */
	accountCode?: string;
	/** Per-kind account codes, e.g. freight to its own income account. */
	accountCodeByKind?: Partial<Record<InvoiceLineKind, string>>;
	/**
	 * Xero tax rate name. Default `Tax Exempt`: tax the workbook billed is already a line of its
	 * own, so Xero must not add tax on top.
	 */
	taxType?: string;
	/** Currency code; blank means the organisation's base currency. */
	currency?: string;
}

/** One row per invoice line. Reference carries the PO and job numbers AP matches on. */
export function toXeroCsv(input: AccountingExportInput, options: XeroOptions = {}): AccountingExport {
	const { ready, problems } = prepareInvoices(input);
	if (input.invoices.length > XERO_MAX_INVOICES) {
		problems.unshift({
			invoiceNumber: null,
			message: `Xero imports at most ${XERO_MAX_INVOICES} invoices per file and ${input.invoices.length} are selected: export them in batches of ${XERO_MAX_INVOICES} or fewer.`
		});
	}
	if (problems.length) return { ok: false, problems };
	const order = options.dateOrder ?? 'mdy';
	const taxType = options.taxType?.trim() || 'Tax Exempt';
	const account = (kind: InvoiceLineKind) => options.accountCodeByKind?.[kind]?.trim() || options.accountCode?.trim() || '200';
	const rows: CsvCell[][] = [];
	for (const r of ready) {
		const address = splitAddress(r.customer.billingAddress);
		const reference = invoiceReference(r.invoice);
		for (const line of r.lines) {
			rows.push([
				r.customer.name.trim(),
				r.customer.apEmail.trim(),
				...address,
				'',
				r.invoice.number.trim(),
				reference,
				slashDate(r.invoice.invoiceDate, order),
				slashDate(r.dueDate, order),
				'',
				'',
				lineDescription(line, DEFAULT_ITEM_BY_KIND[line.kind]),
				quantity(line.qtyMilli),
				money(line.rateCents),
				'',
				account(line.kind),
				taxType,
				'',
				'',
				'',
				'',
				'',
				options.currency?.trim() ?? '',
				''
			]);
		}
	}
	return { ok: true, csv: toCsv(XERO_HEADER, rows), invoiceCount: ready.length, rowCount: rows.length };
}

/**
 * A free-text billing address as Xero's POAddressLine1-4, POCity, PORegion, POPostalCode. A last
 * line like `Dayton, OH 45402` is read as city, state and ZIP; anything else stays in the lines,
 * and lines beyond the fourth are joined onto it rather than dropped.
 */
export function splitAddress(text: string): [string, string, string, string, string, string, string] {
	const lines = text
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	let city = '';
	let region = '';
	let postal = '';
	const last = /^(.+?),\s*([A-Za-z]{2})\.?\s+(\d{5}(?:-\d{4})?)$/.exec(lines[lines.length - 1] ?? '');
	if (last) {
		lines.pop();
		[city, region, postal] = [last[1]!.trim(), last[2]!.toUpperCase(), last[3]!];
	}
	const street = lines.length > 4 ? [...lines.slice(0, 3), lines.slice(3).join(', ')] : lines;
	const [a = '', b = '', c = '', d = ''] = street;
	return [a, b, c, d, city, region, postal];
}
