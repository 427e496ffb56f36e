import { newCustomer, newInvoiceLine, newPoLine, newSite, newTask, nextCode, nextLineNo } from '$lib/domain/factories';
import type { Customer, InvoiceLine, PoLine, Site, Task } from '$lib/domain/records';
import { app, newId } from './app.svelte';
import { linesOf } from './lookups';

/**
 * `n` new records, unsaved, for a paste that runs past a grid's last row: each as the grid's Add
 * button makes it (actions.ts), numbered on from the ones there and from each other.
 */
function codes(used: Iterable<string>, fallback: string, n: number): string[] {
	const taken = new Set(used);
	const first = nextCode(taken, fallback);
	// Counted on from the first, not by nextCode each time: that scans every code, and 10,000 rows would scan 10,000².
	const m = /^(.*?)(\d+)$/.exec(first);
	if (!m) return n ? [first] : [];
	const [, prefix, digits] = m as unknown as [string, string, string];
	const out: string[] = [];
	for (let k = Number(digits); out.length < n; k++) {
		const code = `${prefix}${String(k).padStart(digits.length, '0')}`;
		if (!taken.has(code)) out.push(code);
	}
	return out;
}

function lineNos(used: Iterable<number>, n: number): number[] {
	const first = nextLineNo(used);
	return Array.from({ length: n }, (_, i) => first + i);
}

export const newCustomerRows = (n: number): Customer[] =>
	codes(app.wb.tables.customers.rows().map((c) => c.name), 'New customer 1', n).map((name) => newCustomer(newId(), { name, defaultTerms: app.wb.settings.defaultTerms }));

export const newSiteRows = (customerId: string, n: number): Site[] =>
	codes(app.wb.tables.sites.rows().map((s) => s.name), 'New site 1', n).map((name) => newSite(newId(), customerId, { name }));

export const newTaskRows = (workOrderId: string, n: number): Task[] =>
	codes(linesOf(app.wb).tasks(workOrderId).map((t) => t.code), 'T1', n).map((code) => newTask(newId(), workOrderId, code));

export const newPoLineRows = (poId: string, n: number): PoLine[] => lineNos(linesOf(app.wb).poLines(poId).map((l) => l.lineNo), n).map((no) => newPoLine(newId(), poId, no));

export const newInvoiceLineRows = (invoiceId: string, n: number): InvoiceLine[] =>
	lineNos(linesOf(app.wb).invoiceLines(invoiceId).map((l) => l.lineNo), n).map((no) => newInvoiceLine(newId(), invoiceId, no));
