import { isCharge, isCredit } from '../../domain/credit';
import { lineAmount } from '../../domain/quantity';
import { sameUnit } from '../../domain/units';
import type { Invoice, InvoiceLine, PoLine, PurchaseOrder, Task, WorkOrder } from '../../domain/records';
import type { Index } from '../keys/indexes';
import { chargeAllowed, explainPoLineMiss, findPoLine, isWork, taskAmong, tolerancesFor, woByNumber } from '../keys/resolve';
import type { Finding, FindingCode, Target } from '../types';
import { finding, target, type FindingContext } from './finding';
import { count, invoiceLineName, money, poLineName, qty, rate } from './format';
import { priceTolerated, TOLERATED_NOTE } from './tolerance';

/**
 * Rules about one invoice line on its own, run as part of its invoice's scope: does it trace to
 * a task and a PO line, and does it agree with them. Lines of void invoices are never checked.
 *
 * - LINE_UNBACKED: a labor/material/subcontract/fee line whose work order number or task code
 *   resolves to no task. Targets the field that fails (woNumber when the job is missing or blank,
 *   else taskCode).
 * - WARRANTY_BILLED: a work line naming a warranty work order with an amount above zero (whether
 *   or not its task resolves: the job alone says the work is free). A credit on it is no bill.
 * - QTY_OVER_PERFORMED: a charge line's quantity above its task's recorded quantity (no tolerance:
 *   it is a warning that the ticket and the bill disagree). Credits are never over.
 * - TAX_NOT_ALLOWED / FREIGHT_NOT_ALLOWED: a tax / freight line with a positive amount where the
 *   invoice's PO (or, with no PO that exists, the customer) does not allow it; a credit of either
 *   takes nothing AP did not agree to.
 * - PO_LINE_UNMATCHED: the invoice's PO exists and a work line matches none of its lines (by PO
 *   line number; only when the line has no number, by a buyer item code held by exactly one
 *   line). Tax, freight and discount lines are header charges and are never matched to PO lines.
 * - PRICE_MISMATCH: the matched PO line's unit price differs from the line's rate, in either
 *   direction; `info` within the price tolerance (priceBp of the PO price, or absCents on the line).
 *   A warranty job's line at zero is not a mismatch: zero is its agreed price (WARRANTY_BILLED
 *   flags any other), and invoices made from warranty jobs bill it so. Credits (credit.ts): a
 *   returned part bills its negative quantity at the PO line's price, so rates compare as they
 *   are; a credit against a PO credit line compares prices without their signs (-1 × $150.00
 *   and 1 × -$150.00 are the same credit); a charge against a PO credit line is always a mismatch.
 * - UNIT_MISMATCH: the line's unit is not its PO line's (domain/units.ts: "hrs" is "h", "kg" is not "lb").
 *   Its rate and quantity are then not compared with the PO line's (no PRICE_MISMATCH, no share in
 *   OVER_PO_QTY), nor its quantity with its task's in another unit.
 * - ITEM_CODE_MISMATCH: the line quotes a buyer item code that is not its PO line's.
 * - COST_CENTER_MISMATCH: the billed work order's site cost centre and the PO line's cost centre
 *   are both set and differ.
 */
/** What every line of one invoice shares: worked out once per invoice, not once per line. */
export interface InvoiceScope {
	inv: Invoice;
	po: PurchaseOrder | undefined;
	ctx: FindingContext;
	/** The last job looked up, and its tasks: an invoice's lines mostly name the same job in a row. */
	lastWoNumber: string;
	lastWo: WorkOrder | undefined;
	lastTasks: readonly Task[];
}

/** A finding about this line. Names and context are built here, only when something is found. */
function lineFinding(scope: InvoiceScope, line: InvoiceLine, code: FindingCode, targets: Target[], message: string, within = false): Finding {
	const ctx = line.woNumber ? { ...scope.ctx, workOrderNumber: line.woNumber } : scope.ctx;
	return finding(code, [`invoiceLines:${line.id}`], targets, `${invoiceLineName(scope.inv, line)} ${message}`, ctx, within);
}

