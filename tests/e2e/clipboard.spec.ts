import type { Locator, Page } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

/** What a paste from Excel delivers: a paste event with the block as text/plain, at the focused cell. */
async function paste(page: Page, text: string): Promise<void> {
	await page.evaluate((t) => {
		const data = new DataTransfer();
		data.setData('text/plain', t);
		(document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, text);
}

const undoButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Undo/ });

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveAttribute('data-pending', '0');

/** The grid's message under itself (a refusal). */
const refusal = (grid: Locator) => grid.getByRole('alert');

async function poLines(page: Page): Promise<Locator> {
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	await cellOf(await stableRow(pos, 'number', '884120'), 'number').click();
	const lines = gridSection(page, 'Lines of PO 884120');
	await expect(rowCount(lines)).toHaveText('6 rows');
	return lines;
}

/** 500 rows as Excel copies them: CRLF rows, a description with a quoted line break, `$` amounts, credits in parentheses and with a trailing minus. */
function spreadsheetRows(n: number): string {
	const rows: string[] = [];
	for (let i = 1; i <= n; i++) {
		const credit = i % 10 === 0;
		const description = i === 1 ? '"Chiller startup, ""after hours""\nsecond visit"' : `Line ${i} labor`;
		rows.push([`BI-${i}`, description, credit ? '1' : '2', credit ? 'ea' : 'hr', credit ? '(150.00)' : '$1,234.50', credit ? '150.00-' : '$2,469.00'].join('\t'));
	}
	return rows.join('\r\n') + '\r\n';
}

test('A 500-row block from Excel pasted on a PO’s lines: each cell read as typed, rows added, stored as one change', async ({ page }) => {
	const lines = await poLines(page);
	const codes = lines.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="buyerItemCode"]');
	const codesBefore = await codes.allInnerTexts();
	await cellOf(await stableRow(lines, 'lineNo', '1'), 'buyerItemCode').click();
	await paste(page, spreadsheetRows(500));
	await expect(rowCount(lines)).toHaveText('500 rows');
	await expect(refusal(lines)).toHaveCount(0);
	await saved(page);

	const first = await stableRow(lines, 'lineNo', '1');
	await expect(cellOf(first, 'buyerItemCode')).toHaveText('BI-1');
	await expect(cellOf(first, 'description')).toHaveText('Chiller startup, "after hours"\nsecond visit');
	await expect(cellOf(first, 'unitPriceCents')).toHaveText('$1,234.50');
	await expect(cellOf(first, 'extendedCents')).toHaveText('$2,469.00');
	// A credit line: both ways of writing a negative amount.
	const credit = await stableRow(lines, 'buyerItemCode', 'BI-10');
	await expect(cellOf(credit, 'unitPriceCents')).toContainText('150.00');
	await expect(cellOf(credit, 'extendedCents')).toHaveText(await cellOf(credit, 'unitPriceCents').innerText());

	await page.reload();
	await cellOf(await stableRow(gridSection(page, 'Purchase orders'), 'number', '884120'), 'number').click();
	await expect(rowCount(lines)).toHaveText('500 rows');

	// One step back: the 494 new lines go and the six lines read as before; one step forward again.
	await expect(undoButton(page)).toHaveAccessibleName('Undo paste of 500 rows');
	await page.keyboard.press('Control+z');
	await expect(rowCount(lines)).toHaveText('6 rows');
	await expect(codes).toHaveText(codesBefore);
	await page.keyboard.press('Control+Shift+z');
	await expect(rowCount(lines)).toHaveText('500 rows');
	await expect(cellOf(await stableRow(lines, 'lineNo', '1'), 'buyerItemCode')).toHaveText('BI-1');
});

