// Chromium benchmark: a 1,000-line invoice PDF, from "Download PDF" to the file's bytes, and
// the longest task on the page meanwhile. Run through `npm run bench`.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_PDF_PORT ?? 4284);
const BASE = `http://127.0.0.1:${PORT}`;
const LINES = Number(process.env.BENCH_PDF_LINES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);

const { module } = await runnerImport(new URL('./pdf-workbook.ts', import.meta.url).pathname, { configFile: false });
const workbook = module.pdfWorkbook(LINES);

/** Writes the workbook straight into the app's IndexedDB (raw API: the app's own code is what is timed). */
async function seed(page) {
	await page.goto(`${BASE}/settings`);
	await page.getByText('Where', { exact: true }).waitFor();
	await page.evaluate(async (records) => {
		const db = await new Promise((res, rej) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		await new Promise((res, rej) => {
			const tx = db.transaction(Object.keys(records), 'readwrite');
			for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, workbook);
}

const server = await serveBuild('build', PORT);
const browser = await chromium.launch(chromiumLaunch);
try {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
	const page = await context.newPage();
	await seed(page);
	await page.addInitScript(() => {
		window.__long = [];
		new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push({ at: e.startTime, ms: Math.round(e.duration) }))).observe({ type: 'longtask', buffered: true });
	});
	await page.goto(`${BASE}/invoices?id=inv`);
	await page.locator('section[data-grid="lines-of-b-0001"]').getByTestId('row-count').filter({ hasText: `${LINES} rows` }).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	const runs = [];
	for (let i = 0; i < RUNS; i++) {
		await page.evaluate(() => performance.clearMarks());
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download PDF' }).click();
		const anyway = page.getByRole('button', { name: 'Download PDF anyway' });
		if (await anyway.isVisible().catch(() => false)) await anyway.click();
		const file = await download;
		const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [await file.path()], { encoding: 'utf8' }))?.[1]);
		const r = await page.evaluate(() => {
			const start = performance.getEntriesByName('tieout:pdf-start').at(-1).startTime;
			const end = performance.getEntriesByName('tieout:pdf-end').at(-1).startTime;
			const longest = Math.max(0, ...window.__long.filter((l) => l.at >= start && l.at <= end).map((l) => l.ms));
			return { ms: Math.round(end - start), longestTaskMs: longest };
		});
		runs.push({ ...r, pages, first: i === 0 });
		await page.waitForTimeout(500);
	}
	const result = { date: new Date().toISOString(), lines: LINES, runs };
	console.log(`\nInvoice PDF with ${LINES} lines, "Download PDF" to bytes in hand (run 1 loads jsPDF and starts the worker):`);
	for (const [i, r] of runs.entries()) console.log(`  run ${i + 1}: ${r.pages} pages in ${r.ms} ms (target ≤ 1000) · longest task on the page meanwhile ${r.longestTaskMs} ms (target < 200)`);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/pdf.json', JSON.stringify(result, null, 2));
} finally {
	await browser.close();
	server.close();
}
