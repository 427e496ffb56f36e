import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, openJob, rowCount, stableRow, test } from './fixtures';

const csv = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const undoButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Undo/ });
const redoButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Redo/ });

/** Customers, Mercy General selected: its sites grid, and the Mercy West Clinic row. */
async function clinicRow(page: Page): Promise<{ sites: Locator; row: Locator }> {
	const customers = await openGrid(page, '/customers', 'Customers', 3);
	await cellOf(await stableRow(customers, 'name', 'Mercy General Hospital'), 'name').click();
	const sites = gridSection(page, 'Sites of Mercy General Hospital');
	await expect(rowCount(sites)).toHaveText('2 rows');
	return { sites, row: await stableRow(sites, 'name', 'Mercy West Clinic') };
}

test('a blanked cost centre comes back with Ctrl+Z, stays after a reload, and its history says what happened', async ({ page }) => {
	await loadSample(page);
	const { row } = await clinicRow(page);
	const cc = cellOf(row, 'costCenter');
	await expect(cc).toHaveText('CC-4520');
	await editCell(cc, '');
	await expect(cc).toHaveText('');
	await expect(undoButton(page)).toHaveAccessibleName('Undo edit');

	// Focus is on the grid (Enter moved it down a row), not in a text field: the key is the workbook's undo.
	await expect(page.locator('input:focus')).toHaveCount(0);
	await page.keyboard.press('Control+z');
	await expect(cc).toHaveText('CC-4520');
	await expect(page.getByRole('status').filter({ hasText: 'Undid edit.' })).toBeVisible();
	await expect(redoButton(page)).toHaveAccessibleName('Redo edit');

	await page.reload();
	const again = await clinicRow(page);
	await expect(cellOf(again.row, 'costCenter')).toHaveText('CC-4520');
	// The stack is the tab's and survives its reload: redo is still offered.
	await expect(redoButton(page)).toBeEnabled();

	await cellOf(again.row, 'name').click();
	await again.sites.getByRole('button', { name: 'History' }).click();
	const dialog = page.getByRole('dialog', { name: 'History of Site Mercy West Clinic' });
	const lines = dialog.getByRole('listitem');
	await expect(lines).toHaveCount(3);
	await expect(lines.nth(0)).toHaveText(/^\d{1,2} \w{3} \d{4} \d{2}:\d{2} · Undo of edit · Cost centre: \(blank\) → "CC-4520"$/);
	await expect(lines.nth(1)).toHaveText(/ · Edit · Cost centre: "CC-4520" → \(blank\)$/);
	await expect(lines.nth(2)).toHaveText(/ · Sample workbook · created$/);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});

test('a deleted job comes back with its tasks by Undo', async ({ page }) => {
	await loadSample(page);
	const job = await openJob(page, 'WO-18481');
	await expect(rowCount(gridSection(page, 'Tasks of WO-18481'))).toHaveText('4 rows');
	const grid = gridSection(page, 'Work orders');
	await cellOf(await stableRow(grid, 'number', 'WO-18481'), 'number').click();
	await page.keyboard.press('Control+Delete');
	const dialog = page.getByRole('dialog', { name: 'Delete work order WO-18481?' });
	// A sentence, capitalised (regression: "work order WO-18481 and … will be deleted").
	await expect(dialog).toContainText(/Work order WO-18481 and .+ will be deleted from this workbook\./);
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Work order WO-18481 deleted.' })).toBeVisible();
	await expect(rowCount(grid)).toHaveText('0 of 11 rows');
	await expect(job).toBeHidden();

	await expect(undoButton(page)).toHaveAccessibleName('Undo delete of work order WO-18481');
	await undoButton(page).click();
	await expect(rowCount(grid)).toHaveText('1 of 12 rows');
	await cellOf(await stableRow(grid, 'number', 'WO-18481'), 'number').click();
	await expect(rowCount(gridSection(page, 'Tasks of WO-18481'))).toHaveText('4 rows');
});

test('a CSV import is undone as one step, and redone', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(csv('po-original.csv'));
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Harbor Point Property Management LLC' });
	await w.getByRole('button', { name: 'Check 3 rows' }).click();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(pos)).toHaveText('4 rows');

	await expect(undoButton(page)).toHaveAccessibleName('Undo import of po-original.csv');
	await undoButton(page).click();
	await expect(rowCount(pos)).toHaveText('3 rows');
	await expect(pos.locator('[role="row"][row-id]').filter({ hasText: 'PO-3001' })).toHaveCount(0);

	await page.keyboard.press('Control+Shift+Z');
	await expect(rowCount(pos)).toHaveText('4 rows');
	await cellOf(await stableRow(pos, 'number', 'PO-3001'), 'number').click();
	const poLines = gridSection(page, 'Lines of PO PO-3001');
	await expect(rowCount(poLines)).toHaveText('3 rows');

	// A line created with its PO is filed under the PO in the history's index (schema 6); its history still tells all three steps.
	await cellOf(await stableRow(poLines, 'lineNo', '1'), 'description').click();
	await poLines.getByRole('button', { name: 'History' }).click();
	const dialog = page.getByRole('dialog', { name: 'History of PO PO-3001 line 1' });
	const lines = dialog.getByRole('listitem');
	await expect(lines).toHaveCount(3);
	await expect(lines.nth(0)).toHaveText(/ · Redo of import of po-original\.csv · brought back$/);
	await expect(lines.nth(1)).toHaveText(/ · Undo of import of po-original\.csv · taken away$/);
	await expect(lines.nth(2)).toHaveText(/ · Import of po-original\.csv · created$/);
});

test('undo is refused, naming the field, after another tab changed it, and nothing changes', async ({ page, context }) => {
	await loadSample(page);
	const { row } = await clinicRow(page);
	await editCell(cellOf(row, 'costCenter'), 'CC-1');

	const tabB = await context.newPage();
	const b = await clinicRow(tabB);
	await expect(cellOf(b.row, 'costCenter')).toHaveText('CC-1');
	await editCell(cellOf(b.row, 'costCenter'), 'CC-2');
	await expect(cellOf(row, 'costCenter')).toHaveText('CC-2', { timeout: 10_000 });

	await undoButton(page).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Could not undo edit. Nothing was undone: Site Mercy West Clinic: Cost centre was changed after this step' })).toBeVisible();
	await expect(cellOf(row, 'costCenter')).toHaveText('CC-2');
	await expect(cellOf(b.row, 'costCenter')).toHaveText('CC-2');
	await tabB.close();
});