test('A paste with refused cells names each by row and column, and changes nothing', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('16');
	await cellOf(row, 'qtyMilli').click();
	const before = await grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="qtyMilli"]').allInnerTexts();
	// Qty, Unit, Rate, then the worked-out Amount.
	await paste(page, '20\th\t$130.00\t$1.00\r\nabc\th\tten\t\r\n');
	const alert = refusal(grid);
	await expect(alert).toContainText('Nothing was pasted');
	await expect(alert).toContainText(/Rows? \d+(–\d+)?, Amount: is worked out from other cells, not typed/);
	await expect(alert).toContainText(/Row \d+, Qty: "abc"/);
	await expect(alert).toContainText(/Row \d+, Rate: "ten"/);
	await expect(grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="qtyMilli"]')).toHaveText(before);
	await expect(cellOf(row, 'rateCents')).toHaveText('$125.00');
});

test('Tabs pasted into an open cell editor go across the cells, never into the one cell', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	await cellOf(row, 'unit').dblclick();
	await expect(cellOf(row, 'unit').locator('input')).toBeFocused();
	await paste(page, 'day\t$900.00');
	await expect(cellOf(row, 'unit')).toHaveText('day');
	await expect(cellOf(row, 'rateCents')).toHaveText('$900.00');
	await saved(page);
});

test('Ctrl+C copies a Shift+arrow block as TSV that spreadsheets read; Escape lets the block go', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	await grid.getByRole('searchbox').fill('WO-18472');
	await expect(rowCount(grid)).toHaveText('3 of 22 rows');
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	await cellOf(row, 'description').click();
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowDown');
	await expect(grid.locator('.in-block')).toHaveCount(6);
	await page.keyboard.press('ControlOrMeta+c');
	const text = await page.evaluate(() => navigator.clipboard.readText());
	const lines = text.split('\r\n');
	expect(lines[0]).toBe('Startup labor, standard time\tlabor\t16');
	expect(lines[1]!.split('\t')).toHaveLength(3);
	expect(lines[2]).toBe('');
	await page.keyboard.press('Escape');
	await expect(grid.locator('.in-block')).toHaveCount(0);

	// Pasted back one row down with the keyboard: the clipboard's own Ctrl+V.
	await page.evaluate(() => navigator.clipboard.writeText('Rewired\tlabor\t3\r\n'));
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ControlOrMeta+v');
	await expect(grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="description"]', { hasText: 'Rewired' })).toHaveCount(1);
	await saved(page);
});

test('Ctrl+D fills the top cell of a block down, as one change that survives a reload', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	await grid.getByRole('searchbox').fill('WO-18474');
	await expect(rowCount(grid)).toHaveText('4 of 22 rows');
	const cells = grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="unit"]');
	const top = (await cells.first().innerText()).trim();
	const unitsBefore = await cells.allInnerTexts();
	expect(new Set(unitsBefore).size, 'the four units differ before the fill').toBeGreaterThan(1);
	await cells.first().click();
	for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('ControlOrMeta+d');
	await expect(cells).toHaveText([top, top, top, top]);
	await saved(page);
	await page.reload();
	await grid.getByRole('searchbox').fill('WO-18474');
	await expect(cells).toHaveText([top, top, top, top]);
	// The step counts the rows the fill changed: those below whose unit was not the top one's already.
	const changed = unitsBefore.slice(1).filter((u) => u.trim() !== top).length;
	await expect(undoButton(page)).toHaveAccessibleName(`Undo fill of ${changed} row${changed === 1 ? '' : 's'}`);
	await undoButton(page).click();
	await expect(cells).toHaveText(unitsBefore);
});

