import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, stableRow, test } from './fixtures';

test('Export CSV writes the columns and filtered rows the grid shows, numbers plain, with a BOM for Excel', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await grid.getByRole('searchbox', { name: 'Search All PO lines' }).fill('HVAC');
	await expect(rowCount(grid)).toHaveText('2 of 13 rows');

	const [download] = await Promise.all([page.waitForEvent('download'), grid.getByRole('button', { name: 'Export CSV' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^tieout-all-po-lines-\d{4}-\d{2}-\d{2}\.csv$/);
	const text = await readFile(await download.path(), 'utf8');
	expect(text.startsWith('\ufeff')).toBe(true);
	const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

	// Every header the grid renders is in the file, in the grid's order (AG Grid may not render off-screen columns).
	const shownHeaders = (await grid.locator('.ag-header-cell-text').allTextContents()).map((h) => h.trim()).filter((h) => h !== '');
	expect(header![0]).toBe('Findings');
	expect(header!.filter((h) => shownHeaders.includes(h))).toEqual(shownHeaders);
	expect(header).toEqual(expect.arrayContaining(['PO', 'Customer', 'Buyer item', 'Description', 'Unit price', 'Qty × price']));
	expect(rows).toHaveLength(2);
	const col = (name: string) => header!.indexOf(name);
	const std = rows.find((r) => r[col('Buyer item')] === 'HVAC-LAB-STD');
	expect(std, 'the HVAC standard-time line is exported').toBeTruthy();
	expect(std![col('Unit price')]).toBe('125.00');
	expect(std![col('Qty × price')]).toBe('2000.00');
	expect(std![col('Description')]).toBe('HVAC technician labor, standard time');
});

test('Exporting an invoice line whose description starts with "=" neutralises it', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	// A line of a draft: a sent invoice's lines are locked.
	const first = cellOf(await stableRow(grid, 'description', 'Refrigerant top-up R-134a'), 'description');
	await first.dblclick();
	await first.locator('input').fill('=HYPERLINK("http://evil.example","x")');
	await first.locator('input').press('Enter');
	await expect(first).toHaveText('=HYPERLINK("http://evil.example","x")');
	await gridSection(page, 'All invoice lines').getByRole('searchbox').fill('HYPERLINK');
	await expect(rowCount(grid)).toHaveText('1 of 15 rows');

	const [download] = await Promise.all([page.waitForEvent('download'), grid.getByRole('button', { name: 'Export CSV' }).click()]);
	const text = await readFile(await download.path(), 'utf8');
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
});

test('Sent invoices export as QuickBooks and Xero import files whose lines add up to the invoice totals', async ({ page }) => {
	await loadSample(page);
	await openGrid(page, '/invoices', 'Invoices', 4);
	await page.getByRole('button', { name: 'Export to accounting…' }).click();
	const panel = page.getByRole('region', { name: 'Export to accounting' });
	// Only INV-1041 is sent; the paid INV-1042 is added by hand.
	await expect(panel.getByRole('checkbox', { checked: true })).toHaveCount(1);
	await panel.getByRole('checkbox', { name: /INV-1042/ }).check();

	const qbDownload = page.waitForEvent('download');
	await panel.getByRole('button', { name: 'QuickBooks CSV (2)' }).click();
	const qb = Papa.parse<string[]>(await readFile(await (await qbDownload).path(), 'utf8'), { skipEmptyLines: true }).data;
	expect(qb[0]![0]).toBe('*InvoiceNo');
	const amount = qb[0]!.indexOf('*ItemAmount');
	const sum = (rows: string[][], no: string) => rows.filter((r) => r[0] === no).reduce((s, r) => s + Math.round(Number(r[amount]) * 100), 0);
	expect(sum(qb.slice(1), 'INV-1041')).toBe(311900);
	expect(sum(qb.slice(1), 'INV-1042')).toBe(202543);
	// The buyer's PO in its own column (QuickBooks' P.O. Number custom field), and each line dated by its job's work.
	const po = qb[0]!.indexOf('P.O. Number');
	const served = qb[0]!.indexOf('Service Date');
	expect(new Set(qb.slice(1).filter((r) => r[0] === 'INV-1041').map((r) => r[po]))).toEqual(new Set(['884120']));
	expect(qb.slice(1).filter((r) => r[0] === 'INV-1041' && r[served] !== '').length).toBeGreaterThan(0);

	const xeroDownload = page.waitForEvent('download');
	await panel.getByRole('button', { name: 'Xero CSV (2)' }).click();
	const xero = Papa.parse<string[]>(await readFile(await (await xeroDownload).path(), 'utf8'), { skipEmptyLines: true }).data;
	expect(xero[0]!.slice(0, 1)).toEqual(['*ContactName']);
	const ref = xero[0]!.indexOf('Reference');
	const no = xero[0]!.indexOf('*InvoiceNumber');
	expect(xero.slice(1).filter((r) => r[no] === 'INV-1041')).toHaveLength(5);
	expect(xero.slice(1).find((r) => r[no] === 'INV-1041')![ref]).toContain('884120');
});

test('Settings book each kind of line for Xero and QuickBooks, and Xero gets the billing address part by part', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await page.getByRole('textbox', { name: 'Xero account for labor' }).fill('4100');
	await page.getByRole('textbox', { name: 'QuickBooks product/service for labor' }).fill('Services:HVAC labor');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

	await openGrid(page, '/invoices', 'Invoices', 4);
	await page.getByRole('button', { name: 'Export to accounting…' }).click();
	const panel = page.getByRole('region', { name: 'Export to accounting' });
	const read = async (button: string) => {
		const download = page.waitForEvent('download');
		await panel.getByRole('button', { name: button }).click();
		return Papa.parse<string[]>(await readFile(await (await download).path(), 'utf8'), { skipEmptyLines: true }).data;
	};
	// INV-1041 line 1 is labor, line 2 material; its customer is billed at "Accounts Payable, 1200 Mercy Way, Dayton, OH 45409".
	const xero = await read('Xero CSV (1)');
	const col = (name: string) => xero[0]!.indexOf(name);
	const [labor, material] = xero.slice(1);
	expect([labor![col('POAddressLine1')], labor![col('POCity')], labor![col('PORegion')], labor![col('POPostalCode')]]).toEqual(['Accounts Payable, 1200 Mercy Way', 'Dayton', 'OH', '45409']);
	expect([labor![col('*AccountCode')], material![col('*AccountCode')], labor![col('*TaxType')]]).toEqual(['4100', '200', 'Tax Exempt']);
	const qb = await read('QuickBooks CSV (1)');
	expect(qb.slice(1).map((r) => r[qb[0]!.indexOf('Item(Product/Service)')]).slice(0, 2)).toEqual(['Services:HVAC labor', 'Materials']);
});
