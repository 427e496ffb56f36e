import { cellOf, editCell, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('the sample workbook shows its findings on the cells AP would question, with the reason', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const lift = await stableRow(grid, 'description', 'Scissor lift rental, 1 day');
	await expect(cellOf(lift, 'woNumber')).toHaveAttribute('data-findings', /LINE_UNBACKED/);
	await expect(cellOf(lift, 'woNumber')).toHaveAttribute('aria-description', /traces to no work done/);
	await expect(cellOf(lift, 'woNumber')).toHaveClass(/finding-error/);

	const refrigerant = await stableRow(grid, 'description', 'Refrigerant charge R-134a');
	await expect(cellOf(refrigerant, 'qtyMilli')).toHaveAttribute('data-findings', 'QTY_OVER_PERFORMED');
	await expect(cellOf(refrigerant, 'qtyMilli')).toHaveClass(/finding-warning/);

	const overtime = await stableRow(grid, 'description', 'Emergency labor, overtime');
	await expect(cellOf(overtime, 'rateCents')).toHaveAttribute('data-findings', /PRICE_MISMATCH/);
	await expect(cellOf(overtime, 'rateCents')).toHaveAttribute('aria-description', /\$195\.00\/h; PO 884120 line 2 authorises \$187\.50\/h/);

	// A clean line carries nothing.
	const clean = await stableRow(grid, 'description', 'Electrician labor');
	await expect(cellOf(clean, 'qtyMilli')).not.toHaveAttribute('data-findings');

	// The navigation counts errors and warnings.
	await expect(page.getByTestId('exception-counts')).toContainText('✖ 10');
});

// The draft INV-1043 bills WO-18474 T2's 20 lb of refrigerant (a sent invoice's lines are locked).
const TOP_UP = 'Refrigerant top-up R-134a';

test('a unit edit to another unit than the PO line raises its highlight on both unit cells, and no quantity is compared across units (regression: kg against lb was silent)', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const row = await stableRow(grid, 'description', TOP_UP);
	await editCell(cellOf(row, 'unit'), 'kg');
	await expect(cellOf(row, 'unit')).toHaveAttribute('data-findings', 'UNIT_MISMATCH');
	await expect(cellOf(row, 'unit')).toHaveClass(/finding-error/);
	await expect(cellOf(row, 'unit')).toHaveAttribute('aria-description', /bills 20 kg; PO 884120 line 3 authorises 60 lb\. AP matches quantities in the PO line's unit: bill in lb/);
	await editCell(cellOf(row, 'qtyMilli'), '25');
	await expect(cellOf(row, 'qtyMilli')).not.toHaveAttribute('data-findings');
	const lines = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await expect(cellOf(await stableRow(lines, 'description', 'Refrigerant R-134a'), 'unit')).toHaveAttribute('data-findings', 'UNIT_MISMATCH');
	// "LBS" is the PO's "lb" written otherwise: no finding.
	const invoices = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	await editCell(cellOf(await stableRow(invoices, 'description', TOP_UP), 'unit'), 'LBS');
	await expect(cellOf(await stableRow(invoices, 'description', TOP_UP), 'unit')).not.toHaveAttribute('data-findings');
});

test('a quantity edit raises and clears its highlight in the same view', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const row = await stableRow(grid, 'description', TOP_UP);
	await expect(cellOf(row, 'qtyMilli')).not.toHaveAttribute('data-findings');
	await editCell(cellOf(row, 'qtyMilli'), '25');
	await expect(cellOf(row, 'qtyMilli')).toHaveAttribute('data-findings', 'QTY_OVER_PERFORMED');
	await editCell(cellOf(row, 'qtyMilli'), '20');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('20');
	await expect(cellOf(row, 'qtyMilli')).not.toHaveAttribute('data-findings');
});

test('a highlighted cell keeps its reasons on hover after an edit redraws it', async ({ page }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const row = await stableRow(grid, 'description', TOP_UP);
	const qty = cellOf(row, 'qtyMilli');
	await editCell(qty, '25');
	await expect(qty).toHaveAttribute('title', /bills 25 lb; WO-18474 T2 records 20 lb done/);
	await editCell(qty, '60');
	await expect(qty).toHaveText('60');
	await expect(qty).toHaveAttribute('title', /bills 60 lb; WO-18474 T2 records 20 lb done \(40 lb over\)/);
	await expect(qty).toHaveAttribute('title', /PO 884120 line 3 authorises 60 lb/);
	await editCell(qty, '20');
	await expect(qty).not.toHaveAttribute('title');
});

