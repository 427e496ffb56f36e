import { fileURLToPath } from 'node:url';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from '../bench/static-server.mjs';
import { testLaunch } from '../chromium.mjs';
import { cellOf, expect, openGrid, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

// These tests serve build/ as a static host does (tests/bench/static-server.mjs: unknown paths get
// 200.html, adapter-static's fallback), each on its own port: the update test changes the files.
const BUILD = 'build';
// The one spec about the service worker: the others run without it (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const PAGES: [path: string, heading: string][] = [
	['/', 'Workbook'],
	['/exceptions', 'Exceptions'],
	['/work-orders', 'Work orders'],
	['/purchase-orders', 'Purchase orders'],
	['/invoices', 'Invoices'],
	['/lines/tasks', 'All tasks'],
	['/lines/po-lines', 'All PO lines'],
	['/lines/invoice-lines', 'All invoice lines'],
	['/customers', 'Customers'],
	['/settings', 'Settings']
];

async function serve(root: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
	const server = (await serveBuild(root, port)) as Server;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Waits until the service worker serves this page: from then on the site opens offline. */
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

/** Collects the page's Content-Security-Policy violations (each also logs a console error, which the fixture fails on). */
async function watchCsp(context: BrowserContext) {
	await context.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** Asks the worker that controls the page which build it is (src/service-worker.ts). */
const workerVersion = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = (e) => resolve(e.data as string);
				navigator.serviceWorker.controller!.postMessage({ type: 'version' }, [channel.port2]);
			})
	);

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());

