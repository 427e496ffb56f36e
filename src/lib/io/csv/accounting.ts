/**
 * Accounting export: the selected invoices as the invoice-import CSV of QuickBooks Online or Xero.
 * Pure functions; the caller saves the text. Either the whole file or the list of problems.
 */
export type { AccountingExport, AccountingExportInput, ExportProblem } from './accounting-common';
export { QUICKBOOKS_HEADER, QUICKBOOKS_MAX_INVOICE_NO, toQuickBooksCsv, type QuickBooksOptions } from './accounting-quickbooks';
export { XERO_HEADER, XERO_MAX_INVOICES, toXeroCsv, type XeroOptions } from './accounting-xero';
