import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

test('A logo chosen in Settings is saved and drawn on the invoice PDF', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await page.getByLabel('Logo image').setInputFiles(fileURLToPath(new URL('../fixtures/logo.png', import.meta.url)));
	await expect(page.getByRole('img', { name: 'Your logo, as invoices show it' })).toBeVisible();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('img', { name: 'Your logo, as invoices show it' })).toBeVisible();

	await page.goto('/invoices');
	await page.getByRole('gridcell', { name: 'INV-1042' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const images = execFileSync('pdfimages', ['-list', await (await download).path()], { encoding: 'utf8' }).trim().split('\n').slice(2);
	expect(images).toHaveLength(1);
	expect(images[0]).toMatch(/\b120\s+40\b/);
});

test('A file that is not a PNG or JPEG is refused as a logo, saying why, and no logo is set', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Logo image').setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
	await expect(page.getByRole('alert').filter({ hasText: 'logo.gif is not a PNG or JPEG image' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'Your logo, as invoices show it' })).toHaveCount(0);
});

test('Unsaved settings survive a backup being recorded, and the untouched fields follow what was stored', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await expect(page.getByTestId('usage')).toContainText('available');
	const legal = page.getByLabel('Legal name');
	await legal.fill('Brightline Mechanical LLC (new name)');
	// Downloading a backup stores its date in the settings record while the form is half edited.
	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	await expect(page.getByText('Last backup').locator('+ dd')).not.toHaveText('never');
	await expect(page.getByRole('status').filter({ hasText: 'unsaved change is kept' })).toBeVisible();
	await expect(legal).toHaveValue('Brightline Mechanical LLC (new name)');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Legal name')).toHaveValue('Brightline Mechanical LLC (new name)');
	// Saving the form did not take the backup date back.
	await expect(page.getByText('Last backup').locator('+ dd')).not.toHaveText('never');
});

test('An invoice prefix that would make invalid invoice numbers is refused at the field, and nothing is saved', async ({ page }) => {
	await page.goto('/settings');
	const prefix = page.getByLabel('Invoice prefix');
	await expect(prefix).toHaveValue('INV-');
	await prefix.fill('INV &');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Invoice prefix "INV &" may only hold letters, digits' })).toBeVisible();
	await expect(prefix).toHaveAttribute('aria-invalid', 'true');
	await page.reload();
	await expect(page.getByLabel('Invoice prefix')).toHaveValue('INV-');
});

test('A sales tax rate over 100% is refused, naming the field, and the rate stays as it was (regression: 150% was saved)', async ({ page }) => {
	await page.goto('/settings');
	const rate = page.getByLabel('Sales tax rate');
	const before = await rate.inputValue();
	await rate.fill('150');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Sales tax rate: "150" is over 100%' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Sales tax rate')).toHaveValue(before);
});
