import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { cellOf, editCell, expect, loadSample, openGrid, test } from './fixtures';

const KEY = 'tieout:first-rows:/lines/po-lines#all-po-lines';

/** Records the first drawing static/first-rows.js makes on the next load, and whether the app had opened the workbook by then. */
async function watchFirstRows(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __firstRows: unknown };
		w.__firstRows = null;
		new MutationObserver(() => {
			const box = document.querySelector('[data-first-rows="all-po-lines"]');
			if (!box) return;
			// A few rows are drawn first, the rest in the next frame: keep the most seen.
			const seen = w.__firstRows as { rows: number } | null;
			if (seen) {
				seen.rows = Math.max(seen.rows, box.querySelectorAll('tbody tr').length);
				return;
			}
			const first = {
				headers: [...box.querySelectorAll('thead th')].map((th) => th.textContent),
				first: [...box.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent),
				rows: box.querySelectorAll('tbody tr').length,
				elements: [...box.querySelectorAll('td *')].length,
				at: null as { left: number; top: number } | null,
				workbookOpen: performance.getEntriesByName('tieout:db-open').length > 0
			};
			w.__firstRows = first;
			// Where it is painted: measured in the next frame, once the page's style sheets apply (they
			// hold the first paint back). Measured at once, it could be laid out without app.css, which
			// a page answered by the service worker hit now and then: 8 px of default body margin.
			requestAnimationFrame(() => {
				const r = box.getBoundingClientRect();
				first.at = { left: r.left, top: r.top };
			});
		}).observe(document, { childList: true, subtree: true });
	});
}

const drawn = (page: Page) => page.evaluate(() => (window as unknown as { __firstRows: { headers: string[]; first: string[]; rows: number; elements: number; at: { left: number; top: number } | null; workbookOpen: boolean } | null }).__firstRows);

/** The first row AG Grid shows, cell by cell, in the order of its columns (pinned first). */
const firstGridRow = (page: Page) =>
	page.evaluate(() => {
		const grid = document.querySelector('[data-grid="all-po-lines"]')!;
		const ids = [...grid.querySelectorAll('.ag-header-cell[col-id]')].map((h) => h.getAttribute('col-id'));
		const row = [...grid.querySelectorAll('[row-index="0"] [col-id]')];
		return ids.map((id) => row.find((c) => c.getAttribute('col-id') === id)?.textContent ?? '');
	});

test('a reload draws the last visit’s first rows before the workbook opens, the same rows the grid then shows', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
	const shown = await firstGridRow(page);

	await watchFirstRows(page);
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const early = await drawn(page);
	expect(early, 'first-rows.js drew the grid').not.toBeNull();
	expect(early!.workbookOpen, 'drawn before the app opened the workbook').toBe(false);
	expect(early!.rows).toBeGreaterThan(5);
	// The findings marker column comes first in the drawing and is blank; then the grid's columns.
	expect(early!.first.slice(1)).toEqual(shown.slice(1, early!.first.length));
	expect(early!.headers.slice(1, 4)).toEqual(['PO', 'Customer', 'Line']);
	// Once AG Grid is up the drawing is gone: nothing stays over the live grid.
	await expect(page.locator('[data-first-rows]')).toHaveCount(0);
});

test('a line page never opened in this browser draws its first rows early, where its grid then appears', async ({ page }) => {
	await loadSample(page);
	// Only All tasks is opened, and only for a moment: its frame places the other line pages, whose
	// rows come from the workbook, kept by whatever page is open next.
	await page.goto('/lines/tasks');
	await expect(page.locator('[data-grid="all-tasks"]')).toHaveAttribute('data-ready', 'true');
	await page.goto('/customers');
	await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);

	await watchFirstRows(page);
	await page.goto('/lines/po-lines');
	const grid = page.locator('[data-grid="all-po-lines"]');
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const early = await drawn(page);
	expect(early, 'first-rows.js drew All PO lines on its first visit').not.toBeNull();
	expect(early!.workbookOpen).toBe(false);
	expect(early!.first.slice(1)).toEqual((await firstGridRow(page)).slice(1, early!.first.length));
	const frame = await grid.locator('.grid-frame').boundingBox();
	expect(early!.at, 'the drawing was painted').not.toBeNull();
	expect(Math.abs(early!.at!.left - frame!.x)).toBeLessThanOrEqual(1);
	expect(Math.abs(early!.at!.top - frame!.y)).toBeLessThanOrEqual(1);
});

