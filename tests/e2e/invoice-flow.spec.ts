import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addDays, formatDate, localDateOf } from '../../src/lib/domain/dates';
import { cellOf, expect, gridSection, loadSample, openGrid, openJob, rowCount, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

const today = () => localDateOf(new Date());

/** Clicks Download PDF; with `preflight`, expects the errors dialog and goes on anyway. */
async function downloadPdf(page: Page, preflight = false) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	if (preflight) await page.getByRole('dialog').getByRole('button', { name: 'Download PDF anyway' }).click();
	return download;
}

const actions = (page: Page, number: string) => page.getByRole('group', { name: `Actions for ${number}` });

test('A job is completed with sign-off, invoiced in one action, and its PDF carries what AP matches on', async ({ page }) => {
	await loadSample(page);
	// WO-18483 is in progress: completing it needs who signed off.
	const job = await openJob(page, 'WO-18483');
	await actions(page, 'WO-18483').getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = page.getByRole('form', { name: 'Sign off WO-18483' });
	await form.getByLabel('Signed off by').fill('');
	await form.getByRole('button', { name: 'Complete' }).click();
	// The browser's own required check, or ours: either way nothing changes.
	await expect(job.getByTestId('wo-status')).toHaveText('in progress');
	await form.getByLabel('Signed off by').fill('P. Nguyen, Store Manager');
	await form.getByRole('button', { name: 'Complete' }).click();
	await expect(job.getByTestId('wo-status')).toHaveText('complete');
	await expect(job.getByText(`P. Nguyen, Store Manager, ${formatDate(today())}`)).toBeVisible();

	// WO-18473 (quarterly PM) is complete on PO 884120 and not billed yet.
	await openJob(page, 'WO-18473');
	await actions(page, 'WO-18473').getByRole('button', { name: 'Create invoice' }).click();
	await expect(page).toHaveURL(/\/invoices\?id=/);
	const invoices = gridSection(page, 'Invoices');
	const created = await stableRow(invoices, 'number', 'INV-1045');
	await expect(cellOf(created, 'poNumber')).toHaveText('884120');
	await expect(cellOf(created, 'terms')).toHaveText('2/10 Net 30');
	await expect(cellOf(created, 'workOrderNumbers')).toHaveText('WO-18473');
	const lines = gridSection(page, 'Lines of INV-1045');
	await expect(rowCount(lines)).toHaveText('2 rows');
	const pm = await stableRow(lines, 'buyerItemCode', 'PM-QTR');
	await expect(cellOf(pm, 'amount')).toHaveText('$650.00');
	await expect(cellOf(pm, 'poLineNo')).toHaveText('5');
	await expect(cellOf(created, 'total')).toHaveText('$992.00');

	const download = await downloadPdf(page);
	expect(download.suggestedFilename()).toBe('Invoice-INV-1045.pdf');
	const { text, pages } = await readPdf(download);
	expect(pages).toBe(1);
	for (const expected of ['INV-1045', 'WO-18473', '884120', 'PM-QTR', 'FLT-MERV13', '$992.00', 'Alvarez Mechanical & Electric LLC']) expect(text).toContain(expected);
	expect(text).toContain(formatDate(addDays(today(), 30)));
	expect(text).toContain(formatDate(addDays(today(), 10)));
	expect(text).toContain('$19.84');
});

