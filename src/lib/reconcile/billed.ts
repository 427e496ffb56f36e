import { quantityDrawn } from '../domain/credit';
import { lineAmount } from '../domain/quantity';
import { sameUnit } from '../domain/units';
import type { ChangeOrder, Invoice, InvoiceLine, PoLine, PurchaseOrder, WorkOrder } from '../domain/records';
import type { Index } from './keys/indexes';
import { billedPoLineIndex, chargeAllowed, isResolvedPo } from './keys/resolve';
import { linesBillingWo } from './rules/billing';

/**
 * What has been billed against a PO and a work order, in the one definition the rules use
 * (OVER_PO_QTY, OVER_PO_TOTAL and OVER_NTE read these figures), so a grid's "billed" and
 * "remaining" can never disagree with a finding. "Billed" is the sum over non-void invoices
 * (domain.md), before tax; freight counts only where it may be billed; discounts reduce.
 */
export interface PoBilled {
	/** The PO's lines in line-number order: the positions of the arrays below. */
	lines: readonly PoLine[];
	/**
	 * Per line: quantity and amount of the work lines matched to it, and how many there are. The
	 * quantity is what the lines draw (a returned part gives back, a price credit draws none).
	 */
	qtyMilli: Float64Array;
	amountCents: Float64Array;
	count: Uint32Array;
	/** The non-void invoices of the PO's customer that name it. */
	invoices: readonly Invoice[];
	/** What those invoices bill before tax: work and discount lines, freight where the PO allows it. */
	billedCents: number;
	linesTotalCents: number;
	/** The lines' total, or the blanket limit when that is lower: what may be billed in all. */
	capCents: number;
	blanketBinds: boolean;
	/** One line's share; zero for a line nothing resolves to (a repeated line number). */
	line(lineId: string): { qtyMilli: number; amountCents: number };
}

export function poBilled(idx: Index, po: PurchaseOrder): PoBilled {
	const lines = idx.poLineLookup(po.id).sorted;
	const qtyMilli = new Float64Array(lines.length);
	const amountCents = new Float64Array(lines.length);
	const count = new Uint32Array(lines.length);
	let linesTotalCents = 0;
	for (let i = 0; i < lines.length; i++) linesTotalCents += lines[i]!.extendedCents;
	const blanketBinds = po.blanketLimitCents !== null && po.blanketLimitCents < linesTotalCents;
	// A PO shadowed by another with the same number is billed nothing: invoices resolve to the winner.
	const invoices = isResolvedPo(idx, po) ? idx.invoicesByKey.get(po.customerId, po.number).filter((inv) => inv.status !== 'void') : [];
	let billedCents = 0;
	for (const inv of invoices) {
		const invLines = idx.linesByInvoice.get(inv.id);
		for (let k = 0; k < invLines.length; k++) {
			const line = invLines[k]!;
			if (line.kind === 'tax' || (line.kind === 'freight' && !po.freightAllowed)) continue;
			const amount = lineAmount(line.qtyMilli, line.rateCents);
			billedCents += amount;
			const i = billedPoLineIndex(idx, po, line);
			if (i < 0) continue;
			// A quantity in another unit is not added to the line's (UNIT_MISMATCH says so): 20 kg and 34 lb are not 54 of anything.
			if (sameUnit(line.unit, lines[i]!.unit)) qtyMilli[i] = qtyMilli[i]! + quantityDrawn(line.qtyMilli, line.rateCents);
			amountCents[i] = amountCents[i]! + amount;
			count[i] = count[i]! + 1;
		}
	}
	const line = (lineId: string) => {
		const i = lines.findIndex((l) => l.id === lineId);
		return i < 0 ? { qtyMilli: 0, amountCents: 0 } : { qtyMilli: qtyMilli[i]!, amountCents: amountCents[i]! };
	};
	return { lines, qtyMilli, amountCents, count, invoices, billedCents, linesTotalCents, capCents: blanketBinds ? po.blanketLimitCents! : linesTotalCents, blanketBinds, line };
}


export interface WoBilled {
	/** The lines counted: every line naming the job on a non-void invoice, except tax and disallowed freight. */
	lines: readonly InvoiceLine[];
	billedCents: number;
	/** Approved change orders, which raise the cap. */
	approved: readonly ChangeOrder[];
	raiseCents: number;
	/** NTE plus approved change orders; null when the job has no NTE. */
	capCents: number | null;
}

/** `billedOnWo` is linesBillingWo's answer, when the caller has it already. */
export function woBilled(idx: Index, wo: WorkOrder, billedOnWo: readonly InvoiceLine[] = linesBillingWo(idx, wo)): WoBilled {
	const lines: InvoiceLine[] = [];
	let billedCents = 0;
	for (let i = 0; i < billedOnWo.length; i++) {
		const line = billedOnWo[i]!;
		if (line.kind === 'tax') continue;
		if (line.kind === 'freight' && !chargeAllowed(idx, idx.invoices.get(line.invoiceId)!, 'freight').allowed) continue;
		lines.push(line);
		billedCents += lineAmount(line.qtyMilli, line.rateCents);
	}
	const approved: ChangeOrder[] = [];
	let raiseCents = 0;
	for (const co of idx.cosByWo.get(wo.id)) {
		if (co.status !== 'approved') continue;
		raiseCents += co.amountCents;
		approved.push(co);
	}
	return { lines, billedCents, approved, raiseCents, capCents: wo.nteCents === null ? null : wo.nteCents + raiseCents };
}
