import type { Page } from '@playwright/test';
import { FINDING_CODES } from '../../src/lib/reconcile/types';
import { cellOf, editCell, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';

/** A rule code as a whole word: `OVER_PO_QTY`, not a word that happens to contain it. */
const CODE = new RegExp(`\\b(${FINDING_CODES.join('|')})\\b`, 'g');

/**
 * Everything a person reads or hears on the page as it is now: the rendered text, the hover
 * titles, the names and descriptions a screen reader announces, and each select's options.
 * Codes may stay in `data-*` attributes and option values, which nobody reads.
 */
async function readable(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out = [document.title, document.body.innerText];
		for (const el of document.querySelectorAll('[title], [aria-label], [aria-description], [placeholder], [alt]')) {
			for (const name of ['title', 'aria-label', 'aria-description', 'placeholder', 'alt']) {
				const v = el.getAttribute(name);
				if (v) out.push(`${name}="${v}"`);
			}
		}
		for (const o of document.querySelectorAll('option')) out.push(o.label || o.text);
		return out;
	});
}

async function expectNoCode(page: Page, where: string): Promise<void> {
	const codes = (await readable(page)).flatMap((text) => [...text.matchAll(CODE)].map((m) => `${m[1]} in …${text.slice(Math.max(0, m.index - 60), m.index + 80)}…`));
	expect(codes, `no rule code in readable text on ${where}`).toEqual([]);
}

test('no rule code shows in any text a person reads, on any page of the sample workbook', async ({ page }) => {
	test.setTimeout(120_000);
	await loadSample(page);
	await expectNoCode(page, 'home');

	// Work orders, with a job selected whose task has a finding (the extra task billed unapproved).
	const wos = await openGrid(page, '/work-orders', 'Work orders', 12);
	await cellOf(await stableRow(wos, 'number', 'WO-18474'), 'number').click();
	const t4 = cellOf(await stableRow(gridSection(page, 'Tasks of WO-18474'), 'code', 'T4'), 'changeOrderNumber');
	await expect(t4).toHaveAttribute('data-findings', /CHANGE_UNAPPROVED/);
	await expectNoCode(page, '/work-orders');

	const pos = await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	await cellOf(await stableRow(pos, 'number', '884120'), 'number').click();
	await expect(gridSection(page, 'Lines of PO 884120')).toHaveAttribute('data-ready', 'true');
	await expectNoCode(page, '/purchase-orders');

	// An invoice with findings: its pre-flight lists them, each a sentence with no code.
	const invoices = await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(invoices, 'number', 'INV-1041'), 'number').click();
	const preflight = page.getByRole('region', { name: 'Pre-flight' });
	await expect(preflight.locator('li.error', { hasText: 'traces to no work done' })).toBeVisible();
	await expect(preflight.locator('li[data-code="LINE_UNBACKED"]')).toHaveCount(1);
	await expectNoCode(page, '/invoices with the pre-flight of INV-1041');

	await openGrid(page, '/lines/tasks', 'All tasks', 22);
	await expectNoCode(page, '/lines/tasks');
	await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	await expectNoCode(page, '/lines/po-lines');

	// A cell with a finding, hovered and focused, says its sentence.
	const lines = await openGrid(page, '/lines/invoice-lines', 'All invoice lines', 15);
	const qty = cellOf(await stableRow(lines, 'description', 'Refrigerant charge R-134a'), 'qtyMilli');
	await qty.hover();
	await qty.click();
	await expect(lines.getByTestId('focus-findings')).toContainText('records 30 lb done');
	await expect(qty).toHaveAttribute('title', /records 30 lb done/);
	await expectNoCode(page, '/lines/invoice-lines with a finding focused');

	await page.goto('/exceptions');
	await expect(page.locator('li[data-code="OVER_PO_QTY"]').first()).toBeVisible();
	await expectNoCode(page, '/exceptions');
	// Filtering by a rule still works by its code, named in words.
	await page.getByLabel('Rule').selectOption('OVER_PO_QTY');
	await expect(page.locator('li[data-code]').first()).toBeVisible();
	await expect(page.locator('li[data-code]:not([data-code="OVER_PO_QTY"])')).toHaveCount(0);
	await expectNoCode(page, '/exceptions filtered by one rule');

	await openGrid(page, '/customers', 'Customers', 3);
	await expectNoCode(page, '/customers');
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	await expectNoCode(page, '/settings');
});

test('saving Settings typed in other shapes shows the stored form, with no false "changed elsewhere" warning', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await expect(page.getByTestId('usage')).toContainText('available');
	const qtyTolerance = page.getByLabel('Quantity tolerance');
	const legal = page.getByLabel('Legal name');
	await qtyTolerance.fill('5');
	await legal.fill('  Brightline Mechanical LLC  ');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
	// The page's own save comes back through the live query: the fields take the stored form…
	await expect(qtyTolerance).toHaveValue('5%');
	await expect(legal).toHaveValue('Brightline Mechanical LLC');
	// …and it is not taken for a change made elsewhere.
	await expect(page.getByRole('status').filter({ hasText: 'changed elsewhere' })).toHaveCount(0);
});

test('terms typed in another shape in a grid cell are saved only once the normal form is accepted; Escape keeps the old terms', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/invoices', 'Invoices', 4);
	const inv = await stableRow(grid, 'number', 'INV-1043');
	const terms = cellOf(inv, 'terms');
	await expect(terms).toHaveText('Net 30');
	await expect(terms).toHaveAttribute('data-findings', /TERMS_MISMATCH/);

	const type = async (text: string) => {
		await terms.dblclick();
		await terms.locator('input').fill(text);
		await terms.locator('input').press('Enter');
	};
	const dialog = page.getByRole('dialog', { name: 'Save Terms as “2/10 Net 30”?' });

	await type('2% 10 net 30');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('you typed “2% 10 net 30”');
	await expect(dialog.getByRole('button', { name: 'Keep Net 30' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(terms).toHaveText('Net 30');
	// Back in the grid where Enter left it (the cell below, as in a spreadsheet), to go on typing.
	await expect(grid.locator('.ag-cell-focus[col-id="terms"]')).toBeFocused();
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-pending', '0');
	await expect(terms).toHaveAttribute('data-findings', /TERMS_MISMATCH/);

	await type('2 10 n 30');
	await dialog.getByRole('button', { name: 'Save as 2/10 Net 30' }).click();
	await expect(terms).toHaveText('2/10 Net 30');
	// The invoice now states the PO's own terms.
	await expect(terms).not.toHaveAttribute('data-findings');

	// Terms typed in the normal form save with no question.
	await editCell(terms, 'Net 30');
	await expect(terms).toHaveText('Net 30');
	await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Settings shows how typed default terms will be saved, and saves exactly that', async ({ page }) => {
	await loadSample(page);
	await page.goto('/settings');
	await expect(page.getByTestId('usage')).toContainText('available');
	const terms = page.getByLabel('Default terms');
	const row = page.locator('label.row', { has: terms });
	await terms.fill('2% 10 net 30');
	await expect(row).toContainText('Will be saved as 2/10 Net 30');
	await terms.fill('Net 15');
	await expect(row).not.toContainText('Will be saved as');
	await terms.fill('net45');
	await expect(row).toContainText('Will be saved as Net 45');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
	await expect(terms).toHaveValue('Net 45');
	await expect(row).not.toContainText('Will be saved as');
	await expect(page.getByRole('status').filter({ hasText: 'changed elsewhere' })).toHaveCount(0);
	await page.reload();
	await expect(page.getByLabel('Default terms')).toHaveValue('Net 45');
});
