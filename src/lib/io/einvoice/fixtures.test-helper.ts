/** E-invoice inputs for the tests: the sample workbook's invoices, a credit note, and awkward cases. */
import { buildCreditNote } from '../../domain/corrections';
import { newInvoiceLine } from '../../domain/factories';
import { defaultSettings, type InvoiceLine } from '../../domain/records';
import { sampleSettings, sampleWorkbook } from '../../domain/sample-workbook';
import type { EinvoiceInput } from './model';

export const TODAY = '2027-01-15';

function workbook() {
	let n = 0;
	return { wb: sampleWorkbook(TODAY, () => `id${++n}`), idGen: () => `new${++n}` };
}

export const sampleBusiness = () => sampleSettings(defaultSettings()).business;

/** A sample invoice by number, with its customer and the sample business profile. */
export function sampleInput(number = 'INV-1041'): EinvoiceInput {
	const { wb } = workbook();
	const invoice = wb.invoices.find((i) => i.number === number)!;
	const customer = wb.customers.find((c) => c.id === invoice.customerId)!;
	return { invoice, lines: wb.invoiceLines.filter((l) => l.invoiceId === invoice.id), customer, business: sampleBusiness(), taxRateBp: 0, credited: null };
}

export const SAMPLE_INVOICES = ['INV-1041', 'INV-1042', 'INV-1043', 'INV-1044'] as const;

/** A credit note giving back 4 lb of refrigerant and the trip charge on INV-1041, made as the app makes it. */
export function creditNoteInput(): EinvoiceInput {
	const { wb, idGen } = workbook();
	const original = wb.invoices.find((i) => i.number === 'INV-1041')!;
	const lines = wb.invoiceLines.filter((l) => l.invoiceId === original.id);
	const pick = (lineNo: number, qtyMilli: number) => ({ lineId: lines.find((l) => l.lineNo === lineNo)!.id, qtyMilli });
	const made = buildCreditNote({ original, lines, settings: { invoicePrefix: 'INV-', nextInvoiceNo: 1045 }, existingInvoiceNumbers: wb.invoices.map((i) => i.number), today: TODAY, idGen }, [pick(2, 4000), pick(3, 1000)]);
	if (!made.ok) throw new Error(made.reason);
	const customer = wb.customers.find((c) => c.id === original.customerId)!;
	return { invoice: made.value.invoice, lines: made.value.lines, customer, business: sampleBusiness(), taxRateBp: 0, credited: original };
}

/** INV-1042 (taxed, Harbor Point) with a returned troffer and a goodwill discount: credit lines of both kinds. */
export function creditLinesInput(): EinvoiceInput {
	const input = sampleInput('INV-1042');
	const extra: InvoiceLine[] = [
		newInvoiceLine('x1', input.invoice.id, 4, { description: 'Returned LED troffer', kind: 'material', qtyMilli: -1000, unit: 'ea', rateCents: 8900, woNumber: 'WO-18478', taskCode: 'T2', poLineNo: 2, buyerItemCode: 'LED-2X4' }),
		newInvoiceLine('x2', input.invoice.id, 5, { description: 'Goodwill discount', kind: 'discount', qtyMilli: 1000, unit: '', rateCents: -2500 })
	];
	// The tax follows the returned troffer: 7.25% of the 11 troffers kept.
	const lines = input.lines.map((l) => (l.kind === 'tax' ? { ...l, lineNo: 6, rateCents: 7098 } : l));
	return { ...input, lines: [...lines, ...extra] };
}
