import type { LocalDate } from './dates';
import { newInvoice, newInvoiceLine } from './factories';
import { allow, billedKey, invoiceRefusal, refuse, type Outcome } from './lifecycle';
import { STATUS_LABEL, type Customer, type Id, type IdGen, type Invoice, type InvoiceEventKind, type InvoiceLine, type PoLine, type PurchaseOrder, type Settings, type Task, type WorkOrder } from './records';
import { formatMoney, percentOf, sumCents } from './money';
import { lineAmount } from './quantity';
import { parseTerms } from './terms';

/**
 * Creating an invoice from complete work orders, and the invoice's own status:
 * draft → sent → paid, or void (from draft or sent). A void invoice stays void and a paid one is
 * never voided (a credit is a new document): both are what AP has already seen.
 */

const WORK_KINDS: ReadonlySet<string> = new Set(['labor', 'material', 'subcontract', 'fee']);

/** billedKey(woNumber, taskCode) of every task a work line on a non-void invoice bills. */
export function billedTaskKeys(invoices: readonly Invoice[], lines: readonly InvoiceLine[]): Set<string> {
	const live = new Set(invoices.filter((i) => i.status !== 'void').map((i) => i.id));
	const out = new Set<string>();
	for (const l of lines) if (live.has(l.invoiceId) && WORK_KINDS.has(l.kind) && l.woNumber && l.taskCode) out.add(billedKey(l.woNumber, l.taskCode));
	return out;
}

/** Numbers of the non-void invoices naming this job in their header. */
export const invoicesBilling = (woNumber: string, invoices: readonly Invoice[]): string[] =>
	invoices.filter((i) => i.status !== 'void' && i.workOrderNumbers.includes(woNumber)).map((i) => i.number);

/** Codes compare with their digit runs as numbers, so T2 comes before T10 and WO-999 before WO-1000. */
export function naturalCompare(a: string, b: string): number {
	return compareNaturalParts(naturalParts(a), naturalParts(b));
}

/** A code split into its digit and non-digit runs, once, for sorting many codes by compareNaturalParts. */
export const naturalParts = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];

const isDigit = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

/** naturalCompare over codes already split by naturalParts. */
export function compareNaturalParts(pa: readonly string[], pb: readonly string[]): number {
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const x = pa[i]!;
		const y = pb[i]!;
		if (x === y) continue;
		if (isDigit(x) && isDigit(y)) {
			const d = Number(x) - Number(y);
			if (d !== 0) return d;
		}
		return x < y ? -1 : 1;
	}
	return pa.length - pb.length;
}

export interface BuildInvoiceInput {
	workOrders: readonly WorkOrder[];
	/** Tasks by work order id. */
	tasksByWo: ReadonlyMap<Id, readonly Task[]>;
	customer: Customer;
	/** The PO the jobs name, when it is on file. */
	po: PurchaseOrder | null;
	/** That PO's lines (others are ignored). */
	poLines: readonly PoLine[];
	settings: Pick<Settings, 'invoicePrefix' | 'nextInvoiceNo' | 'defaultTerms' | 'taxRateBp'>;
	today: LocalDate;
	idGen: IdGen;
	/** Every invoice number in use, void ones included: a number is never reused. */
	existingInvoiceNumbers: Iterable<string>;
	/** billedKey(woNumber, taskCode) of tasks on non-void invoices (see billedTaskKeys). */
	alreadyBilled: ReadonlySet<string>;
}

export interface BuiltInvoice {
	invoice: Invoice;
	lines: InvoiceLine[];
	settingsPatch: { nextInvoiceNo: number };
	/** What the user should know: tasks left out and why, where the terms came from. */
	notes: string[];
}

export type BuildResult = { ok: true; value: BuiltInvoice } | { ok: false; reasons: string[] };