test('Delete clears a block of cells as one change; a required column refuses, saying why', async ({ page }) => {
	const lines = await poLines(page);
	const cc = lines.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="costCenter"]');
	await expect(cc.first()).not.toHaveText('');
	const centres = await cc.allInnerTexts();
	await cc.first().click();
	await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('Delete');
	await expect(cc.nth(0)).toHaveText('');
	await expect(cc.nth(1)).toHaveText('');
	await expect(cc.nth(2)).not.toHaveText('');
	await saved(page);
	// The clear is one step: both cost centres come back, also after a reload.
	await page.keyboard.press('Control+z');
	await expect(cc).toHaveText(centres);
	await saved(page);
	await page.reload();
	await cellOf(await stableRow(gridSection(page, 'Purchase orders'), 'number', '884120'), 'number').click();
	await expect(cc).toHaveText(centres);

	const description = lines.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="description"]').first();
	const text = await description.innerText();
	await description.click();
	await page.keyboard.press('Delete');
	await expect(refusal(lines)).toContainText('Row 1, Description: is required, so it cannot be cleared');
	await expect(description).toHaveText(text);
});

test('Shift-click and Ctrl-click select rows; deleting them asks with the count, refuses rows still used, and is one change', async ({ page }) => {
	const grid = await openGrid(page, '/customers', 'Customers', 3);
	const names = grid.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="name"]');
	await names.nth(0).click();
	await names.nth(1).click({ modifiers: ['Shift'] });
	await expect(grid.locator('[role="row"][row-id]:not([row-id="__totals"]).ag-row-selected')).toHaveCount(2);
	await page.keyboard.press('Control+Delete');
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Delete 2 rows?');
	await dialog.getByRole('button', { name: 'Delete 2 rows' }).click();
	// Both have sites and jobs: nothing is deleted, and each is named.
	await expect(page.getByRole('alert').filter({ hasText: 'Nothing was deleted' })).toContainText('is still used by');
	await expect(rowCount(grid)).toHaveText('3 rows');

	await grid.getByRole('button', { name: 'New customer' }).click();
	await expect(rowCount(grid)).toHaveText('4 rows');
	await page.keyboard.press('Escape');
	await grid.getByRole('button', { name: 'New customer' }).click();
	await expect(rowCount(grid)).toHaveText('5 rows');
	await page.keyboard.press('Escape');
	const first = cellOf(await stableRow(grid, 'name', 'New customer 1'), 'name');
	const second = cellOf(await stableRow(grid, 'name', 'New customer 2'), 'name');
	await first.click();
	await second.click({ modifiers: ['ControlOrMeta'] });
	await expect(grid.locator('[role="row"][row-id]:not([row-id="__totals"]).ag-row-selected')).toHaveCount(2);
	await grid.getByRole('button', { name: 'Delete' }).click();
	await expect(dialog).toContainText('Delete 2 rows?');
	await dialog.getByRole('button', { name: 'Delete 2 rows' }).click();
	await expect(rowCount(grid)).toHaveText('3 rows');
	await expect(page.getByRole('status').filter({ hasText: '2 rows deleted.' })).toBeVisible();
});

test('A Yes/No cell takes y, n, t, f, 1, 0 and yes/no typed', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	const done = cellOf(row, 'done');
	for (const [typed, shown] of [
		['n', 'No'],
		['y', 'Yes'],
		['f', 'No'],
		['t', 'Yes'],
		['0', 'No'],
		['1', 'Yes'],
		['no', 'No'],
		['yes', 'Yes']
	]) {
		await done.click();
		await page.keyboard.type(typed!);
		await page.keyboard.press('Enter');
		await expect(done).toHaveText(shown!);
		await saved(page);
	}
});

test('The cell menu opens by right-click or Shift+F10, moves with arrows, and Escape returns focus to the cell', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	const unit = cellOf(row, 'unit');
	await unit.click({ button: 'right' });
	const menu = page.getByRole('menu');
	await expect(menu.getByRole('menuitem')).toHaveText([/^Copy/, /^Paste/, /^Fill down/, /^Clear/, /^Delete row…/, /^Export this row/]);
	await expect(menu.getByRole('menuitem').first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: /^Paste/ })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(unit).toBeFocused();

	await page.keyboard.press('Shift+F10');
	await expect(menu).toBeVisible();
	const download = page.waitForEvent('download');
	await menu.getByRole('menuitem', { name: /^Export this row/ }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.csv$/);
});
