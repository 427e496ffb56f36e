// Screenshots of every page, empty and with the sample workbook, for a person to look at.
// Usage: node tests/tools/screens.mjs [outDir]   (needs `npm run build` and a preview on :4173)
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
const out = process.argv[2] ?? 'test-results/screens';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch(chromiumLaunch);
// Service workers blocked: the early drawing below is shot with the app's scripts refused by
// page.route, which never sees what a worker answers from its cache.
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' })).newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
const pages = ['/', '/exceptions', '/work-orders', '/purchase-orders', '/invoices', '/lines/tasks', '/lines/po-lines', '/lines/invoice-lines', '/customers', '/settings'];
const shoot = async (tag) => {
	for (const p of pages) {
		await page.goto(base + p);
		await page.waitForTimeout(700);
		if (tag === 'data') {
			const first = page.locator('.ag-row').first();
			if (['/work-orders', '/purchase-orders', '/invoices', '/customers'].includes(p) && (await first.count())) {
				await page.locator('[role=gridcell]').nth(1).click();
				await page.waitForTimeout(300);
			}
		}
		await page.screenshot({ path: `${out}/${tag}${p.replace(/\//g, '_') || '_home'}.png`, fullPage: true });
	}
};
await page.goto(base + '/');
await shoot('empty');
await page.goto(base + '/');
await page.getByRole('button', { name: 'Load sample data' }).click();
await page.waitForTimeout(1000);
await shoot('data');
// What static/first-rows.js draws before the app starts: the app's scripts are refused, so only
// the early drawing (kept for all three line pages by src/lib/fast-start/line-snapshots.ts) shows.
await page.waitForTimeout(8000);
await page.route('**/_app/**/*.js', (route) => route.abort());
for (const p of pages.filter((p) => p.startsWith('/lines/'))) {
	await page.goto(base + p);
	await page.waitForTimeout(700);
	await page.screenshot({ path: `${out}/early${p.replace(/\//g, '_')}.png` });
}
await browser.close();
