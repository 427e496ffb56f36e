import { cellOf, expect, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('the search box finds a price, a customer and a date as the cells show them', async ({ page }) => {
	const lines = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const search = lines.getByRole('searchbox', { name: 'Search All PO lines' });
	// Stored as 18750 cents; the person reads $187.50 and types either form.
	await search.fill('187.50');
	await expect(rowCount(lines)).toHaveText('1 of 13 rows');
	await expect(cellOf(lines.locator('[role="row"][row-id]:not([row-id="__totals"])').first(), 'unitPriceCents')).toHaveText('$187.50');
	await search.fill('$187.50');
	await expect(rowCount(lines)).toHaveText('1 of 13 rows');
	await search.fill('18750');
	await expect(rowCount(lines)).toHaveText('0 of 13 rows');

	const wos = await openGrid(page, '/work-orders', 'Work orders', 12);
	const customer = (await cellOf(await stableRow(wos, 'number', 'WO-18476'), 'customerId').textContent())!.trim();
	expect(customer).toBe('Mercy General Hospital');
	await wos.getByRole('searchbox').fill('Mercy General');
	await expect(rowCount(wos)).toHaveText(/^[1-9]\d* of 12 rows$/);
	await expect(wos.locator('[role="row"][row-id]:not([row-id="__totals"])').filter({ hasText: 'WO-18476' })).toHaveCount(1);
	await expect(wos.locator('[role="row"][row-id]:not([row-id="__totals"])').filter({ hasText: 'Bayview' })).toHaveCount(0);

	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	const date = (await cellOf(await stableRow(invoices, 'number', 'INV-1044'), 'invoiceDate').textContent())!.trim();
	expect(date).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
	await invoices.getByRole('searchbox').fill(`INV-1044 ${date}`);
	await expect(rowCount(invoices)).toHaveText('1 of 4 rows');
});
