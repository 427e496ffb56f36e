import type { BrowserContext, Locator, Page } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

/**
 * Bug: a delete in one tab while another tab was editing that row closed the editor and dropped
 * the typed text without a word. Now the editing tab says what happened and keeps the text to copy.
 */

const DISPOSAL = 'Disposal of old fixtures';
const TYPED = 'Haul-away of 24 old fixtures and ballasts, with the recycling certificate';

async function grantClipboard(context: BrowserContext, page: Page) {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
}

/** The kept-text notice and what the Copy button puts on the clipboard. */
async function expectKept(page: Page, message: string | RegExp, typed: string | RegExp) {
	const notice = page.getByRole('alert').filter({ hasText: message });
	await expect(notice).toBeVisible();
	const box = notice.getByRole('textbox', { name: 'What you typed' });
	await expect(box).toHaveJSProperty('readOnly', true);
	if (typeof typed === 'string') await expect(box).toHaveValue(typed);
	else await expect(box).toHaveValue(typed);
	await notice.getByRole('button', { name: 'Copy' }).click();
	await expect(notice.getByText('Copied.')).toBeVisible();
	const clip = await page.evaluate(() => navigator.clipboard.readText());
	expect(clip).toBe(await box.inputValue());
	return notice;
}

/**
 * Deletes records behind the app's back, as another tab's delete is before its news arrives here
 * (a write outside Dexie raises no change in this tab). `children` go too: [store, index].
 */
async function deleteUnseen(page: Page, store: string, id: string, children?: [string, string]) {
	await page.evaluate(
		({ store, id, children }) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('tieout');
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(children ? [store, children[0]] : [store], 'readwrite');
					tx.objectStore(store).delete(id);
					if (children) {
						const cursor = tx.objectStore(children[0]).index(children[1]).openCursor(IDBKeyRange.only(id));
						cursor.onsuccess = () => {
							if (!cursor.result) return;
							cursor.result.delete();
							cursor.result.continue();
						};
					}
					tx.oncomplete = () => (db.close(), done());
					tx.onerror = () => fail(tx.error);
				};
			}),
		{ store, id, children }
	);
}

/** Deletes the focused row of `grid` through its toolbar, confirming the dialog. */
async function deleteRow(page: Page, grid: Locator, cell: Locator, dialogName: string) {
	await cell.click();
	await expect(grid.getByRole('button', { name: /^Delete/ })).toBeEnabled();
	await page.keyboard.press('Control+Delete');
	const dialog = page.getByRole('dialog', { name: dialogName });
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(dialog).toBeHidden();
}

test('a PO line deleted in another tab while its Description is being typed: this tab says so and keeps the text to copy', async ({ page, context }) => {
	await loadSample(page);
	const gridA = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const tabB = await context.newPage();
	const gridB = await openGrid(tabB, '/lines/po-lines', 'All PO lines', 13);
	await grantClipboard(context, tabB);

	const rowB = await stableRow(gridB, 'description', DISPOSAL);
	const cellB = cellOf(rowB, 'description');
	await cellB.dblclick();
	const input = cellB.locator('input');
	await expect(input).toBeFocused();
	await input.fill(TYPED);

	await deleteRow(page, gridA, cellOf(await stableRow(gridA, 'description', DISPOSAL), 'description'), 'Delete PO 1001 line 3?');
	await expect(rowCount(gridA)).toHaveText('12 rows');

	await expect(rowCount(gridB)).toHaveText('12 rows', { timeout: 10_000 });
	const notice = await expectKept(tabB, 'PO 1001 line 3 was deleted in another tab while you were editing its Description. What you typed is below, to copy.', TYPED);
	// It stays until dismissed, and nothing came back.
	await tabB.waitForTimeout(5500);
	await expect(notice).toBeVisible();
	await notice.getByRole('button', { name: 'Dismiss' }).click();
	await expect(notice).toHaveCount(0);
	await tabB.reload();
	await expect(rowCount(gridSection(tabB, 'All PO lines'))).toHaveText('12 rows');
	await tabB.close();
});

test('an edit committed after its record was deleted elsewhere is refused, and what was typed is kept to copy', async ({ page, context }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await grantClipboard(context, page);
	const row = await stableRow(grid, 'description', DISPOSAL);
	const id = await row.getAttribute('row-id');
	const cell = cellOf(row, 'description');
	await cell.dblclick();
	const input = cell.locator('input');
	await input.fill(TYPED);
	await deleteUnseen(page, 'poLines', id!);
	await input.press('Enter');
	await expectKept(page, 'PO 1001 line 3 was deleted in another tab while you were editing its Description. What you typed is below, to copy.', TYPED);
	await page.reload();
	await expect(rowCount(gridSection(page, 'All PO lines'))).toHaveText('12 rows');
});

