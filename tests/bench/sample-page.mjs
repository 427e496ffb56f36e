// The page most import benchmarks start from: the sample workbook loaded, with the page's long
// tasks collected in `window.__long` (durations in ms) from before it loads.

/** A fresh page of `browser` at `base` with the sample workbook loaded. */
export async function samplePage(browser, base) {
	const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
	await page.addInitScript(() => {
		window.__long = [];
		new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
	});
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await page.getByRole('status').filter({ hasText: 'Sample workbook loaded' }).waitFor();
	return page;
}
