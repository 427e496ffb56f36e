import { writeFile } from 'node:fs/promises';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { largePoCsv } from '../fixtures/csv/generate-large.mjs';

/**
 * Every test runs in a fresh browser context (a fresh, empty IndexedDB) and FAILS if any page
 * of that context throws (`pageerror`), logs a console error, or gets an HTTP response >= 400.
 * The page listeners are attached per page, so a second tab opened with `context.newPage()`
 * is watched too.
 */
export const test = base.extend<{ failOnPageProblems: void }>({
	failOnPageProblems: [
		async ({ context }, use, testInfo) => {
			const problems: string[] = [];
			const watch = (page: Page) => {
				page.on('pageerror', (err) => problems.push(`pageerror at ${page.url()}: ${err.message}`));
				page.on('console', (msg) => {
					if (msg.type() === 'error') problems.push(`console.error at ${page.url()}: ${msg.text()}`);
				});
				page.on('response', (res) => {
					if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
				});
			};
			context.pages().forEach(watch);
			context.on('page', watch);
			await use();
			if (problems.length) await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
			expect(problems, 'no page errors, console errors or HTTP >= 400 responses').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** The slug DataGrid.svelte puts in `data-grid`: "Lines of PO 884120" → "lines-of-po-884120". */
export const slugOf = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The `<section data-grid>` that wraps the grid labelled `label`. */
export const gridSection = (page: Page, label: string): Locator => page.locator(`section[data-grid="${slugOf(label)}"]`);

export const rowCount = (grid: Locator): Locator => grid.getByTestId('row-count');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one data row of `grid` whose cell in column `colId` reads exactly `text` (the totals row, row-id __totals, is no record). */
export function rowWhere(grid: Locator, colId: string, text: string): Locator {
	return grid.locator('[role="row"][row-id]:not([row-id="__totals"])').filter({
		has: grid.page().locator(`[col-id="${colId}"]`, { hasText: new RegExp(`^\\s*${escapeRe(text)}\\s*$`) })
	});
}

/** The same row by its record id, which stays stable while cells of the row are edited. */
export async function stableRow(grid: Locator, colId: string, text: string): Promise<Locator> {
	const row = rowWhere(grid, colId, text);
	await expect(row).toHaveCount(1);
	const id = await row.getAttribute('row-id');
	expect(id, 'AG Grid rows carry row-id = record id').toBeTruthy();
	return grid.locator(`[role="row"][row-id="${id}"]`);
}

export const cellOf = (row: Locator, colId: string): Locator => row.locator(`[col-id="${colId}"]`);

/** Double-click a cell to open its text editor, replace the text, and commit with Enter. */
export async function editCell(cell: Locator, text: string): Promise<void> {
	await cell.dblclick();
	const input = cell.locator('input');
	await expect(input).toBeFocused();
	await input.fill(text);
	await input.press('Enter');
	await expect(cell.locator('input')).toHaveCount(0);
	// The edit shows before it commits; a test that navigates next must not outrun the commit.
	await expect(cell.page().getByTestId('save-state')).toHaveAttribute('data-pending', '0');
}

/** Goes to `/` on an empty workbook, loads the sample, and waits until it is stored and shown. */
export async function loadSample(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Sample workbook loaded' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toHaveCount(0);
}

/**
 * Opens `path` and waits until the grid labelled `label` is AG Grid (not the preview table drawn
 * while AG Grid loads) and shows `rows` rows (the workbook has loaded).
 */
export async function openGrid(page: Page, path: string, label: string, rows: number): Promise<Locator> {
	await page.goto(path);
	const grid = gridSection(page, label);
	await expect(grid).toHaveAttribute('data-ready', 'true');
	await expect(rowCount(grid)).toHaveText(`${rows} rows`);
	return grid;
}

/** Opens the sample's job `number` on Work orders, filtered to it so its row is never under the grid's scrollbar; returns its detail. */
export async function openJob(page: Page, number: string): Promise<Locator> {
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	await grid.getByRole('searchbox').fill(number);
	await expect(rowCount(grid)).toHaveText('1 of 12 rows');
	await cellOf(await stableRow(grid, 'number', number), 'number').click();
	return page.getByRole('region', { name: `Work order ${number}` });
}

/** A generated buyer PO export of about `megabytes` MB (generate-large.mjs), written to the test's output folder. */
export async function largePoFile(testInfo: TestInfo, name: string, megabytes: number): Promise<{ file: string; lines: number }> {
	const { text, lines } = largePoCsv(megabytes * 1024 * 1024);
	const file = testInfo.outputPath(name);
	await writeFile(file, text);
	return { file, lines };
}
