/**
 * The PDF benchmark's workbook: one finished job with 10 tasks on a 10-line PO, and one invoice
 * billing them in `lines` lines. Made with the domain's factories, so the records have every field
 * the current schema has (the raw records this bench once wrote by hand lacked the invoice's
 * history, and the app never opened on them).
 */
import { newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newTask, newWorkOrder } from '../../src/lib/domain/factories';

const ON = '2026-11-01';

export function pdfWorkbook(lines: number) {
	const customer = newCustomer('c', { name: 'Bench Buyer Inc', billingStreet: '1 Bench Way', billingCity: 'Dayton', billingRegion: 'OH', billingPostalCode: '45402', apContact: 'Accounts Payable', apEmail: 'ap@bench.example', requiresPo: true, defaultTerms: '2/10 Net 30' });
	const po = newPurchaseOrder('po', 'c', '7000', ON, { terms: '2/10 Net 30' });
	const wo = newWorkOrder('wo', 'WO-B1', 'c', ON, { description: 'Bench job', status: 'complete', poNumber: '7000', billingType: 'time_and_materials', signedOffBy: 'Bench', signedOffOn: '2026-11-02', completedOn: '2026-11-02' });
	const ten = Array.from({ length: 10 }, (_, i) => i + 1);
	return {
		customers: [customer],
		purchaseOrders: [po],
		poLines: ten.map((l) => newPoLine(`pol-${l}`, 'po', l, { buyerItemCode: `I${l}`, description: `PO line ${l}`, qtyMilli: 1_000_000, unit: 'ea', unitPriceCents: 1000, extendedCents: 1_000_000 })),
		workOrders: [wo],
		tasks: ten.map((l) => newTask(`t-${l}`, 'wo', `T${l}`, { description: `Task ${l}`, kind: 'material', qtyMilli: 1_000_000, unit: 'ea', rateCents: 1000, buyerItemCode: `I${l}`, poLineNo: l, done: true })),
		invoices: [newInvoice('inv', 'B-0001', 'c', '2026-11-10', '2/10 Net 30', { poNumber: '7000', workOrderNumbers: ['WO-B1'] })],
		invoiceLines: Array.from({ length: lines }, (_, k) =>
			newInvoiceLine(`il-${k}`, 'inv', k + 1, { description: `Material delivered, batch ${k + 1}: filters, belts and fittings for the air handlers`, kind: 'material', qtyMilli: 1000, unit: 'ea', rateCents: 1000, woNumber: 'WO-B1', taskCode: `T${(k % 10) + 1}`, poLineNo: (k % 10) + 1, buyerItemCode: `I${(k % 10) + 1}` })
		)
	};
}