test('an invoice’s Jobs cell carries the findings about the jobs it names', async ({ page }) => {
	const grid = await openGrid(page, '/invoices', 'Invoices', 4);
	const inv = await stableRow(grid, 'number', 'INV-1044');
	const jobs = cellOf(inv, 'workOrderNumbers');
	await expect(jobs).toHaveText('WO-18476');
	await expect(jobs).toHaveAttribute('data-findings', /TICKET_NOT_COMPLETE/);
	await expect(jobs).toHaveAttribute('title', /WO-18476, which is in progress and not signed off/);
	await expect(cellOf(await stableRow(grid, 'number', 'INV-1041'), 'workOrderNumbers')).not.toHaveAttribute('data-findings');
});

test('adding the PO number clears PO_MISSING on the invoice and the invoice page says why it is not AP-ready', async ({ page }) => {
	const grid = await openGrid(page, '/invoices', 'Invoices', 4);
	const inv = await stableRow(grid, 'number', 'INV-1044');
	await expect(cellOf(inv, 'poNumber')).toHaveAttribute('data-findings', /PO_MISSING/);
	await expect(cellOf(inv, 'apReady')).toContainText('error');
	await editCell(cellOf(inv, 'poNumber'), '884120');
	await expect(cellOf(inv, 'poNumber')).not.toHaveAttribute('data-findings', /PO_MISSING/);
	await cellOf(inv, 'number').click();
	await expect(page.getByTestId('ap-ready')).toContainText('Not AP-ready');

	const paid = await stableRow(grid, 'number', 'INV-1042');
	await expect(cellOf(paid, 'apReady')).toHaveText('✓ AP-ready');
});

test('approving the change order clears CHANGE_UNAPPROVED on the extra task', async ({ page }) => {
	await page.goto('/work-orders');
	const wos = gridSection(page, 'Work orders');
	await cellOf(await stableRow(wos, 'number', 'WO-18474'), 'number').click();
	const tasks = gridSection(page, 'Tasks of WO-18474');
	const t4 = await stableRow(tasks, 'code', 'T4');
	await expect(cellOf(t4, 'changeOrderNumber')).toHaveAttribute('data-findings', /CHANGE_UNAPPROVED/);

	const cos = gridSection(page, 'Change orders of WO-18474');
	const co = await stableRow(cos, 'number', 'CO-1');
	// Approved beside the grid, saying who and when (the date defaults to today).
	await page.getByRole('region', { name: 'Change order decisions' }).getByRole('button', { name: 'Approve…' }).click();
	const form = page.getByRole('form', { name: 'Approve CO-1' });
	await form.getByLabel('Approved by').fill('M. Greene');
	await form.getByRole('button', { name: 'Approve' }).click();
	await expect(cellOf(co, 'status')).toHaveText('approved');
	await expect(cellOf(co, 'approvedBy')).toHaveText('M. Greene');
	await expect(cellOf(t4, 'changeOrderNumber')).not.toHaveAttribute('data-findings', /CHANGE_UNAPPROVED/);
});

test('an edit in a second tab updates the highlights in the first', async ({ page, context }) => {
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const row = await stableRow(grid, 'description', TOP_UP);
	await expect(cellOf(row, 'qtyMilli')).not.toHaveAttribute('data-findings');

	const other = await context.newPage();
	const grid2 = await openGrid(other, '/lines/invoice-lines', 'All invoice lines', 15);
	await editCell(cellOf(await stableRow(grid2, 'description', TOP_UP), 'qtyMilli'), '25');

	await expect(cellOf(row, 'qtyMilli')).toHaveText('25');
	await expect(cellOf(row, 'qtyMilli')).toHaveAttribute('data-findings', 'QTY_OVER_PERFORMED');
});

