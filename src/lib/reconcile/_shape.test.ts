import { it } from 'vitest';
import { emptyWorkbook } from './test-kit';
import { Reconciler } from './reconciler';

it('shape', () => {
	const wb = emptyWorkbook();
	wb.customers.push({ id: 'c', name: 'B', billingAddress: '', apContact: '', apEmail: '', requiresPo: true, defaultTerms: 'Net 30', taxAllowed: false, freightAllowed: false, tolerances: null } as never);
	for (let p = 0; p < 100; p++) {
		const number = String(7000 + p);
		wb.purchaseOrders.push({ id: `po-${p}`, customerId: 'c', number, buyer: '', issueDate: '2026-11-01', revision: 0, terms: 'Net 30', taxAllowed: false, freightAllowed: false, blanketLimitCents: null } as never);
		wb.workOrders.push({ id: `wo-${p}`, number: `WO-B${p}`, versionDate: '2026-11-01', customerId: 'c', siteId: null, description: '', type: 'corrective', priority: 'normal', status: 'complete', openedOn: '2026-11-01', scheduledStart: null, scheduledEnd: null, assignedTo: '', asset: '', accessNotes: '', safetyNotes: '', billingType: 'time_and_materials', nteCents: null, poNumber: number, quoteRef: '', signedOffBy: 'B', signedOffOn: '2026-11-02', completionNotes: '', warrantyOf: '' } as never);
		for (let l = 1; l <= 10; l++) {
			wb.poLines.push({ id: `pl-${p}-${l}`, poId: `po-${p}`, lineNo: l, buyerItemCode: `I${l}`, description: '', qtyMilli: 200_000, unit: 'ea', unitPriceCents: 1000, extendedCents: 200_000, costCenter: '', needBy: null } as never);
			wb.tasks.push({ id: `t-${p}-${l}`, workOrderId: `wo-${p}`, code: `T${l}`, description: '', kind: 'material', qtyMilli: 200_000, unit: 'ea', rateCents: 1000, buyerItemCode: `I${l}`, poLineNo: l, done: true, extra: false, changeOrderNumber: '' } as never);
		}
	}
	for (let j = 0; j < 1000; j++) {
		const p = j % 100;
		wb.invoices.push({ id: `inv-${j}`, number: `B-${String(j).padStart(4, '0')}`, customerId: 'c', invoiceDate: '2026-11-10', terms: 'Net 30', poNumber: String(7000 + p), workOrderNumbers: [`WO-B${p}`], status: 'draft', notes: '' } as never);
		for (let k = 0; k < 100; k++) {
			const l = (k % 10) + 1;
			wb.invoiceLines.push({ id: `il-${j}-${k}`, invoiceId: `inv-${j}`, lineNo: k + 1, description: '', kind: 'material', qtyMilli: 1000 + j, unit: 'ea', rateCents: 1000, woNumber: `WO-B${p}`, taskCode: `T${l}`, poLineNo: l, buyerItemCode: `I${l}` } as never);
		}
	}
	const idx = Index.from(wb as never, true);
	for (const sc of ['Iinv-0', 'Ppo-0', 'Wwo-0']) {
		const ts: number[] = [];
		for (let i = 0; i < 300; i++) { const t0 = performance.now(); evaluateScope(idx, sc, []); ts.push(performance.now() - t0); }
		const l = ts.slice(100).sort((a, b) => a - b);
		console.log(sc, 'median', l[l.length >> 1]!.toFixed(3));
	}
	const r = new Reconciler(wb);
	const line = wb.invoiceLines[0]!;
	const times: number[] = [];
	for (let i = 0; i < 400; i++) {
		const t0 = performance.now();
		r.apply({ table: 'invoiceLines', upserts: [{ ...line, qtyMilli: i % 2 ? 1000 : 150_000 }], removes: [] } as never);
		times.push(performance.now() - t0);
	}
	const late = times.slice(100).sort((a, b) => a - b);
	console.log('first 5', times.slice(0, 5).map((t) => t.toFixed(2)).join(' '), '| median', late[late.length >> 1]!.toFixed(3), 'p95', late[Math.floor(late.length * 0.95)]!.toFixed(3));
});
import { Index } from './keys/indexes';
import { evaluateScope } from './scopes';
it('scopes', () => {
	// reuse the shape by running the first test's builder again is awkward; rebuild quickly
});
