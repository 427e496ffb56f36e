import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('Work orders: moving the selection (click, then arrow key) shows the tasks of each work order', async ({ page }) => {
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);

	await cellOf(await stableRow(grid, 'number', 'WO-18472'), 'description').click();
	await expect(rowCount(gridSection(page, 'Tasks of WO-18472'))).toHaveText('3 rows');
	await expect(rowCount(gridSection(page, 'Change orders of WO-18472'))).toHaveText('0 rows');

	await cellOf(await stableRow(grid, 'number', 'WO-18474'), 'description').click();
	const tasks = gridSection(page, 'Tasks of WO-18474');
	await expect(rowCount(tasks)).toHaveText('4 rows');
	await expect(tasks.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="code"]')).toHaveText(['T1', 'T2', 'T3', 'T4']);
	await expect(rowCount(gridSection(page, 'Change orders of WO-18474'))).toHaveText('1 row');

	await page.keyboard.press('ArrowDown');
	await expect(rowCount(gridSection(page, 'Tasks of WO-18475'))).toHaveText('1 row');
	await expect(page.getByRole('region', { name: 'Work order WO-18475' })).toContainText('warranty of WO-18472');
});

test('Invoices: selecting another invoice shows its lines and totals', async ({ page }) => {
	const grid = await openGrid(page, '/invoices', 'Invoices', 4);

	await cellOf(await stableRow(grid, 'number', 'INV-1041'), 'number').click();
	await expect(rowCount(gridSection(page, 'Lines of INV-1041'))).toHaveText('5 rows');
	// 16 h × $125 + 34 lb × $18.50 + $95 + $350 = $3,074.00 work, + $45.00 freight.
	await expect(page.getByTestId('invoice-total')).toHaveText('$3,119.00');

	await cellOf(await stableRow(grid, 'number', 'INV-1042'), 'number').click();
	await expect(rowCount(gridSection(page, 'Lines of INV-1042'))).toHaveText('3 rows');
	// 8 h × $110 + 12 × $89 = $1,948.00, + $77.43 tax.
	await expect(page.getByTestId('invoice-total')).toHaveText('$2,025.43');
});
