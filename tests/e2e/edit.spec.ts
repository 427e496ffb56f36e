import { cellOf, editCell, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('All tasks: editing a task quantity recomputes its amount and survives a reload', async ({ page }) => {
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	// WO-18472 T1: 16 h at $125.00.
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('16');
	await expect(cellOf(row, 'amount')).toHaveText('$2,000.00');

	await editCell(cellOf(row, 'qtyMilli'), '20.5');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('20.5');
	await expect(cellOf(row, 'amount')).toHaveText('$2,562.50');
	await expect(grid.getByRole('alert')).toHaveCount(0);

	await page.reload();
	await expect(rowCount(grid)).toHaveText('22 rows');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('20.5');
	await expect(cellOf(row, 'amount')).toHaveText('$2,562.50');
});

test('All PO lines: typing "$130.00" as a unit price recomputes qty × price and the extended amount that was its product, and survives a reload', async ({ page }) => {
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	// Harbor Point PO 1001 line 1: 40 h at $110.00.
	const row = await stableRow(grid, 'description', 'Electrician labor');
	await expect(cellOf(row, 'unitPriceCents')).toHaveText('$110.00');
	await expect(cellOf(row, 'computed')).toHaveText('$4,400.00');

	await editCell(cellOf(row, 'unitPriceCents'), '$130.00');
	await expect(cellOf(row, 'unitPriceCents')).toHaveText('$130.00');
	await expect(cellOf(row, 'computed')).toHaveText('$5,200.00');
	// The extended amount was 40 × $110.00, so it follows the corrected price.
	await expect(cellOf(row, 'extendedCents')).toHaveText('$5,200.00');
	await expect(grid.getByRole('alert')).toHaveCount(0);
	// A buyer's own figure that is not the product (a lump sum) stays as typed when the quantity changes.
	await editCell(cellOf(row, 'extendedCents'), '$5,000.00');
	await editCell(cellOf(row, 'qtyMilli'), '42');
	await expect(cellOf(row, 'computed')).toHaveText('$5,460.00');
	await expect(cellOf(row, 'extendedCents')).toHaveText('$5,000.00');

	await page.reload();
	await expect(rowCount(grid)).toHaveText('13 rows');
	await expect(cellOf(row, 'unitPriceCents')).toHaveText('$130.00');
	await expect(cellOf(row, 'computed')).toHaveText('$5,460.00');
	await expect(cellOf(row, 'extendedCents')).toHaveText('$5,000.00');
});

test('A PO line typed by hand authorises what its quantity and price say', async ({ page }) => {
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	await cellOf(await stableRow(pos, 'number', '884120'), 'number').click();
	const lines = gridSection(page, 'Lines of PO 884120');
	await expect(rowCount(lines)).toHaveText('6 rows');
	await lines.getByRole('button', { name: 'Add line' }).click();
	await expect(rowCount(lines)).toHaveText('7 rows');
	const added = await stableRow(lines, 'description', 'New line');
	await editCell(cellOf(added, 'qtyMilli'), '8');
	await editCell(cellOf(added, 'unitPriceCents'), '$95.00');
	await expect(cellOf(added, 'extendedCents')).toHaveText('$760.00');
	await expect(cellOf(added, 'remaining')).toHaveText('$760.00');
});

test('All invoice lines: editing a description and a quantity recomputes the amount and survives a reload', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	// INV-1044 (a draft: a sent invoice's lines are locked) line 2: 1 ea at $214.00.
	const row = await stableRow(grid, 'description', 'Zone valve actuator');
	await expect(cellOf(row, 'amount')).toHaveText('$214.00');

	await editCell(cellOf(row, 'description'), 'Zone valve actuator, 24 V');
	await expect(cellOf(row, 'description')).toHaveText('Zone valve actuator, 24 V');
	await editCell(cellOf(row, 'qtyMilli'), '2');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('2');
	await expect(cellOf(row, 'amount')).toHaveText('$428.00');
	await expect(grid.getByRole('alert')).toHaveCount(0);

	await page.reload();
	await expect(rowCount(grid)).toHaveText('15 rows');
	await expect(cellOf(row, 'description')).toHaveText('Zone valve actuator, 24 V');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('2');
	await expect(cellOf(row, 'amount')).toHaveText('$428.00');
});

test('Purchase orders: editing a line of the selected PO 884120 recomputes it and survives a reload', async ({ page }) => {
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const po = await stableRow(pos, 'number', '884120');
	await cellOf(po, 'number').click();
	await expect(po).toHaveAttribute('aria-selected', 'true');
	const lines = gridSection(page, 'Lines of PO 884120');
	await expect(rowCount(lines)).toHaveText('6 rows');

	// Line 6: trip charge, 6 ea at $95.00.
	const trip = await stableRow(lines, 'description', 'Trip charge');
	await expect(cellOf(trip, 'computed')).toHaveText('$570.00');
	await editCell(cellOf(trip, 'unitPriceCents'), '100');
	await expect(cellOf(trip, 'unitPriceCents')).toHaveText('$100.00');
	await expect(cellOf(trip, 'computed')).toHaveText('$600.00');
	await expect(lines.getByRole('alert')).toHaveCount(0);

	await page.reload();
	await expect(rowCount(pos)).toHaveText('3 rows');
	await cellOf(po, 'number').click();
	await expect(rowCount(lines)).toHaveText('6 rows');
	await expect(cellOf(trip, 'unitPriceCents')).toHaveText('$100.00');
	await expect(cellOf(trip, 'computed')).toHaveText('$600.00');
});

test('A paid invoice’s lines cannot be changed: its cells do not open, and it says why', async ({ page }) => {
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(invoices, 'number', 'INV-1042'), 'number').click();
	await expect(page.getByTestId('invoice-locked')).toHaveText('Invoice INV-1042 is paid: it is what the buyer paid and cannot be changed. Issue a credit note instead.');
	const lines = gridSection(page, 'Lines of INV-1042');
	await expect(lines.getByRole('button', { name: 'Add line' })).toHaveCount(0);
	await expect(lines.getByRole('button', { name: 'Delete line' })).toHaveCount(0);
	// INV-1042 line 1: 8 h of electrician labor at $110.00.
	const rate = cellOf(await stableRow(lines, 'lineNo', '1'), 'rateCents');
	await rate.dblclick();
	await expect(rate.locator('input')).toHaveCount(0);
	await expect(rate).toHaveText('$110.00');

	// A draft's lines still open.
	await cellOf(await stableRow(invoices, 'number', 'INV-1044'), 'number').click();
	await expect(page.getByTestId('invoice-locked')).toHaveCount(0);
	await expect(gridSection(page, 'Lines of INV-1044').getByRole('button', { name: 'Add line' })).toBeVisible();
});
