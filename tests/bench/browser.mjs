// Browser benchmarks in Debian's Chromium against the production build.
// Run through `npm run bench` (which builds first). Prints figures and writes bench-results/browser.json.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { serveBuild } from './static-server.mjs';
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.BENCH_PORT ?? 4280);
// `BENCH_PREVIOUS=<dir of another build>` measures that build too, visit by visit in turns with this
// one (each from its own port, so its own storage and profile), so the two are compared under one load.
const PREVIOUS = process.env.BENCH_PREVIOUS ?? '';
/** The build being visited: the functions below open pages at it. */
let BASE = `http://127.0.0.1:${PORT}`;
const LINES = Number(process.env.BENCH_PO_LINES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// A returning user's browser keeps its storage on disk. Playwright's ordinary contexts are
// off-the-record profiles, whose IndexedDB and file system live in the browser process's memory
// and are read through it at a fraction of the speed: \`BENCH_PROFILE=off-the-record\` measures that.
const PROFILE = process.env.BENCH_PROFILE ?? 'on-disk';
// `BENCH_SNAPSHOT=off` removes every first-rows snapshot before each visit: the first visit after a
// new build that changed how the grids are drawn (snapshots are tied to the drawing key) in a browser
// whose app has read the lines before (the line cache is there). `BENCH_SNAPSHOT=newbuild` serves each
// visit as a new build that did not (every script under a new URL, none cached or compiled), and
// `BENCH_SNAPSHOT=newdrawing` as a new build that did (both).
// `BENCH_SNAPSHOT=sibling` removes this page's snapshot and opens All tasks first: a first visit to
// this page, its snapshot kept from the workbook by another line page. `BENCH_SNAPSHOT=cold` removes
// the snapshots and the fast-start copy of the lines before each visit: every visit reads the lines
// from IndexedDB as if the app had never read them (the first run of the other modes, repeated).
const SNAPSHOT = process.env.BENCH_SNAPSHOT ?? 'on';
// `BENCH_RESTART=1` closes the browser before each visit (on-disk profile only): a visit that is the
// browser's first since it started, its storage and caches read from disk again.
const RESTART = process.env.BENCH_RESTART === '1' && PROFILE === 'on-disk';
// The service worker (src/service-worker.ts) answers every page and script from its cache after the
// first visit, as for a returning user; `BENCH_SW=off` blocks it, to time the pages from the server.
// The modes that serve each visit as a new build (newbuild, newdrawing) always block it: the worker
// would answer with the old build's page from its cache (a real new build reaches a returning user
// only once the update is applied, and its files come from the cache as well).
const SIMULATES_NEW_BUILD = SNAPSHOT === 'newbuild' || SNAPSHOT === 'newdrawing';
const SERVICE_WORKERS = process.env.BENCH_SW === 'off' || SIMULATES_NEW_BUILD ? 'block' : 'allow';
// `BENCH_WITHOUT=first-rows` or `line-files` (or both, comma-separated) runs the
// same build without those fast-start copies (src/lib/fast-start/without.ts): the app neither reads
// nor keeps them, so each copy's worth is its figures with it and without it, side by side.
const COPIES = ['first-rows', 'line-files'];
const WITHOUT = (process.env.BENCH_WITHOUT ?? '').split(',').filter(Boolean);
for (const copy of WITHOUT) if (!COPIES.includes(copy)) throw new Error(`BENCH_WITHOUT: no copy named ${copy} (${COPIES.join(', ')})`);
const uses = (copy) => !WITHOUT.includes(copy);
let generation = null;

/** Writes LINES PO lines straight into the app's IndexedDB (raw API: the app's own code is what we time). */
async function seed(page, n) {
	await page.goto(`${BASE}/settings`);
	await page.getByText('Where', { exact: true }).waitFor();
	return page.evaluate(async (n) => {
		const db = await new Promise((res, rej) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const t0 = performance.now();
		await new Promise((res, rej) => {
			const tx = db.transaction(['customers', 'purchaseOrders', 'poLines'], 'readwrite');
			tx.objectStore('customers').put({ id: 'bench-c', name: 'Bench Buyer Inc', billingStreet: '', billingCity: '', billingRegion: '', billingPostalCode: '', billingCountry: '', apContact: '', apEmail: '', requiresPo: true, defaultTerms: 'Net 30', taxAllowed: false, freightAllowed: false, tolerances: null });
			const pos = tx.objectStore('purchaseOrders');
			const lines = tx.objectStore('poLines');
			const perPo = 1000;
			for (let p = 0; p < n / perPo; p++) {
				pos.put({ id: `bench-po-${p}`, customerId: 'bench-c', number: String(500000 + p), buyer: '', issueDate: '2026-11-01', revision: 0, terms: 'Net 30', taxAllowed: false, freightAllowed: false, blanketLimitCents: null });
			}
			for (let i = 0; i < n; i++) {
				const p = Math.floor(i / perPo);
				const qty = ((i % 40) + 1) * 1000;
				const price = 1000 + (i % 997) * 25;
				lines.put({ id: crypto.randomUUID(), poId: `bench-po-${p}`, lineNo: (i % perPo) + 1, buyerItemCode: `ITEM-${i % 5000}`, description: `Bench line ${i}`, qtyMilli: qty, unit: 'ea', unitPriceCents: price, extendedCents: (qty / 1000) * price, costCenter: `CC-${i % 50}`, needBy: null });
			}
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
		// Written raw for speed, the lines stand for an import through Tieout, which changes the write
		// generation: without it, a first screen kept before the lines were written would pass as
		// current and be drawn before its check against IndexedDB.
		localStorage.removeItem('tieout:generation:tieout');
		return performance.now() - t0;
	}, n);
}

/** Opens All tasks with All PO lines' snapshot removed, and waits until it has been kept again from there. */
async function visitSibling(context) {
	const page = await context.newPage();
	await page.addInitScript(() => {
		for (const key of Object.keys(localStorage)) if (key.startsWith('tieout:first-rows:/lines/po-lines')) localStorage.removeItem(key);
	});
	await page.goto(`${BASE}/lines/tasks`);
	await page.waitForFunction(() => performance.getEntriesByName('tieout:first-rows-saved:all-po-lines').length > 0, null, { timeout: 60_000 });
	await page.close();
}

/**
 * Removes every first screen kept and the lines' fast-start copy, from a page that does not start
 * the app; and the start copy an earlier build kept (retired), should the profile hold one.
 */
async function forgetCopies(context) {
	const page = await context.newPage();
	await page.goto(`${BASE}/favicon.svg`);
	await page.evaluate(async () => {
		for (const key of Object.keys(localStorage)) if (key.startsWith('tieout:first-rows:') || key.startsWith('tieout:line-journal:') || key.startsWith('tieout:start-copy:')) localStorage.removeItem(key);
		const root = await navigator.storage.getDirectory();
		for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
	});
	await page.close();
}

async function measureGridLoad(context) {
	if (SNAPSHOT === 'sibling') await visitSibling(context);
	const page = await context.newPage();
	await page.addInitScript(() => {
		// First rows: when the first row with data was painted for the grid. The drawing made before
		// the app starts (first-rows.js) and the app's preview table are timed by the browser (Element
		// Timing); AG Grid's cells, which carry no timing attribute, as the first task after the next
		// animation frame. That task can queue behind the app's own work after the frame (a timer set
		// in the same frame runs first), so it can read late; the preview's rAF timing is kept as a
		// fallback should Element Timing report nothing.
		const marks = { firstRow: null, firstRowBy: null, firstGridRow: null, allRows: null, longTasks: [] };
		window.__bench = marks;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) marks.longTasks.push(Math.round(e.duration));
		}).observe({ type: 'longtask', buffered: true });
		const firstPaint = (t, by) => {
			if (marks.firstRow === null || t < marks.firstRow) {
				marks.firstRow = t;
				marks.firstRowBy = by;
			}
		};
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.identifier === 'first-rows:all-po-lines') firstPaint(e.renderTime, 'first-rows.js');
				if (e.identifier === 'preview:all-po-lines') firstPaint(e.renderTime, 'preview');
			}
		}).observe({ type: 'element', buffered: true });
		const painted = (set) => requestAnimationFrame(() => {
			const c = new MessageChannel();
			c.port1.onmessage = () => set(performance.now());
			c.port2.postMessage(0);
		});
		let gridRowSeen = false;
		let previewSeen = false;
		const check = () => {
			const grid = document.querySelector('[data-grid="all-po-lines"]');
			if (!previewSeen && grid?.querySelector('[data-preview] tbody td')) {
				previewSeen = true;
				painted((t) => firstPaint(t, 'preview'));
			}
			if (!gridRowSeen && grid?.querySelector('.ag-row [role="gridcell"]')) {
				gridRowSeen = true;
				painted((t) => {
					marks.firstGridRow = t;
					firstPaint(t, 'AG Grid');
				});
			}
			const count = document.querySelector('[data-grid="all-po-lines"] [data-testid="row-count"]')?.textContent ?? '';
			if (marks.allRows === null && count.startsWith(`${window.__expect} rows`)) marks.allRows = performance.now();
		};
		new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
	});
	await page.addInitScript((n) => (window.__expect = n), LINES);
	if (SNAPSHOT === 'off' || SNAPSHOT === 'newdrawing') {
		await page.addInitScript(() => {
			for (const key of Object.keys(localStorage)) if (key.startsWith('tieout:first-rows:')) localStorage.removeItem(key);
		});
	}
	if (SIMULATES_NEW_BUILD) generation = (generation ?? 0) + 1;
	await page.goto(`${BASE}/lines/po-lines`);
	await page.waitForFunction(() => window.__bench.allRows !== null && performance.getEntriesByName('tieout:lines-read').length > 0, null, { timeout: 60_000 });
	// Let the fast-start copy and the first screen be kept before the tab closes, as they would be in real use.
	if (uses('line-files')) await page.waitForFunction(() => performance.getEntriesByName('tieout:cache-written:poLines').length > 0 || performance.getEntriesByName('tieout:cache-read:poLines').length > 0, null, { timeout: 30_000 }).catch(() => {});
	if (uses('first-rows')) await page.waitForFunction(() => performance.getEntriesByName('tieout:first-rows-saved:all-po-lines').length > 0, null, { timeout: 30_000 }).catch(() => {});
	const r = await page.evaluate(() => {
		// Where the time before the first rows goes: the HTML, the scripts it names, AG Grid's chunk, then the app's marks.
		const timeline = () => {
			const nav = performance.getEntriesByType('navigation')[0];
			const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
			const grid = js.reduce((a, b) => (b.decodedBodySize > (a?.decodedBodySize ?? 0) ? b : a), null);
			const first = js.filter((e) => e !== grid && e.startTime < (grid?.startTime ?? Infinity));
			const at = (name, t) => ({ name, t: Math.round(t) });
			return [
				at('html', nav.responseEnd),
				at('scripts', Math.max(...first.map((e) => e.responseEnd))),
				at('dom-content-loaded', nav.domContentLoadedEventEnd),
				...(grid ? [at('grid-js-requested', grid.startTime), at('grid-js-received', grid.responseEnd)] : []),
				...performance.getEntriesByType('mark').map((m) => at(m.name.replace('tieout:', ''), m.startTime))
			]
				.sort((a, b) => a.t - b.t)
				.map((m) => `${m.name} ${m.t}`)
				.join(' · ');
		};
		return { ...window.__bench, verified: performance.getEntriesByName('tieout:lines-read')[0]?.startTime, cached: performance.getEntriesByType('mark').some((m) => m.name.startsWith('tieout:cache-read')), marks: timeline() };
	});
	await page.close();
	return r;
}

