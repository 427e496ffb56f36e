import { afterEach, describe, expect, it } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { updateRecord } from '$lib/db/repository';
import { reconcileAll } from '$lib/reconcile';
import { LiveFindings } from './findings.svelte';
import { Workbook } from './workbook.svelte';
import { openLiveSample, type LiveSample } from '$lib/testing/live-sample';

const TODAY = '2027-01-15';
let db: TieoutDB;
let wb: Workbook;
let live: LiveFindings;
let opened: LiveSample | null = null;
afterEach(async () => {
	await opened?.close();
	opened = null;
});

async function open() {
	opened = await openLiveSample('findings', TODAY);
	({ db, wb, live } = opened);
	return opened.sample;
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