test('after one visit to the home page, every page opens offline (typed, reloaded, in a new tab, never visited) and works on the workbook', async ({ page, context }) => {
	test.setTimeout(120_000);
	const site = await serve(BUILD, 4211);
	try {
		await watchCsp(context);
		await page.goto(`${site.url}/`);
		await expect(page.getByRole('heading', { level: 1, name: 'Workbook', exact: true })).toBeVisible();
		await controlled(page);

		await context.setOffline(true);
		// No page below has been opened before: each is typed into the same tab, with the network off.
		for (const [path, heading] of PAGES) {
			await page.goto(`${site.url}${path}`);
			await expect(page.getByRole('heading', { level: 1, name: heading, exact: true }), `${path} opens offline`).toBeVisible();
			expect(await cspViolations(page), `no CSP violation on ${path}`).toEqual([]);
		}
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		// A query string does not make a page unknown.
		await page.goto(`${site.url}/invoices?id=nothing-yet`);
		await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();

		const tab = await context.newPage();
		await tab.goto(`${site.url}/exceptions`);
		await expect(tab.getByRole('heading', { level: 1, name: 'Exceptions' })).toBeVisible();
		await tab.close();

		// The workbook is stored and read offline.
		await page.goto(`${site.url}/`);
		await page.getByRole('button', { name: 'Load sample data' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Sample workbook loaded' })).toBeVisible();
		await openGrid(page, `${site.url}/work-orders`, 'Work orders', 12);

		// A PDF is drawn offline: the PDF worker's own chunks (jsPDF) were kept too.
		await page.goto(`${site.url}/invoices`);
		await page.getByRole('gridcell', { name: 'INV-1042' }).click();
		const download = page.waitForEvent('download', { timeout: 30_000 });
		await page.getByRole('button', { name: 'Download PDF' }).click();
		expect((await readPdf(await download)).text).toContain('INV-1042');
		expect(await cspViolations(page)).toEqual([]);

		// A buyer's PO PDF is read offline: pdf.js's chunks, which only the import worker loads, were kept too.
		await page.goto(`${site.url}/purchase-orders`);
		const wizard = page.getByRole('region', { name: 'Import purchase orders' });
		await wizard.getByLabel('Import PDF').setInputFiles(fileURLToPath(new URL('../fixtures/po-pdf/oracle.pdf', import.meta.url)));
		await expect(wizard.getByText('oracle.pdf: PDF of 1 page, 5 lines found in its table')).toBeVisible();
		expect(await cspViolations(page)).toEqual([]);
	} finally {
		await context.setOffline(false).catch(() => {});
		await site.close();
	}
});

// Not the fixture's `test`: SvelteKit logs the page it cannot find as a console error, online or offline.
base('an unknown page opened offline gets the app, which says it is not found', async ({ page, context }) => {
	const site = await serve(BUILD, 4212);
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().includes('Not found: /no-such-page')) problems.push(m.text());
	});
	try {
		await page.goto(`${site.url}/`);
		await controlled(page);
		await context.setOffline(true);
		await page.goto(`${site.url}/no-such-page`);
		await expect(page.getByRole('heading', { name: '404' })).toBeVisible();
		await expect(page.getByText('Not Found')).toBeVisible();
		// The app around it works: its navigation opens a page.
		await page.getByRole('link', { name: 'Customers', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
		expect(problems).toEqual([]);
	} finally {
		await context.setOffline(false).catch(() => {});
		await site.close();
	}
});

/**
 * Makes `dir` a new build as far as the worker can tell: `version` in the service worker (and so in
 * its cache's name). With `drop`, that build no longer has the file: a tab still on the old build
 * can get it from the old build's cache only.
 */
async function deployNewVersion(dir: string, from: string, version: string, drop?: string) {
	const swFile = join(dir, 'service-worker.js');
	let sw = (await readFile(swFile, 'utf8')).replaceAll(from, version);
	if (drop) {
		expect(sw).toContain(drop);
		sw = sw.replaceAll(drop, '/favicon.svg');
		const listFile = join(dir, '_app/built-files.json');
		const list = JSON.parse(await readFile(listFile, 'utf8')) as string[];
		await writeFile(listFile, JSON.stringify(list.filter((f) => `/${f}` !== drop)));
		await rm(join(dir, drop));
	}
	expect(sw).toContain(version);
	await writeFile(swFile, sw);
}

/** As when the tab is shown again: the app checks for a new build. */
const checkForUpdate = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

test('a new build is offered, waits while a cell is being edited, and is applied on Reload; another tab keeps running the old build', async ({ page, context }) => {
	test.setTimeout(120_000);
	const dir = await mkdtemp(join(tmpdir(), 'tieout-update-'));
	await cp(BUILD, dir, { recursive: true });
	const site = await serve(dir, 4213);
	try {
		const v1 = JSON.parse(await readFile(join(dir, '_app/version.json'), 'utf8')).version as string;
		// The Customers page's own chunk, which tab B below has not loaded yet.
		const customersNode = /\.\/(_app\/immutable\/nodes\/\d+\.[\w-]+\.js)/.exec((await readFile(join(dir, 'customers.html'), 'utf8')).replace(/[\s\S]*?nodes\/0\.[\w-]+\.js/, ''))![1]!;

		await page.goto(`${site.url}/`);
		await controlled(page);
		await page.getByRole('button', { name: 'Load sample data' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Sample workbook loaded' })).toBeVisible();
		const grid = await openGrid(page, `${site.url}/lines/tasks`, 'All tasks', 22);
		expect(await workerVersion(page)).toBe(v1);
		const tabB = await context.newPage();
		await tabB.goto(`${site.url}/`);
		await expect(tabB.getByRole('heading', { level: 1, name: 'Workbook', exact: true })).toBeVisible();

		await deployNewVersion(dir, v1, 'v2-test', `/${customersNode}`);
		// Not from the HTTP cache either (the old worker's install put every file there, and a browser
		// may evict it at any time): the old build's own cache is the one place left.
		await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
		await checkForUpdate(page);
		const banner = page.getByRole('status').filter({ hasText: 'Tieout was updated: reload when ready.' });
		// The new build's worker caches every file of the build before it is offered: on a busy
		// two-core runner that has taken longer than the usual wait (failed twice in a row in CI).
		await expect(banner).toBeVisible({ timeout: 30_000 });
		const reload = banner.getByRole('button');
		await expect(reload).toHaveText('Reload');
		await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
		const stillHere = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

		// An open editor holds the reload back, and the button says so.
		const row = await stableRow(grid, 'description', 'Startup labor, standard time');
		const qty = cellOf(row, 'qtyMilli');
		await qty.dblclick();
		await expect(qty.locator('input')).toBeFocused();
		await expect(reload).toHaveText('Finish editing the cell to reload');
		await expect(reload).toBeDisabled();
		await reload.dispatchEvent('click');
		await page.waitForTimeout(1_000);
		expect(await stillHere(), 'no reload while the editor is open').toBe(true);
		await expect(qty.locator('input')).toBeFocused();
		expect(await workerVersion(page)).toBe(v1);

		await qty.locator('input').press('Escape');
		await expect(qty.locator('input')).toHaveCount(0);
		await expect(reload).toHaveText('Reload');
		const loaded = page.waitForEvent('load');
		await reload.click();
		await loaded;
		await expect(page.getByRole('heading', { level: 1, name: 'All tasks' })).toBeVisible();
		expect(await stillHere(), 'the page was reloaded').toBe(false);
		expect(await workerVersion(page)).toBe('v2-test');
		await expect(page.getByRole('status').filter({ hasText: 'Tieout was updated' })).toHaveCount(0);
		// The old build's files stay while a tab may still run it.
		expect(await cacheNames(page)).toEqual(['tieout-app-v2-test', `tieout-app-${v1}`, 'tieout-meta'].sort());

		// Tab B still runs the old build: told, not reloaded, and it still opens a page it never opened,
		// whose chunk only the old build's cache holds now.
		await expect(tabB.getByRole('status').filter({ hasText: 'Tieout was updated in another tab: reload when ready.' })).toBeVisible();
		await tabB.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
		await tabB.getByRole('link', { name: 'Customers', exact: true }).click();
		await expect(tabB.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
		expect(await tabB.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), 'opened by the old build, in place').toBe(true);
		await tabB.close();

		// A third build: the first one's cache goes, the last two stay.
		await deployNewVersion(dir, 'v2-test', 'v3-test');
		await checkForUpdate(page);
		await expect(banner).toBeVisible();
		const again = page.waitForEvent('load');
		await banner.getByRole('button', { name: 'Reload' }).click();
		await again;
		await expect(page.getByRole('heading', { level: 1, name: 'All tasks' })).toBeVisible();
		expect(await workerVersion(page)).toBe('v3-test');
		expect(await cacheNames(page)).toEqual(['tieout-app-v2-test', 'tieout-app-v3-test', 'tieout-meta'].sort());
	} finally {
		await site.close();
		await rm(dir, { recursive: true, force: true });
	}
});

// Not the fixture's `test`: Chromium never offers to install from an off-the-record context, which
// is what Playwright's contexts are, so this one has a profile on disk and watches for problems itself.
base('Chromium finds Tieout installable', async ({ playwright, baseURL }) => {
	const profile = await mkdtemp(join(tmpdir(), 'tieout-install-'));
	const context = await playwright.chromium.launchPersistentContext(profile, { ...testLaunch });
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(e.message));
		page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
		page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url()}`));
		await page.goto(`${baseURL}/`);
		await expect(page.getByRole('heading', { level: 1, name: 'Workbook', exact: true })).toBeVisible();
		await controlled(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		expect(JSON.parse(manifest.data!)).toMatchObject({ name: 'Tieout', short_name: 'Tieout', display: 'standalone', theme_color: '#1f4e5f' });
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		expect(problems).toEqual([]);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});
