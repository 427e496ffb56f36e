// Chromium benchmark: a 1,000-line invoice PDF, from "Download PDF" to the file's bytes, and
// the longest task on the page meanwhile. Run through `npm run bench`.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_PDF_PORT ?? 4284);
const BASE = `http://127.0.0.1:${PORT}`;
const LINES = Number(process.env.BENCH_PDF_LINES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);

/** One finished job with 10 tasks on a PO, and one invoice billing them in LINES lines. */
async function seed(page) {
	await page.goto(`${BASE}/settings`);
	await page.getByText('Where', { exact: true }).waitFor();
	await page.evaluate(async (lines) => {
		const db = await new Promise((res) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => res(r.result);
		});
		await new Promise((res, rej) => {
			const tx = db.transaction(['customers', 'purchaseOrders', 'poLines', 'workOrders', 'tasks', 'invoices', 'invoiceLines'], 'readwrite');
			const put = (s, v) => tx.objectStore(s).put(v);
			put('customers', { id: 'c', name: 'Bench Buyer Inc', billingStreet: '1 Bench Way', billingCity: 'Dayton', billingRegion: 'OH', billingPostalCode: '45402', billingCountry: '', apContact: 'Accounts Payable', apEmail: 'ap@bench.example', requiresPo: true, defaultTerms: '2/10 Net 30', taxAllowed: false, freightAllowed: false, tolerances: null });
			put('purchaseOrders', { id: 'po', customerId: 'c', number: '7000', buyer: '', issueDate: '2026-11-01', revision: 0, terms: '2/10 Net 30', taxAllowed: false, freightAllowed: false, blanketLimitCents: null });
			put('workOrders', { id: 'wo', number: 'WO-B1', versionDate: '2026-11-01', customerId: 'c', siteId: null, description: 'Bench job', type: 'corrective', priority: 'normal', status: 'complete', openedOn: '2026-11-01', scheduledStart: null, scheduledEnd: null, assignedTo: '', asset: '', accessNotes: '', safetyNotes: '', billingType: 'time_and_materials', nteCents: null, poNumber: '7000', quoteRef: '', signedOffBy: 'Bench', signedOffOn: '2026-11-02', completionNotes: '', warrantyOf: '' });
			for (let l = 1; l <= 10; l++) {
				put('poLines', { id: `pol-${l}`, poId: 'po', lineNo: l, buyerItemCode: `I${l}`, description: `PO line ${l}`, qtyMilli: 1_000_000, unit: 'ea', unitPriceCents: 1000, extendedCents: 1_000_000, costCenter: '', needBy: null });
				put('tasks', { id: `t-${l}`, workOrderId: 'wo', code: `T${l}`, description: `Task ${l}`, kind: 'material', qtyMilli: 1_000_000, unit: 'ea', rateCents: 1000, buyerItemCode: `I${l}`, poLineNo: l, done: true, extra: false, changeOrderNumber: '' });
			}
			put('invoices', { id: 'inv', number: 'B-0001', customerId: 'c', invoiceDate: '2026-11-10', terms: '2/10 Net 30', poNumber: '7000', workOrderNumbers: ['WO-B1'], status: 'draft', notes: '' });
			for (let k = 0; k < lines; k++) {
				const l = (k % 10) + 1;
				put('invoiceLines', { id: `il-${k}`, invoiceId: 'inv', lineNo: k + 1, description: `Material delivered, batch ${k + 1}: filters, belts and fittings for the air handlers`, kind: 'material', qtyMilli: 1000, unit: 'ea', rateCents: 1000, woNumber: 'WO-B1', taskCode: `T${l}`, poLineNo: l, buyerItemCode: `I${l}` });
			}
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, LINES);
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
