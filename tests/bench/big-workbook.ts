/**
 * The workbook at the size the product promises, the same every run: 100,000 tasks, 100,000 PO
 * lines and 100,000 invoice lines (50 customers, 1,000 POs, 10,000 work orders, 5,000 invoices),
 * with a few % deliberate problems. Used by the reconcile and memory benchmarks.
 */
import { defaultSettings, type ChangeOrder, type Customer, type Invoice, type InvoiceLine, type PoLine, type PurchaseOrder, type Site, type Task, type WorkOrder } from '../../src/lib/domain/records';
import { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder } from '../../src/lib/domain/factories';
import { lineAmount } from '../../src/lib/domain/quantity';
import type { Workbook } from '../../src/lib/reconcile/types';

const TODAY = '2027-03-15';

/** mulberry32: a seeded generator, so every run reconciles the same workbook. */
export function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function bigWorkbook(seed = 1): Workbook {
	const r = rng(seed);
	const chance = (p: number) => r() < p;
	const customers: Customer[] = [];
	const sites: Site[] = [];
	const purchaseOrders: PurchaseOrder[] = [];
	const poLines: PoLine[] = [];
	const workOrders: WorkOrder[] = [];
	const tasks: Task[] = [];
	const changeOrders: ChangeOrder[] = [];
	const invoices: Invoice[] = [];
	const invoiceLines: InvoiceLine[] = [];

	for (let c = 0; c < 50; c++) {
		customers.push(newCustomer(`c${c}`, { name: `Customer ${c}`, requiresPo: c % 3 !== 0, taxAllowed: c % 2 === 0, freightAllowed: c % 4 !== 0, tolerances: c % 5 === 0 ? { qtyBp: 500, priceBp: 100, absCents: 2500 } : null }));
		for (let s = 0; s < 4; s++) sites.push(newSite(`s${c}-${s}`, `c${c}`, { name: `Site ${c}-${s}`, costCenter: `CC-${c}-${s}` }));
	}
	// 1,000 POs of 100 lines; PO p belongs to customer p % 50, and numbers repeat across buyers.
	for (let p = 0; p < 1000; p++) {
		const cust = `c${p % 50}`;
		purchaseOrders.push(newPurchaseOrder(`po${p}`, cust, String(1000 + Math.floor(p / 50)), '2027-01-02', { terms: 'Net 30', taxAllowed: p % 3 === 0, freightAllowed: p % 2 === 0, blanketLimitCents: p % 10 === 0 ? 5_000_000 : null }));
		for (let l = 1; l <= 100; l++) {
			const qtyMilli = (2 + (l % 7)) * 1000;
			const unitPriceCents = 5000 + (l % 13) * 250;
			poLines.push(newPoLine(`pl${p}-${l}`, `po${p}`, l, { buyerItemCode: `ITEM-${l}`, qtyMilli, unitPriceCents, extendedCents: lineAmount(qtyMilli, unitPriceCents), costCenter: `CC-${p % 50}-${Math.floor((l - 1) / 10) % 4}`, unit: 'h' }));
		}
	}
	// 10,000 work orders of 10 tasks; WO w bills against PO floor(w/10), task k against PO line (w%10)*10+k+1.
	for (let w = 0; w < 10000; w++) {
		const p = Math.floor(w / 10);
		const po = purchaseOrders[p]!;
		const open = chance(0.03);
		const status = open ? (chance(0.5) ? 'open' : 'in_progress') : chance(0.5) ? 'complete' : 'invoiced';
		const type = chance(0.01) ? 'warranty' : chance(0.01) ? 'internal' : 'corrective';
		workOrders.push(
			newWorkOrder(`wo${w}`, `WO-${20000 + w}`, po.customerId, '2027-02-01', {
				siteId: `s${p % 50}-${chance(0.01) ? 3 - ((w % 10) % 4) : (w % 10) % 4}`,
				status,
				type,
				poNumber: chance(0.01) ? '' : po.number,
				nteCents: w % 7 === 0 ? (chance(0.1) ? 100000 : 2_000_000) : null,
				openedOn: open && chance(0.5) ? '2026-12-01' : '2027-02-01',
				signedOffBy: open ? '' : 'Site lead',
				signedOffOn: open ? null : '2027-02-20'
			})
		);
		if (w % 50 === 0) changeOrders.push(newChangeOrder(`co${w}`, `wo${w}`, 'CO-1', { amountCents: 50000, status: chance(0.5) ? 'approved' : 'pending' }));
		for (let k = 0; k < 10; k++) {
			const lineNo = (w % 10) * 10 + k + 1;
			const pl = poLines[p * 100 + lineNo - 1]!;
			tasks.push(newTask(`t${w}-${k}`, `wo${w}`, `T${k + 1}`, { kind: 'labor', qtyMilli: pl.qtyMilli, unit: 'h', rateCents: pl.unitPriceCents, buyerItemCode: pl.buyerItemCode, poLineNo: lineNo, done: true, extra: w % 50 === 0 && k === 9, changeOrderNumber: w % 50 === 0 && k === 9 ? 'CO-1' : '' }));
		}
	}
	// 5,000 invoices of 20 lines: invoice i bills work orders 2i and 2i+1, which share a PO.
	for (let i = 0; i < 5000; i++) {
		const wa = workOrders[2 * i]!;
		const wb = workOrders[2 * i + 1]!;
		const po = purchaseOrders[Math.floor((2 * i) / 10)]!;
		invoices.push(newInvoice(`inv${i}`, `INV-${100000 + i}`, po.customerId, '2027-03-01', chance(0.02) ? '2/10 Net 30' : 'Net 30', { poNumber: chance(0.01) ? '' : po.number, workOrderNumbers: [wa.number, wb.number], status: chance(0.02) ? 'void' : chance(0.5) ? 'sent' : 'draft' }));
		let n = 0;
		for (const w of [wa, wb]) {
			for (let k = 0; k < 10; k++) {
				const t = tasks[Number(w.id.slice(2)) * 10 + k]!;
				const unbacked = chance(0.01);
				invoiceLines.push(
					newInvoiceLine(`il${i}-${++n}`, `inv${i}`, n, {
						kind: 'labor',
						qtyMilli: t.qtyMilli + (chance(0.01) ? 1000 : 0),
						unit: 'h',
						rateCents: t.rateCents + (chance(0.02) ? 500 : 0),
						woNumber: w.number,
						taskCode: unbacked ? 'T99' : t.code,
						poLineNo: chance(0.005) ? 999 : t.poLineNo,
						buyerItemCode: t.buyerItemCode
					})
				);
			}
		}
	}
	return { customers, sites, workOrders, tasks, changeOrders, purchaseOrders, poLines, invoices, invoiceLines, settings: defaultSettings(), today: TODAY };
}
