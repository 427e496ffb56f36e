// Chromium benchmark: a large buyer PO export through the import wizard. Times the worker's read
// (decode, sniff, parse) and check (convert, plan) of a 50 MB file, and a whole import (read,
// check, one transaction) of a smaller one. Run through `npm run bench`.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largePoCsv } from '../fixtures/csv/generate-large.mjs';
import { samplePage } from './sample-page.mjs';
import { serveBuild } from './static-server.mjs';
import { startProfile } from './profile.mjs';

const PORT = Number(process.env.BENCH_CSV_PORT ?? 4286);
const BASE = `http://127.0.0.1:${PORT}`;
const BIG_MB = Number(process.env.BENCH_CSV_MB ?? 50);
const APPLY_MB = Number(process.env.BENCH_CSV_APPLY_MB ?? 2);

function writeCsv(mb) {
	const { text, lines } = largePoCsv(mb * 1024 * 1024);
	const path = join(tmpdir(), `tieout-bench-${mb}mb.csv`);
	writeFileSync(path, text);
	return { path, lines };
}

const server = await serveBuild('build', PORT);
const browser = await chromium.launch(chromiumLaunch);
const result = { date: new Date().toISOString() };
try {
	const page = await samplePage(browser, BASE);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	const now = () => page.evaluate(() => performance.now());

	async function readAndCheck(file) {
		await page.goto(`${BASE}/purchase-orders`);
		await page.evaluate(() => (window.__long = []));
		const t0 = await now();
		await w.getByLabel('Import CSV').setInputFiles(file.path);
		await w.getByText(`${file.lines} data rows`).waitFor({ timeout: 120_000 });
		const t1 = await now();
		await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
		await w.getByRole('button', { name: `Check ${file.lines} rows` }).click();
		await w.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: 120_000 });
		const t2 = await now();
		return { readMs: Math.round(t1 - t0), checkMs: Math.round(t2 - t1), longestTaskMs: Math.max(0, ...(await page.evaluate(() => window.__long))) };
	}

	const big = writeCsv(BIG_MB);
	result.big = { mb: BIG_MB, lines: big.lines, ...(await readAndCheck(big)) };
	await w.getByRole('button', { name: 'Cancel import' }).click();

	const small = writeCsv(APPLY_MB);
	const r = await readAndCheck(small);
	const stopProfile = process.env.BENCH_PROFILE ? await startProfile(page.context(), page) : null;
	const t3 = await now();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await page.getByRole('status').filter({ hasText: `tieout-bench-${APPLY_MB}mb.csv` }).waitFor({ timeout: 300_000 });
	if (stopProfile) {
		await page.waitForTimeout(3000);
		console.log(await stopProfile(20));
	}
	result.apply = { mb: APPLY_MB, lines: small.lines, ...r, writeMs: Math.round((await now()) - t3), longestTaskMs: Math.max(0, ...(await page.evaluate(() => window.__long))) };

	console.log(`\nCSV import in Chromium (the worker reads and checks; the page writes one transaction):`);
	console.log(`  ${BIG_MB} MB, ${big.lines} lines: read ${result.big.readMs} ms · check ${result.big.checkMs} ms · longest task on the page ${result.big.longestTaskMs} ms`);
	console.log(`  ${APPLY_MB} MB, ${small.lines} lines: read ${result.apply.readMs} ms · check ${result.apply.checkMs} ms · write ${result.apply.writeMs} ms · longest task ${result.apply.longestTaskMs} ms`);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/csv-import.json', JSON.stringify(result, null, 2));
} finally {
	await browser.close();
	server.close();
}
