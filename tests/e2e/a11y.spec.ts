import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { PAGES as NAV_PAGES } from '../../src/lib/ui/pages';
import { cellOf, expect, loadSample, openGrid, openJob, stableRow, test } from './fixtures';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

/** The home page and every page of the navigation, by the heading each shows once drawn (empty or not). */
const PAGES: { path: string; heading: string; detail?: true }[] = [
	{ path: '/', heading: 'Workbook' },
	// Selecting a row opens its record's detail (facts, actions, forms) on these pages; a PO's or customer's detail is grids of the kind axe has already seen.
	...NAV_PAGES.map((p) => ({ path: p.href, heading: p.label, ...(p.href === '/work-orders' || p.href === '/invoices' ? { detail: true as const } : {}) }))
];

/** axe-core's own build, put in each page as it is checked (a page's CSP does not apply to the test's evaluation). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every violation axe finds, one line each, so a failure names the rule, the element and why.
 * axe runs in the page itself: @axe-core/playwright opened a blank page for every check and took
 * 7 s a page where this takes about 1 s (the app has no frames for it to gather).
 */
async function violations(page: Page, where: string): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	const { violations } = await page.evaluate(() => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }));
	return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

async function settle(page: Page, p: { path: string; heading: string }) {
	await page.goto(p.path);
	await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
	// Grids draw their rows a moment after the page: wait until no preview stands in.
	await page.waitForFunction(() => !document.querySelector('[data-preview]'));
}

test('axe finds no violations on any page of an empty workbook', async ({ page }) => {
	test.slow();
	const found: string[] = [];
	for (const p of PAGES) {
		await settle(page, p);
		found.push(...(await violations(page, `${p.path} (empty)`)));
	}
	expect(found).toEqual([]);
});

test('axe finds no violations on any page with the sample workbook and a record selected', async ({ page }) => {
	test.slow();
	await loadSample(page);
	const found: string[] = [];
	for (const p of PAGES) {
		await settle(page, p);
		found.push(...(await violations(page, p.path)));
		if (p.detail) {
			const firstCell = page.locator('section[data-grid] .ag-row[row-id] [col-id]:not([col-id="findings"])').first();
			await firstCell.click();
			await expect(page.locator('main [aria-label^="Actions for"], main [data-testid="ap-ready"]').first()).toBeVisible();
			found.push(...(await violations(page, `${p.path} (a row selected)`)));
		}
	}
	expect(found).toEqual([]);
});

test('axe finds no violations in the import wizard (mapping and review) nor in a dialog', async ({ page }) => {
	test.slow();
	await loadSample(page);
	const found: string[] = [];
	await page.goto('/work-orders');
	await page.getByRole('button', { name: 'Import CSV…' }).first().click();
	const w = page.getByRole('region', { name: 'Import work orders' });
	await w.getByLabel('Import CSV').setInputFiles(fixture('csv/job-log.csv'));
	await expect(w.getByRole('button', { name: 'Check 8 rows' })).toBeVisible();
	found.push(...(await violations(page, 'import wizard, mapping')));
	await w.getByRole('button', { name: 'Check 8 rows' }).click();
	await expect(w.getByRole('alert').first()).toBeVisible();
	found.push(...(await violations(page, 'import wizard, review')));

	await page.goto('/customers');
	await page.locator('.ag-row [col-id]').nth(1).click();
	await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
	await expect(page.getByRole('dialog')).toBeVisible();
	found.push(...(await violations(page, 'confirm dialog')));
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await page.getByRole('button', { name: 'History' }).first().click();
	await expect(page.getByRole('dialog')).toContainText('History of');
	found.push(...(await violations(page, 'history dialog')));
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

	await openJob(page, 'WO-18479');
	await page.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button', { name: 'Complete with sign-off' }).click();
	await expect(page.getByRole('form', { name: 'Sign off WO-18479' })).toBeVisible();
	found.push(...(await violations(page, 'sign-off form')));

	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	await page.getByRole('button', { name: 'Credit note…' }).click();
	await expect(page.getByRole('form', { name: 'Credit note for INV-1041' })).toBeVisible();
	found.push(...(await violations(page, 'credit note form')));
	expect(found).toEqual([]);
});

test('axe finds no violations on a phone: the menu open, the job list and one job with its checklist', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await loadSample(page);
	const found: string[] = [];
	await page.goto('/work-orders');
	await expect(page.locator('[data-job]').first()).toBeVisible();
	found.push(...(await violations(page, 'phone job list')));
	await page.getByRole('button', { name: /^Menu/ }).click();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	found.push(...(await violations(page, 'phone menu open')));
	await page.keyboard.press('Escape');
	await page.locator('[data-job]').filter({ hasText: 'WO-18479' }).click();
	await expect(page.getByRole('region', { name: 'Work order WO-18479' }).getByRole('checkbox').first()).toBeVisible();
	found.push(...(await violations(page, 'phone job view')));
	expect(found).toEqual([]);
});
