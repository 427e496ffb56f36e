import type { Index } from './keys/indexes';
import { scopeId, type ScopeId } from './scopes';
import type { RecordOf, RecordTable } from './types';

/**
 * Which scopes an edit can change. For every record written or deleted, `note` is called with its
 * old version (against the index before the write) and with its new one (after it). It records
 * scopes it can name at once, and the names (job numbers, customer + PO number, customers, sites)
 * whose dependants must re-run. `expand` turns those names into scopes using the index as it is
 * after the edit: an old name still finds the records that kept it, a new name finds the records
 * that gained it. That is how renames are covered.
 *
 * What each scope reads, and so what must wake it:
 * - I (invoice + lines): the invoice and its lines; its customer; its PO (by customer + number)
 *   and that PO's lines; the work orders its header and lines name (and their tasks, sites, and
 *   whether the POs they name exist); tolerances.
 * - W (work order + tasks): the work order, its tasks and change orders; the lines naming its
 *   number and their invoices (for freight, the invoice's PO or customer); whether its customer
 *   has the PO it names; tolerances; today.
 * - P (PO + lines): the PO and its lines; the invoices of its customer naming its number, and
 *   their lines; the jobs naming it, their tasks, and the lines billing those tasks; tolerances.
 * Duplicate keys are covered too: waking a name wakes every record holding it, so when the winner
 * of a shared key goes, the runner-up re-runs.
 */
export class Anchors {
	readonly scopes = new Set<ScopeId>();
	/** Job numbers: the work orders holding them and the invoices naming them. */
	readonly woNumbers = new Set<string>();
	/** [customer id, PO number]: the POs holding them, their invoices, and jobs naming them. */
	readonly poKeys: [string, string][] = [];
	readonly customers = new Set<string>();
	readonly sites = new Set<string>();

	note<K extends RecordTable>(idx: Index, table: K, rec: RecordOf[K]): void {
		NOTE[table](idx, rec as never, this);
	}

	/** The scopes an invoice line feeds: its invoice, its PO's totals, its job's totals. */
	line(idx: Index, invoiceId: string, woNumber: string): void {
		this.scopes.add(scopeId('I', invoiceId));
		const inv = idx.invoices.get(invoiceId);
		if (inv) this.poAggregates(idx, inv.customerId, inv.poNumber);
		this.woAggregates(idx, woNumber);
	}

	/** P scopes of the PO(s) with this key: what a billed amount or quantity on the PO feeds. */
	poAggregates(idx: Index, customerId: string, number: string): void {
		if (number === '') return;
		for (const po of idx.posByKey.get(customerId, number)) this.scopes.add(scopeId('P', po.id));
	}

	/**
	 * W scopes of the work order(s) with this number: what a line billing the job feeds. And the
	 * P scopes of the POs those jobs name: a billed task stops drawing on its PO line (TASK_OVER_PO).
	 */
	woAggregates(idx: Index, number: string): void {
		if (number === '') return;
		for (const wo of idx.woByNumber.get(number)) {
			this.scopes.add(scopeId('W', wo.id));
			this.poAggregates(idx, wo.customerId, wo.poNumber);
		}
	}
}

