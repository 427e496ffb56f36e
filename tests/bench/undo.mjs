// Chromium benchmark for issue 22: undo of a change of 10,000 rows × 8 fields. The change is a
// buyer's revised PO export through the Purchase orders wizard (10,000 lines of 200 POs, each line
// with its item code, description, quantity, unit, price, extended amount, cost centre and need-by
// date changed), then the header's Undo: the time from the click to the notice that it is undone,
// and the page's long tasks meanwhile. Run through `npm run bench`.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_UNDO_PORT ?? 4297);
const LINES = Number(process.env.BENCH_UNDO_LINES ?? 10_000);
const HEADER = 'PO Number,Buyer,Issue Date,Terms,Line,Buyer Item Code,Description,Quantity,Unit,Unit Price,Extended Amount,Cost Center,Need By';

/** The export, as first sent (`rev` 0) or revised (`rev` 1): the same POs and lines, eight fields changed. */
function exportFile(rev) {
	const rows = [HEADER];
	for (let i = 0; i < LINES; i++) {
		const qty = (i % 9) + 1 + rev;
		const cents = 1000 + ((i * 37) % 90000) + rev * 25;
		const money = (c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
		rows.push(
			[`PO-${700000 + Math.floor(i / 50)}`, 'Dana Ruiz', '01/05/2027', 'Net 30', (i % 50) + 1, `ITEM-${i % 5000}${rev ? 'R' : ''}`, `${rev ? 'Revised' : 'Preventive'} maintenance visit ${i}`, qty, rev ? 'hr' : 'ea', money(cents), money(qty * cents), `CC-${(i + rev) % 40}`, `02/${String(((i + rev) % 28) + 1).padStart(2, '0')}/2027`].join(',')
		);
	}
	const path = join(tmpdir(), `tieout-undo-${rev ? 'revised' : 'original'}.csv`);
	writeFileSync(path, rows.join('\r\n') + '\r\n');
	return path;
}

const minutes = 10 * 60_000;

async function importFile(page, path) {
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(path);
	await w.getByText(`${LINES} data rows`).waitFor({ timeout: minutes });
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${LINES} rows` }).click();
	await w.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: minutes });
	await w.getByRole('button', { name: 'Apply import' }).click();
	const name = path.split('/').pop();
	await Promise.race([
		page.getByRole('status').filter({ hasText: name }).waitFor({ timeout: minutes }),
		page.getByRole('alert').filter({ hasText: name }).waitFor({ timeout: minutes }).then(async () => {
			throw new Error(await page.getByRole('alert').filter({ hasText: name }).innerText());
		})
	]);
}

const server = await serveBuild('build', PORT);
const browser = await chromium.launch(chromiumLaunch);
try {
	const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
	await page.addInitScript(() => {
		window.__long = [];
		new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
	});
	const base = `http://127.0.0.1:${PORT}`;
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await page.getByRole('status').filter({ hasText: 'Sample workbook loaded' }).waitFor();
	await page.goto(`${base}/purchase-orders`);
	await page.locator('section[data-grid="purchase-orders"][data-ready="true"]').waitFor();
	const original = exportFile(0);
	const revised = exportFile(1);
	await importFile(page, original);
	await importFile(page, revised);
	await page.waitForTimeout(3000); // the revision's read-back and reconciliation settle first
	const undo = page.getByRole('banner').getByRole('button', { name: 'Undo import of tieout-undo-revised.csv' });
	await undo.waitFor();
	await page.evaluate(() => (window.__long = []));
	const t0 = await page.evaluate(() => performance.now());
	await undo.click();
	await page.getByRole('status').filter({ hasText: 'Undid import of tieout-undo-revised.csv.' }).waitFor({ timeout: minutes });
	const undoMs = Math.round((await page.evaluate(() => performance.now())) - t0);
	await page.waitForTimeout(3000);
	const long = await page.evaluate(() => window.__long);
	const result = { date: new Date().toISOString(), rows: LINES, fields: 8, undoMs, longestTaskMs: Math.max(0, ...long), tasksOver200: long.filter((d) => d > 200).length };
	console.log(`undo of ${LINES} rows × 8 fields (a revised import): ${(undoMs / 1000).toFixed(2)} s · longest task ${result.longestTaskMs} ms (${result.tasksOver200} over 200 ms, through the 3 s after)`);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/undo.json', JSON.stringify(result, null, 2));
} finally {
	await browser.close();
	server.close();
}
