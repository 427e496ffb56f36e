// Chromium benchmark: the page's JavaScript heap with the workbook the product promises loaded and
// reconciled (100,000 tasks, 100,000 PO lines, 100,000 invoice lines: tests/bench/big-workbook.ts),
// read after a forced garbage collection, on each page named below, with the longest task while
// the page opened. Target (issue 23): at most 250 MB.
// BENCH_MEMORY_1M=1 adds 900,000 PO lines (1,000,000 in all) and, on All PO lines, also scrolls to
// the bottom, searches and edits a cell, timing the longest task of each. Target: at most 1 GB, no
// task over 200 ms. BENCH_PREVIOUS=<dir of another build> measures that build too, in the same run.
// Run through `npm run bench` (which builds first); writes bench-results/memory.json.
import { chromium } from '@playwright/test';
import { runnerImport } from 'vite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunch } from '../chromium.mjs';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4285);
const BASE = `http://127.0.0.1:${PORT}`;
const MILLION = process.env.BENCH_MEMORY_1M === '1';
const TARGET_MB = MILLION ? 1000 : 250;
const LONG_TASK_CAP_MS = 200;
/** PO lines added to the big workbook's 100,000 for the million case, on POs of 1,000 lines. */
const EXTRA_LINES = MILLION ? 900_000 : 0;
const PAGES = (process.env.BENCH_PAGES ?? (MILLION ? '/lines/po-lines,/exceptions' : '/exceptions,/lines/po-lines,/lines/invoice-lines,/work-orders')).split(',');
const TABLES = ['customers', 'sites', 'purchaseOrders', 'poLines', 'workOrders', 'tasks', 'changeOrders', 'invoices', 'invoiceLines'];

const { module } = await runnerImport(new URL('./big-workbook.ts', import.meta.url).pathname, { configFile: false });
const workbook = module.bigWorkbook();
const body = JSON.stringify(Object.fromEntries(TABLES.map((t) => [t, workbook[t]])));

/** Writes the workbook straight into the app's IndexedDB (raw API: the app's own code is what is measured). */
async function seed(context) {
	const page = await context.newPage();
	await page.route(`${BASE}/__bench/workbook.json`, (route) => route.fulfill({ body, contentType: 'application/json' }));
	await page.goto(`${BASE}/settings`);
	await page.getByText('Where', { exact: true }).waitFor();
	await page.evaluate(async ({ tables, extra }) => {
		const records = await (await fetch('/__bench/workbook.json')).json();
		// Lines no job or invoice has reached yet, made here rather than sent: the file would be 300 MB.
		for (let p = 0; p < extra / 1000; p++) {
			records.purchaseOrders.push({ ...records.purchaseOrders[0], id: `bench-po-${p}`, number: String(900000 + p), blanketLimitCents: null });
			for (let l = 1; l <= 1000; l++) {
				const qtyMilli = ((l % 40) + 1) * 1000;
				const unitPriceCents = 1000 + (l % 997) * 25;
				records.poLines.push({ ...records.poLines[0], id: `bench-pl-${p}-${l}`, poId: `bench-po-${p}`, lineNo: l, buyerItemCode: `ITEM-${l}`, description: `Bench line ${p}-${l}`, qtyMilli, unitPriceCents, extendedCents: (qtyMilli / 1000) * unitPriceCents });
			}
		}
		const db = await new Promise((res, rej) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		await new Promise((res, rej) => {
			const tx = db.transaction(tables, 'readwrite');
			for (const t of tables) for (const r of records[t]) tx.objectStore(t).put(r);
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
		// As an import through Tieout would: the first screens kept before the write are no longer current.
		localStorage.removeItem('tieout:generation:tieout');
	}, { tables: TABLES, extra: EXTRA_LINES });
	await page.close();
}

/** The heap after two forced collections, in MB. */
async function heapMb(cdp) {
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	return Math.round(usedSize / 1e6);
}

/** Opens `path` in a fresh page, waits until every table is read and reconciled, and reads the heap. */
async function measure(context, path) {
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		window.__long = [];
		new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
	});
	const cdp = await context.newCDPSession(page);
	const t0 = Date.now();
	await page.goto(`${BASE}${path}`);
	// Read: the app marks each table once it is read from storage (or its copy checked against it).
	await page.waitForFunction((tables) => tables.every((t) => performance.getEntriesByName(`tieout:read:${t}`).length > 0), ['tasks', 'poLines', 'invoiceLines'], { timeout: 120_000, polling: 250 });
	// Reconciled: the Exceptions page counts the findings once they are made.
	if (path === '/exceptions') await page.waitForFunction(() => /\d+ of [1-9]\d*/.test(document.querySelector('.filters')?.textContent ?? ''), null, { timeout: 120_000, polling: 250 });
	const openedMs = Date.now() - t0;
	// Let what follows the read (the findings, the grid's rows) settle.
	await page.waitForTimeout(3_000);
	const longest = async () => Math.max(0, ...(await page.evaluate(() => window.__long.splice(0))));
	const out = { path, openedMs, longestTaskMs: { open: await longest() } };
	if (MILLION && path === '/lines/po-lines') Object.assign(out.longestTaskMs, await useGrid(page, longest));
	out.heapMb = await heapMb(cdp);
	await page.close();
	if (errors.length) throw new Error(`page errors on ${path}: ${errors.join('; ')}`);
	return out;
}

/** Scrolls All PO lines to the bottom in ten steps, searches it, and edits a cell: the longest task of each. */
async function useGrid(page, longest) {
	const grid = page.locator('section[data-grid="all-po-lines"]');
	await grid.getByTestId('row-count').filter({ hasText: /^1,?000,?\d{3} rows$/ }).waitFor({ timeout: 120_000 });
	await longest();
	const viewport = grid.locator('.ag-body-vertical-scroll-viewport');
	for (let i = 1; i <= 10; i++) {
		await viewport.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), i / 10);
		await page.waitForTimeout(200);
	}
	const scroll = await longest();
	await viewport.evaluate((el) => (el.scrollTop = 0));
	await page.waitForTimeout(500);
	await longest();
	const search = grid.getByRole('searchbox');
	await search.fill('Bench line 7-1');
	await grid.getByTestId('row-count').filter({ hasText: / of / }).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1_000);
	const filter = await longest();
	const cell = grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="description"]').first();
	await cell.dblclick();
	await cell.locator('input').fill('Edited by the memory benchmark');
	await cell.locator('input').press('Enter');
	await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-pending') === '0', null, { timeout: 60_000 });
	await page.waitForTimeout(1_000);
	return { scroll, filter, edit: await longest() };
}