/** Loads the sample, selects INV-1043 (a draft with errors) and clicks Mark sent: the errors question is on screen. */
async function markInv1043Sent(page: Page) {
	await loadSample(page);
	await openGrid(page, '/invoices', 'Invoices', 4);
	const row = await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1043');
	await cellOf(row, 'number').click();
	await page.getByRole('button', { name: 'Mark sent' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('heading')).toContainText('INV-1043 has');
	return { row, dialog };
}

test('Sending an invoice with errors shows them first; marking it sent makes its jobs invoiced', async ({ page }) => {
	const { row, dialog } = await markInv1043Sent(page);
	await expect(dialog).toContainText(/warranty/i);
	await dialog.getByRole('button', { name: 'Fix first' }).click();
	await expect(cellOf(row, 'status')).toHaveText('draft');

	await page.getByRole('button', { name: 'Mark sent' }).click();
	await dialog.getByRole('button', { name: 'Mark sent anyway' }).click();
	await expect(dialog.getByRole('heading')).toHaveText('Close WO-18474, WO-18475?');
	await dialog.getByRole('button', { name: 'Leave open' }).click();
	await expect(cellOf(row, 'status')).toHaveText('sent');
	const job = await openJob(page, 'WO-18474');
	await expect(job.getByTestId('wo-status')).toHaveText('invoiced');
});

// The bug this pins: answering one question closes the dialog, and the browser sends its close
// event a task later. When the next question was asked sooner (Mark sent anyway, then "Close the
// jobs?"), that late event answered it "no" and took it off screen. Seen as a flaky failure of the
// test above under load; here the late event is sent on purpose.
test('a late close event from the last question does not answer the next one', async ({ page }) => {
	const { row, dialog } = await markInv1043Sent(page);
	// The question's own <dialog> (the history dialog waits closed in the layout too).
	await page.locator('dialog[open]').evaluate((d) => d.dispatchEvent(new Event('close')));
	await expect(dialog.getByRole('heading')).toContainText('INV-1043 has');
	await dialog.getByRole('button', { name: 'Fix first' }).click();
	await expect(dialog).toHaveCount(0);
	await expect(cellOf(row, 'status')).toHaveText('draft');
});

test('A warranty job bills at zero and names the original job', async ({ page }) => {
	await loadSample(page);
	// INV-1043 (a draft) bills the warranty job at full rate: void it and invoice the job again.
	await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1043'), 'number').click();
	await page.getByRole('button', { name: 'Void' }).click();
	// A draft's jobs never moved, so voiding it moves none back.
	await expect(page.getByRole('dialog')).toContainText('It was never sent, so its jobs keep their status.');
	await page.getByRole('dialog').getByRole('button', { name: 'Void invoice' }).click();
	const voided = await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1043');
	await expect(cellOf(voided, 'status')).toHaveText('void');
	// A void invoice is not checked, so it is neither blocked nor "AP-ready".
	await expect(cellOf(voided, 'apReady')).toHaveText('— void');
	await expect(page.getByTestId('ap-ready')).toHaveText(/^Void: this invoice is kept on file/);

	await openJob(page, 'WO-18475');
	await actions(page, 'WO-18475').getByRole('button', { name: 'Create invoice' }).click();
	const choose = page.getByRole('form', { name: 'Jobs to invoice together' });
	for (const other of await choose.getByRole('checkbox').all()) await other.uncheck();
	await choose.getByRole('button', { name: 'Create invoice' }).click();
	const lines = gridSection(page, 'Lines of INV-1045');
	await expect(rowCount(lines)).toHaveText('1 row');
	const line = lines.locator('[role="row"][row-id]:not([row-id="__totals"])').first();
	await expect(cellOf(line, 'rateCents')).toHaveText('$0.00');
	await expect(cellOf(line, 'description')).toContainText('Warranty of WO-18472');
	await expect(page.getByTestId('ap-ready')).toContainText('AP-ready');
});

test('An internal job is never offered for invoicing, and says why', async ({ page }) => {
	await loadSample(page);
	await openJob(page, 'WO-18477');
	const button = actions(page, 'WO-18477').getByRole('button', { name: 'Create invoice' });
	await expect(button).toBeDisabled();
	await expect(button).toHaveAttribute('title', /internal/i);
});

test('A 200-line invoice PDF flows over pages with the header and page x of y on each, no line lost', async ({ page }, testInfo) => {
	await loadSample(page);
	await page.goto('/settings');
	const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	const data = JSON.parse(await readFile(await backup.path(), 'utf8'));
	const inv = data.tables.invoices.find((i: { number: string }) => i.number === 'INV-1042');
	data.tables.invoiceLines = data.tables.invoiceLines.filter((l: { invoiceId: string }) => l.invoiceId !== inv.id);
	for (let n = 1; n <= 200; n++) {
		data.tables.invoiceLines.push({ id: `big-${n}`, invoiceId: inv.id, lineNo: n, description: `Fixture relamp, unit ${n}`, kind: 'labor', qtyMilli: 1000, unit: 'ea', rateCents: 1000, woNumber: '', taskCode: '', poLineNo: null, buyerItemCode: `ITEM-${n}` });
	}
	const file = testInfo.outputPath('big-invoice-backup.json');
	await writeFile(file, JSON.stringify(data));
	await page.getByLabel('Restore from backup file').setInputFiles(file);
	await page.getByRole('dialog').getByRole('button', { name: 'Replace workbook' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();

	await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(gridSection(page, 'Invoices'), 'number', 'INV-1042'), 'number').click();
	await expect(rowCount(gridSection(page, 'Lines of INV-1042'))).toHaveText('200 rows');
	// Lines that trace to no task are errors: pre-flight asks first.
	const { text, pages } = await readPdf(await downloadPdf(page, true));
	expect(pages).toBeGreaterThan(3);
	for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
	expect(text.match(/Item code\s+Description/g)?.length).toBe(pages);
	for (let n = 1; n <= 200; n++) expect(text).toMatch(new RegExp(`ITEM-${n}\\b`));
	expect(text).toContain('$2,000.00');
});
