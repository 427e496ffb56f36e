import type { Locator, Page } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, openJob, stableRow, test } from './fixtures';

/**
 * The home page's money figures, read off the page, against sums worked out here from the records
 * as stored in IndexedDB (never from the app's own totals). The sample is dated around the day it
 * is loaded, and has nothing overdue, no discount ending this week and no draft ready to send, so
 * the test bills two jobs, sends one bill, completes a job and then moves the clock 8 days on.
 */

const LOADED = new Date('2027-03-01T09:00:00');
const VIEWED = new Date('2027-03-09T09:00:00');
const TODAY = '2027-03-09';

type Rec = Record<string, unknown>;
interface Stored {
	customers: Rec[];
	invoices: Rec[];
	invoiceLines: Rec[];
	workOrders: Rec[];
	tasks: Rec[];
}

function readStored(page: Page): Promise<Stored> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const all = (store: string) =>
			new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const r = db.transaction(store).objectStore(store).getAll();
				r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
				r.onerror = () => reject(r.error);
			});
		const [customers, invoices, invoiceLines, workOrders, tasks] = await Promise.all(['customers', 'invoices', 'invoiceLines', 'workOrders', 'tasks'].map(all));
		db.close();
		return { customers: customers!, invoices: invoices!, invoiceLines: invoiceLines!, workOrders: workOrders!, tasks: tasks! };
	});
}

// Arithmetic of docs/domain.md, written out again here.
const DAY = 86_400_000;
const dayNo = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY;
const halfUp = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
const lineCents = (qtyMilli: number, rateCents: number) => halfUp((qtyMilli * rateCents) / 1000);
const parseCents = (text: string) => {
	const m = /^(-?)\$([\d,]+)\.(\d\d)$/.exec(text.trim());
	if (!m) throw new Error(`not money: "${text}"`);
	return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
};

function expected(s: Stored) {
	const name = (id: unknown) => s.customers.find((c) => c.id === id)!.name as string;
	const linesOf = (id: unknown) => s.invoiceLines.filter((l) => l.invoiceId === id);
	const total = (inv: Rec) => linesOf(inv.id).reduce((sum, l) => sum + lineCents(l.qtyMilli as number, l.rateCents as number), 0);
	const work = (inv: Rec) => linesOf(inv.id).filter((l) => !['tax', 'freight'].includes(l.kind as string)).reduce((sum, l) => sum + lineCents(l.qtyMilli as number, l.rateCents as number), 0);
	const terms = (t: string) => {
		const m = /^(?:(\d+(?:\.\d+)?)\/(\d+) )?Net (\d+)$/.exec(t)!;
		return { pct: m[1] ? Number(m[1]) : 0, discountDays: Number(m[2] ?? 0), netDays: Number(m[3]) };
	};
	const today = dayNo(TODAY);
	const sent = s.invoices.filter((i) => i.status === 'sent');

	const owed = new Map<string, number[]>();
	for (const inv of sent) {
		const age = today - dayNo(inv.invoiceDate as string);
		const b = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
		const row = owed.get(name(inv.customerId)) ?? [0, 0, 0, 0];
		row[b]! += total(inv);
		owed.set(name(inv.customerId), row);
	}
	const overdue = sent
		.map((inv) => ({ number: inv.number as string, late: today - dayNo(inv.invoiceDate as string) - terms(inv.terms as string).netDays, amount: total(inv) }))
		.filter((o) => o.late > 0);
	const discounts = sent
		.map((inv) => {
			const t = terms(inv.terms as string);
			const left = dayNo(inv.invoiceDate as string) + t.discountDays - today;
			return { number: inv.number as string, left, pct: t.pct, save: halfUp((work(inv) * t.pct) / 100) };
		})
		.filter((d) => d.pct > 0 && d.left >= 0 && d.left <= 7);
	const billed = new Set(
		s.invoiceLines
			.filter((l) => ['labor', 'material', 'subcontract', 'fee'].includes(l.kind as string) && s.invoices.find((i) => i.id === l.invoiceId)!.status !== 'void')
			.map((l) => `${l.woNumber}|${l.taskCode}`)
	);
	const unbilled = new Map<string, number>();
	for (const wo of s.workOrders) {
		if (!['complete', 'invoiced', 'closed'].includes(wo.status as string) || ['internal', 'warranty'].includes(wo.type as string)) continue;
		for (const t of s.tasks.filter((t) => t.workOrderId === wo.id && t.done && !billed.has(`${wo.number}|${t.code}`))) {
			const cents = lineCents(t.qtyMilli as number, t.rateCents as number);
			if (cents !== 0) unbilled.set(wo.number as string, (unbilled.get(wo.number as string) ?? 0) + cents);
		}
	}
	const drafts = new Map(s.invoices.filter((i) => i.status === 'draft').map((i) => [i.number as string, total(i)]));
	return { owed, overdue, discounts, unbilled, drafts };
}

