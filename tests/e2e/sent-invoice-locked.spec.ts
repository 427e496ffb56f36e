import { cellOf, editCell, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

/*
 * A sent invoice is what the buyer holds: its lines and totals are never edited nor the invoice
 * deleted. It is corrected by a credit note or by a void and reissue, both kept in its history.
 * The sample's INV-1041 (sent) bills PO 884120 line 1 for 16 h, and the draft INV-1043 for 7 h
 * more of the line's 16 h: OVER_PO_QTY, 7 h over.
 */

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

const SENT_ON = /^Invoice INV-1041 was sent on [A-Z][a-z]{2} \d{1,2}, \d{4}: its lines and totals stay as the buyer received them\. To change what it bills, issue a credit note, or void it and reissue a corrected copy\.$/;

test('a sent invoice refuses a cell edit and a delete, saying why, and stays as it was', async ({ page }) => {
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	const row = await stableRow(invoices, 'number', 'INV-1041');
	await cellOf(row, 'number').click();
	await expect(page.getByTestId('invoice-locked')).toHaveText(SENT_ON);

	// Its lines do not open, and none can be added or removed.
	const lines = gridSection(page, 'Lines of INV-1041');
	await expect(rowCount(lines)).toHaveText('5 rows');
	await expect(lines.getByRole('button', { name: 'Add line' })).toHaveCount(0);
	await expect(lines.getByRole('button', { name: 'Delete line' })).toHaveCount(0);
	const qty = cellOf(await stableRow(lines, 'lineNo', '1'), 'qtyMilli');
	await qty.dblclick();
	await expect(qty.locator('input')).toHaveCount(0);
	await expect(qty).toHaveText('16');
	// Nor does its header.
	const terms = cellOf(row, 'terms');
	await terms.dblclick();
	await expect(terms.locator('input')).toHaveCount(0);

	// A delete is refused at once, with the reason and the way out.
	await cellOf(row, 'number').click();
	await expect(invoices.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
	await page.keyboard.press('Control+Delete');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	const refusal = page.getByRole('alert').filter({ hasText: 'cannot be deleted' });
	await expect(refusal).toContainText(/Invoice INV-1041 was sent on [A-Z][a-z]{2} \d{1,2}, \d{4} and cannot be deleted: issue a credit note, or void it and reissue a corrected copy\./);
	await expect(rowCount(invoices)).toHaveText('4 rows');

	// Mark paid, a move that stays valid, still works.
	await page.getByRole('button', { name: 'Mark paid' }).click();
	await expect(cellOf(row, 'status')).toHaveText('paid');
	await expect(page.getByRole('list').filter({ hasText: 'Marked paid' })).toBeVisible();
});

test('a credit note for the over-billed hours clears OVER_PO_QTY on the cell, and both invoices name each other', async ({ page }) => {
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	const lines = gridSection(page, 'Lines of INV-1041');
	const hours = cellOf(await stableRow(lines, 'lineNo', '1'), 'qtyMilli');
	await expect(hours).toHaveAttribute('data-findings', /OVER_PO_QTY/);

	await page.getByRole('button', { name: 'Credit note…' }).click();
	const form = page.getByRole('form', { name: 'Credit note for INV-1041' });
	await form.getByRole('checkbox', { name: 'Credit line 1' }).check();
	await form.getByRole('textbox', { name: 'Quantity to credit on line 1' }).fill('7');
	await expect(form.getByTestId('credit-total')).toHaveText('-$875.00');
	await form.getByRole('button', { name: 'Make credit note' }).click();

	// The credit note is the next invoice of the sequence, a draft, selected, with the hours given back.
	await expect(rowCount(invoices)).toHaveText('5 rows');
	const credit = gridSection(page, 'Lines of INV-1045');
	await expect(rowCount(credit)).toHaveText('1 row');
	const creditLine = await stableRow(credit, 'lineNo', '1');
	await expect(cellOf(creditLine, 'qtyMilli')).toHaveText('-7');
	await expect(cellOf(creditLine, 'amount')).toHaveText('-$875.00');
	await expect(cellOf(creditLine, 'qtyMilli')).not.toHaveAttribute('data-findings');
	await expect(page.getByTestId('credit-of')).toHaveText('Credit note for invoice INV-1041');
	await expect(page.getByTestId('invoice-history')).toContainText('Credit note made for invoice INV-1041');
	await expect(cellOf(await stableRow(invoices, 'number', 'INV-1045'), 'corrects')).toHaveText('Credit of INV-1041');

	// Its PDF says what it is and which invoice it corrects.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const pdf = await readPdf(await download);
	expect((await download).suggestedFilename()).toBe('CreditNote-INV-1045.pdf');
	expect(pdf.text).toContain('CREDIT NOTE');
	expect(pdf.text).toContain('Credits invoice INV-1041');
	expect(pdf.text).toContain('Credit note number');
	expect(pdf.text).toContain('Nothing is due on it');

	// Back on the original: the over-bill is gone from its cell, and its history names the credit note.
	await page.getByTestId('invoice-history').getByRole('button', { name: 'open INV-1041' }).click();
	await expect(cellOf(await stableRow(lines, 'lineNo', '1'), 'qtyMilli')).not.toHaveAttribute('data-findings', /OVER_PO_QTY/);
	await expect(page.getByTestId('invoice-history')).toContainText('Credited by credit note INV-1045');

	await page.reload();
	await expect(rowCount(invoices)).toHaveText('5 rows');
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	await expect(page.getByTestId('invoice-history')).toContainText('Credited by credit note INV-1045');
	await expect(cellOf(await stableRow(lines, 'lineNo', '1'), 'qtyMilli')).not.toHaveAttribute('data-findings', /OVER_PO_QTY/);
});

test('void and reissue voids the original, starts an editable draft copy, and keeps both in history', async ({ page }) => {
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	const original = await stableRow(invoices, 'number', 'INV-1041');
	await cellOf(original, 'number').click();
	await page.getByRole('button', { name: 'Void and reissue' }).click();
	const dialog = page.getByRole('dialog', { name: 'Void INV-1041 and reissue it?' });
	await dialog.getByRole('button', { name: 'Void and reissue' }).click();

	await expect(rowCount(invoices)).toHaveText('5 rows');
	await expect(cellOf(original, 'status')).toHaveText('void');
	const copy = gridSection(page, 'Lines of INV-1045');
	await expect(rowCount(copy)).toHaveText('5 rows');
	await expect(page.getByTestId('reissue-of')).toHaveText('Reissue of voided invoice INV-1041');
	await expect(page.getByTestId('invoice-history')).toContainText('Made as the reissue of voided invoice INV-1041');
	await expect(page.getByTestId('invoice-locked')).toHaveCount(0);
	// The copy is a draft: corrected where it is wrong.
	await editCell(cellOf(await stableRow(copy, 'lineNo', '1'), 'qtyMilli'), '9');
	await expect(cellOf(await stableRow(copy, 'lineNo', '1'), 'qtyMilli')).toHaveText('9');

	await page.reload();
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	const history = page.getByTestId('invoice-history');
	await expect(history).toContainText('Reissued as INV-1045');
	await expect(history).toContainText('Voided');
	await expect(history).toContainText('Sent');
	await expect(page.getByTestId('invoice-locked')).toHaveText('Invoice INV-1041 is void: it stays on file as it was and cannot be changed. Make a new invoice instead.');
	await expect(cellOf(await stableRow(invoices, 'number', 'INV-1045'), 'corrects')).toHaveText('Reissue of INV-1041');
});