export function evaluateLine(idx: Index, scope: InvoiceScope, line: InvoiceLine, out: Finding[]): void {
	if (line.kind === 'tax' || line.kind === 'freight') {
		chargeRule(idx, scope, line, out);
		return;
	}
	if (!isWork(line.kind)) return;

	if (line.woNumber !== scope.lastWoNumber) {
		scope.lastWoNumber = line.woNumber;
		scope.lastWo = woByNumber(idx, line.woNumber);
		scope.lastTasks = scope.lastWo ? idx.tasksByWo.get(scope.lastWo.id) : [];
	}
	const wo = scope.lastWo;
	const task = wo ? taskAmong(scope.lastTasks, line.taskCode) : undefined;
	if (!task) {
		const [field, why] =
			line.woNumber === ''
				? ['woNumber', 'names no work order']
				: !wo
					? ['woNumber', `names work order ${line.woNumber}, which does not exist`]
					: line.taskCode === ''
						? ['taskCode', `names ${wo.number} but no task`]
						: ['taskCode', `names task ${line.taskCode} on ${wo.number}, which has no such task`];
		out.push(lineFinding(scope, line, 'LINE_UNBACKED', [target('invoiceLines', line.id, field)], `(${line.description || line.kind}) ${why}: it traces to no work done.`));
	}
	if (wo && wo.type === 'warranty' && lineAmount(line.qtyMilli, line.rateCents) > 0) {
		const of = wo.warrantyOf ? ` (warranty callback of ${wo.warrantyOf})` : ' (warranty)';
		out.push(
			lineFinding(
				scope,
				line,
				'WARRANTY_BILLED',
				[target('invoiceLines', line.id, 'rateCents'), target('workOrders', wo.id, 'type')],
				`bills ${wo.number}${of} at ${rate(line.rateCents, line.unit)}, ${money(lineAmount(line.qtyMilli, line.rateCents))} in all; warranty work is billed at ${money(0)}.`
			)
		);
	}
	// Quantities in two units are not compared: "25 kg billed, 20 lb done, 5 lb over" is no sentence.
	if (wo && task && sameUnit(line.unit, task.unit) && isCharge(line.qtyMilli, line.rateCents) && isCharge(task.qtyMilli, task.rateCents) && line.qtyMilli > task.qtyMilli) {
		out.push(
			lineFinding(
				scope,
				line,
				'QTY_OVER_PERFORMED',
				[target('invoiceLines', line.id, 'qtyMilli'), target('tasks', task.id, 'qtyMilli')],
				`bills ${qty(line.qtyMilli, line.unit)}; ${wo.number} ${task.code} records ${qty(task.qtyMilli, task.unit)} done (${qty(line.qtyMilli - task.qtyMilli, task.unit)} over).`
			)
		);
	}
	if (scope.po) poLineRules(idx, scope, scope.po, line, wo, out);
}

function chargeRule(idx: Index, scope: InvoiceScope, line: InvoiceLine, out: Finding[]): void {
	const charge = line.kind as 'tax' | 'freight';
	const amount = lineAmount(line.qtyMilli, line.rateCents);
	if (amount <= 0) return;
	const rule = chargeAllowed(idx, scope.inv, charge, scope.po);
	if (rule.allowed) return;
	const field = charge === 'tax' ? 'taxAllowed' : 'freightAllowed';
	const [by, who] =
		rule.by === 'po'
			? [target('purchaseOrders', rule.po.id, field), `PO ${rule.po.number}`]
			: [target('customers', rule.customer.id, field), `${rule.customer.name || 'the customer'} (no PO)`];
	out.push(
		lineFinding(
			scope,
			line,
			charge === 'tax' ? 'TAX_NOT_ALLOWED' : 'FREIGHT_NOT_ALLOWED',
			[target('invoiceLines', line.id, 'kind'), by],
			`bills ${money(amount)} of ${charge}, but ${who} does not allow ${charge}.`
		)
	);
}

