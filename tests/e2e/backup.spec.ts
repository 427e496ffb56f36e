import { readFile, readdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, loadSample, test } from './fixtures';
import { byId, expectedUpgrade } from '../../src/lib/testing/upgrades';
import type { StoredKind } from '../../src/lib/db/migrations';

type Tables = Record<string, Record<string, unknown>[]>;
const BACKUPS = 'tests/fixtures/backups';
const DEXIE = 'node_modules/dexie/dist/dexie.js';
// A route never sees a request the service worker answers, and the worker answers /__blank with
// the app shell (CSP included), so these tests run without it: none of them is about offline.
test.use({ serviceWorkers: 'block' });

const KINDS: StoredKind[] = ['customers', 'sites', 'workOrders', 'tasks', 'changeOrders', 'purchaseOrders', 'poLines', 'invoices', 'invoiceLines', 'settings', 'mappings', 'poRevisions', 'attachments'];

/**
 * A blank page of Tieout's origin, with Dexie, that does not open the workbook: where a test
 * writes an old version's database, or reads what the app stored, as a person's browser holds it.
 */
async function blankPage(page: Page): Promise<void> {
	await page.route('**/__blank', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
	await page.goto('/__blank');
	await page.addScriptTag({ path: DEXIE });
}

/** Every record the browser holds now, attachments with their bytes in base64 (as a backup carries them). */
async function storedTables(page: Page): Promise<Tables> {
	await blankPage(page);
	return page.evaluate(async (kinds) => {
		const { Dexie } = window as unknown as { Dexie: new (name: string) => { open(): Promise<unknown>; table(n: string): { toArray(): Promise<Record<string, unknown>[]> }; close(): void } };
		const db = new Dexie('tieout');
		await db.open();
		const out: Record<string, Record<string, unknown>[]> = {};
		for (const k of kinds) out[k] = await db.table(k).toArray();
		out.attachments = await Promise.all(
			out.attachments!.map(async ({ data, ...rest }) => {
				const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
				return { ...rest, base64: btoa(String.fromCharCode(...bytes)) };
			})
		);
		db.close();
		return out;
	}, KINDS);
}

function expectUpgraded(now: Tables, original: Tables): void {
	for (const kind of KINDS) {
		const expected = (original[kind] ?? []).map((r) => expectedUpgrade(kind, r)) as { id: string }[];
		expect(byId(now[kind] as { id: string }[]), kind).toEqual(byId(expected));
	}
}

async function restoreFile(page: Page, path: string) {
	await page.goto('/settings');
	await page.getByLabel('Restore from backup file').setInputFiles(path);
	return page.getByRole('dialog', { name: /Replace this workbook/ });
}

test('every frozen backup restores in the browser with every record in its upgraded form', async ({ page }) => {
	const files = (await readdir(BACKUPS)).filter((f) => /^format\d+-.*\.json$/.test(f)).sort();
	expect(files.length).toBeGreaterThanOrEqual(4);
	for (const file of files) {
		const original = JSON.parse(await readFile(`${BACKUPS}/${file}`, 'utf8')) as { tables: Tables };
		const dialog = await restoreFile(page, `${BACKUPS}/${file}`);
		await dialog.getByRole('button', { name: 'Replace workbook' }).click();
		await expect(page.getByRole('status').filter({ hasText: `Restored ${file}` })).toBeVisible();
		expectUpgraded(await storedTables(page), original.tables);
	}
});

test('Restore shows what the file holds, who made it and when, and Cancel changes nothing', async ({ page }) => {
	await loadSample(page);
	const before = await storedTables(page);
	const dialog = await restoreFile(page, `${BACKUPS}/format2-2026-12-05.json`);
	await expect(dialog).toContainText('Made on Dec 5, 2026');
	await expect(dialog).toContainText('by Tieout 0.2.0');
	await expect(dialog.locator('tr[data-kind="workOrders"]')).toHaveText(/Work orders\s*12\s*12/);
	await expect(dialog.locator('tr[data-kind="attachments"]')).toHaveText(/Sign-off attachments\s*1\s*0/);
	await expect(dialog.locator('tr[data-kind="poRevisions"]')).toHaveText(/PO revisions\s*1\s*0/);
	// The safe answer has the focus.
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	expect(await storedTables(page)).toEqual(before);

	const old = await restoreFile(page, `${BACKUPS}/format1-2026-11-25.json`);
	await expect(old).toContainText('by an earlier version of Tieout (before 0.2.0)');
	await old.getByRole('button', { name: 'Cancel' }).click();
	expect(await storedTables(page)).toEqual(before);
});

test('a backup missing a table is refused, naming it, and the workbook is unchanged (regression: "Restored 63 records" deleted the invoice lines)', async ({ page }, testInfo) => {
	await loadSample(page);
	const before = await storedTables(page);
	const spoiled = JSON.parse(await readFile(`${BACKUPS}/format2-2026-12-05.json`, 'utf8'));
	delete spoiled.tables.invoiceLines;
	const path = testInfo.outputPath('no-invoice-lines.json');
	await (await import('node:fs/promises')).writeFile(path, JSON.stringify(spoiled));
	await page.goto('/settings');
	await page.getByLabel('Restore from backup file').setInputFiles(path);
	await expect(page.getByRole('alert')).toContainText('no-invoice-lines.json was not restored, and nothing was changed: its invoice lines ("invoiceLines") are missing');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	expect(await storedTables(page)).toEqual(before);
});

test('a workbook stored by schema version 1 opens upgraded, shows its settings, and its first backup restores (regression: "the field csvBom is missing")', async ({ page }, testInfo) => {
	const fixture = JSON.parse(await readFile('tests/fixtures/db/db-v1.json', 'utf8')) as { version: number; tables: Tables };
	const stores = JSON.parse(await readFile('tests/fixtures/db/schema-v1.json', 'utf8')).stores as Record<string, string>;
	await blankPage(page);
	await page.evaluate(
		async ({ stores, tables }) => {
			type Db = { version(n: number): { stores(s: Record<string, string>): void }; open(): Promise<unknown>; table(n: string): { bulkAdd(rows: unknown[]): Promise<unknown> }; close(): void };
			const { Dexie } = window as unknown as { Dexie: new (name: string) => Db };
			const db = new Dexie('tieout');
			db.version(1).stores(stores);
			await db.open();
			for (const [kind, rows] of Object.entries(tables)) {
				const stored = kind === 'attachments' ? rows.map(({ base64, ...r }) => ({ ...r, data: new Blob([Uint8Array.from(atob(base64 as string), (c) => c.charCodeAt(0))], { type: r.type as string }) })) : rows;
				await db.table(kind).bulkAdd(stored);
			}
			db.close();
		},
		{ stores, tables: fixture.tables }
	);

	await page.goto('/settings');
	await expect(page.getByLabel('Legal name')).toHaveValue('Harbor Valley Mechanical LLC');
	await expect(page.getByLabel('CSV for Excel')).toBeChecked();
	await expect(page.getByLabel('Backup reminder (days)')).toHaveValue('14');
	expectUpgraded(await storedTables(page), fixture.tables);

	await page.goto('/settings');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	const path = testInfo.outputPath('first-backup.json');
	await download.saveAs(path);
	const dialog = await restoreFile(page, path);
	await dialog.getByRole('button', { name: 'Replace workbook' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored first-backup.json' })).toBeVisible();
});

test('a workbook with no backup offers one on every page but Settings; Download backup makes it and the offer goes', async ({ page }) => {
	await page.goto('/work-orders');
	// An empty workbook has nothing to lose.
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Backup reminder' })).toHaveCount(0);
	await loadSample(page);
	const reminder = page.getByRole('region', { name: 'Backup reminder' });
	await expect(reminder).toContainText('No backup of this workbook has been downloaded yet.');
	await page.goto('/settings');
	await expect(page.getByText('Last backup').locator('+ dd')).toHaveText('never');
	await expect(reminder).toHaveCount(0);
	await page.goto('/invoices');
	const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Download backup' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^tieout-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const file = JSON.parse(await readFile(await download.path(), 'utf8'));
	expect(file).toMatchObject({ format: 'tieout-backup', formatVersion: 6, appVersion: '0.6.0' });
	expect(file.tables.workOrders).toHaveLength(12);
	await expect(reminder).toHaveCount(0);
	await page.goto('/settings');
	await expect(page.getByText('Last backup').locator('+ dd')).not.toHaveText('never');
});

test('"Not now" keeps the reminder away for the rest of the day; the next day it is back', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-12-05T09:00:00'));
	await loadSample(page);
	const reminder = page.getByRole('region', { name: 'Backup reminder' });
	await reminder.getByRole('button', { name: 'Not now' }).click();
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('exception-counts')).toBeVisible();
	await expect(reminder).toHaveCount(0);
	await page.clock.setFixedTime(new Date('2026-12-06T09:00:00'));
	await page.reload();
	await expect(reminder).toContainText('No backup of this workbook has been downloaded yet.');
});

test('persistent storage is asked for when the first record is stored, not for an empty workbook', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { persistAsked: number };
		w.persistAsked = 0;
		navigator.storage.persisted = async () => false;
		navigator.storage.persist = async () => {
			w.persistAsked++;
			return false;
		};
	});
	await page.goto('/work-orders');
	await expect(page.getByRole('heading', { name: 'Your workbook is empty' })).toBeVisible();
	await page.goto('/settings');
	await expect(page.getByTestId('persistence')).toHaveText(/best-effort/);
	expect(await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(0);
	await page.goto('/');
	await page.getByRole('button', { name: 'Load sample data' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(1);
	// A workbook that opens with records asks at once.
	await page.reload();
	await expect.poll(() => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(1);
});