test('Exceptions lists findings grouped by severity and links to the cell', async ({ page }) => {
	await page.goto('/exceptions');
	const errors = page.getByRole('region', { name: /Errors/ });
	await expect(errors.locator('li[data-code="WARRANTY_BILLED"]')).toHaveCount(1);
	await errors.locator('li[data-code="LINE_UNBACKED"] a').click();
	await expect(page).toHaveURL(/\/invoices\?id=.*&focus=/);
	const lines = gridSection(page, 'Lines of INV-1041');
	await expect(lines.locator('.ag-cell-focus')).toHaveAttribute('data-findings', /LINE_UNBACKED/);
	await expect(lines.getByTestId('focus-findings')).toContainText('traces to no work done');
});

test('a customer’s own price tolerance turns a small rate difference from an error into a note', async ({ page }) => {
	const customers = await openGrid(page, '/customers', 'Customers', 3);
	const mercy = await stableRow(customers, 'name', 'Mercy General Hospital');
	// Set, changed, then set again: an edit that starts from a set value is not taken for another tab's change.
	await editCell(cellOf(mercy, 'tolerances'), 'qty 0%, price 2%, $0.00');
	await editCell(cellOf(mercy, 'tolerances'), 'qty 0%, price 5%, $0.00');
	await expect(cellOf(mercy, 'tolerances')).toHaveText('qty 0%, price 5%, $0.00');
	await expect(customers.getByRole('alert')).toHaveCount(0);

	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const overtime = await stableRow(grid, 'description', 'Emergency labor, overtime');
	await expect(cellOf(overtime, 'rateCents')).toHaveClass(/finding-info/);
	await expect(cellOf(overtime, 'rateCents')).toHaveAttribute('aria-description', /within tolerance/i);
});

test('an Exceptions link to an invoice header lands on the header cell', async ({ page }) => {
	await page.goto('/exceptions');
	await page.getByRole('region', { name: /Errors/ }).locator('li[data-code="PO_MISSING"] a', { hasText: 'Invoice INV-1044 has no PO number' }).click();
	await expect(page).toHaveURL(/\/invoices\?id=.*&focus=/);
	const invoices = gridSection(page, 'Invoices');
	await expect(invoices.locator('.ag-cell-focus')).toHaveAttribute('data-findings', /PO_MISSING/);
});

test('a finding shared by two invoices stands against each in their pre-flight', async ({ page }) => {
	const grid = await openGrid(page, '/invoices', 'Invoices', 4);
	// The sample bills PO 884120 line 1 on INV-1041 and INV-1043 for more hours than it authorises:
	// one finding, with no single invoice of its own, that AP would reject on both.
	for (const number of ['INV-1041', 'INV-1043']) {
		await cellOf(await stableRow(grid, 'number', number), 'number').click();
		const preflight = page.getByRole('region', { name: 'Pre-flight' });
		await expect(preflight.locator('li.error[data-code="OVER_PO_QTY"]')).toContainText('INV-1041 line 1');
		await expect(page.getByTestId('ap-ready')).toContainText('Not AP-ready');
	}
});

test('an Exceptions link to a cell scrolled out of view brings it into view and focuses it', async ({ page }) => {
	await page.goto('/exceptions');
	await page.locator('li[data-code="STALE_TICKET"] a', { hasText: 'WO-18482' }).click();
	await expect(page).toHaveURL(/\/work-orders\?id=.*&focus=/);
	const focused = gridSection(page, 'Work orders').locator('.ag-cell-focus');
	await expect(focused).toHaveAttribute('col-id', 'openedOn');
	await expect(focused).toBeFocused();
	await expect(focused).toBeInViewport();
});

test('an Exceptions link to a column the person hid shows the column again and focuses the cell', async ({ page }) => {
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await grid.getByRole('button', { name: 'Columns' }).click();
	await page.getByRole('checkbox', { name: 'Opened' }).uncheck();
	await page.keyboard.press('Escape');
	await expect(grid.locator('.ag-header-cell[col-id="openedOn"]')).toHaveCount(0);

	await page.goto('/exceptions');
	await page.locator('li[data-code="STALE_TICKET"] a', { hasText: 'WO-18482' }).click();
	const jobs = gridSection(page, 'Work orders');
	const focused = jobs.locator('.ag-cell-focus');
	await expect(focused).toHaveAttribute('col-id', 'openedOn');
	await expect(focused).toBeFocused();
	await expect(focused).toBeInViewport();
	await expect(jobs.locator('.ag-header-cell[col-id="openedOn"]')).toBeVisible();
});
