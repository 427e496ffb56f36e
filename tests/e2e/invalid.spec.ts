import { cellOf, editCell, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('"abc" in a money cell is refused with an alert, keeps the old value, and stores nothing', async ({ page }) => {
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const row = await stableRow(grid, 'description', 'Electrician labor');
	const price = cellOf(row, 'unitPriceCents');
	await expect(price).toHaveText('$110.00');

	await price.dblclick();
	const input = price.locator('input');
	await expect(input).toBeFocused();
	await input.fill('abc');
	await input.press('Enter');

	const alert = grid.locator('p.edit-error[role="alert"]');
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('Unit price');
	await expect(alert).toContainText('"abc" is not an amount');
	await expect(alert).toContainText('Nothing was saved.');
	await expect(price).toHaveText('$110.00');
	await expect(cellOf(row, 'computed')).toHaveText('$4,400.00');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await expect(price).toHaveText('$110.00');
	await expect(cellOf(row, 'computed')).toHaveText('$4,400.00');
	await expect(grid.getByRole('alert')).toHaveCount(0);
});

test('renaming WO-18473 to the existing WO-18472 is refused: "already used"', async ({ page }) => {
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	const row = await stableRow(grid, 'number', 'WO-18473');
	const number = cellOf(row, 'number');

	await number.dblclick();
	const input = number.locator('input');
	await expect(input).toBeFocused();
	await input.fill('WO-18472');
	await input.press('Enter');

	const alert = grid.locator('p.edit-error[role="alert"]');
	await expect(alert).toContainText('already used');
	await expect(alert).toContainText('WO-18472');
	await expect(number).toHaveText('WO-18473');
	await expect(gridSection(page, 'Work orders').locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="number"]', { hasText: /^WO-18472$/ })).toHaveCount(1);

	await page.reload();
	await expect(rowCount(grid)).toHaveText('12 rows');
	await expect(number).toHaveText('WO-18473');
});

test('a line number already used on its invoice is refused by storage, and the cell shows the stored number again', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	// INV-1043 line 2 is the refrigerant top-up; line 1 is the overtime labour.
	const row = await stableRow(grid, 'description', 'Refrigerant top-up R-134a');
	const lineNo = cellOf(row, 'lineNo');
	await expect(lineNo).toHaveText('2');

	await editCell(lineNo, '1');

	// The uniqueness of a line number is storage's to judge: it refuses, and the cell shows what is stored.
	const alert = grid.locator('p.edit-error[role="alert"]');
	await expect(alert).toContainText('Invoice INV-1043 already has a line 1');
	await expect(lineNo).toHaveText('2');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('15 rows');
	await expect(cellOf(await stableRow(grid, 'description', 'Refrigerant top-up R-134a'), 'lineNo')).toHaveText('2');
});