/** Seeds a fresh profile and measures each page, with the build in `dir`. */
async function measureBuild(label, dir) {
	const server = await serveBuild(dir, PORT);
	const profileDir = mkdtempSync(join(tmpdir(), 'tieout-memory-'));
	try {
		const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunch, viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
		await seed(context);
		const results = [];
		for (const path of PAGES) results.push({ build: label, ...(await measure(context, path)) });
		await context.close();
		return results;
	} finally {
		server.close();
		rmSync(profileDir, { recursive: true, force: true });
	}
}

const results = [...(await measureBuild('this build', 'build')), ...(process.env.BENCH_PREVIOUS ? await measureBuild('previous build', process.env.BENCH_PREVIOUS) : [])];
const lines = workbook.poLines.length + EXTRA_LINES;
console.log(`JS heap after a forced GC, ${workbook.tasks.length.toLocaleString('en-US')} tasks + ${lines.toLocaleString('en-US')} PO lines + ${workbook.invoiceLines.length.toLocaleString('en-US')} invoice lines loaded and reconciled:`);
for (const r of results) {
	const tasks = Object.entries(r.longestTaskMs).map(([k, ms]) => `${k} ${ms} ms`).join(', ');
	console.log(`  ${r.build} · ${r.path}: ${r.heapMb} MB (target ≤ ${TARGET_MB}) · longest task: ${tasks}${MILLION ? ` (cap ${LONG_TASK_CAP_MS})` : ''} · opened in ${(r.openedMs / 1000).toFixed(1)} s`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(`bench-results/memory${MILLION ? '-1m' : ''}.json`, JSON.stringify({ date: new Date().toISOString(), poLines: lines, targetMb: TARGET_MB, results }, null, 2));
const mine = results.filter((r) => r.build === 'this build');
if (mine.some((r) => r.heapMb > TARGET_MB)) console.log('  OVER BUDGET (heap)');
// The 200 ms cap is the million case's (issue 23); at 100,000 the tasks are reported, not judged.
if (MILLION && mine.some((r) => Object.values(r.longestTaskMs).some((ms) => ms > LONG_TASK_CAP_MS))) console.log('  OVER BUDGET (long tasks)');
