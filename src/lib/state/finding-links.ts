import type { Finding, Target } from '$lib/reconcile';
import type { Workbook } from './workbook.svelte';

/** The order in which a finding's targets are preferred as "where to fix it": the billed line first. */
const PREFERENCE = ['invoiceLines', 'invoices', 'tasks', 'changeOrders', 'workOrders', 'poLines', 'purchaseOrders', 'sites', 'customers'];

export function primaryTarget(f: Finding): Target | undefined {
	return [...f.targets].sort((a, b) => PREFERENCE.indexOf(a.table) - PREFERENCE.indexOf(b.table))[0];
}

export type RecordPage = '/invoices' | '/work-orders' | '/purchase-orders' | '/customers';

/** The page that opens the record, and a query that selects it and puts the focus on the cell: `?id=<parent>&focus=<row>:<field>`. */
export function linkTo(wb: Workbook, t: Target): { page: RecordPage; query: string } {
	const q = (page: RecordPage, parent: string, row?: string) => ({
		page,
		query: `?id=${encodeURIComponent(parent)}&focus=${encodeURIComponent(`${row ?? parent}:${t.field}`)}`
	});
	const tb = wb.tables;
	switch (t.table) {
		case 'invoiceLines':
			return q('/invoices', tb.invoiceLines.get(t.id)?.invoiceId ?? '', t.id);
		case 'invoices':
			return q('/invoices', t.id, t.id);
		case 'tasks':
			return q('/work-orders', tb.tasks.get(t.id)?.workOrderId ?? '', t.id);
		case 'changeOrders':
			return q('/work-orders', tb.changeOrders.get(t.id)?.workOrderId ?? '', t.id);
		case 'workOrders':
			return q('/work-orders', t.id, t.id);
		case 'poLines':
			return q('/purchase-orders', tb.poLines.get(t.id)?.poId ?? '', t.id);
		case 'purchaseOrders':
			return q('/purchase-orders', t.id, t.id);
		case 'sites':
			return q('/customers', tb.sites.get(t.id)?.customerId ?? '', t.id);
		case 'customers':
			return q('/customers', t.id, t.id);
	}
}

/** Reads `?id=…&focus=row:field` back. */
export function parseLink(params: URLSearchParams): { id: string | null; focus: { id: string; field: string } | null } {
	const focus = params.get('focus');
	const [row, field] = focus ? focus.split(':') : [];
	return { id: params.get('id'), focus: row && field ? { id: row, field } : null };
}
