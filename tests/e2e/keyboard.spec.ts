import type { Locator } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

/**
 * The toolbar's Delete button is enabled once the grid has taken note of the focused row (AG Grid
 * reports focus and selection a moment after the DOM focus moves): Ctrl+Delete acts on that row.
 */
const deleteButton = (grid: Locator) => grid.getByRole('button', { name: 'Delete', exact: true });

test('Customers: Alt+N adds a customer; Ctrl+Delete asks first, Cancel keeps it, Delete removes it', async ({ page }) => {
	await page.goto('/customers');
	const grid = gridSection(page, 'Customers');
	await expect(rowCount(grid)).toHaveText('0 rows');

	// Keyboard only: from the toolbar button, Tab moves focus into the grid.
	await grid.getByRole('button', { name: 'New customer' }).focus();
	await page.keyboard.press('Tab');
	await expect(grid.locator('.grid-host :focus')).toHaveCount(1);
	await page.keyboard.press('Alt+n');
	await expect(rowCount(grid)).toHaveText('1 row');
	const row = await stableRow(grid, 'name', 'New customer 1');
	await expect(gridSection(page, 'Sites of New customer 1')).toBeVisible();
	// The new row's first cell has the focus, so its name can be typed straight away.
	await expect(cellOf(row, 'name')).toBeFocused();

	await cellOf(row, 'name').click();
	await expect(cellOf(row, 'name')).toBeFocused();
	await expect(deleteButton(grid)).toBeEnabled();
	await page.keyboard.press('Control+Delete');
	const dialog = page.getByRole('dialog', { name: 'Delete New customer 1?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Undo (Ctrl+Z) brings');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(rowCount(grid)).toHaveText('1 row');
	await expect(cellOf(row, 'name')).toHaveText('New customer 1');
	// Ctrl+Delete must not also clear the focused cell.
	await expect(grid.getByRole('alert')).toHaveCount(0);

	await cellOf(row, 'name').click();
	await expect(deleteButton(grid)).toBeEnabled();
	await page.keyboard.press('Control+Delete');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(dialog).toBeHidden();
	await expect(rowCount(grid)).toHaveText('0 rows');
	await expect(page.getByRole('status').filter({ hasText: 'New customer 1 deleted.' })).toBeVisible();

	await page.reload();
	await expect(rowCount(grid)).toHaveText('0 rows');
});

test('Customers: deleting a customer that still has work orders is refused, naming them', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/customers', 'Customers', 3);
	const row = await stableRow(grid, 'name', 'Bayview Retail Partners');
	await cellOf(row, 'name').click();
	await expect(cellOf(row, 'name')).toBeFocused();
	await expect(deleteButton(grid)).toBeEnabled();
	await page.keyboard.press('Control+Delete');

	const dialog = page.getByRole('dialog', { name: 'Delete Bayview Retail Partners?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(dialog).toBeHidden();

	const refusal = page.getByRole('alert').filter({ hasText: 'cannot be deleted' });
	await expect(refusal).toBeVisible();
	await expect(refusal).toContainText('Bayview Retail Partners');
	await expect(refusal).toContainText('still used by work orders');
	for (const wo of ['WO-18481', 'WO-18482', 'WO-18483']) await expect(refusal).toContainText(wo);
	await expect(rowCount(grid)).toHaveText('3 rows');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('3 rows');
	await expect(cellOf(row, 'name')).toHaveText('Bayview Retail Partners');
});

test('Customers: Ctrl+Delete then Cancel leaves the focused cell and its stored value untouched', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/customers', 'Customers', 3);
	const row = await stableRow(grid, 'name', 'Bayview Retail Partners');
	const contact = cellOf(row, 'apContact');
	await expect(contact).toHaveText('Amy Chen');

	await contact.click();
	await expect(contact).toBeFocused();
	await expect(deleteButton(grid)).toBeEnabled();
	await page.keyboard.press('Control+Delete');
	const dialog = page.getByRole('dialog', { name: 'Delete Bayview Retail Partners?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(contact).toHaveText('Amy Chen');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('3 rows');
	await expect(contact).toHaveText('Amy Chen');
});

test('All PO lines: Enter saves an edit and moves a row down, so a column is typed in like a spreadsheet; Shift+Enter moves up', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const at = (i: number) => grid.locator(`[role="row"][row-index="${i}"] [col-id="description"]`).last();

	await at(0).click();
	await expect(at(0)).toBeFocused();
	// Two edits typed straight after one another: the second starts on the row the first moved to.
	for (const text of ['First, typed', 'Second, typed']) {
		await page.keyboard.press('Enter');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(text);
		await page.keyboard.press('Enter');
	}
	await expect(at(0)).toHaveText('First, typed');
	await expect(at(1)).toHaveText('Second, typed');
	await expect(at(2)).toBeFocused();

	await page.keyboard.press('Enter');
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Third, typed');
	await page.keyboard.press('Shift+Enter');
	await expect(at(2)).toHaveText('Third, typed');
	await expect(at(1)).toBeFocused();

	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await expect(at(0)).toHaveText('First, typed');
	await expect(at(1)).toHaveText('Second, typed');
	await expect(at(2)).toHaveText('Third, typed');
});

test('Work orders: Tab walks the focused row and then leaves the grid for the selected job, which stays selected; Shift+Tab leaves the other way (regression: 125 presses, another job shown)', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await cellOf(await stableRow(grid, 'number', 'WO-18479'), 'number').click();
	const job = page.getByRole('region', { name: 'Work order WO-18479' });
	await expect(job).toBeVisible();
	const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('.grid-host'));
	let presses = 0;
	while ((await inGrid()) && presses < 40) {
		await page.keyboard.press('Tab');
		presses++;
	}
	// Columns scrolled out of view have no header cell in the page: the grid's own count of them.
	const columns = Number(await grid.locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-colcount'));
	expect(presses, 'at most one press per column of the row').toBeLessThanOrEqual(columns);
	await expect(job).toBeVisible();
	// The next stop is in the job's own detail: its actions follow the grid on the page.
	for (let i = 0; i < 20 && !(await job.evaluate((el) => el.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
	await expect(job.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button').first()).toBeVisible();
	expect(await job.evaluate((el) => el.contains(document.activeElement))).toBe(true);

	await cellOf(await stableRow(grid, 'number', 'WO-18479'), 'number').click();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	expect(await inGrid(), 'Shift+Tab from the row start leaves the grid').toBe(false);
	await expect(job).toBeVisible();
});
