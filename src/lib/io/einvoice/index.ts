import { ciiText } from './cii';
import { buildModel, type EinvoiceInput } from './model';
import { checkRules, type EinvoiceFinding } from './rules';
import { ublText } from './ubl';
import { pdfFileName } from '../pdf/file-name';

/*
 * The e-invoice of one invoice, from the same records its PDF prints: the EN 16931 model
 * (model.ts), the rules it must pass (rules.ts), and the two syntaxes buyers' systems read.
 */

export type { EinvoiceInput, EinvoiceModel } from './model';
export type { EinvoiceFinding } from './rules';
export { buildModel as einvoiceModel } from './model';

/** The EN 16931 / Peppol rules the e-invoice for `input` breaks; empty when it may be sent. */
export const einvoiceProblems = (input: EinvoiceInput): EinvoiceFinding[] => checkRules(buildModel(input));

/** UBL 2.1 Invoice (or CreditNote), Peppol BIS Billing 3.0. */
export const ublXml = (input: EinvoiceInput): string => ublText(buildModel(input));

/** CII D16B CrossIndustryInvoice, Factur-X / ZUGFeRD EN 16931 profile: the `factur-x.xml` of the PDF. */
export const ciiXml = (input: EinvoiceInput): string => ciiText(buildModel(input));

/** `Invoice-INV-1041.xml`, `CreditNote-INV-1050.xml`: named as the PDF is, with `.xml`. */
export const einvoiceFileName = (input: Pick<EinvoiceInput, 'invoice'>): string =>
	pdfFileName(input.invoice.creditOf.trim() ? 'CreditNote' : 'Invoice', input.invoice.number).replace(/\.pdf$/, '.xml');
