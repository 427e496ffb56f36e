import { execFileSync } from 'node:child_process';
import { cellOf, editCell, expect, gridSection, loadSample, openJob, rowCount, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

test.beforeEach(async ({ page }) => {
	await loadSample(page);
});

/** Selects the job (fixtures' openJob) and returns the jobs grid and its tasks grid. */
async function openJobGrids(page: import('@playwright/test').Page, number: string) {
	await openJob(page, number);
	return { jobs: gridSection(page, 'Work orders'), tasks: gridSection(page, `Tasks of ${number}`) };
}

test('choosing a PO line on a task fills its description, unit, rate and buyer item code; going past the line warns on the task, the job and in Exceptions', async ({ page }) => {
	// WO-18479 (Harbor Point, open) is on PO 1001: line 2 is 20 ea of LED troffers at $89.00.
	const { jobs, tasks } = await openJobGrids(page, 'WO-18479');
	await expect(rowCount(tasks)).toHaveText('1 row');
	await tasks.getByRole('button', { name: 'Add task' }).click();
	await expect(rowCount(tasks)).toHaveText('2 rows');
	const task = await stableRow(tasks, 'description', 'New task');

	await cellOf(task, 'poLineNo').dblclick();
	const pick = cellOf(task, 'poLineNo').getByRole('combobox');
	await expect(pick).toBeFocused();
	await expect(pick.locator('option')).toHaveText(['— none —', '1 · ELEC-LAB · Electrician labor, 40 h × $110.00', '2 · LED-2X4 · LED troffer 2x4, 40 W, 20 ea × $89.00', '3 · DISP-FEE · Disposal of old fixtures, 1 lot × $150.00']);
	await pick.selectOption({ label: '2 · LED-2X4 · LED troffer 2x4, 40 W, 20 ea × $89.00' });
	await pick.press('Enter');
	await expect(cellOf(task, 'poLineNo')).toHaveText('2');
	await expect(cellOf(task, 'description')).toHaveText('LED troffer 2x4, 40 W');
	await expect(cellOf(task, 'unit')).toHaveText('ea');
	await expect(cellOf(task, 'rateCents')).toHaveText('$89.00');
	await expect(cellOf(task, 'buyerItemCode')).toHaveText('LED-2X4');
	// Each stays editable, and what is typed is kept.
	await editCell(cellOf(task, 'description'), 'LED troffers, floor 5');
	await expect(cellOf(task, 'description')).toHaveText('LED troffers, floor 5');

	// INV-1042 billed 12 of the line's 20 troffers: 10 more go past it, warned now, before this job is billed.
	await editCell(cellOf(task, 'qtyMilli'), '10');
	await expect(cellOf(task, 'qtyMilli')).toHaveAttribute('data-findings', /TASK_OVER_PO/);
	await expect(cellOf(task, 'qtyMilli')).toHaveAttribute('title', /records 10 ea on PO 1001 line 2; with 12 ea already billed that is 22 ea, and the line authorises 20 ea: 2 ea over/);
	const job = await stableRow(jobs, 'number', 'WO-18479');
	await expect(cellOf(job, 'poNumber')).toHaveAttribute('data-findings', /TASK_OVER_PO/);

	await page.goto('/exceptions');
	await expect(page.getByText(/WO-18479 T2 records 10 ea on PO 1001 line 2/)).toBeVisible();

	// Back within the line, the warning goes.
	await page.goto('/work-orders');
	const again = await openJobGrids(page, 'WO-18479');
	const fixed = await stableRow(again.tasks, 'description', 'LED troffers, floor 5');
	await editCell(cellOf(fixed, 'qtyMilli'), '8');
	await expect(cellOf(fixed, 'qtyMilli')).not.toHaveAttribute('data-findings');
});

test('a job’s PO is offered from its customer’s POs, and a typed number none of them has is flagged on the job', async ({ page }) => {
	const { jobs } = await openJobGrids(page, 'WO-18479');
	const job = await stableRow(jobs, 'number', 'WO-18479');
	const po = cellOf(job, 'poNumber');
	await expect(po).toHaveText('1001');
	await expect(po).not.toHaveAttribute('data-findings');

	await po.dblclick();
	const input = po.locator('input');
	await expect(input).toBeFocused();
	// Harbor Point's one PO is offered; Bayview's PO 1001 is another buyer's and Mercy's 884120 is not Harbor's.
	const offered = await input.evaluate((el) => [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
	expect(offered).toEqual(['1001']);
	// A typo (letter O for zero) is still taken as typed, and flagged.
	await input.fill('1OO1');
	await input.press('Enter');
	await expect(po).toHaveText('1OO1');
	await expect(po).toHaveAttribute('data-findings', /PO_UNKNOWN/);
	await expect(po).toHaveAttribute('title', /WO-18479 names PO 1OO1, which is not among Harbor Point .*POs/);

	await editCell(po, '1001');
	await expect(po).not.toHaveAttribute('data-findings');
});

test('completing with sign-off offers to mark the tasks done, and the sign-off photo prints on the job sheet', async ({ page }) => {
	// WO-18479 is open and its one task, T1, is not done yet.
	const { tasks } = await openJobGrids(page, 'WO-18479');
	const t1 = await stableRow(tasks, 'code', 'T1');
	await expect(cellOf(t1, 'done')).toHaveText('No');
	await page.getByLabel('Attach files to WO-18479').setInputFiles('tests/fixtures/logo.png');
	await expect(page.getByRole('status').filter({ hasText: 'logo.png attached.' })).toBeVisible();

	await page.getByRole('group', { name: 'Actions for WO-18479' }).getByRole('button', { name: 'Complete with sign-off' }).click();
	const form = page.getByRole('form', { name: 'Sign off WO-18479' });
	const mark = form.getByRole('group', { name: 'Mark done with the sign-off (1 not done yet)' });
	await expect(mark.getByRole('checkbox', { name: 'T1 · Emergency lighting test, 90 min' })).toBeChecked();
	await form.getByLabel('Signed off by').fill('L. Ortega, Facilities');
	await form.getByRole('button', { name: 'Complete' }).click();
	await expect(page.getByTestId('wo-status')).toHaveText('complete');
	await expect(page.getByRole('status').filter({ hasText: 'WO-18479 is complete, signed off by L. Ortega, Facilities; task T1 is marked done.' })).toBeVisible();
	await expect(cellOf(t1, 'done')).toHaveText('Yes');
	await page.reload();
	const after = await openJobGrids(page, 'WO-18479');
	await expect(cellOf(await stableRow(after.tasks, 'code', 'T1'), 'done')).toHaveText('Yes');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Job sheet PDF' }).click()]);
	const { text } = await readPdf(download);
	expect(text).toContain('Sign-off photos');
	expect(text).toMatch(/logo\.png\s+·\s+added/);
	// The photo itself is in the file, as an image poppler can list.
	const images = execFileSync('pdfimages', ['-list', await download.path()], { encoding: 'utf8' }).trim().split('\n').slice(2);
	expect(images).toHaveLength(1);
});

test('approving a change order whose task goes past its PO line says the buyer’s PO needs a revision', async ({ page }) => {
	const { tasks } = await openJobGrids(page, 'WO-18479');
	await gridSection(page, 'Change orders of WO-18479').getByRole('button', { name: 'Add change order' }).click();
	await tasks.getByRole('button', { name: 'Add task' }).click();
	const task = await stableRow(tasks, 'description', 'New task');
	// 10 more troffers on PO 1001 line 2, of which INV-1042 already billed 12 of 20.
	await cellOf(task, 'poLineNo').dblclick();
	await cellOf(task, 'poLineNo').getByRole('combobox').selectOption('2');
	await cellOf(task, 'poLineNo').getByRole('combobox').press('Enter');
	await expect(cellOf(task, 'buyerItemCode')).toHaveText('LED-2X4');
	await editCell(cellOf(task, 'qtyMilli'), '10');
	// Work outside the original scope: extra, under CO-1.
	await cellOf(task, 'extra').dblclick();
	await cellOf(task, 'extra').getByRole('combobox').click();
	await page.getByRole('listbox').getByRole('option', { name: 'Yes' }).click();
	await expect(cellOf(task, 'extra')).toHaveText('Yes');
	await editCell(cellOf(task, 'changeOrderNumber'), 'CO-1');
	await expect(cellOf(task, 'qtyMilli')).toHaveAttribute('data-findings', /TASK_OVER_PO/);

	await page.getByRole('region', { name: 'Change order decisions' }).getByRole('button', { name: 'Approve…' }).click();
	const form = page.getByRole('form', { name: 'Approve CO-1' });
	await form.getByLabel('Approved by').fill('L. Ortega');
	await form.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'CO-1 approved.' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /CO-1 takes work past what the buyer's PO authorises, so the PO needs a revision before this is billed\. WO-18479 T2 records 10 ea on PO 1001 line 2/ })).toBeVisible();
});
