import type { Page } from '@playwright/test';
import { cellOf, editCell, expect, gridSection, openGrid, rowCount, rowWhere, test } from './fixtures';

const LINES = 2_500;

type Write = { store: string; put?: object; delete?: string };

/** Writes straight into the workbook's IndexedDB, as a program other than the app would. */
function writeBehind(page: Page, writes: Write[]) {
	return page.evaluate(async (writes) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const tx = db.transaction([...new Set(writes.map((w) => w.store))], 'readwrite');
		for (const w of writes) {
			if (w.put) tx.objectStore(w.store).put(w.put);
			if (w.delete) tx.objectStore(w.store).delete(w.delete);
		}
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, writes);
}

const line = (i: number, description = `Copy line ${i}`) => ({
	id: `line-${String(i).padStart(5, '0')}`,
	poId: 'po1',
	lineNo: i + 1,
	buyerItemCode: `ITEM-${i}`,
	description,
	qtyMilli: 1000,
	unit: 'ea',
	unitPriceCents: 100,
	extendedCents: 100,
	costCenter: '',
	needBy: null
});

const marked = (page: Page, name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 20_000 });

/** A workbook of one PO with LINES lines, opened on All PO lines once its fast-start copy is written. */
async function workbookWithCopy(page: Page) {
	await page.goto('/settings');
	await page.getByText('Where', { exact: true }).waitFor();
	await writeBehind(page, [
		{ store: 'customers', put: { id: 'c1', name: 'Copy Buyer Inc', billingStreet: '', billingCity: '', billingRegion: '', billingPostalCode: '', billingCountry: '', apContact: '', apEmail: '', requiresPo: true, defaultTerms: 'Net 30', taxAllowed: false, freightAllowed: false, tolerances: null } },
		{ store: 'purchaseOrders', put: { id: 'po1', customerId: 'c1', number: '700100', buyer: '', issueDate: '2026-11-01', revision: 0, terms: 'Net 30', taxAllowed: false, freightAllowed: false, blanketLimitCents: null } },
		...Array.from({ length: LINES }, (_, i) => ({ store: 'poLines', put: line(i) }))
	]);
	const grid = await openGrid(page, '/lines/po-lines', 'All PO lines', LINES);
	await marked(page, 'tieout:cache-written:poLines');
	return grid;
}

/** What the full check against IndexedDB found the copy missing, or null when it found nothing. */
const corrected = (page: Page) =>
	page.evaluate(() => (performance.getEntriesByName('tieout:cache-corrected:poLines')[0] as PerformanceMark | undefined)?.detail ?? null);

test('a reload takes the lines from the fast-start copy and still shows what changed behind its back', async ({ page }) => {
	const grid = await workbookWithCopy(page);

	// Behind the copy's back: one line changed, one gone, one new.
	await writeBehind(page, [
		{ store: 'poLines', put: line(0, 'Changed behind the copy') },
		{ store: 'poLines', delete: line(1).id },
		{ store: 'poLines', put: { ...line(9998, 'Added behind the copy'), id: 'line-new' } }
	]);
	// The copy an earlier version kept in IndexedDB: derived data, deleted once the lines are in.
	await page.evaluate(() => new Promise((resolve) => (indexedDB.open('tieout-cache').onsuccess = (e) => resolve(((e.target as IDBOpenDBRequest).result.close(), null)))));

	await page.reload();
	await marked(page, 'tieout:cache-read:poLines');
	await marked(page, 'tieout:lines-read');
	// Writes from outside the app are not in the copy's journal: the full check is what finds them.
	expect(await corrected(page)).toEqual({ upserts: 2, removes: 1 });
	await expect(gridSection(page, 'All PO lines')).toHaveAttribute('data-ready', 'true');
	await expect(rowCount(grid)).toHaveText(`${LINES} rows`);
	await grid.getByRole('searchbox').fill('behind the copy');
	await expect(rowCount(grid)).toHaveText(`2 of ${LINES} rows`);
	await expect(cellOf(rowWhere(grid, 'lineNo', '1'), 'description')).toHaveText('Changed behind the copy');
	await expect(cellOf(rowWhere(grid, 'lineNo', '9999'), 'description')).toHaveText('Added behind the copy');
	await grid.getByRole('searchbox').fill('Copy line 1');
	await expect(rowWhere(grid, 'description', 'Copy line 1')).toHaveCount(0);

	// The copy is rewritten over the old one with what the check found.
	await marked(page, 'tieout:cache-written:poLines');
	const stored = await page.evaluate(async () => {
		const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('tieout-lines');
		const names: string[] = [];
		for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		const text = await (await (await dir.getFileHandle('poLines.lines')).getFile()).text();
		return { names, added: text.includes('Added behind the copy'), legacy: (await indexedDB.databases()).some((d) => d.name === 'tieout-cache') };
	});
	expect(stored.names).toContain('poLines.lines');
	expect(stored.added, 'the rewritten copy holds the line added behind its back').toBe(true);
	expect(stored.names.filter((n) => n.endsWith('.tmp')), 'no half-written copy left').toEqual([]);
	expect(stored.legacy, 'the old IndexedDB copy is gone').toBe(false);
});

test('an edit made just before the tab closes is shown from the copy at the next start, named by its journal', async ({ page }) => {
	const grid = await workbookWithCopy(page);
	const first = cellOf(rowWhere(grid, 'lineNo', '1'), 'description');
	await editCell(first, 'Edited just before closing');
	// Noted as it was shown; the copy is rewritten only a minute after the last edit.
	const journal = () => page.evaluate(() => JSON.parse(localStorage.getItem('tieout:line-journal:tieout:poLines') ?? 'null') as { ids: Record<string, [number, string]> } | null);
	const before = await journal();
	expect(Object.keys(before?.ids ?? {})).toEqual([line(0).id]);

	await page.reload();
	await marked(page, 'tieout:cache-read:poLines');
	await marked(page, 'tieout:lines-read');
	await expect(gridSection(page, 'All PO lines')).toHaveAttribute('data-ready', 'true');
	await expect(cellOf(rowWhere(grid, 'lineNo', '1'), 'description')).toHaveText('Edited just before closing');
	// The start read the edited line before showing the copy's rows, so the full check found nothing to correct.
	expect(await corrected(page)).toBeNull();
	// Still pending until this tab rewrites the copy, and now this tab's to clear.
	const after = await journal();
	expect(Object.keys(after?.ids ?? {})).toEqual([line(0).id]);
	expect(after!.ids[line(0).id]![1]).not.toBe(before!.ids[line(0).id]![1]);
});
