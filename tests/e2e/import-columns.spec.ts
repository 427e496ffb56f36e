import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

/** The text of each cell of each row of a table, header row first. */
const cells = (table: Locator) => table.getByRole('row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));

test('The review names every column with data that no field takes, shows each new PO’s first lines, and a column mapped there lands on the PO lines (regression: columns such as Account and Promised left unmapped with no notice, new POs shown only as counts)', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-unmapped-columns.csv'));
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Harbor Point Property Management LLC' });
	await w.getByRole('button', { name: 'Check 9 rows' }).click();
	await expect(w.getByRole('heading', { name: 'PO 4500071234 · new, 7 lines' })).toBeVisible();

	// Named with an example each; the Comments column holds nothing and is not named.
	const notImported = w.getByRole('region', { name: 'Columns not imported' });
	await expect(notImported).toContainText('Not imported: these 3 columns hold data that no field takes');
	for (const text of ['Promised (e.g. 03/05/2027)', 'Charge To (e.g. 6100-220)', 'Buyer Contact (e.g. dana.ruiz@harborpoint.example)']) await expect(notImported).toContainText(text);
	await expect(notImported).not.toContainText('Comments');

	// The new POs' values as they will be stored, formatted as the grids show them.
	const first = w.getByRole('table', { name: 'First lines of PO 4500071234' });
	expect(await cells(first)).toEqual([
		['Line', 'Buyer Item Code', 'Description', 'Quantity', 'Unit', 'Unit Price', 'Extended Amount', 'Need By'],
		['1', 'HV-100', 'Filter, pleated, 20x25x2', '24', 'ea', '$8.50', '$204.00', 'Mar 1, 2027'],
		['2', 'HV-210', 'Condenser fan motor 1/3 hp', '2', 'ea', '$312.00', '$624.00', 'Mar 1, 2027'],
		['3', 'HV-305', 'Contactor 3-pole 40 A', '4', 'ea', '$48.20', '$192.80', 'Mar 1, 2027'],
		['4', 'LB-RTU', 'RTU service labor', '6.5', 'hr', '$95.00', '$617.50', 'Mar 15, 2027'],
		['5', 'HV-410', 'Refrigerant R-410A', '12.5', 'lb', '$18.40', '$230.00', 'Mar 15, 2027']
	]);
	await expect(w.getByText('and 2 more lines')).toBeVisible();
	await expect(w.getByRole('table', { name: 'First lines of PO 4500071240' }).getByRole('row')).toHaveCount(3);

	// Mapped in the review: checked again at once, so the plan shown is the plan applied.
	await notImported.getByLabel('Import Charge To as').selectOption({ label: 'Cost Center' });
	await expect(w.getByLabel('Column for Cost Center')).toHaveValue('Charge To');
	await expect(w.getByRole('heading', { name: 'PO 4500071234 · new, 7 lines' })).toBeVisible();
	await expect(notImported).not.toContainText('Charge To');
	await expect(notImported).toContainText('these 2 columns');
	await expect(first.getByRole('columnheader', { name: 'Cost Center' })).toBeVisible();
	await expect(first.getByRole('row').nth(1)).toContainText('6100-220');

	// A narrow window: the table scrolls inside its own labelled box, which the keyboard can reach, and the wizard keeps its width.
	await page.setViewportSize({ width: 560, height: 800 });
	await expect(w.getByRole('region', { name: 'First lines of PO 4500071234, scrolls sideways' })).toHaveAttribute('tabindex', '0');
	expect(await w.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	await page.setViewportSize({ width: 1440, height: 900 });
	await expect(w.getByRole('region', { name: 'First lines of PO 4500071234, scrolls sideways' })).toHaveCount(0);

	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(pos)).toHaveText('5 rows');
	const lines = gridSection(page, 'Lines of PO 4500071234');
	await expect(rowCount(lines)).toHaveText('7 rows');
	await expect(cellOf(await stableRow(lines, 'lineNo', '1'), 'costCenter')).toHaveText('6100-220');
	await expect(cellOf(await stableRow(lines, 'lineNo', '7'), 'costCenter')).toHaveText('6100-225');
});
