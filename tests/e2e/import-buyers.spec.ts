import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, rowCount, rowWhere, stableRow, test } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const wizard = (page: Page) => page.getByRole('region', { name: 'Import purchase orders' });
const HARBOR = 'Harbor Point Property Management LLC';
const BAYVIEW = 'Bayview Retail Partners';

/** The customers of the PO grid's rows with this number, sorted. */
async function customersOf(pos: Locator, number: string): Promise<string[]> {
	const rows = rowWhere(pos, 'number', number);
	const names = await rows.locator('[col-id="customerId"]').allTextContents();
	return names.map((n) => n.trim()).sort();
}

test('A PO log naming several buyers files each PO under the customer its rows name; the unknown buyer is listed with its rows and added in the wizard (regression: every PO filed under the one customer chosen, no warning)', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = wizard(page);
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-log-multi-buyer.csv'));
	await expect(w.getByLabel('Column for Customer')).toHaveValue('Customer');
	await expect(w.getByLabel('Column for Buyer', { exact: true })).toHaveValue('Buyer');

	const names = w.getByRole('region', { name: 'Customers named in the file' });
	await expect(names).toContainText('A name in the Customer column matches no single customer.');
	await expect(names.getByRole('listitem')).toHaveCount(1);
	await expect(names.getByRole('listitem')).toContainText('Acme Facilities Inc. — rows 5–6, 10');
	// The names that match are said too, spelled as the file spells them.
	await expect(names).toContainText(`${HARBOR} (rows 2–3, 7)`);
	await expect(names).toContainText(`${BAYVIEW} (rows 4, 8–9)`);
	const check = w.getByRole('button', { name: 'Check 9 rows' });
	await expect(check).toBeDisabled();
	await expect(w.getByText('A name in the Customer column matches no single customer: add it or say which customer it is above, or cancel the import.')).toBeVisible();
	// Nothing written while the name is open.
	await expect(rowCount(pos)).toHaveText('3 rows');

	await names.getByRole('button', { name: 'Add “Acme Facilities Inc.” as a customer' }).click();
	await expect(names.getByRole('listitem')).toHaveCount(0);
	await expect(names).toContainText('Acme Facilities Inc. (rows 5–6, 10)');
	await check.click();
	await expect(w.getByText('6 in the file: 6 new, 0 changed, 0 unchanged.')).toBeVisible();
	await expect(w.getByRole('heading', { name: `PO 2040 (${HARBOR}) · new, 2 lines` })).toBeVisible();
	await expect(w.getByRole('heading', { name: `PO 2040 (${BAYVIEW}) · new, 1 line` })).toBeVisible();
	await w.getByRole('button', { name: 'Apply import' }).click();

	await expect(rowCount(pos)).toHaveText('9 rows');
	expect(await customersOf(pos, '2040')).toEqual([BAYVIEW, HARBOR]);
	expect(await customersOf(pos, '2041')).toEqual([HARBOR]);
	expect(await customersOf(pos, '2042')).toEqual([BAYVIEW]);
	expect(await customersOf(pos, '7710')).toEqual(['Acme Facilities Inc.']);
	expect(await customersOf(pos, '7711')).toEqual(['Acme Facilities Inc.']);
	await page.goto('/customers');
	await expect(gridSection(page, 'Customers').getByText('Acme Facilities Inc.')).toBeVisible();
});

test('A second file with the same headers but no Customer column does not choose the earlier buyer: the person does (regression: a remembered mapping pre-selected its buyer)', async ({ page }) => {
	await loadSample(page);
	await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = wizard(page);
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-original.csv'));
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: HARBOR });
	await w.getByRole('button', { name: 'Check 3 rows' }).click();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'po-original.csv' })).toBeVisible();

	// Another day, another tab: the same headers come back.
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 4);
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-revised.csv'));
	// The columns are offered from memory; the customer is not.
	await expect(w.getByText('remembered from the last import of these headers')).toBeVisible();
	await expect(w.getByLabel('Column for Unit Price')).toHaveValue('Unit Price');
	await expect(w.getByLabel('Customer', { exact: true }).locator('option:checked')).toHaveText('— choose the customer —');
	await expect(w.getByRole('button', { name: 'Check 3 rows' })).toBeDisabled();
	await expect(w.getByText('Choose the customer these POs are from, or map the column that names it.')).toBeVisible();

	// Chosen as the other buyer, the file is that buyer's new PO, not a revision of Harbor Point's.
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: BAYVIEW });
	await w.getByRole('button', { name: 'Check 3 rows' }).click();
	await expect(w.getByRole('heading', { name: 'PO PO-3001 · new, 3 lines' })).toBeVisible();
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: HARBOR });
	await w.getByRole('button', { name: 'Check 3 rows' }).click();
	await expect(w.getByRole('heading', { name: 'PO PO-3001 · revision 0 → 1' })).toBeVisible();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(cellOf(await stableRow(pos, 'number', 'PO-3001'), 'revision')).toHaveText('1');
	expect(await customersOf(pos, 'PO-3001')).toEqual([HARBOR]);
});

