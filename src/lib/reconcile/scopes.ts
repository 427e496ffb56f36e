import type { Index } from './keys/indexes';
import { evaluateInvoice } from './rules/invoice-rules';
import { evaluatePo } from './rules/po-rules';
import { evaluateWorkOrder } from './rules/work-order-rules';
import type { Finding } from './types';

/**
 * A scope is the unit of re-evaluation: one parent record with its children, and the rules
 * anchored on them.
 * - `I` an invoice and its lines (header rules, and each line against its task and PO line);
 * - `W` a work order and its tasks (NTE, staleness; each task's billing across invoices);
 * - `P` a purchase order and its lines (quantities and totals billed across invoices).
 * Every finding comes from exactly one scope (its key names that scope's records), so a
 * workbook's findings are the union of its scopes' findings, and an edit re-runs only the scopes
 * it can affect (dependencies.ts). Scopes are coarse on purpose: an invoice has tens of lines, a
 * job tens of tasks, a PO around a hundred lines, so re-running one is cheap, and far fewer
 * scopes keep the bookkeeping small.
 */
export type ScopeKind = 'I' | 'W' | 'P';
export type ScopeId = string;

export const scopeId = (kind: ScopeKind, id: string): ScopeId => kind + id;

/** Run one scope; a scope whose record is gone yields nothing. */
export function evaluateScope(idx: Index, scope: ScopeId, out: Finding[]): void {
	const id = scope.slice(1);
	switch (scope[0] as ScopeKind) {
		case 'I': {
			const inv = idx.invoices.get(id);
			if (inv) evaluateInvoice(idx, inv, out);
			break;
		}
		case 'W': {
			const wo = idx.workOrders.get(id);
			if (wo) evaluateWorkOrder(idx, wo, out);
			break;
		}
		case 'P': {
			const po = idx.purchaseOrders.get(id);
			if (po) evaluatePo(idx, po, out);
			break;
		}
	}
}

/** Every scope of the workbook; `each` is called for the scopes that produce findings. */
export function evaluateAllScopes(idx: Index, each: (scope: ScopeId, findings: Finding[]) => void): void {
	// One buffer for all scopes: almost all of them produce nothing.
	const out: Finding[] = [];
	const flush = (scope: ScopeId) => {
		if (out.length === 0) return;
		each(scope, out.slice());
		out.length = 0;
	};
	for (const inv of idx.invoices.values()) {
		evaluateInvoice(idx, inv, out);
		flush('I' + inv.id);
	}
	for (const wo of idx.workOrders.values()) {
		evaluateWorkOrder(idx, wo, out);
		flush('W' + wo.id);
	}
	for (const po of idx.purchaseOrders.values()) {
		evaluatePo(idx, po, out);
		flush('P' + po.id);
	}
}
