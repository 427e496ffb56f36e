import { customerAddress, type Address } from '../../domain/addresses';
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
	/** Revenue account code for every line, over Settings' per-kind codes; Xero's demo chart uses 200 for Sales. */
	accountCode?: string;
	/** Per-kind account codes, e.g. freight to its own income account. */
	accountCodeByKind?: Partial<Record<InvoiceLineKind, string>>;
	/**
	 * Xero tax rate name for every line, over Settings' per-kind tax types (default `Tax Exempt`:
	 * tax the workbook billed is already a line of its own, so Xero must not add tax on top).
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
	const booked = input.settings.accounting;
	const taxType = (kind: InvoiceLineKind) => options.taxType?.trim() || booked.xeroTaxType[kind].trim() || 'Tax Exempt';
	const account = (kind: InvoiceLineKind) => options.accountCodeByKind?.[kind]?.trim() || options.accountCode?.trim() || booked.xeroAccount[kind].trim() || '200';
	const rows: CsvCell[][] = [];
	for (const r of ready) {
		const address = xeroAddress(customerAddress(r.customer));
		const reference = invoiceReference(r.invoice);
		for (const line of r.lines) {
			rows.push([
				r.customer.name.trim(),
				r.customer.apEmail.trim(),
				...address,
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
				taxType(line.kind),
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
 * A billing address in Xero's columns POAddressLine1-4, POCity, PORegion, POPostalCode, POCountry:
 * the street's lines in the four address lines (those beyond the fourth joined onto it, never
 * dropped), each other part in its own column.
 */
export function xeroAddress(a: Address): [string, string, string, string, string, string, string, string] {
	const lines = a.street
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	const street = lines.length > 4 ? [...lines.slice(0, 3), lines.slice(3).join(', ')] : lines;
	const [l1 = '', l2 = '', l3 = '', l4 = ''] = street;
	return [l1, l2, l3, l4, a.city.trim(), a.region.trim(), a.postalCode.trim(), a.country.trim()];
}