test('A jobs file naming a customer Tieout does not know lists it, adds it in the wizard, and files the job under it', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	const w = page.getByRole('region', { name: 'Import work orders' });
	const csv = 'WO Number,Customer,Task Code,Task Description,Quantity,Rate\nWO-30001,Lakeside Dental Group,T1,Filter change,1,95.00\nWO-30002,MERCY GENERAL HOSPITAL,T1,Belt check,2,80.00\nWO-30003,Lakeside Dental Group,T1,Thermostat,1,140.00\n';
	await w.getByLabel('Import CSV').setInputFiles({ name: 'jobs-new-customer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	const names = w.getByRole('region', { name: 'Customers named in the file' });
	await expect(names.getByRole('listitem')).toContainText('Lakeside Dental Group — rows 2, 4');
	await expect(w.getByRole('button', { name: 'Check 3 rows' })).toBeDisabled();
	await names.getByRole('button', { name: 'Add “Lakeside Dental Group” as a customer' }).click();
	await w.getByRole('button', { name: 'Check 3 rows' }).click();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(grid)).toHaveText('15 rows');
	await expect(cellOf(await stableRow(grid, 'number', 'WO-30001'), 'customerId')).toHaveText('Lakeside Dental Group');
	await expect(cellOf(await stableRow(grid, 'number', 'WO-30002'), 'customerId')).toHaveText('Mercy General Hospital');
});

test('A name said to be an existing customer is remembered for it: the next file with that name goes there by itself, and Customers shows the name', async ({ page }) => {
	await loadSample(page);
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = wizard(page);
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-log-multi-buyer.csv'));
	const names = w.getByRole('region', { name: 'Customers named in the file' });
	await names.getByLabel('Customer for Acme Facilities Inc.').selectOption({ label: 'Mercy General Hospital' });
	await expect(names.getByRole('listitem')).toHaveCount(0);
	await expect(names).toContainText('Acme Facilities Inc. → Mercy General Hospital (rows 5–6, 10)');
	await w.getByRole('button', { name: 'Check 9 rows' }).click();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(rowCount(pos)).toHaveText('9 rows');
	expect(await customersOf(pos, '7710')).toEqual(['Mercy General Hospital']);

	// The same log again: every name matches by itself, and each PO 2040 is its own customer's, unchanged.
	await page.reload();
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-log-multi-buyer.csv'));
	await expect(names).toContainText('Acme Facilities Inc. → Mercy General Hospital (rows 5–6, 10)');
	await expect(names.getByRole('listitem')).toHaveCount(0);
	await w.getByRole('button', { name: 'Check 9 rows' }).click();
	await expect(w.getByText('Nothing to change: this file matches what is stored.')).toBeVisible();

	const customers = await openGrid(page, '/customers', 'Customers', 3);
	const mercy = await stableRow(customers, 'name', 'Mercy General Hospital');
	await expect(cellOf(mercy, 'otherNames')).toHaveText('Acme Facilities Inc.');

	// A name matched by mistake is taken back on Customers; the next file asks again.
	await editCell(cellOf(mercy, 'otherNames'), 'Mercy Gen. Hosp.; ');
	await expect(cellOf(mercy, 'otherNames')).toHaveText('Mercy Gen. Hosp.');
	await expect(customers.getByRole('alert')).toHaveCount(0);
	await openGrid(page, '/purchase-orders', 'Purchase orders', 9);
	await w.getByLabel('Import CSV').setInputFiles(fixture('po-log-multi-buyer.csv'));
	await expect(names.getByRole('listitem')).toContainText('Acme Facilities Inc. — rows 5–6, 10');
});
