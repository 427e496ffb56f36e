import { expect, gridSection, openGrid, rowCount, test } from './fixtures';

/**
 * Counted by hand from src/lib/domain/sample-workbook.ts:
 * customers 3; work orders 12 (WO-18472..WO-18483); POs 3 (884120, Harbor 1001, Bayview 1001)
 * with 6 + 3 + 4 = 13 lines; tasks 3+2+4+1+2+1+2+1+0+4+1+1 = 22; invoices 4 with 5+3+5+2 = 15 lines.
 */
const SAMPLE = { customers: 3, workOrders: 12, purchaseOrders: 3, poLines: 13, tasks: 22, invoices: 4, invoiceLines: 15 };

test('first run shows the empty workbook on / and on /work-orders', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Load sample data' })).toBeEnabled();
	await expect(page.getByRole('link', { name: /work orders/ })).toHaveCount(0);

	await page.goto('/work-orders');
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Load sample data' })).toBeEnabled();
	const grid = gridSection(page, 'Work orders');
	await expect(rowCount(grid)).toHaveText('0 rows');
	await expect(grid.getByText('No work orders yet.', { exact: false })).toBeVisible();
});

test('"Load sample data" fills every page with the sample workbook', async ({ page }) => {
	// Load from the work-orders page: its grid must fill without a reload.
	await page.goto('/work-orders');
	const workOrders = gridSection(page, 'Work orders');
	await expect(rowCount(workOrders)).toHaveText('0 rows');
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await expect(rowCount(workOrders)).toHaveText(`${SAMPLE.workOrders} rows`);
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toHaveCount(0);
	await expect(page.getByText('Select a work order', { exact: false })).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('link', { name: /^12 work orders/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^3 purchase orders\s*13 lines authorised/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^4 invoices\s*2 draft · 15 lines/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^3 customers\s*4 sites/ })).toBeVisible();

	await openGrid(page, '/work-orders', 'Work orders', SAMPLE.workOrders);
	await openGrid(page, '/purchase-orders', 'Purchase orders', SAMPLE.purchaseOrders);
	await openGrid(page, '/invoices', 'Invoices', SAMPLE.invoices);
	await openGrid(page, '/customers', 'Customers', SAMPLE.customers);
	await openGrid(page, '/lines/po-lines', 'All PO lines', SAMPLE.poLines);
	await openGrid(page, '/lines/tasks', 'All tasks', SAMPLE.tasks);
	await openGrid(page, '/lines/invoice-lines', 'All invoice lines', SAMPLE.invoiceLines);
	// Every row is rendered (no virtualisation cut-off at this viewport) and ties to its parent.
	const invoiceLines = gridSection(page, 'All invoice lines');
	// The totals row (row-id __totals) is no line.
	await expect(invoiceLines.locator('[role="row"][row-id]:not([row-id="__totals"])')).toHaveCount(SAMPLE.invoiceLines);
	await expect(invoiceLines.locator('[role="row"][row-id]:not([row-id="__totals"]) [col-id="invoice"]', { hasText: 'INV-1043' })).toHaveCount(5);
});

test('loading the sample on / updates the workbook cards at once, without a reload', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^12 work orders/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^3 purchase orders\s*13 lines authorised/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^4 invoices\s*2 draft · 15 lines/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /^3 customers\s*4 sites/ })).toBeVisible();
});
