import type { BrowserContext, Page } from '@playwright/test';
import { cellOf, editCell, expect, loadSample, openGrid, stableRow, test } from './fixtures';

/** The sample workbook's All PO lines open in two tabs, each at the LED troffer line. */
async function twoTabs(page: Page, context: BrowserContext) {
	await loadSample(page);
	const gridA = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const tabB = await context.newPage();
	const gridB = await openGrid(tabB, '/lines/po-lines', 'All PO lines', 13);
	const rowA = await stableRow(gridA, 'description', 'LED troffer 2x4, 40 W');
	const rowB = await stableRow(gridB, 'description', 'LED troffer 2x4, 40 W');
	return { gridA, tabB, rowA, rowB };
}

test('an edit in one tab shows in another tab of the same browser without a reload', async ({ page, context }) => {
	const { tabB, rowA, rowB } = await twoTabs(page, context);
	await expect(cellOf(rowB, 'unitPriceCents')).toHaveText('$89.00');
	await expect(cellOf(rowB, 'computed')).toHaveText('$1,780.00');

	await editCell(cellOf(rowA, 'unitPriceCents'), '$92.50');
	await expect(cellOf(rowA, 'unitPriceCents')).toHaveText('$92.50');

	// Tab B learns of the write through Dexie's cross-tab change feed; no reload, no navigation.
	await expect(cellOf(rowB, 'unitPriceCents')).toHaveText('$92.50', { timeout: 10_000 });
	await expect(cellOf(rowB, 'computed')).toHaveText('$1,850.00');
	await tabB.close();
});

// Bug: an editor left open in one tab wrote over the value another tab had saved meanwhile.
test('an edit begun before another tab changed the same cell is refused, and that tab’s value stays', async ({ page, context }) => {
	const { gridA, tabB, rowA, rowB } = await twoTabs(page, context);
	const priceA = cellOf(rowA, 'unitPriceCents');
	await priceA.dblclick();
	const input = priceA.locator('input');
	await expect(input).toBeFocused();
	await input.fill('$95.00');

	await editCell(cellOf(rowB, 'unitPriceCents'), '$92.50');
	// Tab A has the new price (its amount follows) while its editor is still open.
	await expect(cellOf(rowA, 'computed')).toHaveText('$1,850.00', { timeout: 10_000 });
	await input.press('Enter');

	const alert = gridA.locator('p.edit-error[role="alert"]');
	await expect(alert).toHaveText(/^PO \S+ line \d+, Unit price: it was changed in another tab while you were typing, and the cell now shows that value\. Nothing was saved\.$/);
	await expect(priceA).toHaveText('$92.50');
	await expect(cellOf(rowB, 'unitPriceCents')).toHaveText('$92.50');
	await tabB.close();
	await page.reload();
	await expect(cellOf(await stableRow(gridA, 'description', 'LED troffer 2x4, 40 W'), 'unitPriceCents')).toHaveText('$92.50');
});
