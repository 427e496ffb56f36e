import { expect, loadSample, openGrid, rowCount, test, largePoFile } from './fixtures';

// Regression: Cancel pressed while the records were being written reset the wizard at once, then
// all 2,000 POs and 100,000 lines appeared anyway, and the notice had a blank file name.
test('Cancel pressed while an import is being written takes it all back: the record counts are as before, after a reload too, and the notice names the file', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const { file, lines } = await largePoFile(testInfo, 'buyer-po-log.csv', 6);

	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(file);
	await expect(w.getByText(`${lines} data rows`)).toBeVisible({ timeout: 60_000 });
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${lines} rows` }).click();
	// Each phase says how far it is.
	await expect(w.getByTestId('import-progress')).toHaveText(/^\d+%/);
	await w.getByRole('button', { name: 'Apply import' }).click({ timeout: 60_000 });

	const bar = w.getByRole('progressbar', { name: 'Import progress' });
	await expect(w.getByText(/^Writing [\d,]+ records of buyer-po-log\.csv/)).toBeVisible();
	// Into the transaction itself (the second half of the bar), not only the hand-over from the worker.
	await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000, intervals: [20] }).toBeGreaterThan(0.55);
	await w.getByRole('button', { name: 'Cancel import' }).click();

	await expect(page.getByText('buyer-po-log.csv was not imported: the import was cancelled, and nothing was changed.')).toBeVisible({ timeout: 60_000 });
	await expect(w.getByRole('button', { name: 'Import CSV…' })).toBeVisible();
	await expect(rowCount(pos)).toHaveText('3 rows');
	// Nothing arrives later either: what storage holds is what the grid shows.
	await page.waitForTimeout(1_500);
	await expect(rowCount(pos)).toHaveText('3 rows');
	await page.reload();
	await expect(rowCount(page.locator('section[data-grid="purchase-orders"]'))).toHaveText('3 rows');
});
