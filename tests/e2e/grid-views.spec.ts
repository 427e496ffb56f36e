import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { cellOf, editCell, expect, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

const PAGE = '/lines/po-lines';
const LABEL = 'All PO lines';
const SNAPSHOT = 'tieout:first-rows:/lines/po-lines#all-po-lines';

const header = (grid: Locator, colId: string) => grid.locator(`.ag-header-cell[col-id="${colId}"]`);

/** The columns AG Grid shows, left to right, with their widths (its DOM keeps the order columns were made in, not where they are). */
const shownColumns = (grid: Locator) =>
	grid.locator('.ag-header-cell[col-id]').evaluateAll((cells) =>
		cells
			.map((c) => ({ id: c.getAttribute('col-id')!, left: c.getBoundingClientRect().left, width: Math.round(c.getBoundingClientRect().width) }))
			.sort((a, b) => a.left - b.left)
			.map(({ id, width }) => ({ id, width }))
	);

async function dragBy(page: Page, handle: Locator, dx: number): Promise<void> {
	const box = (await handle.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2, { steps: 4 });
	await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
	await page.mouse.up();
}

/** The totals row's cell in `colId`. */
const total = (grid: Locator, colId: string) => grid.locator(`.ag-grid-pinned-bottom-rows [col-id="${colId}"]`);

/** The money amounts of column `colId` in the rows shown, added up in cents. */
async function shownSum(grid: Locator, colId: string): Promise<number> {
	const texts = await grid.locator(`.ag-grid-scrolling-container [role="row"][row-id]:not([row-id="__totals"]) [col-id="${colId}"]`).allTextContents();
	return texts.reduce((sum, t) => sum + Math.round(Number(t.replace(/[$,]/g, '')) * 100), 0);
}

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('widths, order, sort, a filter and hidden columns are kept across a reload, and Reset columns undoes them', async ({ page }) => {
	const grid = await openGrid(page, PAGE, LABEL, 13);
	const before = await shownColumns(grid);
	const width = (cols: { id: string; width: number }[], id: string) => cols.find((c) => c.id === id)?.width;

	await dragBy(page, header(grid, 'description').locator('.ag-header-cell-resize'), 90);
	await dragBy(page, header(grid, 'costCenter').locator('.ag-header-cell-label'), -400);
	await header(grid, 'extendedCents').locator('.ag-header-cell-label').click();
	await expect(header(grid, 'extendedCents')).toHaveAttribute('aria-sort', 'ascending');
	await header(grid, 'customer').locator('.ag-header-cell-filter-button').click();
	await page.locator('.ag-filter').getByRole('textbox').first().fill('Mercy');
	await expect(rowCount(grid)).toHaveText('6 of 13 rows');
	await page.keyboard.press('Escape');
	await grid.getByRole('button', { name: 'Columns' }).click();
	const menu = page.getByRole('dialog', { name: `Columns of ${LABEL}` });
	await menu.getByRole('checkbox', { name: 'Buyer item' }).uncheck();
	await page.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(grid.getByRole('button', { name: 'Columns' })).toBeFocused();

	const after = await shownColumns(grid);
	expect(width(after, 'description')).toBeGreaterThan(width(before, 'description')! + 60);
	expect(after.map((c) => c.id)).not.toContain('buyerItemCode');
	expect(after.map((c) => c.id).indexOf('costCenter')).toBeLessThan(before.map((c) => c.id).indexOf('costCenter'));

	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	await expect(rowCount(grid)).toHaveText('6 of 13 rows');
	await expect(header(grid, 'extendedCents')).toHaveAttribute('aria-sort', 'ascending');
	expect(await shownColumns(grid)).toEqual(after);
	const extended = await grid.locator('.ag-grid-scrolling-container [role="row"][row-id]:not([row-id="__totals"])').evaluateAll((rows) =>
		rows.sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index'))).map((r) => Number(r.querySelector('[col-id="extendedCents"]')!.textContent!.replace(/[$,]/g, '')))
	);
	expect(extended).toEqual([...extended].sort((a, b) => a - b));

	await grid.getByRole('button', { name: 'Columns' }).click();
	await page.getByRole('button', { name: 'Reset columns' }).click();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await expect(header(grid, 'extendedCents')).not.toHaveAttribute('aria-sort', 'ascending');
	expect(await shownColumns(grid)).toEqual(before);
	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	expect(await shownColumns(grid)).toEqual(before);
});

test('the first rows drawn before the app starts are laid out as the kept columns: no jump when the grid takes over', async ({ page }) => {
	const grid = await openGrid(page, PAGE, LABEL, 13);
	await dragBy(page, header(grid, 'description').locator('.ag-header-cell-resize'), 120);
	await grid.getByRole('button', { name: 'Columns' }).click();
	await page.getByRole('checkbox', { name: 'Customer' }).uncheck();
	await page.keyboard.press('Escape');
	// The early drawing is kept again in the new layout a moment after the change.
	await page.waitForFunction((key) => {
		const s = JSON.parse(localStorage.getItem(key) ?? 'null') as { columns: { header: string }[] } | null;
		return !!s && !s.columns.some((c) => c.header === 'Customer');
	}, SNAPSHOT, { timeout: 15_000 });
	const kept = await page.evaluate((key) => (JSON.parse(localStorage.getItem(key)!) as { columns: { header: string; width: number }[] }).columns, SNAPSHOT);

	await page.addInitScript(() => {
		new MutationObserver((_, obs) => {
			const box = document.querySelector('[data-first-rows="all-po-lines"]');
			if (!box || !box.querySelector('tbody tr')) return;
			(window as unknown as { __drawn: unknown }).__drawn = [...box.querySelectorAll('thead th')].map((th) => th.textContent);
			obs.disconnect();
		}).observe(document, { childList: true, subtree: true });
	});
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	const drawn = await page.evaluate(() => (window as unknown as { __drawn: string[] | undefined }).__drawn);
	expect(drawn, 'first-rows.js drew the grid').toBeTruthy();
	// The drawing is of the kept columns (the marker column first, blank), each as wide as the grid then makes it.
	expect(drawn!.slice(1)).toEqual(kept.map((c) => c.header));
	const live = await shownColumns(grid);
	const liveKept = await Promise.all(live.slice(1, kept.length + 1).map(async (c) => ({ header: (await header(grid, c.id).textContent())!.trim(), width: c.width })));
	expect(liveKept).toEqual(kept.map((c) => ({ header: c.header, width: c.width })));
	expect(kept.map((c) => c.header)).not.toContain('Customer');
	expect(kept.find((c) => c.header === 'Description')!.width).toBeGreaterThan(300);
});

test('a named view brings back columns, sort, filter and search; views can be renamed and deleted', async ({ page }) => {
	const grid = await openGrid(page, PAGE, LABEL, 13);
	await grid.getByRole('button', { name: 'Views' }).click();
	const views = page.getByRole('dialog', { name: `Saved views of ${LABEL}` });
	await expect(views.getByText('No saved views yet.')).toBeVisible();
	await page.keyboard.press('Escape');

	const search = grid.getByRole('searchbox', { name: `Search ${LABEL}` });
	await search.fill('HVAC');
	await expect(rowCount(grid)).toHaveText('2 of 13 rows');
	await header(grid, 'extendedCents').locator('.ag-header-cell-label').click();
	await header(grid, 'extendedCents').locator('.ag-header-cell-label').click();
	await expect(header(grid, 'extendedCents')).toHaveAttribute('aria-sort', 'descending');
	await grid.getByRole('button', { name: 'Views' }).click();
	await views.getByRole('textbox', { name: 'View name' }).fill('HVAC work');
	await views.getByRole('button', { name: 'Save view' }).click();
	await expect(views.getByRole('button', { name: 'HVAC work', exact: true })).toBeVisible();
	await page.keyboard.press('Escape');

	// Escape in the search box clears it.
	await search.press('Escape');
	await expect(search).toHaveValue('');
	await expect(rowCount(grid)).toHaveText('13 rows');
	await grid.getByRole('button', { name: 'Columns' }).click();
	await page.getByRole('button', { name: 'Reset columns' }).click();
	await expect(header(grid, 'extendedCents')).not.toHaveAttribute('aria-sort', 'descending');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await grid.getByRole('button', { name: 'Views' }).click();
	await views.getByRole('button', { name: 'HVAC work', exact: true }).click();
	await expect(search).toHaveValue('HVAC');
	await expect(rowCount(grid)).toHaveText('2 of 13 rows');
	await expect(header(grid, 'extendedCents')).toHaveAttribute('aria-sort', 'descending');

	await grid.getByRole('button', { name: 'Views' }).click();
	await views.getByRole('button', { name: 'Rename HVAC work' }).click();
	await views.getByRole('textbox', { name: 'New name for HVAC work' }).fill('Technician time');
	await views.getByRole('textbox', { name: 'New name for HVAC work' }).press('Enter');
	await expect(views.getByRole('button', { name: 'Technician time', exact: true })).toBeVisible();
	await views.getByRole('button', { name: 'Delete Technician time' }).click();
	await expect(views.getByText('No saved views yet.')).toBeVisible();
});

test('the totals row adds up the filtered rows, follows a search and an edit, and is never a row of the data', async ({ page }) => {
	const grid = await openGrid(page, PAGE, LABEL, 13);
	await expect(total(grid, 'customer')).toHaveText('Total (13 rows)');
	await expect(total(grid, 'extendedCents')).toHaveText(dollars(await shownSum(grid, 'extendedCents')));
	// Hours and each in one column are not added together.
	await expect(total(grid, 'qtyMilli')).toHaveText('mixed');

	const search = grid.getByRole('searchbox', { name: `Search ${LABEL}` });
	await search.fill('HVAC technician');
	await expect(rowCount(grid)).toHaveText('2 of 13 rows');
	await expect(total(grid, 'customer')).toHaveText('Total (2 rows)');
	const hours = await grid.locator('.ag-grid-scrolling-container [role="row"][row-id]:not([row-id="__totals"]) [col-id="qtyMilli"]').allTextContents();
	const units = new Set(await grid.locator('.ag-grid-scrolling-container [role="row"][row-id]:not([row-id="__totals"]) [col-id="unit"]').allTextContents());
	expect(units.size).toBe(1);
	await expect(total(grid, 'qtyMilli')).toHaveText(`${hours.reduce((s, h) => s + Number(h), 0)} ${[...units][0]}`);
	const sum = await shownSum(grid, 'extendedCents');
	await expect(total(grid, 'extendedCents')).toHaveText(dollars(sum));

	const row = await stableRow(grid, 'buyerItemCode', 'HVAC-LAB-OT');
	const was = Math.round(Number((await cellOf(row, 'extendedCents').textContent())!.replace(/[$,]/g, '')) * 100);
	await editCell(cellOf(row, 'extendedCents'), '1,000.01');
	await expect(total(grid, 'extendedCents')).toHaveText(dollars(sum - was + 100001));

	// Not editable, not counted, not exported.
	await total(grid, 'extendedCents').dblclick();
	await expect(total(grid, 'extendedCents').locator('input')).toHaveCount(0);
	await expect(rowCount(grid)).toHaveText('2 of 13 rows');
	const [download] = await Promise.all([page.waitForEvent('download'), grid.getByRole('button', { name: 'Export CSV' }).click()]);
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
	expect(csv).not.toContain('Total (');

	// A search is a find, not a layout: a reload (or coming back to the page) shows every row again.
	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await expect(search).toHaveValue('');
});