/** Why these jobs cannot go on one invoice together; empty when they can. */
function refusals(input: BuildInvoiceInput): string[] {
	const { workOrders, customer, po } = input;
	const out: string[] = [];
	if (workOrders.length === 0) return ['Choose at least one complete work order to invoice.'];
	const seen = new Set<string>();
	for (const wo of workOrders) {
		if (seen.has(wo.number)) out.push(`${wo.number} is chosen twice.`);
		seen.add(wo.number);
		if (wo.customerId !== customer.id) out.push(`${wo.number} is for another customer, not ${customer.name || 'this one'}; one invoice bills one customer.`);
		const no = invoiceRefusal(wo, input.tasksByWo.get(wo.id) ?? [], input.alreadyBilled);
		if (no) out.push(no);
		if (wo.type === 'warranty' && !wo.warrantyOf.trim()) out.push(`${wo.number} is a warranty job but names no original job; the invoice must say which job it is a warranty of.`);
	}
	const poNumbers = new Set(workOrders.map((w) => w.poNumber.trim()));
	if (poNumbers.size > 1) {
		const which = workOrders.map((w) => `${w.number}: ${w.poNumber.trim() || 'no PO'}`).join(', ');
		out.push(`The work orders name different POs (${which}); one invoice bills one PO.`);
	} else if (po) {
		const named = [...poNumbers][0]!;
		if (po.number.trim() !== named) out.push(`PO ${po.number} was given, but the work orders name ${named ? `PO ${named}` : 'no PO'}.`);
		if (po.customerId !== customer.id) out.push(`PO ${po.number} belongs to another customer, not ${customer.name || 'this one'}.`);
	}
	const n = input.settings.nextInvoiceNo;
	if (!Number.isSafeInteger(n) || n < 1) out.push(`The next invoice number in Settings (${n}) must be a whole number of at least 1.`);
	return out;
}

/**
 * Terms: the PO's, else the customer's default, else the business default; the first that reads as
 * terms. When the jobs name a PO and its terms were not used, a note says where the terms came from.
 */
function chooseTerms(input: BuildInvoiceInput, poNumber: string, notes: string[]): string {
	const { po, customer, settings } = input;
	const candidates: { terms: string; from: string }[] = [
		{ terms: customer.defaultTerms.trim(), from: `${customer.name || 'the customer'}'s default` },
		{ terms: settings.defaultTerms.trim(), from: 'the default in Settings' }
	];
	if (po) candidates.unshift({ terms: po.terms.trim(), from: `PO ${po.number}'s` });
	const skipped: string[] = [];
	if (poNumber && !po) skipped.push(`PO ${poNumber} is not on file`);
	for (const c of candidates) {
		if (c.terms === '') {
			if (po && c.from.startsWith('PO')) skipped.push(`PO ${po.number} states no terms`);
			continue;
		}
		if (!parseTerms(c.terms).ok) {
			skipped.push(`"${c.terms}" (${c.from}) are not payment terms`);
			continue;
		}
		if (skipped.length > 0) notes.push(`Terms ${c.terms} are ${c.from}: ${skipped.join('; ')}.`);
		return c.terms;
	}
	notes.push(`Terms Net 30 were used: ${skipped.join('; ') || 'no terms are set'}.`);
	return 'Net 30';
}

/** prefix + counter, skipping numbers in use (compared without case or spaces); the counter moves past it. */
export function nextInvoiceNumber(prefix: string, next: number, existing: Iterable<string>): { number: string; nextInvoiceNo: number } {
	const norm = (s: string) => s.trim().toUpperCase();
	const used = new Set<string>();
	for (const x of existing) used.add(norm(x));
	let n = next;
	while (used.has(norm(`${prefix.trim()}${n}`))) n++;
	return { number: `${prefix.trim()}${n}`, nextInvoiceNo: n + 1 };
}

/**
 * One draft invoice from complete work orders of one customer and one PO (or none): a line per
 * billable task, in job then task order (both by natural number order), numbered 1..n. Done tasks
 * already on a non-void invoice, and tasks not done, are left out and named in `notes`.
 * Warranty work bills at rate zero, each line naming the original job.
 */