async function measureJs(context, path) {
	const page = await context.newPage();
	const files = [];
	page.on('response', async (res) => {
		const url = res.url();
		if (!url.endsWith('.js')) return;
		const body = await res.body().catch(() => null);
		if (!body) return;
		files.push({ name: url.replace(BASE, ''), raw: body.length, gz: gzipSync(body, { level: 9 }).length });
	});
	const html = await (await page.goto(`${BASE}${path}`)).text();
	await page.waitForLoadState('networkidle');
	await page.close();
	// What the page needs before it can draw: the scripts its HTML names (SvelteKit lists every static
	// import there). The rest, AG Grid included, loads on demand while the page is already working.
	const first = files.filter((f) => html.includes(f.name.split('/').pop()));
	const kb = (list, k) => +(list.reduce((n, f) => n + f[k], 0) / 1024).toFixed(1);
	return { path, rawKB: kb(files, 'raw'), gzipKB: kb(files, 'gz'), files: files.length, initialGzipKB: kb(first, 'gz'), initialRawKB: kb(first, 'raw'), initialFiles: first.length };
}

const builds = [{ label: 'this build', root: 'build', port: PORT }, ...(PREVIOUS ? [{ label: 'previous build', root: PREVIOUS, port: PORT + 1 }] : [])];
const browser = await chromium.launch(chromiumLaunch);
for (const b of builds) {
	b.base = `http://127.0.0.1:${b.port}`;
	b.server = await serveBuild(b.root, b.port, () => generation);
	b.profileDir = mkdtempSync(join(tmpdir(), 'tieout-bench-'));
}
const at = (b) => (BASE = b.base);
try {
	const viewport = { width: 1440, height: 900 };
	const options = { viewport, serviceWorkers: SERVICE_WORKERS };
	const open = async (b) => {
		const context = await (PROFILE === 'on-disk' ? chromium.launchPersistentContext(b.profileDir, { ...chromiumLaunch, ...options }) : browser.newContext(options));
		// Before any of the page's scripts, first-rows.js included; first screens kept before are not drawn either.
		if (WITHOUT.length)
			await context.addInitScript((without) => {
				localStorage.setItem('tieout:bench-without', without.join(','));
				if (without.includes('first-rows')) for (const key of Object.keys(localStorage)) if (key.startsWith('tieout:first-rows:')) localStorage.removeItem(key);
			}, WITHOUT);
		return context;
	};
	for (const b of builds) {
		at(b);
		b.results = { date: new Date().toISOString(), build: b.label, lines: LINES, profile: PROFILE, snapshot: SNAPSHOT, serviceWorkers: SERVICE_WORKERS, without: WITHOUT, runs: [] };
		b.context = await open(b);
		const seedPage = await b.context.newPage();
		b.results.seedMs = Math.round(await seed(seedPage, LINES));
		// Every measured visit is then answered by the worker, as a returning user's is.
		if (SERVICE_WORKERS === 'allow') await seedPage.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
		await seedPage.close();
	}
	for (let i = 0; i < RUNS; i++) {
		for (const b of builds) {
			at(b);
			if (SNAPSHOT === 'cold') await forgetCopies(b.context);
			if (RESTART) {
				await b.context.close();
				b.context = await open(b);
			}
			const r = await measureGridLoad(b.context);
			b.results.runs.push({ cache: r.cached ? 'warm' : 'cold', firstRowMs: Math.round(r.firstRow), firstRowBy: r.firstRowBy, firstGridRowMs: Math.round(r.firstGridRow), allRowsMs: Math.round(r.allRows), verifiedMs: Math.round(r.verified), maxLongTaskMs: Math.max(0, ...r.longTasks), longTasks: r.longTasks, marks: r.marks });
		}
	}
	for (const b of builds) await b.context.close();
	// What each page downloads from the server on a first visit: no worker answering from its cache.
	const clean = await browser.newContext({ serviceWorkers: 'block' });
	for (const b of builds) {
		at(b);
		b.results.js = [await measureJs(clean, '/'), await measureJs(clean, '/work-orders'), await measureJs(clean, '/lines/po-lines')];
	}
	// Medians of the warm visits (the first visit of a fresh profile has no copies yet), as docs/benchmarks.md gives them.
	const med = (runs, k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
	for (const { label, results } of builds) {
		console.log(`\n${label}: PO lines grid, ${LINES.toLocaleString('en-US')} lines from IndexedDB (${RUNS} runs, ${PROFILE} profile, first-rows snapshot ${SNAPSHOT}, service worker ${SERVICE_WORKERS === 'allow' ? 'on' : 'off'}${RESTART ? ', browser restarted before each visit' : ''}${WITHOUT.length ? `, without ${WITHOUT.join(' and ')}` : ''}, ms from navigation start):`);
		for (const r of results.runs) console.log(`  [${r.cache} line cache] first rows painted ${r.firstRowMs} ms (by ${r.firstRowBy}) · first AG Grid row ${r.firstGridRowMs} ms · all rows ${r.allRowsMs} ms · tables read and verified ${r.verifiedMs} ms · longest task ${r.maxLongTaskMs} ms\n    marks: ${r.marks}\n    long tasks: ${r.longTasks.join(', ')}`);
		console.log(`  median: first rows ${med(results.runs, 'firstRowMs')} ms (target ≤ 500), first AG Grid row ${med(results.runs, 'firstGridRowMs')} ms, all rows ${med(results.runs, 'allRowsMs')} ms (target ≤ 3000)`);
		for (const j of results.js) console.log(`JavaScript for ${j.path}: ${j.initialGzipKB} kB gzipped before the page draws (${j.initialRawKB} kB raw, ${j.initialFiles} files; target ≤ 350 kB gzipped); ${j.gzipKB} kB with what loads after (${j.rawKB} kB raw, ${j.files} files)`);
	}
	if (builds.length > 1) {
		console.log('\nin turns, warm visits only (median):');
		for (const { label, results } of builds) {
			const warm = results.runs.filter((r) => r.cache === 'warm');
			console.log(`  ${label}: first rows ${med(warm, 'firstRowMs')} ms · all rows ${med(warm, 'allRowsMs')} ms · longest task ${Math.max(0, ...warm.map((r) => r.maxLongTaskMs))} ms (${warm.length} visits)`);
		}
	}
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/browser.json', JSON.stringify(builds.length > 1 ? builds.map((b) => b.results) : builds[0].results, null, 2));
} finally {
	await browser.close();
	for (const b of builds) {
		b.server.close();
		rmSync(b.profileDir, { recursive: true, force: true });
	}
}
