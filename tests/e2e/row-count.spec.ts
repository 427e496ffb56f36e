import { expect, gridSection, loadSample, openGrid, rowCount, test, largePoFile } from './fixtures';

// Regression: All PO lines showed "300 rows" (the first page read) for 2–19 s before the true count.
test('A grid of thousands of lines never shows a wrong row count while it fills: "Loading…", then the true count', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const { file, lines } = await largePoFile(testInfo, 'po-log.csv', 1);
	await loadSample(page);
	await page.goto('/lines/po-lines');
	await expect(rowCount(gridSection(page, 'All PO lines'))).toHaveText(/^\d+ rows$/);
	const sampleLines = Number((await rowCount(gridSection(page, 'All PO lines')).textContent())!.split(' ')[0]);
	await openGrid(page, '/purchase-orders', 'Purchase orders', 3);
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(file);
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${lines} rows` }).click();
	await w.getByRole('button', { name: 'Apply import' }).click();
	await expect(page.getByText(/^po-log\.csv: \d+ new/)).toBeVisible({ timeout: 60_000 });
	const total = sampleLines + lines;

	// Every text the count shows from the first frame of a fresh page on, as the page draws it.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __counts: string[] }).__counts = seen;
		new MutationObserver(() => {
			const t = document.querySelector('section[data-grid="all-po-lines"] [data-testid="row-count"]')?.textContent ?? null;
			if (t !== null && t !== seen.at(-1)) seen.push(t);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	for (const visit of ['first', 'again']) {
		await page.goto('/lines/po-lines');
		await expect(rowCount(gridSection(page, 'All PO lines')), visit).toHaveText(`${total} rows`, { timeout: 30_000 });
		const seen = await page.evaluate(() => (window as unknown as { __counts: string[] }).__counts);
		expect(seen.filter((t) => t !== 'Loading…'), `${visit}: ${seen.join(' → ')}`).toEqual([`${total} rows`]);
	}
});
