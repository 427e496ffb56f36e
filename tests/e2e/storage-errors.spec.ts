import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, openJob, rowCount, stableRow, test } from './fixtures';
import { failWrites, SPACE, stopFailing, stored, stubStorage, type FailureMode } from './failing-storage';

/*
 * Each write path of the UI with the browser out of space: the person reads that nothing was
 * saved, that the space is gone and what to do (never "already used" or a record's problem),
 * and once writes work again and the page is reloaded, storage holds exactly what it held.
 */

const NOT_A_REFUSAL = /already used|already exists|duplicate/i;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
/** The text of the error notice (without its icon and Dismiss button). */
const notice = (page: Page) => page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).locator('.text');

test.beforeEach(async ({ page }) => {
	await stubStorage(page);
});

/** Runs `write` with writes failing in `mode`, then reloads with them working: storage is as it was. */
async function unchangedBy(page: Page, mode: FailureMode, write: () => Promise<void>): Promise<void> {
	const before = await stored(page);
	await failWrites(page, mode);
	await write();
	await stopFailing(page);
	await page.reload();
	expect(await stored(page)).toEqual(before);
}

test('a cell edit refused for space says so under the grid and puts the stored value back', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/tasks', 'All tasks', 22);
	const row = await stableRow(grid, 'description', 'Startup labor, standard time');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('16');
	await unchangedBy(page, 'quota', async () => {
		await editCell(cellOf(row, 'qtyMilli'), '20.5');
		const alert = grid.locator('p.edit-error[role="alert"]');
		await expect(alert).toContainText(SPACE);
		await expect(alert).not.toContainText(NOT_A_REFUSAL);
		await expect(cellOf(row, 'qtyMilli')).toHaveText('16');
	});
	await expect(rowCount(grid)).toHaveText('22 rows');
	await expect(cellOf(row, 'qtyMilli')).toHaveText('16');
});

// Bug: with the disk full, a PO import was refused with "Purchase order PO-100007: its number is
// already used by another record"; the same file imported once space was freed.
test('a PO import on a full disk is told as a full disk, not "its number is already used", and imports once there is space', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const wizard = page.getByRole('region', { name: 'Import purchase orders' });
	const check = async () => {
		await wizard.getByLabel('Import CSV').setInputFiles(fixture('po-original.csv'));
		await wizard.getByLabel('Customer', { exact: true }).selectOption({ label: 'Harbor Point Property Management LLC' });
		await wizard.getByRole('button', { name: 'Check 3 rows' }).click();
		await expect(wizard.getByRole('heading', { name: 'PO PO-3001 · new, 3 lines' })).toBeVisible();
	};
	await check();
	await unchangedBy(page, 'disk-full', async () => {
		await wizard.getByRole('button', { name: 'Apply import' }).click();
		await expect(notice(page)).toHaveText(`po-original.csv was not imported. ${SPACE}`);
		await expect(notice(page)).not.toContainText(NOT_A_REFUSAL);
		await expect(rowCount(pos)).toHaveText('3 rows');
	});
	await expect(rowCount(pos)).toHaveText('3 rows');
	await check();
	await wizard.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(pos)).toHaveText('4 rows');
	await expect(rowCount(gridSection(page, 'Lines of PO PO-3001'))).toHaveText('3 rows');
});

test('a sign-off photo refused for space is named, and is not listed', async ({ page }) => {
	await loadSample(page);
	const job = await openJob(page, 'WO-18483');
	const evidence = job.getByRole('region', { name: 'Attachments of WO-18483' });
	await unchangedBy(page, 'disk-full', async () => {
		await evidence.getByLabel('Attach files to WO-18483').setInputFiles({ name: 'gauge.png', mimeType: 'image/png', buffer: Buffer.alloc(4096, 7) });
		await expect(notice(page)).toHaveText(`gauge.png was not attached. ${SPACE}`);
		await expect(evidence.getByText('No photos or readings yet.')).toBeVisible();
	});
	await openJob(page, 'WO-18483');
	await expect(evidence.getByText('No photos or readings yet.')).toBeVisible();
});

test('a job started, and an invoice made from a job, while out of space: each says so and nothing moves', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	/** Selects a job in the grid already open: a navigation would reload the page and its stub. */
	const select = async (number: string) => {
		await grid.getByRole('searchbox').fill(number);
		await expect(rowCount(grid)).toHaveText('1 of 12 rows');
		await cellOf(await stableRow(grid, 'number', number), 'number').click();
		return page.getByRole('region', { name: `Work order ${number}` });
	};
	await unchangedBy(page, 'quota', async () => {
		const job = await select('WO-18479');
		await page.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button', { name: 'Start' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(job.getByTestId('wo-status')).toHaveText('open');
		await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

		await select('WO-18473');
		await page.getByRole('group', { name: 'Actions for WO-18473' }).getByRole('button', { name: 'Create invoice' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(page).toHaveURL(/\/work-orders/);
	});
});

test('a record added, and one deleted, on a full disk: each says so and the grid keeps its rows', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	await unchangedBy(page, 'disk-full', async () => {
		await pos.getByRole('button', { name: 'New PO' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(rowCount(pos)).toHaveText('3 rows');
	});
	await expect(rowCount(pos)).toHaveText('3 rows');

	// WO-18482 is billed by no invoice: deleting it takes its tasks too, in one transaction.
	const jobs = await openGrid(page, '/work-orders', 'Work orders', 12);
	await unchangedBy(page, 'disk-full', async () => {
		await cellOf(await stableRow(jobs, 'number', 'WO-18482'), 'number').click();
		await jobs.getByRole('button', { name: 'Delete' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(rowCount(jobs)).toHaveText('12 rows');
	});
	await expect(rowCount(jobs)).toHaveText('12 rows');
});

test('settings saved while out of space: the form says so and keeps what was typed, storage keeps the old values', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	const legalName = page.getByLabel('Legal name');
	const was = await legalName.inputValue();
	expect(was).not.toBe('');
	await unchangedBy(page, 'quota', async () => {
		await legalName.fill('Renamed While Full LLC');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toHaveCount(0);
		await expect(legalName).toHaveValue('Renamed While Full LLC');
	});
	await expect(legalName).toHaveValue(was);
});

test('the sample workbook loaded on a full disk: the page says so and the workbook stays empty', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await unchangedBy(page, 'disk-full', async () => {
		await page.getByRole('button', { name: 'Load sample data' }).click();
		await expect(notice(page)).toHaveText(SPACE);
		await expect(page.getByRole('status').filter({ hasText: 'Sample workbook loaded' })).toHaveCount(0);
	});
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
});

test('a restore on a full disk says so, and the workbook is as it was', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await unchangedBy(page, 'disk-full', async () => {
		await page.getByLabel('Restore from backup file').setInputFiles(fileURLToPath(new URL('../fixtures/backups/format2-2026-12-05.json', import.meta.url)));
		await page.getByRole('dialog').getByRole('button', { name: 'Replace workbook' }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'format2-2026-12-05.json was not restored' });
		await expect(alert).toContainText(SPACE);
		await expect(alert).not.toContainText(NOT_A_REFUSAL);
	});
});
