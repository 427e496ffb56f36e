import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import { lineAmount } from '$lib/domain/quantity';
import { poLineBilledColumns, purchaseOrderColumns, workOrderColumns } from '$lib/grid/record-columns';
import { TieoutDB } from '$lib/db/database';
import { LineCache } from '$lib/db/line-cache';
import { saveBatch, updateRecord } from '$lib/db/repository';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { reconcileAll } from '$lib/reconcile';
import { LiveFindings } from './findings.svelte';
import { Workbook } from './workbook.svelte';

const TODAY = '2027-01-15';
let db: TieoutDB;
let wb: Workbook;
let live: LiveFindings;
afterEach(async () => {
	live?.stop();
	wb?.stop();
	await db.delete();
	await new LineCache(db.name).clear();
});

async function open() {
	db = new TieoutDB('findings-' + crypto.randomUUID());
	let n = 0;
	const sample = sampleWorkbook(TODAY, () => `s-${++n}`);
	await saveBatch(db, sample);
	wb = new Workbook(db);
	await wb.start();
	live = new LiveFindings(wb, () => TODAY);
	await live.start();
	return sample;
}

const snapshot = () => {
	const t = wb.tables;
	return {
		customers: t.customers.rows(),
		sites: t.sites.rows(),
		workOrders: t.workOrders.rows(),
		tasks: t.tasks.rows(),
		changeOrders: t.changeOrders.rows(),
		purchaseOrders: t.purchaseOrders.rows(),
		poLines: t.poLines.rows(),
		invoices: t.invoices.rows(),
		invoiceLines: t.invoiceLines.rows(),
		settings: wb.settings,
		today: TODAY
	};
};

describe('live findings', () => {
	it('start out equal to a from-scratch reconciliation of what is stored', async () => {
		await open();
		expect(live.all()).toEqual(reconcileAll(snapshot()));
		expect(live.counts.error).toBeGreaterThan(0);
	});

	it('follow a stored edit, naming the record whose findings changed', async () => {
		const sample = await open();
		// A line of the draft INV-1043 (a sent invoice's lines are locked): $195.00/h against the PO's $187.50.
		const line = sample.invoiceLines.find((l) => l.description === 'Emergency labor, overtime')!;
		expect(live.forCell('invoiceLines', line.id, 'rateCents').map((f) => f.code)).toEqual(['PRICE_MISMATCH']);
		const changed = new Promise<ReadonlyMap<string, unknown> | null>((resolve) => {
			const stop = live.subscribe((records) => {
				stop();
				resolve(records);
			});
		});
		await updateRecord(db, 'invoiceLines', line.id, { rateCents: 18_750 });
		expect((await changed)?.has(line.id)).toBe(true);
		expect(live.forCell('invoiceLines', line.id, 'rateCents')).toEqual([]);
		expect(live.all()).toEqual(reconcileAll(snapshot()));
	});

	it('count a finding shared by two invoices against each (regression: duplicate billing left both "AP-ready")', async () => {
		const sample = await open();
		const inv1041 = sample.invoices.find((i) => i.number === 'INV-1041')!;
		const inv1043 = sample.invoices.find((i) => i.number === 'INV-1043')!;
		// The sample bills PO 884120 line 1 on INV-1041 and INV-1043 for more hours than it authorises.
		const overQty = live.all().find((f) => f.code === 'OVER_PO_QTY')!;
		expect(overQty.invoiceNumbers).toEqual([inv1041.number, inv1043.number]);
		expect(live.invoiceErrors(inv1041.number)).toContain(overQty);
		expect(live.invoiceErrors(inv1043.number)).toContain(overQty);
		expect(live.ofInvoice('INV-1042').map((f) => f.key)).not.toContain(overQty.key);
	});
});

/** What a computed column shows for a row. */
const cell = <T>(cols: ColDef<T>[], colId: string, data: T) => {
	const col = cols.find((c) => c.colId === colId)!;
	return (col.valueGetter as (p: ValueGetterParams<T>) => unknown)({ data } as ValueGetterParams<T>);
};

describe('billed and remaining on the record grids', () => {
	it('follow a stored edit of a line billing the PO and the job, and a voided invoice', async () => {
		const sample = await open();
		const draft = sample.invoices.find((i) => i.status === 'draft' && i.poNumber === '884120')!;
		const line = sample.invoiceLines.find((l) => l.invoiceId === draft.id && l.kind === 'labor' && l.poLineNo !== null)!;
		const po = sample.purchaseOrders.find((p) => p.number === '884120' && p.customerId === draft.customerId)!;
		const poLine = sample.poLines.find((l) => l.poId === po.id && l.lineNo === line.poLineNo)!;
		const wo = sample.workOrders.find((w) => w.number === line.woNumber)!;
		const poCols = purchaseOrderColumns(wb, live);
		const lineCols = poLineBilledColumns(wb, live);
		const woCols = workOrderColumns(wb, live);
		const before = { po: cell(poCols, 'billed', po) as number, left: cell(poCols, 'remaining', po) as number, line: cell(lineCols, 'billedQty', poLine) as number, wo: cell(woCols, 'billed', wo) as number };
		expect(before.po).toBeGreaterThan(0);
		expect(before.left).toBe(live.poBilled(po.id)!.capCents - before.po);

		const version = live.billedVersion;
		await updateRecord(db, 'invoiceLines', line.id, { qtyMilli: line.qtyMilli + 1000 });
		await vi.waitFor(() => expect(live.billedVersion).toBeGreaterThan(version));
		const added = lineAmount(line.qtyMilli + 1000, line.rateCents) - lineAmount(line.qtyMilli, line.rateCents);
		expect(cell(poCols, 'billed', po)).toBe(before.po + added);
		expect(cell(poCols, 'remaining', po)).toBe(before.left - added);
		expect(cell(lineCols, 'billedQty', poLine)).toBe(before.line + 1000);
		expect(cell(lineCols, 'remainingQty', poLine)).toBe(poLine.qtyMilli - before.line - 1000);
		expect(cell(woCols, 'billed', wo)).toBe(before.wo + added);

		await updateRecord(db, 'invoices', draft.id, { status: 'void' });
		await vi.waitFor(() => expect(cell(poCols, 'billed', po)).toBeLessThan(before.po));
		expect(cell(poCols, 'billed', po)).toBe(live.poBilled(po.id)!.billedCents);
	});

	it('leave a job with no NTE without a remaining figure', async () => {
		const sample = await open();
		const wo = sample.workOrders.find((w) => w.nteCents === null)!;
		expect(cell(workOrderColumns(wb, live), 'remaining', wo)).toBeNull();
		expect(cell(workOrderColumns(wb, live), 'billed', wo)).toEqual(expect.any(Number));
	});
});
