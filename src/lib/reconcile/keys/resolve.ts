import type { Customer, Invoice, InvoiceLine, InvoiceLineKind, PoLine, PurchaseOrder, Task, Tolerances, WorkOrder } from '../../domain/records';
import type { Index } from './indexes';

/**
 * How references resolve (docs/domain.md, "Keys"). Keys are meant to be unique (the database
 * refuses duplicates), but the engine stays deterministic if they are not: the record with the
 * smallest id wins, and the others are shadowed (nothing resolves to them). A fresh build and an
 * incremental one therefore always agree on the winner. Names match exactly as stored.
 */

const WORK_KINDS: ReadonlySet<InvoiceLineKind> = new Set(['labor', 'material', 'subcontract', 'fee']);
/** Labor, material, subcontract and fee lines bill work; tax, freight and discount are charges. */
export const isWork = (kind: InvoiceLineKind): boolean => WORK_KINDS.has(kind);

export const woByNumber = (idx: Index, number: string): WorkOrder | undefined => (number === '' ? undefined : idx.woByNumber.first(number));

/** A PO is the customer's: two buyers may both number a PO "1001". */
export const poFor = (idx: Index, customerId: string, number: string): PurchaseOrder | undefined =>
	number === '' ? undefined : idx.posByKey.first(customerId, number);

export const poOfInvoice = (idx: Index, inv: Invoice): PurchaseOrder | undefined => poFor(idx, inv.customerId, inv.poNumber);

/**
 * The task with this code among a job's tasks (smallest id if the code is repeated). Tasks per
 * job are few: a scan beats a keyed map, and needs no composite key.
 */
export function taskAmong(tasks: readonly Task[], code: string): Task | undefined {
	if (code === '') return undefined;
	let found: Task | undefined;
	for (let i = 0; i < tasks.length; i++) {
		const t = tasks[i]!;
		if (t.code === code && (!found || t.id < found.id)) found = t;
	}
	return found;
}

/** True when two of these tasks share a code (then only the smallest id of each code is billable). */
export function hasRepeatedCodes(tasks: readonly Task[]): boolean {
	if (tasks.length > 32) return new Set(tasks.map((t) => t.code)).size < tasks.length;
	for (let i = 1; i < tasks.length; i++) for (let j = 0; j < i; j++) if (tasks[i]!.code === tasks[j]!.code) return true;
	return false;
}

export const isResolvedWo = (idx: Index, wo: WorkOrder): boolean => wo.number !== '' && idx.woByNumber.first(wo.number) === wo;
export const isResolvedPo = (idx: Index, po: PurchaseOrder): boolean => po.number !== '' && idx.posByKey.first(po.customerId, po.number) === po;

/**
 * An invoice line's (or a task's) PO line, as its position in the PO's sorted lines (-1 when none): by its PO
 * line number on the invoice's PO; only when it has no line number, by its buyer item code if
 * exactly one line of that PO carries it. With duplicate line numbers, the smallest id wins.
 */
export function findPoLineIndex(idx: Index, po: PurchaseOrder, line: Pick<InvoiceLine, 'poLineNo' | 'buyerItemCode'>): number {
	const sorted = idx.poLineLookup(po.id).sorted;
	if (line.poLineNo !== null) {
		const no = line.poLineNo;
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid]!.lineNo < no) lo = mid + 1;
			else hi = mid;
		}
		return lo < sorted.length && sorted[lo]!.lineNo === no ? lo : -1;
	}
	if (line.buyerItemCode === '') return -1;
	let found = -1;
	for (let i = 0; i < sorted.length; i++) {
		if (sorted[i]!.buyerItemCode !== line.buyerItemCode) continue;
		if (found >= 0) return -1;
		found = i;
	}
	return found;
}

export function findPoLine(idx: Index, po: PurchaseOrder, line: InvoiceLine): PoLine | undefined {
	const i = findPoLineIndex(idx, po, line);
	return i < 0 ? undefined : idx.poLineLookup(po.id).sorted[i];
}

/** Why findPoLine found nothing (worked out only when a finding needs the words). */
export type PoLineMiss = { kind: 'noLineNo'; lineNo: number } | { kind: 'noItem'; item: string; matches: number } | { kind: 'nothingToMatch' };

export function explainPoLineMiss(idx: Index, po: PurchaseOrder, line: InvoiceLine): PoLineMiss {
	if (line.poLineNo !== null) return { kind: 'noLineNo', lineNo: line.poLineNo };
	if (line.buyerItemCode === '') return { kind: 'nothingToMatch' };
	const matches = idx.poLinesByPo.get(po.id).filter((pl) => pl.buyerItemCode === line.buyerItemCode).length;
	return { kind: 'noItem', item: line.buyerItemCode, matches };
}

/** The position of the PO line a work line bills (-1 when none; charges are never matched). */
export function billedPoLineIndex(idx: Index, po: PurchaseOrder, line: InvoiceLine): number {
	return isWork(line.kind) ? findPoLineIndex(idx, po, line) : -1;
}

/** The customer's tolerances where set, else the global ones (zero by default). */
export const tolerancesFor = (idx: Index, customerId: string): Tolerances => idx.customers.get(customerId)?.tolerances ?? idx.settings.tolerances;

/**
 * May this invoice carry tax / freight? The invoice's PO decides; with no PO (or one that does
 * not exist), the customer's setting does; with neither, it is allowed.
 */
export type ChargeRule =
	| { allowed: boolean; by: 'po'; po: PurchaseOrder }
	| { allowed: boolean; by: 'customer'; customer: Customer }
	| { allowed: true; by: 'none' };

export function chargeAllowed(idx: Index, inv: Invoice, charge: 'tax' | 'freight', po = poOfInvoice(idx, inv)): ChargeRule {
	if (po) return { allowed: charge === 'tax' ? po.taxAllowed : po.freightAllowed, by: 'po', po };
	const customer = idx.customers.get(inv.customerId);
	if (customer) return { allowed: charge === 'tax' ? customer.taxAllowed : customer.freightAllowed, by: 'customer', customer };
	return { allowed: true, by: 'none' };
}
