// What IndexedDB alone costs this machine's Chromium for 100,000 PO-line-shaped records, with no
// app code at all: the floor under the 100,000-line import's write (issue 20). Plain IndexedDB
// in a page of the built app's origin, in a database of its own (deleted after): the records put
// one request each with the PO lines' indexes (as Tieout stores them), the same without indexes,
// with relaxed durability, and the same lines grouped 50 to a record.
// Run: node tests/bench/idb-floor.mjs (not part of `npm run bench`: it measures the browser, not Tieout).
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { serveBuild } from './static-server.mjs';

const PORT = Number(process.env.BENCH_IDB_PORT ?? 4399);
const server = await serveBuild('build', PORT);
const browser = await chromium.launch(chromiumLaunch);
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${PORT}/`);
	const result = await page.evaluate(async () => {
		const NAME = 'tieout-idb-floor';
		const opened = await new Promise((resolve, reject) => {
			const o = indexedDB.open(NAME, 1);
			o.onupgradeneeded = () => {
				const lines = o.result.createObjectStore('poLines', { keyPath: 'id' });
				lines.createIndex('poId', 'poId');
				lines.createIndex('[poId+lineNo]', ['poId', 'lineNo'], { unique: true });
				o.result.createObjectStore('plain', { keyPath: 'id' });
			};
			o.onsuccess = () => resolve(o.result);
			o.onerror = () => reject(o.error);
		});
		const db = /** @type {IDBDatabase} */ (opened);
		const line = (i) => ({ id: crypto.randomUUID(), poId: `po-${Math.floor(i / 50)}`, lineNo: (i % 50) + 1, description: `Line item description number ${i}`, uom: 'EA', qtyMilli: 1000, unitPriceCents: 1234, extendedCents: 1234, costCentre: '6100-220', needBy: '2027-01-15', buyerItemCode: `ITEM-${i}`, notes: '', taxable: true });
		const rows = Array.from({ length: 100_000 }, (_, i) => line(i));
		const groups = Array.from({ length: 2_000 }, (_, g) => ({ id: `g${g}`, lines: rows.slice(g * 50, g * 50 + 50) }));
		const done = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onabort = () => reject(tx.error))));
		const clear = (store) => {
			const tx = db.transaction([store], 'readwrite');
			tx.objectStore(store).clear();
			return done(tx);
		};
		/** Puts `records` into `store` in slices of 1,000 (awaiting each, as Tieout's write does), in one transaction. */
		async function time(store, records, durability = 'default') {
			await clear(store);
			const t = performance.now();
			const tx = db.transaction([store], 'readwrite', { durability });
			const os = tx.objectStore(store);
			for (let from = 0; from < records.length; from += 1_000) {
				let last;
				for (const r of records.slice(from, from + 1_000)) last = os.put(r);
				await new Promise((resolve) => (last.onsuccess = resolve));
			}
			await done(tx);
			return Math.round(performance.now() - t);
		}
		const out = {
			'100,000 records, with the PO lines indexes': await time('poLines', rows),
			'100,000 records, no index': await time('plain', rows),
			'100,000 records, with the indexes, relaxed durability': await time('poLines', rows, 'relaxed'),
			'2,000 records of 50 lines each': await time('plain', groups)
		};
		db.close();
		await new Promise((resolve) => (indexedDB.deleteDatabase(NAME).onsuccess = resolve));
		return out;
	});
	for (const [what, ms] of Object.entries(result)) console.log(`${what}: ${(ms / 1000).toFixed(1)} s`);
} finally {
	await browser.close();
	server.close();
}