test('rows changed since they were kept are not drawn, and kept text is drawn as text, never HTML', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const first = grid.locator('.ag-row[row-index="0"]');
	const markup = '<img src="x" data-pwned="1"><b>LED</b>';
	await editCell(cellOf(first, 'description'), markup);
	await expect(cellOf(first, 'description')).toHaveText(markup);
	await page.waitForFunction(([key, text]) => (localStorage.getItem(key) ?? '').includes(JSON.stringify(text).slice(1, -1)), [KEY, markup] as const);

	await watchFirstRows(page);
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const early = await drawn(page);
	expect(early).not.toBeNull();
	expect(early!.first).toContain(markup);
	expect(early!.elements, 'no element was made from the kept text').toBe(0);
	expect(await page.locator('img[data-pwned]').count()).toBe(0);

	// A write from outside Tieout (another program) leaves the kept rows stale without changing the
	// write generation: they may be drawn at once, but the check that follows withdraws them.
	const id = await first.getAttribute('row-id');
	await page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		await new Promise((resolve, reject) => {
			const tx = db.transaction('poLines', 'readwrite');
			const store = tx.objectStore('poLines');
			store.get(id!).onsuccess = (e) => store.put({ ...(e.target as IDBRequest).result, description: 'Changed elsewhere' });
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, id);
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	await page.waitForFunction(() => performance.getEntriesByName('tieout:first-rows-withdrawn').length > 0);
	await expect(page.locator('[data-first-rows]')).toHaveCount(0);
	await expect(cellOf(grid.locator(`[row-id="${id}"]`), 'description')).toHaveText('Changed elsewhere');
});

test('an edit saved just before a reload is never drawn early with its old value', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
	const first = grid.locator('.ag-row[row-index="0"]');
	const old = await cellOf(first, 'description').textContent();

	await watchFirstRows(page);
	// Reloaded as soon as the edit is stored, before the first screen is kept again.
	await editCell(cellOf(first, 'description'), 'Edited just now');
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const early = await drawn(page);
	if (early) expect(early.first).not.toContain(old);
	expect(await page.evaluate(() => performance.getEntriesByName('tieout:first-rows-withdrawn').length)).toBe(0);
	await expect(cellOf(first, 'description')).toHaveText('Edited just now');
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/** Serves All PO lines as a new build would: its entry script under another name, and `drawing` as its drawing key. */
async function serveAsNewBuild(page: Page, drawing: (key: string) => string) {
	await page.unroute('**/lines/po-lines');
	await page.route('**/lines/po-lines', async (route) => {
		const response = await route.fetch();
		const rename = (text: string) => text.replace(/(entry\/app\.[\w-]+)\.js/g, '$1-next.js');
		const original = (await response.text()).replace(/(<meta name="tieout-drawing" content=")([^"]*)"/, (_, head: string, key: string) => `${head}${drawing(key)}"`);
		let html = rename(original);
		// The start-up script names the entry, and the page's CSP allows that script by its hash.
		for (const [, script] of original.matchAll(/<script>([\s\S]*?)<\/script>/g)) html = html.replace(sha256(script!), sha256(rename(script!)));
		await route.fulfill({ response, body: html });
	});
	await page.route(/entry\/app\.[\w-]+-next\.js$/, async (route) => route.fulfill({ response: await route.fetch({ url: route.request().url().replace('-next.js', '.js') }) }));
}

test.describe('a new build', () => {
	// The new build is served by page.route, which never sees what a service worker answers: with
	// the worker, the reload would get the old build's page from its cache (as it should, until the
	// update is applied: tests/e2e/offline.spec.ts). Here the worker is blocked so the network's
	// renamed page is what loads, as it is once the update is applied.
	test.use({ serviceWorkers: 'block' });

	test('a new build draws the kept first rows early while it draws the grids the same way, and not once it draws them differently', async ({ page }) => {
		await loadSample(page);
		const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
		await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
		await watchFirstRows(page);

		await serveAsNewBuild(page, (key) => key);
		await page.reload();
		await expect(grid).toHaveAttribute('data-ready', 'true');
		expect(await page.evaluate(() => [...document.querySelectorAll('script[type="module"], script:not([src])')].some((s) => s.textContent!.includes('-next.js'))), 'the page ran the renamed entry').toBe(true);
		const early = await drawn(page);
		expect(early, 'drawn under the same drawing key').not.toBeNull();
		expect(early!.workbookOpen).toBe(false);

		await serveAsNewBuild(page, () => 'another-drawing');
		await page.reload();
		await expect(grid).toHaveAttribute('data-ready', 'true');
		expect(await drawn(page), 'a snapshot kept under another drawing key is never drawn').toBeNull();
		// The new build keeps its own first screen, under its own key, for the visit after.
		await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').drawing === 'another-drawing', KEY);
	});
});
