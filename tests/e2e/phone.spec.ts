import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { localDateOf } from '../../src/lib/domain/dates';
import { cellOf, expect, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';
import { failWrites, SPACE, stopFailing, stored, stubStorage } from './failing-storage';

const PHONE = { width: 390, height: 844 };
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

/** How far the page reaches sideways: more than the window's 390 px means the person must scroll across. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Each page with what shows once it has drawn its records, so the width is measured of the page as a person sees it. */
const PAGES: { path: string; heading: string; drawn: string }[] = [
	{ path: '/', heading: 'Workbook', drawn: 'main' },
	{ path: '/work-orders', heading: 'Work orders', drawn: '[data-job]' },
	{ path: '/purchase-orders', heading: 'Purchase orders', drawn: '.ag-row' },
	{ path: '/invoices', heading: 'Invoices', drawn: '.ag-row' },
	{ path: '/lines/tasks', heading: 'All tasks', drawn: '.ag-row' },
	{ path: '/lines/po-lines', heading: 'All PO lines', drawn: '.ag-row' },
	{ path: '/lines/invoice-lines', heading: 'All invoice lines', drawn: '.ag-row' },
	{ path: '/exceptions', heading: 'Exceptions', drawn: 'main li' },
	{ path: '/customers', heading: 'Customers', drawn: '.ag-row' },
	{ path: '/settings', heading: 'Settings', drawn: 'form' }
];

test.use({ viewport: PHONE });

// The backup reminder is a card fixed over the bottom of a phone's screen: said "Not now" to for
// today (BackupReminder.svelte), so it covers none of what these tests tap.
test.beforeEach(async ({ page }) => {
	const today = localDateOf(new Date());
	await page.addInitScript((d) => localStorage.setItem('tieout:backup-reminder-dismissed', d), today);
});

test('At 390 px wide no page scrolls sideways with the sample workbook, nor with a record selected, the menu, the import wizard or a dialog open', async ({ page }) => {
	test.slow();
	await loadSample(page);
	for (const p of PAGES) {
		await page.goto(p.path);
		await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
		await expect(page.locator(p.drawn).first()).toBeVisible();
		expect(await pageWidth(page), `${p.path} fits 390 px`).toBeLessThanOrEqual(PHONE.width);
		// A master grid's record selected: its lines, totals and findings open below it.
		if (p.drawn === '.ag-row' && !p.path.startsWith('/lines/')) {
			await page.locator('.ag-row [col-id]').nth(1).click();
			await expect(page.locator('.ag-row-selected, .ag-row-focus').first()).toBeVisible();
			expect(await pageWidth(page), `${p.path} with a record selected fits 390 px`).toBeLessThanOrEqual(PHONE.width);
		}
	}

	// The menu open over a page.
	await page.getByRole('button', { name: /^Menu/ }).click();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
	await page.keyboard.press('Escape');

	// The import wizard reviewing a file of jobs.
	await page.goto('/work-orders');
	const w = page.getByRole('region', { name: 'Import work orders' });
	await w.getByLabel('Import CSV').setInputFiles(fixture('csv/job-log.csv'));
	await expect(w.getByRole('button', { name: 'Check 8 rows' })).toBeVisible();
	expect(await pageWidth(page), 'the wizard mapping columns fits').toBeLessThanOrEqual(PHONE.width);
	await w.getByRole('button', { name: 'Check 8 rows' }).click();
	await expect(w.getByRole('alert').first()).toBeVisible();
	expect(await pageWidth(page), 'the wizard reviewing rows fits').toBeLessThanOrEqual(PHONE.width);

	// A confirmation dialog (delete a customer).
	await page.goto('/customers');
	await page.locator('.ag-row [col-id]').nth(1).click();
	await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
	await expect(page.getByRole('dialog')).toBeVisible();
	expect(await pageWidth(page), 'a dialog open fits').toBeLessThanOrEqual(PHONE.width);
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('On a phone the pages are a menu: a button says whether it is open, Escape closes it and gives focus back, a page chosen opens', async ({ page }) => {
	await loadSample(page);
	const menu = page.getByRole('button', { name: /^Menu/ });
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(nav).toBeHidden();

	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(nav.getByRole('link')).toHaveCount(9);
	// Focus moves into the list, so the next key reaches the pages.
	await expect(nav.getByRole('link', { name: 'Work orders' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(nav).toBeHidden();
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(menu).toBeFocused();

	await menu.press('Enter');
	await nav.getByRole('link', { name: 'Invoices' }).click();
	await expect(page).toHaveURL(/\/invoices$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
	await expect(nav).toBeHidden();
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('On a phone a job is found by search, its tasks ticked and counted (kept after a reload), a wrong quantity refused, and it is started, completed with sign-off and given a photo from the camera', async ({ page }) => {
	test.slow();
	await loadSample(page);
	await page.goto('/work-orders');
	// The desk's grids give way to a list a thumb can use.
	await expect(page.locator('section[data-grid]')).toHaveCount(0);
	const search = page.getByRole('searchbox', { name: 'Search jobs' });
	await search.fill('harbor 18479');
	await expect(page.getByRole('status').filter({ hasText: 'of 12 jobs' })).toHaveText('1 of 12 jobs');
	await page.locator('[data-job]').filter({ hasText: 'WO-18479' }).click();

	const job = page.getByRole('region', { name: 'Work order WO-18479' });
	await expect(job.getByTestId('wo-status')).toHaveText('open');
	const actions = job.getByRole('group', { name: 'Actions for WO-18479' });
	await actions.getByRole('button', { name: 'Start' }).click();
	await expect(job.getByTestId('wo-status')).toHaveText('in progress');

	// The checklist: a real checkbox per task, and its quantity typed on a number keyboard.
	const t1 = job.getByRole('checkbox', { name: /T1 Emergency lighting test/ });
	await expect(t1).not.toBeChecked();
	await t1.check();
	await expect(job.getByRole('heading', { name: /Tasks/ })).toContainText('1 of 1 done');
	const qty = job.getByRole('textbox', { name: 'Quantity of T1' });
	await expect(qty).toHaveAttribute('inputmode', 'decimal');
	await qty.fill('2.5h');
	await qty.press('Enter');
	await expect(job.getByRole('alert')).toHaveText('T1 quantity: "2.5h" is not a number. Nothing was saved.');
	await expect(qty).toHaveValue('2.5h');
	await expect(qty).toHaveAttribute('aria-invalid', 'true');
	await qty.fill('2.5');
	await qty.press('Enter');
	await expect(job.getByRole('alert')).toHaveCount(0);
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-pending', '0');

	// Back to the list: the search is as it was, and focus is on the job left.
	await page.getByRole('button', { name: 'All jobs' }).click();
	await expect(search).toHaveValue('harbor 18479');
	await expect(page.locator('[data-job]').filter({ hasText: 'WO-18479' })).toBeFocused();

	// Stored, not only shown: after a reload the task is still done with its new quantity.
	await page.reload();
	await page.getByRole('searchbox', { name: 'Search jobs' }).fill('WO-18479');
	await page.locator('[data-job]').filter({ hasText: 'WO-18479' }).click();
	await expect(job.getByRole('checkbox', { name: /T1 Emergency lighting test/ })).toBeChecked();
	await expect(job.getByRole('textbox', { name: 'Quantity of T1' })).toHaveValue('2.5');
	await expect(job.getByTestId('wo-status')).toHaveText('in progress');

	// Completed through the desk's own sign-off form.
	await actions.getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = page.getByRole('form', { name: 'Sign off WO-18479' });
	await form.getByLabel('Signed off by').fill('L. Ortega, Facilities');
	await form.getByRole('button', { name: 'Complete' }).click();
	await expect(job.getByTestId('wo-status')).toHaveText('complete');

	// A photo from the camera, stored with the job's sign-off evidence.
	const camera = job.getByLabel('Take a sign-off photo for WO-18479');
	await expect(camera).toHaveAttribute('capture', 'environment');
	await expect(camera).toHaveAttribute('accept', 'image/*');
	await camera.setInputFiles(fixture('logo.png'));
	await expect(page.getByRole('status').filter({ hasText: 'logo.png attached.' })).toBeVisible();
	await expect(job.getByRole('region', { name: 'Attachments of WO-18479' }).getByRole('button', { name: 'logo.png', exact: true })).toBeVisible();
	expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test('On a phone a tick or a quantity the browser cannot store says so on the task, shows what is stored, and stores nothing', async ({ page }) => {
	await stubStorage(page);
	await loadSample(page);
	await page.goto('/work-orders');
	await page.getByRole('searchbox', { name: 'Search jobs' }).fill('18483');
	await page.locator('[data-job]').filter({ hasText: 'WO-18483' }).click();
	const job = page.getByRole('region', { name: 'Work order WO-18483' });
	const t1 = job.getByRole('checkbox', { name: /T1 Emergency labor/ });
	const qty = job.getByRole('textbox', { name: 'Quantity of T1' });
	await expect(t1).toBeVisible();
	const wasDone = await t1.isChecked();
	const before = await stored(page);

	await failWrites(page, 'quota');
	await t1.click();
	await expect(job.getByRole('alert')).toHaveText(`T1: ${SPACE}`);
	await expect(t1).toBeChecked({ checked: wasDone });
	await qty.fill('3');
	await qty.press('Enter');
	await expect(job.getByRole('alert')).toHaveText(`T1 quantity: ${SPACE}`);
	// What was typed stays to try again; the task's stored quantity is unchanged.
	await expect(qty).toHaveValue('3');

	await stopFailing(page);
	await page.reload();
	expect(await stored(page)).toEqual(before);
});

test('At 1280×720 the selected job’s actions are in view without scrolling, and the desk keeps its grids', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await expect(page.getByRole('button', { name: /^Menu/ })).toBeHidden();
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link')).toHaveCount(9);
	// Every page's name shows whole beside Undo and Redo: none cut off at the nav's edge ("Se…").
	const box = (await nav.boundingBox())!;
	for (const link of await nav.getByRole('link').all()) {
		const b = (await link.boundingBox())!;
		expect(b.x + b.width, `${await link.innerText()} ends inside the nav`).toBeLessThanOrEqual(box.x + box.width + 0.5);
	}
	for (const number of ['WO-18483', 'WO-18472']) {
		// Filtered, so the job's row is never under the grid's scrollbar.
		await grid.getByRole('searchbox').fill(number);
		await expect(rowCount(grid)).not.toHaveText('12 rows');
		await cellOf(await stableRow(grid, 'number', number), 'number').click();
		const actions = page.getByRole('group', { name: `Actions for ${number}` });
		const buttons = actions.getByRole('button');
		// The job's actions are drawn a moment after its row is chosen.
		await expect(buttons.nth(1)).toBeVisible();
		for (const b of await buttons.all()) await expect(b).toBeInViewport({ ratio: 1 });
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
	}
	// The tasks stay a grid on the desk.
	await expect(page.locator('section[data-grid="tasks-of-wo-18472"]')).toBeVisible();
});

test('On a phone the phone’s own Back leaves a job for the list, with the search kept', async ({ page }) => {
	await loadSample(page);
	await page.goto('/work-orders');
	const search = page.getByRole('searchbox', { name: 'Search jobs' });
	await search.fill('bayview');
	await page.locator('[data-job]').filter({ hasText: 'WO-18483' }).click();
	await expect(page.getByRole('region', { name: 'Work order WO-18483' })).toBeVisible();
	await page.goBack();
	await expect(page).toHaveURL(/\/work-orders$/);
	await expect(page.getByRole('region', { name: 'Work order WO-18483' })).toHaveCount(0);
	await expect(search).toHaveValue('bayview');
	// And the page's own "All jobs" button does the same, leaving no job entry behind.
	await page.locator('[data-job]').filter({ hasText: 'WO-18483' }).click();
	await page.getByRole('button', { name: 'All jobs' }).click();
	await expect(search).toBeVisible();
	await page.goBack();
	await expect(page).not.toHaveURL(/\/work-orders/);
});

test('On a phone a notice and the backup reminder stack one above the other, neither covering the other (regression: the reminder hid "Import applied")', async ({ page }) => {
	await page.addInitScript(() => localStorage.removeItem('tieout:backup-reminder-dismissed'));
	await loadSample(page);
	const reminder = page.getByRole('region', { name: 'Backup reminder' });
	const notice = page.getByRole('status').filter({ hasText: 'Sample workbook loaded' });
	await expect(reminder).toBeVisible();
	await expect(notice).toBeVisible();
	const [r, n] = [(await reminder.boundingBox())!, (await notice.boundingBox())!];
	expect(n.y + n.height, 'the notice ends above the reminder').toBeLessThanOrEqual(r.y);
	expect(r.y + r.height).toBeLessThanOrEqual(PHONE.height);
	// Both can be read and pressed: what is on top at each one's centre is that card.
	for (const card of [reminder, notice]) {
		expect(await card.evaluate((el) => { const b = el.getBoundingClientRect(); return el.contains(document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)); })).toBe(true);
	}
	await reminder.getByRole('button', { name: 'Not now' }).click();
	await expect(reminder).toBeHidden();
	await expect(notice).toBeVisible();
});

test('On a phone the backup reminder never covers the end of a job: the page scrolls its last task clear of it (regression: the reminder sat over the checklist)', async ({ page }) => {
	await page.addInitScript(() => localStorage.removeItem('tieout:backup-reminder-dismissed'));
	await loadSample(page);
	const reminder = page.getByRole('region', { name: 'Backup reminder' });
	await page.goto('/work-orders');
	await page.locator('[data-job]').filter({ hasText: 'WO-18479' }).click();
	await expect(reminder).toBeVisible();
	const job = page.getByRole('region', { name: 'Work order WO-18479' });
	const last = job.getByRole('checkbox').last();
	await expect(last).toBeVisible();
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	// What is on top at the last checkbox's centre is the checkbox, and a tap ticks it.
	await expect.poll(() => last.evaluate((el) => { const b = el.getBoundingClientRect(); return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) === el; })).toBe(true);
	const r = (await reminder.boundingBox())!;
	const c = (await last.boundingBox())!;
	expect(c.y + c.height, 'the last task ends above the reminder').toBeLessThanOrEqual(r.y);
	await last.click({ trial: true });
});

test('On a phone the header shows the storage status whole, on two short lines (regression: "Best-e…")', async ({ page }) => {
	await loadSample(page);
	const storage = page.getByTitle('Storage status and backups');
	await expect(storage).toBeVisible();
	const cut = await storage.evaluate((a) => {
		const box = a.getBoundingClientRect();
		return { cut: [a, ...a.querySelectorAll('span')].some((s) => s.getClientRects().length > 0 && s.scrollWidth > s.clientWidth), right: box.right };
	});
	expect(cut.cut, 'no part is cut short').toBe(false);
	expect(cut.right).toBeLessThanOrEqual(PHONE.width);
	await page.screenshot({ path: test.info().outputPath('phone-header.png') });
});
