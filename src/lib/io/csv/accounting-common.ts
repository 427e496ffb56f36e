import { DEFAULT_QUICKBOOKS_ITEM, type Customer, type Invoice, type InvoiceLine, type InvoiceLineKind, type Settings, type WorkOrder } from '../../domain/records';
import { isLocalDate, type LocalDate } from '../../domain/dates';
import { formatMoneyPlain, type Cents } from '../../domain/money';
import { formatQuantity, type Milli } from '../../domain/quantity';
import { invoiceSchedule, invoiceTotals } from '../../domain/totals';
import type { CsvNumber } from './write';

/** What the accounting exports are given: the selection plus whatever it refers to. */
export interface AccountingExportInput {
	/** The selected invoices, in the order the rows should come out. */
	invoices: readonly Invoice[];
	/** Their lines (lines of invoices not selected are ignored). */
	lines: readonly InvoiceLine[];
	customers: readonly Customer[];
	settings: Settings;
	/** The jobs the lines bill, by number: a line's service date is its job's completion date. */
	workOrders?: readonly (Pick<WorkOrder, 'number' | 'completedOn'> & Partial<Pick<WorkOrder, 'signedOffOn'>>)[];
}

/** A reason the file cannot be written; `invoiceNumber` is null when it concerns the whole selection. */
export interface ExportProblem {
	invoiceNumber: string | null;
	message: string;
}

export type AccountingExport =
	| { ok: true; csv: string; invoiceCount: number; rowCount: number }
	| { ok: false; problems: ExportProblem[] };

/** One invoice that passed the checks, with everything a row needs. */
export interface ReadyInvoice {
	invoice: Invoice;
	customer: Customer;
	/** Sorted by line number. */
	lines: InvoiceLine[];
	terms: string;
	dueDate: LocalDate;
	totalCents: Cents;
}

/**
 * Checks shared by every target. A problem anywhere refuses the whole file (nothing partial).
 * Void invoices are refused rather than skipped: a file that silently holds fewer invoices than
 * were selected is the "says success, imports less" failure this app exists to avoid.
 */
export function prepareInvoices(input: AccountingExportInput): { ready: ReadyInvoice[]; problems: ExportProblem[] } {
	const problems: ExportProblem[] = [];
	const ready: ReadyInvoice[] = [];
	if (input.invoices.length === 0) problems.push({ invoiceNumber: null, message: 'No invoices are selected.' });

	const seen = new Map<string, number>();
	for (const inv of input.invoices) seen.set(inv.number.trim(), (seen.get(inv.number.trim()) ?? 0) + 1);
	for (const [number, count] of seen) {
		if (count > 1 && number !== '') {
			problems.push({ invoiceNumber: number, message: `Invoice number ${number} is selected ${count} times; each invoice number must be unique in the file.` });
		}
	}

	const customers = new Map(input.customers.map((c) => [c.id, c]));
	const linesBy = new Map<string, InvoiceLine[]>();
	for (const l of input.lines) {
		const list = linesBy.get(l.invoiceId);
		if (list) list.push(l);
		else linesBy.set(l.invoiceId, [l]);
	}

	input.invoices.forEach((inv, index) => {
		const number = inv.number.trim();
		const name = number === '' ? `The invoice in position ${index + 1} of the selection` : `Invoice ${number}`;
		const say = (message: string) => problems.push({ invoiceNumber: number === '' ? null : number, message: `${name} ${message}` });
		const before = problems.length;
		if (number === '') say('has no invoice number.');
		if (inv.status === 'void') say('is void: leave it out of the selection (a void invoice is not imported into accounting).');
		const customer = customers.get(inv.customerId);
		if (!customer) say('has no customer (its customer record was not found).');
		else if (customer.name.trim() === '') say('has a customer with no name.');
		const lines = [...(linesBy.get(inv.id) ?? [])].sort((a, b) => a.lineNo - b.lineNo);
		if (lines.length === 0) say('has no lines.');
		if (!isLocalDate(inv.invoiceDate)) say(`has no valid invoice date ("${inv.invoiceDate}").`);
		const terms = inv.terms.trim() === '' ? input.settings.defaultTerms : inv.terms.trim();
		const totals = invoiceTotals(lines);
		const schedule = isLocalDate(inv.invoiceDate) ? invoiceSchedule({ terms, invoiceDate: inv.invoiceDate }, totals) : null;
		if (isLocalDate(inv.invoiceDate) && !schedule) say(`has terms "${terms}" that give no due date (e.g. "Net 30", "2/10 Net 30", "Due on receipt").`);
		if (lines.length > 0 && totals.total < 0) say(`totals ${formatMoneyPlain(totals.total)}, below zero: enter it in the accounting system as a credit note instead.`);
		if (problems.length === before && customer && schedule) {
			ready.push({ invoice: inv, customer, lines, terms, dueDate: schedule.dueDate, totalCents: totals.total });
		}
	});
	return { ready, problems };
}

/** `MM/DD/YYYY` (US) or `DD/MM/YYYY`, as the target organisation reads dates. */
export function slashDate(date: LocalDate, order: 'mdy' | 'dmy'): string {
	const [y, m, d] = date.split('-');
	return order === 'mdy' ? `${m}/${d}/${y}` : `${d}/${m}/${y}`;
}

/** What the line bills, so the accounting copy of the invoice still carries what AP matches on. */
export function lineDescription(line: InvoiceLine, fallback: string): string {
	const refs = [line.poLineNo !== null ? `PO line ${line.poLineNo}` : '', line.buyerItemCode.trim() ? `item ${line.buyerItemCode.trim()}` : ''].filter(Boolean);
	const text = line.description.trim() || fallback;
	return refs.length ? `${text} (${refs.join(', ')})` : text;
}

/** `PO 4500012345; Job WO-18472`: the buyer's keys, for a reference or memo field. */
export function invoiceReference(inv: Invoice): string {
	const jobs = inv.workOrderNumbers.map((n) => n.trim()).filter(Boolean);
	return [inv.poNumber.trim() ? `PO ${inv.poNumber.trim()}` : '', jobs.length ? `${jobs.length > 1 ? 'Jobs' : 'Job'} ${jobs.join(', ')}` : '']
		.filter(Boolean)
		.join('; ');
}

export const DEFAULT_ITEM_BY_KIND: Readonly<Record<InvoiceLineKind, string>> = DEFAULT_QUICKBOOKS_ITEM;

/** Amounts and quantities as exact decimal text: `150.00`, `-5.00`, `1.5`; toCsv writes them plain, not as text. */
export const money = (cents: Cents): CsvNumber => ({ num: formatMoneyPlain(cents) });
export const quantity = (q: Milli): CsvNumber => ({ num: formatQuantity(q) });
