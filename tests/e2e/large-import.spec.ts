import { expect, loadSample, openGrid, rowCount, test, largePoFile } from './fixtures';

test('A 50 MB PO export is read in a worker with progress, checked while the page stays usable, and cancelled leaving nothing behind', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const { file, lines } = await largePoFile(testInfo, 'large-po-export.csv', 50);

	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(file);
	await expect(w.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	await expect(w.getByText(`${lines} data rows`)).toBeVisible({ timeout: 60_000 });

	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${lines} rows` }).click();
	await expect(w.getByText('Checking every row of large-po-export.csv…')).toBeVisible();
	// The page answers while the worker converts 400,000 rows: the grid's filter takes typing.
	await pos.getByRole('searchbox').fill('884120');
	await expect(rowCount(pos)).toHaveText('1 of 3 rows');
	await w.getByRole('button', { name: 'Cancel import' }).click();
	await expect(w.getByRole('button', { name: 'Import CSV…' })).toBeVisible();
	await pos.getByRole('searchbox').fill('');
	await expect(rowCount(pos)).toHaveText('3 rows');
});