function poLineRules(idx: Index, scope: InvoiceScope, po: PurchaseOrder, line: InvoiceLine, wo: WorkOrder | undefined, out: Finding[]): void {
	const pl = findPoLine(idx, po, line);
	if (!pl) {
		const m = explainPoLineMiss(idx, po, line);
		const [field, why] =
			m.kind === 'noLineNo'
				? ['poLineNo', `names PO ${po.number} line ${m.lineNo}, which does not exist`]
				: m.kind === 'noItem'
					? [
							'buyerItemCode',
							m.matches === 0
								? `has no PO line number, and no line of PO ${po.number} has buyer item ${m.item}`
								: `has no PO line number, and ${count(m.matches, 'line')} of PO ${po.number} ${m.matches === 1 ? 'has' : 'have'} buyer item ${m.item}`
						]
					: ['poLineNo', `has neither a PO line number nor a buyer item code to match on PO ${po.number}`];
		out.push(lineFinding(scope, line, 'PO_LINE_UNMATCHED', [target('invoiceLines', line.id, field)], `${why}.`));
		return;
	}

	const oneUnit = sameUnit(line.unit, pl.unit);
	if (!oneUnit) {
		// A rate per kg against a price per lb is no comparison either: this finding alone says what to change.
		out.push(
			lineFinding(
				scope,
				line,
				'UNIT_MISMATCH',
				[target('invoiceLines', line.id, 'unit'), target('poLines', pl.id, 'unit')],
				`bills ${qty(line.qtyMilli, line.unit)}; ${poLineName(po, pl)} authorises ${qty(pl.qtyMilli, pl.unit)}. AP matches quantities in the PO line's unit: bill in ${pl.unit.trim()}, or ask the buyer for a PO revision.`
			)
		);
	}
	const warrantyAtZero = wo?.type === 'warranty' && line.rateCents === 0;
	const poCredit = isCredit(pl.qtyMilli, pl.unitPriceCents);
	const lineCredit = isCredit(line.qtyMilli, line.rateCents);
	const billed = lineAmount(line.qtyMilli, line.rateCents);
	if (poCredit && billed > 0) {
		out.push(priceFinding(scope, pl, line, `bills ${money(billed)} as a charge; ${poLineName(po, pl)} is a credit of ${money(lineAmount(pl.qtyMilli, pl.unitPriceCents))}.`));
	} else if (poCredit && lineCredit && oneUnit) {
		const [rateAbs, priceAbs, qtyAbs] = [Math.abs(line.rateCents), Math.abs(pl.unitPriceCents), Math.abs(line.qtyMilli)];
		if (rateAbs !== priceAbs) priceMismatch(idx, scope, po, pl, line, rateAbs, priceAbs, qtyAbs, out);
	} else if (line.rateCents !== pl.unitPriceCents && !warrantyAtZero && oneUnit) priceMismatch(idx, scope, po, pl, line, line.rateCents, pl.unitPriceCents, line.qtyMilli, out);
	if (line.buyerItemCode !== '' && line.buyerItemCode !== pl.buyerItemCode) {
		out.push(
			lineFinding(
				scope,
				line,
				'ITEM_CODE_MISMATCH',
				[target('invoiceLines', line.id, 'buyerItemCode'), target('poLines', pl.id, 'buyerItemCode')],
				`quotes buyer item ${line.buyerItemCode}; ${poLineName(po, pl)} is ${pl.buyerItemCode ? `item ${pl.buyerItemCode}` : 'without an item code'}.`
			)
		);
	}
	const site = wo?.siteId ? idx.sites.get(wo.siteId) : undefined;
	if (wo && site && site.costCenter !== '' && pl.costCenter !== '' && site.costCenter !== pl.costCenter) {
		out.push(
			lineFinding(
				scope,
				line,
				'COST_CENTER_MISMATCH',
				[
					target('invoiceLines', line.id, 'poLineNo'),
					target('workOrders', wo.id, 'siteId'),
					target('sites', site.id, 'costCenter'),
					target('poLines', pl.id, 'costCenter')
				],
				`bills ${wo.number} at cost centre ${site.costCenter}; ${poLineName(po, pl)} is charged to cost centre ${pl.costCenter}.`
			)
		);
	}
}

/** The line's rate and the PO line's price, as compared (signed, or both without sign for two credits). */
function priceMismatch(idx: Index, scope: InvoiceScope, po: PurchaseOrder, pl: PoLine, line: InvoiceLine, lineRate: number, poPrice: number, qtyMilli: number, out: Finding[]): void {
	const within = priceTolerated(lineRate, poPrice, qtyMilli, tolerancesFor(idx, scope.inv.customerId));
	const gap = lineRate - poPrice;
	const onLine = Math.abs(lineAmount(qtyMilli, lineRate) - lineAmount(qtyMilli, poPrice));
	const message = `bills ${rate(line.rateCents, line.unit)}; ${poLineName(po, pl)} authorises ${rate(pl.unitPriceCents, pl.unit)} (${rate(Math.abs(gap), line.unit)} ${gap > 0 ? 'over' : 'under'}, ${money(onLine)} on ${qty(line.qtyMilli, line.unit)})${within ? TOLERATED_NOTE : ''}.`;
	out.push(priceFinding(scope, pl, line, message, within));
}

const priceFinding = (scope: InvoiceScope, pl: PoLine, line: InvoiceLine, message: string, within = false): Finding =>
	lineFinding(scope, line, 'PRICE_MISMATCH', [target('invoiceLines', line.id, 'rateCents'), target('poLines', pl.id, 'unitPriceCents')], message, within);
