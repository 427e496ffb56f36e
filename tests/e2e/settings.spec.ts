import { readFile } from 'node:fs/promises';
import { expect, loadSample, test } from './fixtures';

test('Settings shows storage persistence and usage', async ({ page }) => {
	await page.goto('/settings');
	const persistence = page.getByTestId('persistence');
	await expect(persistence).toHaveText(/^\s*(persistent|best-effort)/);
	await expect(page.getByTestId('usage')).toHaveText(/^\d+(\.\d)? (B|KB|MB|GB|TB) of \d+(\.\d)? (B|KB|MB|GB|TB) available$/);
	await expect(page.getByText('Last backup').locator('+ dd')).toHaveText('never');
});

test('Download backup gives a tieout-backup JSON file with the 12 sample work orders', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await expect(page.getByTestId('usage')).toContainText('available');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^tieout-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const path = await download.path();
	const backup = JSON.parse(await readFile(path, 'utf8'));
	expect(backup.format).toBe('tieout-backup');
	expect(typeof backup.schemaVersion).toBe('number');
	expect(backup.tables.workOrders).toHaveLength(12);
	expect(backup.tables.customers).toHaveLength(3);
	expect(backup.tables.poLines).toHaveLength(13);
	expect(backup.tables.invoiceLines).toHaveLength(15);
	expect(backup.tables.workOrders.map((w: { number: string }) => w.number)).toContain('WO-18472');

	// The page records when the last backup was made.
	await expect(page.getByText('Last backup').locator('+ dd')).not.toHaveText('never');
});
