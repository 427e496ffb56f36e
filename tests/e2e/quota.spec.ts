import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { largePoCsv } from '../fixtures/csv/generate-large.mjs';
import { expect, openGrid, rowCount, test } from './fixtures';
import { SPACE, stored } from './failing-storage';

/*
 * The real thing: Chromium's own quota, made small with the DevTools protocol
 * (Storage.overrideQuotaForOrigin, Chromium 156), refuses a large PO import as the transaction
 * commits. Chromium reads the override when the workbook is first opened in the context, so it
 * is set before the first page loads. Nothing stubbed: the error arrives as Chromium and Dexie
 * give it (AbortError whose inner is a QuotaExceededError).
 */

/**
 * Room for the sample workbook and what the page keeps beside it (the sample alone is about 250 KB
 * on disk; the offline cache of the app counts too, and 1 MB was at times too tight once the sample
 * load also kept its history), not for 8,600 more PO lines (several MB).
 */
const QUOTA = 1_500_000;

async function importPo(page: Page, file: string, lines: number) {
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(file);
	await expect(w.getByText(`${lines} data rows`)).toBeVisible({ timeout: 60_000 });
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${lines} rows` }).click();
	await w.getByRole('button', { name: 'Apply import' }).click({ timeout: 60_000 });
}

test('a PO import past the browser’s real quota is told as no space, writes nothing, and imports whole once the quota is lifted', async ({ page, context }, testInfo) => {
	test.setTimeout(180_000);
	const { text, lines } = largePoCsv(1024 * 1024);
	// The generator writes 50 lines to a PO.
	const newPos = Math.ceil(lines / 50);
	const file = testInfo.outputPath('buyer-po-export.csv');
	await writeFile(file, text);

	const cdp = await context.newCDPSession(page);
	const origin = new URL(testInfo.project.use.baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
	await page.goto('/');
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Sample workbook loaded' })).toBeVisible();

	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const before = await stored(page);
	await importPo(page, file, lines);
	const refusal = page.getByRole('alert').filter({ hasText: 'was not imported' }).locator('.text');
	await expect(refusal).toHaveText(`buyer-po-export.csv was not imported. ${SPACE}`, { timeout: 60_000 });
	await expect(refusal).not.toContainText(/already used|duplicate/i);
	await expect(rowCount(pos)).toHaveText('3 rows');
	expect(await stored(page)).toEqual(before);

	// Space again: the same file goes in whole.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await page.reload();
	await expect(rowCount(pos)).toHaveText('3 rows');
	await importPo(page, file, lines);
	await expect(page.getByRole('status').filter({ hasText: `buyer-po-export.csv: ${newPos} new, 0 changed; ${lines} lines` })).toBeVisible({ timeout: 60_000 });
	await expect(rowCount(pos)).toHaveText(`${3 + newPos} rows`);
	const after = await stored(page);
	expect(after.poLines!.length - before.poLines!.length).toBe(lines);
});
