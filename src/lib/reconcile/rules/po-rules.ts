import { isCharge } from '../../domain/credit';
import { lineAmount } from '../../domain/quantity';
import type { InvoiceLine, PoLine, PurchaseOrder, Tolerances } from '../../domain/records';
import type { Index } from '../keys/indexes';
import { billedPoLineIndex, isResolvedPo, tolerancesFor } from '../keys/resolve';
import { poBilled } from '../billed';
import { sameUnit } from '../../domain/units';
import type { Finding } from '../types';
import { invoiceCount, invoiceNumbers, withInvoices, type Billed } from './billing';
import { finding, target, type FindingContext } from './finding';
import { agree, count, list, money, qty, shortLineName } from './format';
import { tasksOverPo } from './task-over-po';
import { amountTolerated, qtyTolerated, TOLERATED_NOTE } from './tolerance';

/**
 * Rules about one PO and everything billed on it (scope "P"): the non-void invoices of the PO's
 * customer naming its number, and their lines matched to its lines (see findPoLine).
 *
 * - OVER_PO_QTY: per PO line, the quantities of all work lines matched to it add up to more than
 *   it authorises; `info` within qtyBp of the authorised quantity. Targets the PO line's quantity
 *   and every contributing invoice line's. Only a PO line that authorises a charge can be over;
 *   a returned part on an invoice gives its quantity back, a price credit draws none (credit.ts).
 * - DUPLICATE_BILLING: lines on two or more different invoices bill the same PO line with the
 *   same quantity and the same amount, for the same job (work order number and task code, or
 *   both without one). The same trip charge on two different jobs is two trips, not a repeat.
 *   One finding per PO line, job, quantity and amount. A credit repeated is not a charge repeated:
 *   only lines with a positive amount are compared.
 * - OVER_PO_TOTAL: what the invoices bill before tax (work and discount lines, freight only if the
 *   PO allows it) exceeds the total of the PO's lines' extended amounts, or its blanket limit when
 *   it has one (whichever is lower); `info` within absCents.
 * - TASK_OVER_PO: the jobs' unbilled tasks on the PO, with what is billed, past a PO line (task-over-po.ts).
 */
export function evaluatePo(idx: Index, po: PurchaseOrder, out: Finding[]): void {
	if (!isResolvedPo(idx, po)) return;
	const tol = tolerancesFor(idx, po.customerId);
	const ctx: FindingContext = { customerId: po.customerId, poNumber: po.number };

	// First pass: totals only, per PO line position in typed arrays, so a clean PO allocates little.
	const billed = poBilled(idx, po);
	tasksOverPo(idx, po, billed, tol, ctx, out);
	const { invoices, lines: poLines, qtyMilli: qtyAt, count: countAt } = billed;
	if (invoices.length === 0) return;

	// Second pass, only for PO lines over their quantity or billed more than once: gather the lines.
	const suspects: number[] = [];
	for (let i = 0; i < poLines.length; i++) if (countAt[i]! > 1 || (countAt[i]! > 0 && overAt(poLines[i]!, qtyAt[i]!))) suspects.push(i);
	if (suspects.length > 0) {
		const linesAt = new Map<number, InvoiceLine[]>(suspects.map((i) => [i, []]));
		for (const inv of invoices) {
			for (const line of idx.linesByInvoice.get(inv.id)) {
				const i = billedPoLineIndex(idx, po, line);
				if (i >= 0) linesAt.get(i)?.push(line);
			}
		}
		for (const i of suspects) {
			const pl = poLines[i]!;
			const lines = linesAt.get(i)!;
			if (overAt(pl, qtyAt[i]!)) overQty(pl, withInvoices(idx, lines.filter((l) => sameUnit(l.unit, pl.unit))), qtyAt[i]!, tol, ctx, out, po.number);
			duplicates(idx, pl, lines, ctx, out, po.number);
		}
	}

	const { blanketBinds, capCents: cap } = billed;
	const total = billed.billedCents;
	const excess = total - cap;
	if (excess > 0) {
		const numbers = invoices.map((inv) => inv.number).sort();
		const within = amountTolerated(excess, tol);
		const capText = blanketBinds ? `its blanket limit of ${money(cap)}` : `its lines' total of ${money(cap)}`;
		out.push(
			finding(
				'OVER_PO_TOTAL',
				[`purchaseOrders:${po.id}`],
				[target('purchaseOrders', po.id, blanketBinds ? 'blanketLimitCents' : 'total'), ...invoices.map((inv) => target('invoices', inv.id, 'total'))],
				`PO ${po.number} is billed ${money(total)} before tax on ${list(numbers)}, over ${capText} by ${money(excess)}${within ? TOLERATED_NOTE : ''}.`,
				{ ...ctx, invoiceNumbers: numbers },
				within
			)
		);
	}
}