export function buildInvoice(input: BuildInvoiceInput): BuildResult {
	const reasons = refusals(input);
	if (reasons.length > 0) return { ok: false, reasons };

	const notes: string[] = [];
	const workOrders = [...input.workOrders].sort((a, b) => naturalCompare(a.number, b.number));
	const poNumber = workOrders[0]!.poNumber.trim();
	const terms = chooseTerms(input, poNumber, notes);
	const { number, nextInvoiceNo } = nextInvoiceNumber(input.settings.invoicePrefix, input.settings.nextInvoiceNo, input.existingInvoiceNumbers);
	const invoice = newInvoice(input.idGen(), number, input.customer.id, input.today, terms, {
		poNumber,
		workOrderNumbers: workOrders.map((w) => w.number)
	});

	const po = input.po;
	const poLines = po ? input.poLines.filter((l) => l.poId === po.id) : [];
	const lines: InvoiceLine[] = [];
	for (const wo of workOrders) {
		const tasks = [...(input.tasksByWo.get(wo.id) ?? [])].filter((t) => t.workOrderId === wo.id).sort((a, b) => naturalCompare(a.code, b.code) || (a.id < b.id ? -1 : 1));
		for (const task of tasks) {
			if (!task.done) {
				notes.push(`${wo.number} ${task.code} is not done, so it was left out.`);
				continue;
			}
			if (input.alreadyBilled.has(billedKey(wo.number, task.code))) {
				notes.push(`${wo.number} ${task.code} is already on an invoice, so it was left out.`);
				continue;
			}
			lines.push(lineFor(input.idGen(), invoice.id, lines.length + 1, wo, task, poLines));
		}
	}
	const tax = taxLine(input, invoice.id, lines, notes);
	if (tax) lines.push(tax);
	return { ok: true, value: { invoice, lines, settingsPatch: { nextInvoiceNo }, notes } };
}

/**
 * The sales tax line, at the rate in Settings on the work billed, where the PO (or, with no PO,
 * the customer) allows tax. It is a line like any other: a rate that differs by item or place is
 * corrected on it, and it does not follow later edits of the other lines, which a note says.
 */
function taxLine(input: BuildInvoiceInput, invoiceId: Id, lines: readonly InvoiceLine[], notes: string[]): InvoiceLine | null {
	const allowed = input.po ? input.po.taxAllowed : input.customer.taxAllowed;
	const bp = input.settings.taxRateBp;
	if (!allowed || bp <= 0 || lines.length === 0) return null;
	const taxable = sumCents(lines.map((l) => lineAmount(l.qtyMilli, l.rateCents)));
	const tax = percentOf(taxable, bp);
	if (tax <= 0) return null;
	const rate = `${bp / 100}%`;
	notes.push(`Sales tax of ${rate} (Settings) on ${formatMoney(taxable)} was added as line ${lines.length + 1}; it is not recomputed when the other lines change.`);
	return newInvoiceLine(input.idGen(), invoiceId, lines.length + 1, { description: `Sales tax ${rate}`, kind: 'tax', qtyMilli: 1000, unit: '', rateCents: tax });
}

function lineFor(id: Id, invoiceId: Id, lineNo: number, wo: WorkOrder, task: Task, poLines: readonly PoLine[]): InvoiceLine {
	const description = task.description.trim() || task.code;
	const warranty = wo.type === 'warranty';
	// AP matches on both the PO line and the buyer's item code: where the task has one, take the
	// other from the PO line it names, or from the one PO line carrying that code.
	let { poLineNo, buyerItemCode } = task;
	if (poLineNo !== null && !buyerItemCode.trim()) buyerItemCode = poLines.find((l) => l.lineNo === poLineNo)?.buyerItemCode ?? '';
	if (poLineNo === null && buyerItemCode.trim()) {
		const same = poLines.filter((l) => l.buyerItemCode.trim() === buyerItemCode.trim());
		if (same.length === 1) poLineNo = same[0]!.lineNo;
	}
	return newInvoiceLine(id, invoiceId, lineNo, {
		description: warranty ? `Warranty of ${wo.warrantyOf.trim()}: ${description}` : description,
		kind: task.kind,
		qtyMilli: task.qtyMilli,
		unit: task.unit,
		// Warranty work is owed under the original job: billed at zero unless the user changes it.
		rateCents: warranty ? 0 : task.rateCents,
		woNumber: wo.number,
		taskCode: task.code,
		poLineNo,
		buyerItemCode
	});
}

export interface InvoiceMove {
	invoice: Invoice;
	/** Work orders whose status changes, as they become. */
	workOrders: WorkOrder[];
}

export interface SentInvoice extends InvoiceMove {
	/** Numbers of the jobs now invoiced: the UI offers to close them. */
	closable: string[];
}

const named = (inv: Invoice, workOrders: readonly WorkOrder[]) => workOrders.filter((w) => inv.workOrderNumbers.includes(w.number));

/** `inv` with `what` added to its history, on `on`. */
export const withEvent = (inv: Invoice, on: LocalDate, what: InvoiceEventKind, other = ''): Invoice => ({ ...inv, history: [...inv.history, { on, what, other }] });

