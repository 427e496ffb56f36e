import { expect, loadSample, openGrid, test } from './fixtures';

// Until 2026-12 Tieout kept the first screen of each grid in localStorage and drew it before the app
// ran (static/first-rows.js), and a start copy of each workbook's first records; both are retired
// (src/lib/fast-start/retired-copies.ts). A browser upgraded from then still holds them.

test('a page opened with the first screens an earlier version kept shows its own rows, and the kept ones are gone', async ({ page }) => {
	await loadSample(page);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', 13);
	const firstRow = () => grid.locator('.ag-row[row-index="0"] [col-id="description"]').textContent();
	const shown = await firstRow();

	// As an earlier version left them, each saying something the workbook does not hold.
	await page.evaluate(() => {
		const screen = (slug: string) =>
			JSON.stringify({ v: 2, drawing: 'an earlier build', db: 'tieout', slug, left: 220, top: 150, rightGap: 20, bottomGap: 20, marker: true, columns: [{ header: 'Description', width: 300, right: false }], rows: [{ id: 'x', cells: ['Kept by an earlier version'] }], sources: [], gen: null });
		localStorage.setItem('tieout:first-rows:/lines/po-lines#all-po-lines', screen('all-po-lines'));
		localStorage.setItem('tieout:first-rows:/customers#customers', screen('customers'));
		localStorage.setItem('tieout:line-frame:tieout', JSON.stringify({ drawing: 'an earlier build', frame: { left: 220, top: 150, rightGap: 20, bottomGap: 20 } }));
		localStorage.setItem('tieout:start-copy:tieout', JSON.stringify({ v: 1, tables: {} }));
		localStorage.setItem('tieout:generation:tieout', 'an earlier generation');
	});
	// Anything on the page, at any moment of the load, that came from them.
	await page.addInitScript(() => {
		const w = window as unknown as { __kept: boolean };
		w.__kept = false;
		new MutationObserver(() => {
			if (document.body?.textContent?.includes('Kept by an earlier version') || document.querySelector('[data-first-rows]')) w.__kept = true;
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});

	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	await expect(grid.getByTestId('row-count')).toHaveText('13 rows');
	expect(await firstRow()).toBe(shown);
	await page.waitForFunction(() => Object.keys(localStorage).every((k) => !/^tieout:(first-rows|line-frame|start-copy|generation):/.test(k)));
	expect(await page.evaluate(() => (window as unknown as { __kept: boolean }).__kept), 'nothing kept by the earlier version was shown').toBe(false);
	// With them gone, the next load is as any other.
	await page.reload();
	await expect(grid).toHaveAttribute('data-ready', 'true');
	expect(await firstRow()).toBe(shown);
});