const NOTE: { [K in RecordTable]: (idx: Index, rec: RecordOf[K], a: Anchors) => void } = {
	customers: (_idx, c, a) => void a.customers.add(c.id),
	sites: (_idx, s, a) => void a.sites.add(s.id),
	workOrders: (idx, w, a) => {
		a.scopes.add(scopeId('W', w.id));
		if (w.number !== '') a.woNumbers.add(w.number);
		// Its tasks draw on the PO it names (TASK_OVER_PO).
		a.poAggregates(idx, w.customerId, w.poNumber);
	},
	tasks: (idx, t, a) => {
		a.scopes.add(scopeId('W', t.workOrderId));
		const wo = idx.workOrders.get(t.workOrderId);
		if (!wo) return;
		// Lines naming the task check their quantity against it (and whether it exists).
		if (wo.number !== '') for (const l of idx.linesByWoNumber.get(wo.number)) a.scopes.add(scopeId('I', l.invoiceId));
		// An unbilled task draws on its job's PO line (TASK_OVER_PO).
		a.poAggregates(idx, wo.customerId, wo.poNumber);
	},
	changeOrders: (_idx, c, a) => void a.scopes.add(scopeId('W', c.workOrderId)),
	purchaseOrders: (_idx, p, a) => {
		a.scopes.add(scopeId('P', p.id));
		if (p.number !== '') a.poKeys.push([p.customerId, p.number]);
	},
	poLines: (idx, l, a) => {
		a.scopes.add(scopeId('P', l.poId));
		// Lines matched against the PO's lines: every invoice on that PO.
		const po = idx.purchaseOrders.get(l.poId);
		if (po && po.number !== '') for (const inv of idx.invoicesByKey.get(po.customerId, po.number)) a.scopes.add(scopeId('I', inv.id));
	},
	invoices: (idx, inv, a) => {
		a.scopes.add(scopeId('I', inv.id));
		a.poAggregates(idx, inv.customerId, inv.poNumber);
		for (const l of idx.linesByInvoice.get(inv.id)) a.woAggregates(idx, l.woNumber);
	},
	invoiceLines: (idx, l, a) => a.line(idx, l.invoiceId, l.woNumber)
};

/** The scopes to re-run for these anchors, against the index as it is after the edit. */
export function expand(idx: Index, a: Anchors): Set<ScopeId> {
	const out = new Set(a.scopes);
	const woNumbers = new Set(a.woNumbers);
	const invoiceAndJobs = (invId: string) => {
		out.add(scopeId('I', invId));
		for (const l of idx.linesByInvoice.get(invId)) if (l.woNumber !== '') for (const wo of idx.woByNumber.get(l.woNumber)) out.add(scopeId('W', wo.id));
	};

	// Customers and sites are edited rarely and touch much: a scan of the parents is fine.
	if (a.customers.size > 0) {
		for (const inv of idx.invoices.values()) if (a.customers.has(inv.customerId)) invoiceAndJobs(inv.id);
		for (const po of idx.purchaseOrders.values()) if (a.customers.has(po.customerId)) out.add(scopeId('P', po.id));
		for (const wo of idx.workOrders.values()) if (a.customers.has(wo.customerId)) out.add(scopeId('W', wo.id));
	}
	if (a.sites.size > 0) {
		for (const wo of idx.workOrders.values()) if (wo.siteId !== null && a.sites.has(wo.siteId) && wo.number !== '') woNumbers.add(wo.number);
	}
	for (const [customerId, number] of a.poKeys) {
		for (const po of idx.posByKey.get(customerId, number)) out.add(scopeId('P', po.id));
		// Invoices on the PO (and, for freight under their NTE, the jobs they bill).
		for (const inv of idx.invoicesByKey.get(customerId, number)) invoiceAndJobs(inv.id);
		// Jobs naming the PO (PO_UNKNOWN asks whether it exists), and the invoices billing them (PO_MISSING does too).
		for (const wo of idx.wosByPoKey.get(customerId, number)) {
			out.add(scopeId('W', wo.id));
			if (wo.number !== '') invoicesBilling(idx, wo.number, out);
		}
	}
	for (const n of woNumbers) {
		for (const wo of idx.woByNumber.get(n)) {
			out.add(scopeId('W', wo.id));
			// Which job holds a shared number decides whose tasks draw on its PO.
			if (wo.poNumber !== '') for (const po of idx.posByKey.get(wo.customerId, wo.poNumber)) out.add(scopeId('P', po.id));
		}
		invoicesBilling(idx, n, out);
	}
	return out;
}

/** Invoice scopes of the invoices naming this job number in their header or on a line. */
function invoicesBilling(idx: Index, number: string, out: Set<ScopeId>): void {
	for (const inv of idx.invoicesByHeaderWo.get(number)) out.add(scopeId('I', inv.id));
	for (const l of idx.linesByWoNumber.get(number)) out.add(scopeId('I', l.invoiceId));
}
