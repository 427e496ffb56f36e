import { fileURLToPath } from 'node:url';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

// domain.md, "Credit line": buyers' exports write credits as -150.00, (150.00), 150.00- or -150,00.
test('Credit lines in every notation import onto a PO, are typed in the grids, and print as negatives on the invoice PDF (regression: "Unit price must be at least 0")', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const wizard = page.getByRole('region', { name: 'Import purchase orders' });
	await wizard.getByLabel('Import CSV').setInputFiles(fixture('credit-lines.csv'));
	await wizard.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await wizard.getByRole('button', { name: 'Check 5 rows' }).click();
	await expect(wizard.getByRole('heading', { name: 'PO 7100 · new, 5 lines' })).toBeVisible();
	await wizard.getByRole('button', { name: 'Apply import' }).click();

	await cellOf(await stableRow(pos, 'number', '7100'), 'number').click();
	const lines = gridSection(page, 'Lines of PO 7100');
	for (const n of ['2', '3', '4']) {
		const credit = await stableRow(lines, 'lineNo', n);
		await expect(cellOf(credit, 'unitPriceCents')).toHaveText('-$150.00');
		await expect(cellOf(credit, 'extendedCents')).toHaveText('-$150.00');
	}
	const returned = await stableRow(lines, 'lineNo', '5');
	await expect(cellOf(returned, 'qtyMilli')).toHaveText('-2');
	await expect(cellOf(returned, 'extendedCents')).toHaveText('-$25.00');

	// Typed in the grid as a person writes a credit: parentheses for the price, a minus for a return.
	await lines.getByRole('button', { name: 'Add line' }).click();
	const added = await stableRow(lines, 'description', 'New line');
	await editCell(cellOf(added, 'qtyMilli'), '1');
	await editCell(cellOf(added, 'unitPriceCents'), '(75.00)');
	await expect(cellOf(added, 'unitPriceCents')).toHaveText('-$75.00');
	await expect(cellOf(added, 'extendedCents')).toHaveText('-$75.00');
	await editCell(cellOf(added, 'qtyMilli'), '-1');
	// Both negative is a charge again: refused, saying why, and the stored line is unchanged.
	await expect(lines.getByRole('alert')).toContainText('a credit has a negative unit price or a negative quantity, never both');
	await expect(cellOf(added, 'qtyMilli')).toHaveText('1');

	// An invoice credit: a draft invoice's new line at (150.00) lowers its total by $150.00.
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	const inv = await stableRow(invoices, 'number', 'INV-1044');
	await expect(cellOf(inv, 'total')).toHaveText('$839.00');
	await cellOf(inv, 'number').click();
	const invLines = gridSection(page, 'Lines of INV-1044');
	await invLines.getByRole('button', { name: 'Add line' }).click();
	const goodwill = await stableRow(invLines, 'description', 'New line');
	await editCell(cellOf(goodwill, 'description'), 'Goodwill credit');
	await editCell(cellOf(goodwill, 'qtyMilli'), '1');
	await editCell(cellOf(goodwill, 'rateCents'), '(150.00)');
	await expect(cellOf(goodwill, 'amount')).toHaveText('-$150.00');
	await expect(cellOf(inv, 'total')).toHaveText('$689.00');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	// INV-1044 has no PO though its customer requires one: the pre-flight says so, and the PDF is made anyway.
	await page.getByRole('dialog').getByRole('button', { name: 'Download PDF anyway' }).click();
	const { text } = await readPdf(await download);
	expect(text).toMatch(/Goodwill credit\s+.*1\s+.*-\$150\.00\s+-\$150\.00/);
	expect(text).toMatch(/Total due \(USD\)\s+\$689\.00/);
});