/** Each listed record of a home page section: its link text and the money in its row. */
async function listed(section: Locator): Promise<Map<string, number>> {
	const rows = await section.locator('tr[data-record]').all();
	const out = new Map<string, number>();
	for (const row of rows) out.set((await row.getAttribute('data-record'))!, parseCents(await row.locator('td').last().innerText()));
	return out;
}

/** The actions of the sample's job `number`, opened on Work orders. */
async function jobActions(page: Page, number: string): Promise<Locator> {
	await openJob(page, number);
	return page.getByRole('group', { name: `Actions for ${number}` });
}

test('the home page shows money owed, overdue, discounts ending, unbilled work and bills ready, equal to the records', async ({ page }) => {
	// Two invoices made, one sent and a job completed before the page is read: on two shared cores this nears the default limit.
	test.slow();
	await page.clock.setFixedTime(LOADED);
	await loadSample(page);

	// Bill the quarterly PM (2/10 Net 30) and send it: its discount ends 10 days on.
	await (await jobActions(page, 'WO-18473')).getByRole('button', { name: 'Create invoice' }).click();
	await expect(page).toHaveURL(/\/invoices\?id=/);
	await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1045');
	await page.getByRole('button', { name: 'Mark sent' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Leave open' }).click();
	await expect(cellOf(await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1045'), 'status')).toHaveText('sent');
	// Bill the water heater job and leave it a draft.
	await (await jobActions(page, 'WO-18481')).getByRole('button', { name: 'Create invoice' }).click();
	await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1046');
	// Complete the walk-in cooler job: its done task is now work not yet billed.
	await (await jobActions(page, 'WO-18483')).getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = page.getByRole('form', { name: 'Sign off WO-18483' });
	await form.getByLabel('Signed off by').fill('P. Nguyen, Store Manager');
	await form.getByRole('button', { name: 'Complete' }).click();
	await expect(page.getByRole('region', { name: 'Work order WO-18483' }).getByTestId('wo-status')).toHaveText('complete');

	// Which drafts AP would take is the Invoices grid's AP-ready column (reconciliation is not redone here).
	await page.clock.setFixedTime(VIEWED);
	const invoices = await openGrid(page, '/invoices', 'Invoices', 6);
	const apReady = new Set<string>();
	for (const n of ['INV-1043', 'INV-1044', 'INV-1046']) if ((await cellOf(await stableRow(invoices, 'number', n), 'apReady').innerText()).includes('AP-ready')) apReady.add(n);

	await page.goto('/');
	const money = page.getByRole('region', { name: /Money at a glance/ });
	await expect(money).toContainText('as of Mar 9, 2027');
	const want = expected(await readStored(page));

	// Owed by customer: every bucket of every customer, and the total row.
	const owed = money.getByTestId('owed');
	await expect(owed).toContainText('aged by days since the invoice date');
	const rows = owed.locator('tbody tr');
	await expect(rows).toHaveCount(want.owed.size);
	const columns = ['0–30', '31–60', '61–90', '90+'];
	const sums = [0, 0, 0, 0];
	for (const [customer, buckets] of want.owed) {
		const row = owed.locator(`tbody tr[data-customer="${customer}"]`);
		for (const [i, label] of columns.entries()) {
			expect(parseCents(await row.locator(`td[data-bucket="${label}"]`).innerText()), `${customer} ${label}`).toBe(buckets[i]);
			sums[i]! += buckets[i]!;
		}
		expect(parseCents(await row.locator('td[data-bucket="Total"]').innerText())).toBe(buckets.reduce((a, b) => a + b, 0));
	}
	const foot = owed.locator('tfoot tr');
	for (const [i, label] of columns.entries()) expect(parseCents(await foot.locator(`td[data-bucket="${label}"]`).innerText()), `total ${label}`).toBe(sums[i]);
	expect(parseCents(await foot.locator('td[data-bucket="Total"]').innerText())).toBe(sums.reduce((a, b) => a + b, 0));
	// Both ages are in use: INV-1041 is 33 days old, INV-1045 8.
	expect(sums[0]).toBeGreaterThan(0);
	expect(sums[1]).toBeGreaterThan(0);

	const overdue = money.getByTestId('overdue');
	expect(want.overdue.length).toBeGreaterThan(0);
	expect(await listed(overdue)).toEqual(new Map(want.overdue.map((o) => [o.number, o.amount])));
	for (const o of want.overdue) await expect(overdue.locator(`tr[data-record="${o.number}"]`)).toContainText(`${o.late} day${o.late === 1 ? '' : 's'}`);

	const discounts = money.getByTestId('discounts');
	expect(want.discounts.length).toBeGreaterThan(0);
	expect(await listed(discounts)).toEqual(new Map(want.discounts.map((d) => [d.number, d.save])));
	for (const d of want.discounts) await expect(discounts.locator(`tr[data-record="${d.number}"]`)).toContainText(`in ${d.left} days`);

	expect(want.unbilled.size).toBeGreaterThan(0);
	expect(await listed(money.getByTestId('unbilled'))).toEqual(want.unbilled);

	expect(apReady.size).toBeGreaterThan(0);
	expect(await listed(money.getByTestId('ready'))).toEqual(new Map([...apReady].map((n) => [n, want.drafts.get(n)])));

	// A link goes to its record: the overdue invoice opens selected on Invoices, the job on Work orders.
	const late = want.overdue[0]!.number;
	await overdue.getByRole('link', { name: late }).click();
	await expect(page).toHaveURL(/\/invoices\?id=/);
	await expect(page.getByRole('region', { name: `Invoice ${late}` })).toBeVisible();
	await page.goBack();
	const job = [...want.unbilled.keys()][0]!;
	await money.getByTestId('unbilled').getByRole('link', { name: job }).click();
	await expect(page).toHaveURL(/\/work-orders\?id=/);
	await expect(page.getByRole('region', { name: `Work order ${job}` })).toBeVisible();
});

test('a workbook with records but nothing owed says so, and an empty one keeps its first steps', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await expect(page.getByRole('region', { name: /Money at a glance/ })).toHaveCount(0);

	await loadSample(page);
	// Paying the one sent invoice leaves nothing owed.
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	await page.getByRole('button', { name: 'Mark paid' }).click();
	await expect(cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'status')).toHaveText('paid');
	await page.goto('/');
	const owed = page.getByTestId('owed');
	await expect(owed).toContainText('Nothing is owed.');
	await expect(owed.getByRole('link', { name: 'Invoices' })).toBeVisible();
	await expect(page.getByTestId('overdue')).toContainText('No sent invoice is past its due date.');
});

test('at 390 px wide the home page does not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await loadSample(page);
	await expect(page.getByTestId('owed').locator('tbody tr')).toHaveCount(1);
	const main = page.locator('main');
	expect(await main.evaluate((m) => m.scrollWidth - m.clientWidth)).toBe(0);
	const section = page.getByRole('region', { name: /Money at a glance/ });
	const box = (await section.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(390);
});
