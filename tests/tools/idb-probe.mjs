// How fast Chromium's IndexedDB hands over 100,000 PO lines, with none of the app's code: the floor
// under a visit whose lines have no fast-start copy. On-disk profile, as a returning user's browser.
// Usage: npx vite build && node tests/tools/idb-probe.mjs   (prints one line per read, 3 rounds)
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { serveBuild } from '../bench/static-server.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 4290;
const BASE = `http://127.0.0.1:${PORT}`;
const server = await serveBuild('build', PORT);
const dir = mkdtempSync(join(tmpdir(), 'tieout-idb-probe-'));
const ctx = await chromium.launchPersistentContext(dir, { ...chromiumLaunch });
try {
	// The app creates the database (its schema); the probe then fills poLines as the benchmark does.
	const app = await ctx.newPage();
	await app.goto(`${BASE}/settings`);
	await app.getByText('Where', { exact: true }).waitFor();
	await app.goto(`${BASE}/favicon.svg`);
	await app.evaluate(async (n) => {
		const db = await new Promise((res, rej) => {
			const r = indexedDB.open('tieout');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		await new Promise((res, rej) => {
			const tx = db.transaction(['poLines'], 'readwrite');
			const lines = tx.objectStore('poLines');
			for (let i = 0; i < n; i++) {
				const qty = ((i % 40) + 1) * 1000;
				const price = 1000 + (i % 997) * 25;
				lines.put({ id: crypto.randomUUID(), poId: `bench-po-${Math.floor(i / 1000)}`, lineNo: (i % 1000) + 1, buyerItemCode: `ITEM-${i % 5000}`, description: `Bench line ${i}`, qtyMilli: qty, unit: 'ea', unitPriceCents: price, extendedCents: (qty / 1000) * price, costCenter: `CC-${i % 50}`, needBy: null });
			}
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, 100_000);
	await app.close();

	// A worker's read, handed to the page as JSON bytes (a transferred buffer): [open, read, encode] ms.
	const worker = `
onmessage = async (e) => {
	const t0 = performance.now();
	const db = await new Promise((res) => { const r = indexedDB.open('tieout'); r.onsuccess = () => res(r.result); });
	const s = db.transaction('poLines').objectStore('poLines');
	const get = (range) => new Promise((res) => { const r = s.getAll(range); r.onsuccess = () => res(r.result); });
	const t1 = performance.now();
	const rows = e.data.lo !== undefined ? await get(IDBKeyRange.bound(e.data.lo, e.data.hi, false, true)) : await get();
	const t2 = performance.now();
	const buf = new TextEncoder().encode(JSON.stringify(rows)).buffer;
	postMessage({ buf, t: [t1 - t0, t2 - t1, performance.now() - t2] }, [buf]);
};`;
	const modes = ['getAll', '16 key-range getAlls', 'getAllKeys', 'worker', 'two workers'];
	for (let round = 0; round < 3; round++) {
		for (const mode of modes) {
			const page = await ctx.newPage();
			await page.goto(`${BASE}/favicon.svg`);
			const r = await page.evaluate(
				async ({ mode, worker }) => {
					const t0 = performance.now();
					if (!mode.includes('worker')) {
						const db = await new Promise((res) => {
							const r = indexedDB.open('tieout');
							r.onsuccess = () => res(r.result);
						});
						const s = db.transaction('poLines').objectStore('poLines');
						const req = (r) => new Promise((res) => (r.onsuccess = () => res(r.result)));
						let n;
						if (mode === 'getAllKeys') n = (await req(s.getAllKeys())).length;
						else if (mode === 'getAll') n = (await req(s.getAll())).length;
						else {
							const b = ['', ...'123456789abcdef'.split(''), '\uffff'];
							n = (await Promise.all(b.slice(0, -1).map((lo, i) => req(s.getAll(IDBKeyRange.bound(lo, b[i + 1], false, true)))))).flat().length;
						}
						return { mode, n, ms: Math.round(performance.now() - t0) };
					}
					const url = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
					const run = (msg) =>
						new Promise((res) => {
							const w = new Worker(url);
							w.onmessage = (e) => {
								const rows = JSON.parse(new TextDecoder().decode(e.data.buf));
								w.terminate();
								res({ rows, t: e.data.t.map(Math.round) });
							};
							w.postMessage(msg);
						});
					const parts = mode === 'two workers' ? await Promise.all([run({ lo: '', hi: '8' }), run({ lo: '8', hi: '\uffff' })]) : [await run({})];
					return { mode, n: parts.reduce((a, p) => a + p.rows.length, 0), ms: Math.round(performance.now() - t0), worker: parts.map((p) => p.t.join('/')) };
				},
				{ mode, worker }
			);
			console.log(JSON.stringify(r));
			await page.close();
		}
	}
} finally {
	await ctx.close();
	server.close();
	rmSync(dir, { recursive: true, force: true });
}