/** Billed past what a charge line authorises; a credit line of the PO is never "over". */
const overAt = (pl: PoLine, billedQty: number): boolean => isCharge(pl.qtyMilli, pl.unitPriceCents) && billedQty > pl.qtyMilli;

function overQty(pl: PoLine, billed: Billed[], sum: number, tol: Tolerances, ctx: FindingContext, out: Finding[], poNumber: string): void {
	const over = sum - pl.qtyMilli;
	const within = qtyTolerated(over, pl.qtyMilli, tol);
	out.push(
		finding(
			'OVER_PO_QTY',
			[`poLines:${pl.id}`],
			[target('poLines', pl.id, 'qtyMilli'), ...billed.map((b) => target('invoiceLines', b.line.id, 'qtyMilli'))],
			`PO ${poNumber} line ${pl.lineNo} authorises ${qty(pl.qtyMilli, pl.unit)}; ${list(billed.map((b) => shortLineName(b.inv, b.line)))} ${agree(billed.length, 'bills', 'bill')} ${qty(sum, pl.unit)}${billed.length === 1 ? '' : ' in all'} (${qty(over, pl.unit)} over)${within ? TOLERATED_NOTE : ''}.`,
			{ ...ctx, invoiceNumbers: invoiceNumbers(billed) },
			within
		)
	);
}

function duplicates(idx: Index, pl: PoLine, lines: readonly InvoiceLine[], ctx: FindingContext, out: Finding[], poNumber: string): void {
	if (lines.length < 2) return;
	// Lines with the same quantity on two invoices first, by number: a PO line billed a hundred
	// times by lines of different quantities then needs no text key, sort or invoice look-up,
	// which were most of the cost of re-running its PO after an edit.
	const byQty = new Map<number, InvoiceLine[]>();
	for (const line of lines) {
		if (lineAmount(line.qtyMilli, line.rateCents) < 0) continue;
		const same = byQty.get(line.qtyMilli);
		if (same) same.push(line);
		else byQty.set(line.qtyMilli, [line]);
	}
	const candidates: InvoiceLine[] = [];
	for (const same of byQty.values()) if (same.length > 1 && invoiceCount(same) > 1) candidates.push(...same);
	if (candidates.length === 0) return;
	const billed = withInvoices(idx, candidates);
	const groups = new Map<string, Billed[]>();
	for (const b of billed) {
		const k = `q${b.line.qtyMilli}|a${lineAmount(b.line.qtyMilli, b.line.rateCents)}|job:${b.line.woNumber}/${b.line.taskCode}`;
		const g = groups.get(k);
		if (g) g.push(b);
		else groups.set(k, [b]);
	}
	for (const [k, group] of groups) {
		if (invoiceCount(group) < 2) continue;
		const first = group[0]!.line;
		out.push(
			finding(
				'DUPLICATE_BILLING',
				[`poLines:${pl.id}`, k],
				[target('poLines', pl.id, 'qtyMilli'), ...group.flatMap((b) => [target('invoiceLines', b.line.id, 'qtyMilli'), target('invoiceLines', b.line.id, 'amount')])],
				`${list(group.map((b) => shortLineName(b.inv, b.line)))} each bill PO ${poNumber} line ${pl.lineNo} for ${qty(first.qtyMilli, first.unit)}, ${money(lineAmount(first.qtyMilli, first.rateCents))}${first.woNumber ? ` of ${first.woNumber}${first.taskCode ? ` ${first.taskCode}` : ''}` : ''}: the same charge on ${count(invoiceCount(group), 'invoice')}.`,
				{ ...ctx, invoiceNumbers: invoiceNumbers(group) }
			)
		);
	}
}
