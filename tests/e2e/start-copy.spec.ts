import type { Page } from '@playwright/test';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';

const COPY = 'tieout:start-copy:tieout';

/**
 * As after a browser restart: the app's IndexedDB open is answered `ms` late. Also removes every
 * kept first screen, as a new build that draws the grids differently finds them void, and notes
 * what the app had done when its preview of All PO lines first appeared.
 */
async function slowOpenNewDrawing(page: Page, ms: number) {
	await page.addInitScript((ms) => {
		for (const key of Object.keys(localStorage)) if (key.startsWith('tieout:first-rows:')) localStorage.removeItem(key);
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
			const req = version === undefined ? open.call(this, name) : open.call(this, name, version);
			const set = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!.set!;
			Object.defineProperty(req, 'onsuccess', { set: (fn: (e: Event) => void) => set.call(req, (e: Event) => setTimeout(() => fn.call(req, e), ms)) });
			return req;
		};
		const w = window as unknown as { __preview: unknown };
		w.__preview = null;
		new MutationObserver(() => {
			const cells = document.querySelectorAll('[data-grid="all-po-lines"] [data-preview] tbody tr:first-child td');
			if (w.__preview || !cells.length) return;
			w.__preview = {
				first: [...cells].map((td) => td.textContent),
				copyUsed: performance.getEntriesByName('tieout:start-copy-used').length > 0,
				workbookOpen: performance.getEntriesByName('tieout:db-open').length > 0
			};
		}).observe(document, { childList: true, subtree: true });
	}, ms);
}

const preview = (page: Page) => page.evaluate(() => (window as unknown as { __preview: { first: string[]; copyUsed: boolean; workbookOpen: boolean } | null }).__preview);

/** Opens All PO lines and waits until the start copy has been written at the workbook's generation. */
async function keptStartCopy(page: Page) {
	await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await page.waitForFunction((key) => {
		const copy = JSON.parse(localStorage.getItem(key) ?? 'null');
		return copy && copy.gen === localStorage.getItem('tieout:generation:tieout');
	}, COPY, { timeout: 15_000 });
}

test('after an update that draws the grids anew, the first rows are drawn from the kept records before the workbook opens', async ({ page }) => {
	await loadSample(page);
	await keptStartCopy(page);
	await slowOpenNewDrawing(page, 1500);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const early = await preview(page);
	expect(early, 'the app drew its preview').not.toBeNull();
	expect(early!.copyUsed).toBe(true);
	expect(early!.workbookOpen).toBe(false);
	// The same rows the grid shows once the workbook has been read.
	const row = grid.locator('[role="row"][row-index="0"]').filter({ has: page.locator('[col-id="description"]') });
	expect(early!.first).toContain(await row.locator('[col-id="description"]').textContent());
});

test('kept records from before the last write are not drawn: the rows wait for the workbook', async ({ page }) => {
	await loadSample(page);
	await keptStartCopy(page);
	// A write the copy does not hold (the generation moves on with every write through Tieout).
	await page.evaluate(() => localStorage.setItem('tieout:generation:tieout', 'changed-since'));
	await slowOpenNewDrawing(page, 800);
	await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const early = await preview(page);
	expect(early?.copyUsed ?? false).toBe(false);
	if (early) expect(early.workbookOpen).toBe(true);
});

test('a record added while the page is drawn from kept records is stored once the workbook has been read', async ({ page }) => {
	await loadSample(page);
	await keptStartCopy(page);
	await slowOpenNewDrawing(page, 1500);
	await page.goto('/customers');
	await expect(page.getByRole('button', { name: 'New customer' })).toBeEnabled();
	expect(await page.evaluate(() => performance.getEntriesByName('tieout:db-open').length)).toBe(0);
	await page.getByRole('button', { name: 'New customer' }).click();
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-pending', '0', { timeout: 10_000 });
	await page.reload();
	await expect(page.locator('[data-grid="customers"]')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('[data-grid="customers"] [data-testid="row-count"]')).toHaveText('4 rows');
});

test('a grid drawn from kept records shows its findings once the workbook is read, and keeps them current', async ({ page }) => {
	await loadSample(page);
	await keptStartCopy(page);
	await slowOpenNewDrawing(page, 1500);
	await page.goto('/lines/invoice-lines');
	const grid = page.locator('[data-grid="all-invoice-lines"]');
	await expect(grid).toHaveAttribute('data-ready', 'true');
	expect(await page.evaluate(() => performance.getEntriesByName('tieout:db-open').length), 'the grid came up before the workbook opened').toBe(0);
	const lift = await stableRow(grid, 'description', 'Scissor lift rental, 1 day');
	await expect(cellOf(lift, 'woNumber')).toHaveAttribute('data-findings', /LINE_UNBACKED/, { timeout: 10_000 });
	await expect(cellOf(await stableRow(grid, 'description', 'Refrigerant charge R-134a'), 'qtyMilli')).toHaveAttribute('data-findings', 'QTY_OVER_PERFORMED');
	// A line of the draft INV-1043 (a sent invoice's lines are locked): 5 lb more than its task did.
	const row = await stableRow(grid, 'description', 'Refrigerant top-up R-134a');
	await expect(cellOf(row, 'qtyMilli')).not.toHaveAttribute('data-findings');
	await editCell(cellOf(row, 'qtyMilli'), '25');
	await expect(cellOf(row, 'qtyMilli')).toHaveAttribute('data-findings', 'QTY_OVER_PERFORMED');
});

test('an invoice marked sent while the page is drawn from kept records is checked against every line first', async ({ page }) => {
	await loadSample(page);
	await keptStartCopy(page);
	await slowOpenNewDrawing(page, 1500);
	await page.goto('/invoices');
	const grid = gridSection(page, 'Invoices');
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const row = await stableRow(grid, 'number', 'INV-1043');
	await cellOf(row, 'number').click();
	expect(await page.evaluate(() => performance.getEntriesByName('tieout:db-open').length), 'asked before the workbook opened').toBe(0);
	await page.getByRole('button', { name: 'Mark sent' }).click();
	// No findings yet is not no errors: the question waits for the check, and names the errors.
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('heading')).toContainText('INV-1043 has', { timeout: 10_000 });
	await expect(dialog).toContainText(/warranty/i);
	await dialog.getByRole('button', { name: 'Fix first' }).click();
	await expect(cellOf(row, 'status')).toHaveText('draft');
});
