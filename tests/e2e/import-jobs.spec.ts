import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { cellOf, expect, gridSection, loadSample, openGrid, rowCount, rowWhere, stableRow, test } from './fixtures';

const jobLog = fileURLToPath(new URL('../fixtures/csv/job-log.csv', import.meta.url));
const REFUSAL = 'job-log.csv, row 7, column "Signed Off By": J-5104: A complete work order needs a sign-off: who signed it off';

/** A fact of the selected job, as its pane beside the grid shows it. */
const fact = (page: Page, name: string) => page.locator('dl.facts > dt').filter({ hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');

/** Loads the sample, opens Work orders and checks job-log.csv (three jobs signed off, one in progress, J-5104 complete with no sign-off). */
async function checkJobLog(page: Page) {
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	const w = page.getByRole('region', { name: 'Import work orders' });
	await w.getByLabel('Import CSV').setInputFiles(jobLog);
	await w.getByRole('button', { name: 'Check 8 rows' }).click();
	return { grid, w, choice: w.getByRole('group', { name: /1 of 5 jobs in the file has a problem/ }) };
}

test('A job log with a complete job and no sign-off is refused naming the row; skipping it brings in the rest with their dates, sign-off and done tasks, and their unbilled work is flagged (regression: the whole file was refused)', async ({ page }) => {
	// Import, review, write, then the job's pane and Exceptions: a long walk on a shared two-core machine.
	test.slow();
	const { grid, w, choice } = await checkJobLog(page);
	// All or nothing by default: the refusal names the row and column, and nothing can be applied.
	await expect(w.getByRole('alert')).toContainText(REFUSAL);
	await expect(choice.getByRole('radio', { name: 'Import nothing until the file is fixed (all or nothing)' })).toBeChecked();
	await expect(choice.getByRole('list', { name: 'Jobs with problems' })).toHaveText('J-5104 (rows 7–8)');
	await expect(w.getByRole('button', { name: /^Import|^Apply/ })).toHaveCount(0);

	await choice.getByRole('radio', { name: 'Import the 4 jobs that are right and skip the listed job (2 rows)' }).check();
	const skipped = w.getByRole('group', { name: /has a problem/ });
	await expect(skipped.getByRole('radio', { name: /skip the listed job/ })).toBeChecked();
	await expect(skipped.getByRole('radio', { name: /skip the listed job/ })).toBeFocused();
	await expect(skipped.getByRole('list', { name: 'Jobs with problems' })).toContainText(`Skipped: J-5104 (rows 7–8). ${REFUSAL}`);
	await expect(w.getByRole('heading', { name: 'Work order J-5101 · new, 2 tasks' })).toBeVisible();
	await expect(w.getByRole('heading', { name: /J-5104/ })).toHaveCount(0);
	await expect(rowCount(grid)).toHaveText('12 rows');
	await w.getByRole('button', { name: 'Import 4 jobs, skip 1' }).click();

	await expect(page.getByRole('status').filter({ hasText: 'Skipped 1 job with problems (J-5104)' })).toBeVisible();
	await expect(rowCount(grid)).toHaveText('16 rows');
	await expect(rowWhere(grid, 'number', 'J-5104')).toHaveCount(0);
	const job = await stableRow(grid, 'number', 'J-5101');
	for (const [col, text] of Object.entries({ status: 'complete', customerId: 'Harbor Point Property Management LLC', siteId: 'Harbor Point Tower A' })) await expect(cellOf(job, col)).toHaveText(text);
	await expect(cellOf(await stableRow(grid, 'number', 'J-5103'), 'status')).toHaveText('in progress');

	await cellOf(job, 'number').click();
	for (const [name, text] of Object.entries({ Opened: 'Oct 5, 2026', Schedule: 'Oct 6, 2026 – Oct 7, 2026', Completed: 'Oct 7, 2026', 'Sign-off': 'Luis Ortega, Oct 8, 2026' })) await expect(fact(page, name)).toHaveText(text);
	const tasks = gridSection(page, 'Tasks of J-5101');
	await expect(rowCount(tasks)).toHaveText('2 rows');
	for (const code of ['T1', 'T2']) await expect(cellOf(await stableRow(tasks, 'code', code), 'done')).toHaveText('Yes');
	await expect(page.getByRole('group', { name: 'Actions for J-5101' }).getByRole('button', { name: 'Create invoice' })).toBeEnabled();

	await page.goto('/exceptions');
	const unbilled = page.getByRole('region', { name: /Notes/ }).locator('li[data-code="UNBILLED_COMPLETE_WORK"]');
	await expect(unbilled.filter({ hasText: 'J-5101 T1 (Electrician labor) is done but on no invoice: $330.00 (3 h) unbilled.' })).toHaveCount(1);
	await expect(unbilled.filter({ hasText: 'J-5102 T1 (Grease trap pump-out) is done but on no invoice: $1,250.00 (1 ea) unbilled.' })).toHaveCount(1);
	// In progress: its done task is not yet work to bill.
	await expect(unbilled.filter({ hasText: 'J-5103' })).toHaveCount(0);
});

test('A job log’s complete job without a sign-off can come in as in progress, with its completed date; choosing all or nothing again refuses the file', async ({ page }) => {
	// Three checks of the file and a write: as long a walk as the one above.
	test.slow();
	const { grid, w, choice } = await checkJobLog(page);
	await choice.getByRole('radio', { name: 'Import the 1 complete job without a sign-off as in progress' }).check();
	const again = w.getByRole('group', { name: /has a problem/ });
	await expect(again).toContainText('“As in progress” is only for a job the file calls complete whose one problem is a missing sign-off');
	await expect(again.getByRole('list', { name: 'Jobs with problems' })).toContainText('As in progress: J-5104 (rows 7–8).');
	await expect(w.getByRole('button', { name: 'Import 5 jobs (1 as in progress)' })).toBeVisible();

	// Back to all or nothing: refused again, nothing to apply.
	await again.getByRole('radio', { name: /all or nothing/ }).check();
	await expect(w.getByRole('alert')).toContainText(REFUSAL);
	await expect(w.getByRole('button', { name: /^Import/ })).toHaveCount(0);

	await w.getByRole('group', { name: /has a problem/ }).getByRole('radio', { name: /as in progress/ }).check();
	await w.getByRole('button', { name: 'Import 5 jobs (1 as in progress)' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 complete job without a sign-off came in as in progress (J-5104): sign it off in Tieout.' })).toBeVisible();
	await expect(rowCount(grid)).toHaveText('17 rows');
	const job = await stableRow(grid, 'number', 'J-5104');
	await expect(cellOf(job, 'status')).toHaveText('in progress');
	await cellOf(job, 'number').click();
	for (const [name, text] of Object.entries({ Opened: 'Oct 25, 2026', Completed: 'Oct 26, 2026', 'Sign-off': 'not signed off' })) await expect(fact(page, name)).toHaveText(text);
	await expect(page.getByRole('group', { name: 'Actions for J-5104' }).getByRole('button', { name: /^Complete/ })).toBeEnabled();
});

test('A job file that gives an existing job number to another customer is refused at the check, naming the row, the column and both customers; nothing can be applied (regression: ids in the review, then Apply failed)', async ({ page }, testInfo) => {
	const file = testInfo.outputPath('moved-job.csv');
	await writeFile(file, 'WO Number,Customer,Status,Task Code,Task Description,Quantity,Rate\nWO-18480,Bayview Retail Partners,open,T1,Survey,1,95\n');
	await loadSample(page);
	const grid = await openGrid(page, '/work-orders', 'Work orders', 12);
	const w = page.getByRole('region', { name: 'Import work orders' });
	await w.getByLabel('Import CSV').setInputFiles(file);
	await w.getByRole('button', { name: /^Check \d+ rows?$/ }).click();
	await expect(w.getByRole('alert')).toContainText(
		'moved-job.csv, row 2, column "Customer": WO-18480 is a job of Harbor Point Property Management LLC, and the file names Bayview Retail Partners. A job keeps its customer'
	);
	await expect(w.getByRole('button', { name: /^Import|^Apply/ })).toHaveCount(0);
	await expect(rowCount(grid)).toHaveText('12 rows');
	await expect(cellOf(await stableRow(grid, 'number', 'WO-18480'), 'customerId')).toHaveText('Harbor Point Property Management LLC');
});
