// Chromium benchmark for issue 20: a buyer's PO export of 100,000 lines (and, with
// BENCH_IMPORT_1M=1, 1,000,000) through the Purchase orders wizard, from choosing the file to
// the lines showing: each phase's time, the page's long tasks and its peak JS heap. With
// BENCH_PREVIOUS=<dir of another build> the same file goes through that build too, in the same
// run, so the two are compared on one machine under one load. Run through `npm run bench`.
// Issue 22: this build runs with the history of changes recorded and, beside it in the same run,
// with recording switched off (a flag only this benchmark sets, before the page loads),
// alternating BENCH_HISTORY_PAIRS times (default 2), so what recording costs the write is read
// from one run on one machine.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largePoCsv } from '../fixtures/csv/generate-large.mjs';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_SCALE_PORT ?? 4296);
/** Bytes per generated line, measured on generate-large.mjs's output. */
const BYTES_PER_LINE = 123;
const sizes = [100_000, ...(process.env.BENCH_IMPORT_1M ? [1_000_000] : [])];
const pairs = Number(process.env.BENCH_HISTORY_PAIRS ?? 2);
/** [label, build folder, history recorded]: this build with history on and off, alternating, then any previous build. */
const builds = [
	...Array.from({ length: pairs }, (_, i) => (i % 2 ? [['this build, no history', 'build', false], ['this build', 'build', true]] : [['this build', 'build', true], ['this build, no history', 'build', false]])).flat(),
	...(process.env.BENCH_PREVIOUS ? [['previous build', process.env.BENCH_PREVIOUS, true]] : [])
];

function writeCsv(lines) {
	const { text, lines: n } = largePoCsv(lines * BYTES_PER_LINE);
	const path = join(tmpdir(), `tieout-scale-${n}.csv`);
	writeFileSync(path, text);
	return { path, lines: n, name: path.split('/').pop() };
}

async function importOnce(root, port, file, history = true) {
	const server = await serveBuild(root, port);
	const browser = await chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args, '--enable-precise-memory-info'] });
	const base = `http://127.0.0.1:${port}`;
	try {
		const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
		// Bench-only: the app reads this flag (db/history.ts, recordingOff) and nothing in it sets it.
		if (!history) await page.addInitScript(() => (window.__tieoutBenchHistoryOff = true));
		await page.addInitScript(() => {
			window.__long = [];
			window.__heap = 0;
			new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
			setInterval(() => (window.__heap = Math.max(window.__heap, performance.memory?.usedJSHeapSize ?? 0)), 250);
		});
		await page.goto(`${base}/`);
		await page.getByRole('button', { name: 'Load sample data' }).click();
		await page.getByRole('status').filter({ hasText: 'Sample workbook loaded' }).waitFor();
		await page.goto(`${base}/purchase-orders`);
		await page.locator('section[data-grid="purchase-orders"][data-ready="true"]').waitFor();
		const w = page.getByRole('region', { name: 'Import purchase orders' });
		const now = () => page.evaluate(() => performance.now());
		const minutes = 60 * 60_000;
		await page.evaluate(() => (window.__long = []));
		const t0 = await now();
		await w.getByLabel('Import CSV').setInputFiles(file.path);
		await w.getByText(`${file.lines} data rows`).waitFor({ timeout: minutes });
		const t1 = await now();
		await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
		await w.getByRole('button', { name: `Check ${file.lines} rows` }).click();
		await w.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: minutes });
		const t2 = await now();
		await w.getByRole('button', { name: 'Apply import' }).click();
		await page.getByRole('status').filter({ hasText: file.name }).waitFor({ timeout: minutes });
		const t3 = await now();
		// The first imported PO is selected: its lines show in the grid below.
		await page.locator('section[data-grid^="lines-of-po-"] [data-testid="row-count"]').filter({ hasText: /^50 rows$/ }).waitFor({ timeout: minutes });
		const t4 = await now();
		await page.waitForTimeout(3000); // the work that follows the write (read-back, reconciliation) counts too
		const long = await page.evaluate(() => window.__long);
		return {
			readMs: Math.round(t1 - t0),
			checkMs: Math.round(t2 - t1),
			writeMs: Math.round(t3 - t2),
			linesShownMs: Math.round(t4 - t3),
			fileToLinesMs: Math.round(t4 - t0),
			longestTaskMs: Math.max(0, ...long),
			tasksOver200: long.filter((d) => d > 200).length,
			heapMb: Math.round((await page.evaluate(() => window.__heap)) / 1024 / 1024)
		};
	} finally {
		await browser.close();
		server.close();
	}
}

const result = { date: new Date().toISOString(), runs: [] };
for (const lines of sizes) {
	const file = writeCsv(lines);
	for (const [label, root, history] of builds) {
		const r = await importOnce(root, PORT, file, history);
		result.runs.push({ build: label, lines: file.lines, ...r });
		const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
		console.log(
			`${label}, ${file.lines} lines: read ${s(r.readMs)} · check ${s(r.checkMs)} · write ${s(r.writeMs)} · lines shown ${s(r.linesShownMs)} · file to lines ${s(r.fileToLinesMs)} · longest task ${r.longestTaskMs} ms (${r.tasksOver200} over 200 ms) · peak heap ${r.heapMb} MB`
		);
	}
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const writes = (label) => result.runs.filter((r) => r.build === label).map((r) => r.writeMs);
if (writes('this build, no history').length) {
	const on = median(writes('this build'));
	const off = median(writes('this build, no history'));
	result.historyCost = { onMs: on, offMs: off, percent: Math.round(((on - off) / off) * 1000) / 10 };
	console.log(`history recording: write median ${(on / 1000).toFixed(1)} s with, ${(off / 1000).toFixed(1)} s without: ${result.historyCost.percent} % (target at most 10 %)`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/import-scale.json', JSON.stringify(result, null, 2));
