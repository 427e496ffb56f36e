// Downloads the sample's invoice and job sheet PDFs from the running app and renders them to PNG,
// for a person to look at. Usage: BASE_URL=http://127.0.0.1:4285 node tests/tools/pdf-shots.mjs outDir
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
const out = process.argv[2] ?? 'test-results/pdf-shots';
mkdirSync(out, { recursive: true });
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch(chromiumLaunch);
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(base + '/');
await page.getByRole('button', { name: 'Load sample data' }).click();
await page.getByRole('status').filter({ hasText: 'Sample workbook loaded' }).waitFor();
const save = async (click, name) => {
	const download = page.waitForEvent('download');
	await click();
	const d = await download;
	const file = `${out}/${name}.pdf`;
	await d.saveAs(file);
	execFileSync('pdftoppm', ['-png', '-r', '90', file, `${out}/${name}`]);
	console.log(file);
};
await page.goto(base + '/work-orders');
await page.getByRole('searchbox', { name: 'Filter Work orders' }).fill('WO-18473');
await page.locator('[role=gridcell][col-id=number]', { hasText: 'WO-18473' }).click();
await save(() => page.getByRole('button', { name: 'Job sheet PDF' }).click(), 'jobsheet-WO-18473');
await page.getByRole('button', { name: 'Create invoice' }).click();
await page.waitForURL(/invoices\?id=/);
await save(() => page.getByRole('button', { name: 'Download PDF' }).click(), 'invoice-new');
await browser.close();
