import { describe, expect, it } from 'vitest';
import { appliedText, choiceText, importLabel, rowsText, type BadJobsView } from './bad-jobs';

const view = (x: Partial<BadJobsView>): BadJobsView => ({
	mode: 'refuse',
	jobs: [
		{ number: 'J-2', rows: [4, 5], reason: 'r', signOffOnly: true, fate: 'refused' },
		{ number: 'J-7', rows: [9], reason: 'r', signOffOnly: false, fate: 'refused' },
		{ number: 'J-9', rows: [12], reason: 'r', signOffOnly: false, fate: 'refused' }
	],
	count: 3,
	rowCount: 4,
	signOffOnly: 1,
	total: 43,
	...x
});

describe('the words of the bad-rows choice', () => {
	it('names rows as a person reads them', () => {
		expect(rowsText([4])).toBe('row 4');
		expect(rowsText([5, 6, 7])).toBe('rows 5–7');
		expect(rowsText([9, 2, 5, 6, 7])).toBe('rows 2, 5–7 and 9');
	});

	it('puts the choice on the Import button: how many come in, how many as in progress, how many are skipped', () => {
		expect(importLabel(view({ mode: 'skip' }))).toBe('Import 40 jobs, skip 3');
		expect(importLabel(view({ mode: 'inProgress' }))).toBe('Import 41 jobs (1 as in progress), skip 2');
		expect(importLabel(view({ mode: 'inProgress', count: 1, signOffOnly: 1, total: 2 }))).toBe('Import 2 jobs (1 as in progress)');
	});

	it('says what each way does, the in-progress one only for the jobs missing a sign-off', () => {
		const v = view({});
		expect(choiceText(v, 'refuse')).toBe('Import nothing until the file is fixed (all or nothing)');
		expect(choiceText(v, 'skip')).toBe('Import the 40 jobs that are right and skip the 3 listed jobs (4 rows)');
		expect(choiceText(v, 'inProgress')).toBe('Import the 1 complete job without a sign-off as in progress, and skip the other 2 listed jobs');
	});

	it('tells after the import which jobs were left out and which came in as in progress', () => {
		const jobs = view({}).jobs.map((j) => ({ ...j, fate: j.signOffOnly ? ('inProgress' as const) : ('skipped' as const) }));
		expect(appliedText(view({ mode: 'inProgress', jobs }))).toBe(
			'Skipped 2 jobs with problems (J-7, J-9): fix them in the file and import it again. 1 complete job without a sign-off came in as in progress (J-2): sign it off in Tieout.'
		);
		expect(appliedText(view({ mode: 'skip', count: 60, jobs: jobs.map((j) => ({ ...j, fate: 'skipped' as const })) }))).toBe('Skipped 60 jobs with problems (J-2, J-7, J-9 and 57 more): fix them in the file and import it again.');
	});
});
