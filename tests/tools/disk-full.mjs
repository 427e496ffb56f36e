// A PO import on a disk that is really full: Chromium's profile on a small tmpfs, filled up just
// before the import is applied. What the person reads is printed; the exit code is 1 when it is
// not the no-space sentence, or when anything was written. This is how the stub in
// tests/e2e/failing-storage.ts ("disk-full") was taken from Chromium 156: the transaction is
// aborted with UnknownError "… IO error … FILE_ERROR_NO_SPACE", every request with AbortError.
// Needs root (mount) and a preview: node tests/tools/disk-full.mjs   (BASE_URL, default :4173)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { largePoCsv } from '../fixtures/csv/generate-large.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const dir = mkdtempSync(join(tmpdir(), 'tieout-disk-full-'));
const disk = join(dir, 'disk');
const csv = join(dir, 'buyer-po-export.csv');
const { text, lines } = largePoCsv(1024 * 1024);
writeFileSync(csv, text);
execFileSync('mkdir', ['-p', disk]);
execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200m', 'tmpfs', disk]);

/** Every store's record count, read with IndexedDB itself. */
const counts = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('tieout');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction([...db.objectStoreNames]);
					const out = {};
					for (const s of db.objectStoreNames) tx.objectStore(s).count().onsuccess = (e) => (out[s] = e.target.result);
					tx.oncomplete = () => (db.close(), resolve(out));
				};
			})
	);

async function importPo(page) {
	const w = page.getByRole('region', { name: 'Import purchase orders' });
	await w.getByLabel('Import CSV').setInputFiles(csv);
	await w.getByText(`${lines} data rows`).waitFor({ timeout: 60_000 });
	await w.getByLabel('Customer', { exact: true }).selectOption({ label: 'Mercy General Hospital' });
	await w.getByRole('button', { name: `Check ${lines} rows` }).click();
	await w.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: 60_000 });
	return w.getByRole('button', { name: 'Apply import' });
}

let failed = false;
try {
	const context = await chromium.launchPersistentContext(join(disk, 'profile'), { ...chromiumLaunch, viewport: { width: 1440, height: 900 } });
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => console.log('page error:', e.message));
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await page.getByText('Sample workbook loaded').waitFor();
	await page.goto(`${base}/purchase-orders`);
	const before = await counts(page);
	const apply = await importPo(page);

	const free = Number(statfsSync(disk).bavail) * Number(statfsSync(disk).bsize);
	execFileSync('fallocate', ['-l', String(free - 100_000), join(disk, 'filler')]);
	await apply.click();
	const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
	await alert.waitFor({ timeout: 60_000 }).catch(() => {});
	const said = (await alert.allInnerTexts()).join('\n');
	console.log(`With ${Number(statfsSync(disk).bavail) * Number(statfsSync(disk).bsize)} bytes free, the person read:\n${said || '(nothing)'}`);
	await page.screenshot({ path: join(dir, 'disk-full.png') });
	if (!/no more space for Tieout|internal error, most often because the disk is full/.test(said) || /already used|duplicate/i.test(said)) failed = true;

	rmSync(join(disk, 'filler'));
	await page.reload();
	const after = await counts(page);
	console.log('Stored before:', JSON.stringify(before), '\nStored after: ', JSON.stringify(after));
	if (JSON.stringify(before) !== JSON.stringify(after)) failed = true;

	await (await importPo(page)).click();
	const done = page.getByRole('status').filter({ hasText: `${lines} lines added` });
	await done.waitFor({ timeout: 60_000 }).catch(() => (failed = true));
	console.log('With space again:', (await done.allInnerTexts()).join('') || '(not imported)');
	await context.close();
	console.log(`Screenshot: ${join(dir, 'disk-full.png')}`);
} finally {
	for (let i = 0; i < 20; i++) {
		try {
			execFileSync('umount', [disk]);
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}
process.exit(failed ? 1 : 0);
