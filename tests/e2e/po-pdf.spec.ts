import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

// The PO PDFs drawn by tests/fixtures/po-pdf/make.mjs; each one's lines are in the JSON beside it.
const pdf = (name: string) => fileURLToPath(new URL(`../fixtures/po-pdf/${name}`, import.meta.url));
const wizard = (page: Page) => page.getByRole('region', { name: 'Import purchase orders' });
const chooseCustomer = (page: Page) => wizard(page).getByLabel('Customer', { exact: true }).selectOption({ label: 'Harbor Point Property Management LLC' });

test('A PO PDF imports through the wizard with every value; its revised PDF shows the diff before it is applied', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = wizard(page);
	// Reached by keyboard like Import CSV….
	const button = w.getByRole('button', { name: 'Import PDF…' });
	await button.focus();
	await expect(button).toBeFocused();
	await w.getByLabel('Import PDF').setInputFiles(pdf('oracle.pdf'));
	await expect(w.getByText('oracle.pdf: PDF of 1 page, 5 lines found in its table; PO Number, Revision, PO Date, Buyer, Terms, Ship To read from the labels above it (a column each).')).toBeVisible();
	const preview = w.getByRole('table', { name: 'Preview of the file' });
	await expect(preview.getByRole('row')).toHaveCount(6);
	await expect(preview.getByRole('row').nth(3)).toContainText('LAB-TECH');
	// The header fields and the table's columns are mapped by the same synonyms as a CSV's.
	await expect(w.getByLabel('Column for PO Number')).toHaveValue('PO Number');
	await expect(w.getByLabel('Column for Issue Date')).toHaveValue('PO Date');
	await expect(w.getByLabel('Column for Unit Price')).toHaveValue('Unit Price');
	await expect(w.getByLabel('Column for Need By')).toHaveValue('Need By');
	await chooseCustomer(page);
	await w.getByRole('button', { name: 'Check 5 rows' }).click();
	await expect(w.getByRole('heading', { name: 'PO 5307712 · new, 5 lines' })).toBeVisible();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(pos)).toHaveText('4 rows');
	const po = await stableRow(pos, 'number', '5307712');
	await expect(cellOf(po, 'buyer')).toHaveText('Jane Smith');
	const lines = gridSection(page, 'Lines of PO 5307712');
	await expect(rowCount(lines)).toHaveText('5 rows');
	const labour = await stableRow(lines, 'lineNo', '3');
	await expect(cellOf(labour, 'description')).toHaveText('Technician labour, regular time');
	await expect(cellOf(labour, 'buyerItemCode')).toHaveText('LAB-TECH');
	await expect(cellOf(labour, 'qtyMilli')).toHaveText('16.5');
	await expect(cellOf(labour, 'unitPriceCents')).toHaveText('$95.00');
	await expect(cellOf(labour, 'extendedCents')).toHaveText('$1,567.50');

	// The buyer's revision: line 2's quantity changed, line 6 added; remembered mapping, diff shown first.
	await w.getByLabel('Import PDF').setInputFiles(pdf('oracle-rev1.pdf'));
	await expect(w.getByText('remembered from the last import of these headers')).toBeVisible();
	await chooseCustomer(page);
	await w.getByRole('button', { name: 'Check 6 rows' }).click();
	await expect(w.getByRole('heading', { name: 'PO 5307712 · revision 0 → 1' })).toBeVisible();
	await expect(w.getByText(/^~ line 2: quantity 48 → 60/)).toBeVisible();
	await expect(w.getByText('+ line 6: Condenser coil cleaning')).toBeVisible();
	await expect(rowCount(lines)).toHaveText('5 rows');
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(cellOf(await stableRow(pos, 'number', '5307712'), 'revision')).toHaveText('1');
	await expect(rowCount(lines)).toHaveText('6 rows');
	await expect(cellOf(await stableRow(lines, 'lineNo', '2'), 'qtyMilli')).toHaveText('60');
	await expect(cellOf(await stableRow(lines, 'lineNo', '6'), 'extendedCents')).toHaveText('$680.00');
});

test('A scanned PO (an image, no text) is refused with the reason, and nothing changes', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = wizard(page);
	await w.getByLabel('Import PDF').setInputFiles(pdf('scan.pdf'));
	const alert = w.getByRole('alert');
	await expect(alert).toContainText('scan.pdf cannot be imported. Nothing was changed.');
	await expect(alert).toContainText('scan.pdf: scan.pdf has no text layer (it looks like a scan); Tieout cannot read scanned POs yet — ask the buyer for the PDF from their system or a CSV export');
	await expect(rowCount(pos)).toHaveText('3 rows');
});

test('A PDF dropped on the work orders wizard is refused: only purchase orders are read from a PDF', async ({ page }) => {
	await loadSample(page);
	await openGrid(page, '/work-orders', 'Work orders', 12);
	const w = page.getByRole('region', { name: 'Import work orders' });
	await w.getByLabel('Import CSV').setInputFiles(pdf('oracle.pdf'));
	await expect(w.getByRole('alert')).toContainText('oracle.pdf: oracle.pdf is a PDF: only purchase orders can be read from a PDF. Import jobs from a CSV export');
	// Work orders offer no Import PDF… of their own.
	await w.getByRole('button', { name: 'Choose another file' }).click();
	await expect(w.getByRole('button', { name: 'Import CSV…' })).toBeVisible();
	await expect(w.getByRole('button', { name: 'Import PDF…' })).toHaveCount(0);
});
