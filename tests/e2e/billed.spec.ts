import { cellOf, editCell, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

test('a PO shows what is billed and what is left, per PO and per line, and follows an edit made in another tab', async ({ page, context }) => {
	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const po = await stableRow(pos, 'number', '884120');
	// INV-1041 and INV-1043 bill PO 884120 $6,409.00 before tax, of its lines' $8,839.00.
	await expect(cellOf(po, 'billed')).toHaveText('$6,409.00');
	await expect(cellOf(po, 'remaining')).toHaveText('$2,430.00');
	// The header says what "billed" counts.
	await expect(pos.locator('.ag-header-cell[col-id="billed"]')).toHaveAttribute('title', /non-void invoice, before tax/);
	await cellOf(po, 'number').click();
	const lines = gridSection(page, 'Lines of PO 884120');
	const line1 = await stableRow(lines, 'lineNo', '1');
	// Line 1 authorises 16 h; 16 + 4 + 3 h are billed against it.
	await expect(cellOf(line1, 'billedQty')).toHaveText('23');
	await expect(cellOf(line1, 'remainingQty')).toHaveText('-7');
	await expect(cellOf(line1, 'remainingQty')).toHaveClass(/over-cap/);
	await expect(cellOf(line1, 'remaining')).toHaveText('-$875.00');
	// Line 3 authorises 60 lb of refrigerant; 34 + 20 lb are billed.
	const line3 = await stableRow(lines, 'lineNo', '3');
	await expect(cellOf(line3, 'billedQty')).toHaveText('54');
	await expect(cellOf(line3, 'remainingQty')).toHaveText('6');

	// An edit that changes no finding on the PO or its line: only the billed figures move.
	const other = await context.newPage();
	const all = await openGrid(other, '/lines/invoice-lines', 'All invoice lines', 15);
	await editCell(cellOf(await stableRow(all, 'description', 'Refrigerant top-up R-134a'), 'qtyMilli'), '10');

	await expect(cellOf(line3, 'billedQty')).toHaveText('44', { timeout: 10_000 });
	await expect(cellOf(line3, 'remainingQty')).toHaveText('16');
	await expect(cellOf(line3, 'billed')).toHaveText('$814.00');
	await expect(cellOf(line3, 'remaining')).toHaveText('$296.00');
	await expect(cellOf(po, 'billed')).toHaveText('$6,224.00');
	await expect(cellOf(po, 'remaining')).toHaveText('$2,615.00');
	// An hour more of coil cleaning on the draft INV-1043 (the sent INV-1041's lines are locked): $125.00 more.
	await editCell(cellOf(await stableRow(all, 'description', 'Condenser coil cleaning'), 'qtyMilli'), '5');
	await expect(cellOf(po, 'billed')).toHaveText('$6,349.00', { timeout: 10_000 });
	await expect(cellOf(po, 'remaining')).toHaveText('$2,490.00');
	await other.close();
});

test("a job shows what is billed against its NTE, and approving a change order raises what is left", async ({ page }) => {
	const wos = await openGrid(page, '/work-orders', 'Work orders', 12);
	const wo = await stableRow(wos, 'number', 'WO-18474');
	// NTE $2,500.00; INV-1043 bills it $2,915.00.
	await expect(cellOf(wo, 'billed')).toHaveText('$2,915.00');
	await expect(cellOf(wo, 'remaining')).toHaveText('-$415.00');
	await expect(cellOf(wo, 'remaining')).toHaveClass(/over-cap/);
	// A job with no NTE has nothing to run out of.
	await expect(cellOf(await stableRow(wos, 'number', 'WO-18478'), 'remaining')).toHaveText('');

	await cellOf(wo, 'number').click();
	await expect(page.getByTestId('wo-billed')).toHaveText('$2,915.00');
	await page.getByRole('region', { name: 'Change order decisions' }).getByRole('button', { name: 'Approve…' }).click();
	const form = page.getByRole('form', { name: 'Approve CO-1' });
	await form.getByLabel('Approved by').fill('M. Greene');
	await form.getByRole('button', { name: 'Approve' }).click();
	// CO-1 adds $500.00 to the cap.
	await expect(cellOf(wo, 'remaining')).toHaveText('$85.00');
	await expect(cellOf(wo, 'remaining')).not.toHaveClass(/over-cap/);
	await expect(page.getByTestId('wo-remaining')).toHaveText('$85.00');
});