/** Draft → sent on `today`; its complete jobs become invoiced, and the UI may offer to close them. */
export function sendInvoice(inv: Invoice, workOrders: readonly WorkOrder[], today: LocalDate): Outcome<SentInvoice> {
	if (inv.status !== 'draft') {
		return refuse(inv.status === 'void' ? `Invoice ${inv.number} is void; a void invoice is never sent.` : `Invoice ${inv.number} is already ${inv.status}.`);
	}
	const jobs = named(inv, workOrders);
	const warnings: string[] = [];
	const patched: WorkOrder[] = [];
	const closable: string[] = [];
	for (const wo of jobs) {
		if (wo.status === 'complete') {
			patched.push({ ...wo, status: 'invoiced' });
			closable.push(wo.number);
		} else if (wo.status === 'invoiced') closable.push(wo.number);
		else if (wo.status !== 'closed') warnings.push(`${wo.number} is ${STATUS_LABEL[wo.status]}, not complete; it stays so.`);
	}
	const missing = inv.workOrderNumbers.filter((n) => !jobs.some((w) => w.number === n));
	if (missing.length > 0) warnings.push(`No work order ${missing.join(', ')} is on file to mark invoiced.`);
	return allow({ invoice: withEvent({ ...inv, status: 'sent' }, today, 'sent'), workOrders: patched, closable }, warnings);
}

/** Sent → paid, on `today`. */
export function markPaid(inv: Invoice, today: LocalDate): Outcome<InvoiceMove> {
	if (inv.status === 'sent') return allow({ invoice: withEvent({ ...inv, status: 'paid' }, today, 'paid'), workOrders: [] });
	if (inv.status === 'draft') return refuse(`Invoice ${inv.number} is a draft; send it before marking it paid.`);
	if (inv.status === 'paid') return refuse(`Invoice ${inv.number} is already paid.`);
	return refuse(`Invoice ${inv.number} is void; a void invoice is not paid.`);
}

/**
 * Draft or sent → void. Voiding a sent invoice puts its invoiced (or closed) jobs back to complete,
 * so they can be billed again, unless another sent or paid invoice still names them: a draft
 * elsewhere has not gone out, so it does not keep a job invoiced. A draft moved no job, so voiding
 * one moves none.
 */
export function voidInvoice(inv: Invoice, workOrders: readonly WorkOrder[], otherInvoices: readonly Invoice[], today: LocalDate): Outcome<InvoiceMove> {
	if (inv.status === 'paid') return refuse(`Invoice ${inv.number} is paid; a paid invoice cannot be voided (issue a credit note instead).`);
	if (inv.status === 'void') return refuse(`Invoice ${inv.number} is already void.`);
	const voided = withEvent({ ...inv, status: 'void' }, today, 'voided');
	if (inv.status === 'draft') return allow({ invoice: voided, workOrders: [] });
	const warnings: string[] = [];
	const patched: WorkOrder[] = [];
	for (const wo of named(inv, workOrders)) {
		if (wo.status !== 'invoiced' && wo.status !== 'closed') continue;
		const still = otherInvoices.filter((o) => o.id !== inv.id && (o.status === 'sent' || o.status === 'paid') && o.workOrderNumbers.includes(wo.number));
		if (still.length > 0) {
			warnings.push(`${wo.number} stays ${STATUS_LABEL[wo.status]}: invoice ${still.map((o) => o.number).join(', ')} still bills it.`);
			continue;
		}
		if (wo.status === 'closed') warnings.push(`${wo.number} was closed; it is back to complete so it can be billed again.`);
		patched.push({ ...wo, status: 'complete' });
	}
	return allow({ invoice: voided, workOrders: patched }, warnings);
}

/** What voiding does to the invoice's jobs, said before it is done (the Void dialog). */
export function voidEffect(inv: Invoice, move: InvoiceMove): string {
	if (inv.status === 'draft') return 'It was never sent, so its jobs keep their status.';
	const back = move.workOrders.map((w) => w.number);
	if (!back.length) return 'Its jobs keep their status: another invoice still bills them, or they were never invoiced.';
	const names = back.length === 1 ? back[0] : `${back.slice(0, -1).join(', ')} and ${back.at(-1)}`;
	return back.length === 1 ? `${names} goes back to complete, so it can be billed again.` : `${names} go back to complete, so they can be billed again.`;
}
