import { daysBetween, formatDate, isLocalDate } from '../../domain/dates';
import type { Index } from '../keys/indexes';
import { poFor, tolerancesFor } from '../keys/resolve';
import { woBilled } from '../billed';
import type { InvoiceLine, WorkOrder } from '../../domain/records';
import type { Finding } from '../types';
import { invoiceNumbers, linesBillingWo, withInvoices } from './billing';
import { evaluateTasks } from './task-rules';
import { finding, target, type FindingContext } from './finding';
import { count, list, money } from './format';
import { OPEN_STATUSES } from './statuses';
import { amountTolerated, TOLERATED_NOTE } from './tolerance';

/**
 * Rules about one work order (scope "W"): the job as a whole, and each of its tasks (task-rules.ts).
 *
 * - OVER_NTE: the work order has an NTE cap, and what non-void invoices bill it (every line naming
 *   its number, except tax; freight only where the invoice's PO, or with no PO the customer, allows
 *   freight; discounts reduce) exceeds the cap plus the amounts of its approved change orders.
 *   `info` when the excess is within the customer's absCents. Lines with no job number (a
 *   header-level freight or discount) are not attributed to any job.
 * - STALE_TICKET: open or in progress for more than settings.staleDays days since it was opened.
 * - PO_UNKNOWN: the job names a PO number that none of its customer's POs has (a typo such as
 *   `45000877I2`, or a PO not imported yet). Names match exactly as stored, as invoices' do. A
 *   cancelled job is never billed, so it is not asked about.
 */
const contextOf = (wo: WorkOrder): FindingContext => ({ customerId: wo.customerId, poNumber: wo.poNumber || null, workOrderNumber: wo.number || null });

export function evaluateWorkOrder(idx: Index, wo: WorkOrder, out: Finding[]): void {
	if (OPEN_STATUSES.has(wo.status) && isLocalDate(wo.openedOn) && isLocalDate(idx.today)) {
		const days = daysBetween(wo.openedOn, idx.today);
		if (days > idx.settings.staleDays) {
			out.push(
				finding(
					'STALE_TICKET',
					[`workOrders:${wo.id}`],
					[target('workOrders', wo.id, 'openedOn'), target('workOrders', wo.id, 'status')],
					`${wo.number} has been open ${count(days, 'day')} (since ${formatDate(wo.openedOn)}); the limit is ${count(idx.settings.staleDays, 'day')}.`,
					contextOf(wo)
				)
			);
		}
	}

	if (wo.poNumber !== '' && wo.status !== 'cancelled' && !poFor(idx, wo.customerId, wo.poNumber)) poUnknown(idx, wo, out);

	const billedOnWo = linesBillingWo(idx, wo);
	evaluateTasks(idx, wo, billedOnWo, out);
	if (wo.nteCents !== null) overNte(idx, wo, wo.nteCents, billedOnWo, out);
}

function overNte(idx: Index, wo: WorkOrder, nteCents: number, billedOnWo: readonly InvoiceLine[], out: Finding[]): void {
	const { lines: counted, billedCents: total, approved, raiseCents: raise } = woBilled(idx, wo, billedOnWo);
	const cap = nteCents + raise;
	const excess = total - cap;
	if (excess <= 0) return;
	const billed = withInvoices(idx, counted);
	const within = amountTolerated(excess, tolerancesFor(idx, wo.customerId));
	out.push(
		finding(
			'OVER_NTE',
			[`workOrders:${wo.id}`],
			[target('workOrders', wo.id, 'nteCents'), ...approved.map((co) => target('changeOrders', co.id, 'amountCents')), ...billed.map((b) => target('invoiceLines', b.line.id, 'amount'))],
			`${wo.number} is billed ${money(total)} before tax on ${list(invoiceNumbers(billed))}, over ${raise === 0 ? `its NTE cap of ${money(cap)}` : `its cap of ${money(cap)} (NTE ${money(nteCents)} + approved change orders ${money(raise)})`} by ${money(excess)}${within ? TOLERATED_NOTE : ''}.`,
			{ ...contextOf(wo), invoiceNumbers: invoiceNumbers(billed) },
			within
		)
	);
}

function poUnknown(idx: Index, wo: WorkOrder, out: Finding[]): void {
	const customer = idx.customers.get(wo.customerId)?.name;
	out.push(
		finding(
			'PO_UNKNOWN',
			[`workOrders:${wo.id}`],
			[target('workOrders', wo.id, 'poNumber')],
			`${wo.number || 'This job'} names PO ${wo.poNumber}, which is not among ${customer ? `${customer}'s` : 'its customer’s'} POs: check the number for a typo, or import the PO.`,
			contextOf(wo)
		)
	);
}
