/**
 * Small hand-made workbooks for the rule tests. `cleanWorkbook()` reconciles with no findings;
 * a test breaks exactly one thing in it and checks the one finding that appears.
 */
import type { LocalDate } from '../domain/dates';
import { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder } from '../domain/factories';
import { defaultSettings, type Settings } from '../domain/records';
import { reconcileAll } from './reconcile-all';
import type { Finding, FindingCode, RecordOf, RecordTable, Workbook } from './types';

export interface MutableWorkbook extends Workbook {
	customers: RecordOf['customers'][];
	sites: RecordOf['sites'][];
	workOrders: RecordOf['workOrders'][];
	tasks: RecordOf['tasks'][];
	changeOrders: RecordOf['changeOrders'][];
	purchaseOrders: RecordOf['purchaseOrders'][];
	poLines: RecordOf['poLines'][];
	invoices: RecordOf['invoices'][];
	invoiceLines: RecordOf['invoiceLines'][];
	settings: Settings;
	today: LocalDate;
}

export const TODAY = '2027-03-15';

export function emptyWorkbook(today: LocalDate = TODAY): MutableWorkbook {
	return { customers: [], sites: [], workOrders: [], tasks: [], changeOrders: [], purchaseOrders: [], poLines: [], invoices: [], invoiceLines: [], settings: defaultSettings(), today };
}

/** The record with this id (throws if absent), to edit in place. */
export function rec<K extends RecordTable>(wb: MutableWorkbook, table: K, id: string): RecordOf[K] {
	const found = (wb[table] as RecordOf[K][]).find((r) => r.id === id);
	if (!found) throw new Error(`${table} ${id} not in the workbook`);
	return found;
}

/**
 * Customer `cust` (requires a PO, tax and freight allowed) with site `site` (CC-100);
 * PO `po` 884120 (Net 30, tax and freight allowed): line 1 LAB 10 h × $100.00, line 2 MAT 5 ea × $20.00;
 * work order `wo` WO-1 (complete, signed off, on PO 884120, at `site`): T1 labor 10 h × $100.00 (PO line 1),
 * T2 material 5 ea × $20.00 (PO line 2); invoice `inv` INV-1 (draft, Net 30, PO 884120, WO-1):
 * line `l1` bills WO-1 T1 10 h × $100.00 on PO line 1, line `l2` WO-1 T2 5 ea × $20.00 on PO line 2.
 */
export function cleanWorkbook(today: LocalDate = TODAY): MutableWorkbook {
	const wb = emptyWorkbook(today);
	wb.customers.push(newCustomer('cust', { name: 'Mercy General', requiresPo: true, taxAllowed: true, freightAllowed: true }));
	wb.sites.push(newSite('site', 'cust', { name: 'Plant', costCenter: 'CC-100' }));
	wb.purchaseOrders.push(newPurchaseOrder('po', 'cust', '884120', '2027-02-01', { terms: 'Net 30', taxAllowed: true, freightAllowed: true }));
	wb.poLines.push(
		newPoLine('pl1', 'po', 1, { buyerItemCode: 'LAB', qtyMilli: 10000, unit: 'h', unitPriceCents: 10000, extendedCents: 100000, costCenter: 'CC-100' }),
		newPoLine('pl2', 'po', 2, { buyerItemCode: 'MAT', qtyMilli: 5000, unit: 'ea', unitPriceCents: 2000, extendedCents: 10000, costCenter: 'CC-100' })
	);
	wb.workOrders.push(
		newWorkOrder('wo', 'WO-1', 'cust', '2027-03-01', { status: 'complete', siteId: 'site', poNumber: '884120', signedOffBy: 'M. Greene', signedOffOn: '2027-03-05' })
	);
	wb.tasks.push(
		newTask('t1', 'wo', 'T1', { kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, buyerItemCode: 'LAB', poLineNo: 1, done: true }),
		newTask('t2', 'wo', 'T2', { kind: 'material', qtyMilli: 5000, unit: 'ea', rateCents: 2000, buyerItemCode: 'MAT', poLineNo: 2, done: true })
	);
	wb.invoices.push(newInvoice('inv', 'INV-1', 'cust', '2027-03-10', 'Net 30', { poNumber: '884120', workOrderNumbers: ['WO-1'] }));
	wb.invoiceLines.push(
		newInvoiceLine('l1', 'inv', 1, { description: 'Labor', kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'LAB' }),
		newInvoiceLine('l2', 'inv', 2, { description: 'Material', kind: 'material', qtyMilli: 5000, unit: 'ea', rateCents: 2000, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 2, buyerItemCode: 'MAT' })
	);
	return wb;
}

/** A second invoice INV-2 (draft, same customer and PO) with the given lines. */
export function addInvoice(wb: MutableWorkbook, id: string, number: string, lines: Partial<RecordOf['invoiceLines']>[], x: Partial<RecordOf['invoices']> = {}): void {
	wb.invoices.push(newInvoice(id, number, 'cust', '2027-03-12', 'Net 30', { poNumber: '884120', workOrderNumbers: ['WO-1'], ...x }));
	lines.forEach((l, i) => wb.invoiceLines.push(newInvoiceLine(`${id}-l${i + 1}`, id, i + 1, l)));
}

export { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder };

/** The findings of the workbook, optionally of one code. */
export function findingsOf(wb: Workbook, code?: FindingCode): Finding[] {
	const all = reconcileAll(wb);
	return code ? all.filter((f) => f.code === code) : all;
}

/** Targets as `table:id.field` strings, for compact assertions. */
export const cells = (f: Finding): string[] => f.targets.map((t) => `${t.table}:${t.id}.${t.field}`);