test('a job deleted in another tab while its sign-off is being typed: the sign-off is kept to copy', async ({ page, context }) => {
	await loadSample(page);
	const gridA = await openGrid(page, '/work-orders', 'Work orders', 12);
	const tabB = await context.newPage();
	const gridB = await openGrid(tabB, '/work-orders', 'Work orders', 12);
	await grantClipboard(context, tabB);

	await cellOf(await stableRow(gridB, 'number', 'WO-18479'), 'number').click();
	await tabB.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = tabB.getByRole('form', { name: 'Sign off WO-18479' });
	await form.getByLabel('Signed off by').fill('Facilities lead L. Ortega');
	await form.getByLabel('Notes').fill('All 40 emergency fixtures held 90 min; two batteries replaced.');

	await deleteRow(page, gridA, cellOf(await stableRow(gridA, 'number', 'WO-18479'), 'number'), 'Delete work order WO-18479?');
	await expect(rowCount(gridA)).toHaveText('11 rows');

	await expect(rowCount(gridB)).toHaveText('11 rows', { timeout: 10_000 });
	await expect(form).toHaveCount(0);
	await expectKept(
		tabB,
		'Work order WO-18479 was deleted in another tab while you were signing it off. What you typed is below, to copy.',
		/^Signed off by: Facilities lead L\. Ortega\nSigned off on: \d{4}-\d{2}-\d{2}\nNotes: All 40 emergency fixtures held 90 min; two batteries replaced\.$/
	);
	await tabB.close();
	await page.reload();
	await expect(rowCount(gridSection(page, 'Work orders'))).toHaveText('11 rows');
});

test('a sign-off submitted after its job was deleted elsewhere is refused, the job is not made again, and the sign-off is kept to copy', async ({ page, context }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await grantClipboard(context, page);
	const row = await stableRow(grid, 'number', 'WO-18479');
	const id = await row.getAttribute('row-id');
	await cellOf(row, 'number').click();
	await page.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = page.getByRole('form', { name: 'Sign off WO-18479' });
	await form.getByLabel('Signed off by').fill('Facilities lead L. Ortega');
	await form.getByLabel('Notes').fill('Tested on the stored job only.');
	await deleteUnseen(page, 'workOrders', id!, ['tasks', 'workOrderId']);
	await form.getByRole('button', { name: 'Complete' }).click();

	await expectKept(
		page,
		'Work order WO-18479 was deleted in another tab while you were signing it off. What you typed is below, to copy.',
		/^Signed off by: Facilities lead L\. Ortega\nSigned off on: \d{4}-\d{2}-\d{2}\nNotes: Tested on the stored job only\.$/
	);
	await expect(page.getByRole('status').filter({ hasText: 'is complete' })).toHaveCount(0);
	// Regression: the sign-off was stored as a whole new version of the job, so a deleted job came back.
	await page.reload();
	await expect(rowCount(gridSection(page, 'Work orders'))).toHaveText('11 rows');
});

test('typing an over-long description into a grid cell is refused under the grid, naming the limit, and nothing is stored', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const row = await stableRow(grid, 'description', DISPOSAL);
	const cell = cellOf(row, 'description');
	const long = `${'Removal and disposal of fixtures. '.repeat(60)}`.slice(0, 2001);
	await cell.dblclick();
	const input = cell.locator('input');
	await input.fill(long);
	await input.press('Enter');

	const alert = grid.locator('p.edit-error[role="alert"]');
	await expect(alert).toHaveText('PO 1001 line 3, Description: Description is 2,001 characters; the most is 2,000. Nothing was saved.');
	// What was typed stays beside the refusal to shorten, not retype.
	await expect(grid.getByRole('textbox', { name: 'What you typed, not saved' })).toHaveValue(long);
	await expect(cell).toHaveText(DISPOSAL);
	await page.reload();
	await expect(cellOf(await stableRow(gridSection(page, 'All PO lines'), 'description', DISPOSAL), 'description')).toHaveText(DISPOSAL);
});

test('a change-order decision with an over-long name is refused beside the field, and nothing is stored', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await cellOf(await stableRow(grid, 'number', 'WO-18474'), 'number').click();
	const decisions = page.getByRole('region', { name: 'Change order decisions' });
	await decisions.getByRole('button', { name: 'Approve…' }).click();
	const form = page.getByRole('form', { name: 'Approve CO-1' });
	await form.getByLabel('Approved by').fill('B'.repeat(201));
	await form.getByRole('button', { name: 'Approve' }).click();
	await expect(form.getByRole('alert')).toHaveText('Approved by is 201 characters; the most is 200.');
	await expect(form).toBeVisible();
	await expect(decisions).toContainText('pending');
	await page.reload();
	await cellOf(await stableRow(gridSection(page, 'Work orders'), 'number', 'WO-18474'), 'number').click();
	await expect(page.getByRole('region', { name: 'Change order decisions' })).toContainText('pending');
});
