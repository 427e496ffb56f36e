/**
 * What to do with the jobs of a work-order file that break a rule (a complete job with no
 * sign-off, a completed date before the opened date, a done flag that is not yes or no): the
 * person chooses in the wizard, and the choice is an option of the plan, so what is reviewed is
 * what is written.
 * - `refuse` (the default): all or nothing; nothing is imported while any job has a problem.
 * - `skip`: the jobs without problems are imported; each listed job is left out whole, with every
 *   one of its rows.
 * - `inProgress`: a job the file calls complete whose only problem is a missing sign-off is
 *   imported as in progress (everything else as the file gives it); other listed jobs are skipped.
 * A problem that belongs to no one job (a row without a job number) can only refuse the file.
 */
export type BadRows = 'refuse' | 'skip' | 'inProgress';

export interface BadJob {
	number: string;
	/** Every row of the file the job was read from. */
	rows: number[];
	/** Its first problem, with row and column. */
	reason: string;
	/** A complete job whose only problem is its missing sign-off. */
	signOffOnly: boolean;
	/** What the chosen way does with it. */
	fate: 'refused' | 'skipped' | 'inProgress';
}

/** The jobs with problems, as the wizard shows them next to the choice. */
export interface BadJobsView {
	mode: BadRows;
	/** The first ones, in file order: a file may hold thousands. */
	jobs: BadJob[];
	count: number;
	/** Rows of all those jobs together. */
	rowCount: number;
	/** How many could come in as in progress. */
	signOffOnly: number;
	/** Jobs in the file, good and bad. */
	total: number;
}

/** The most bad jobs listed by name; the rest are counted. */
export const SHOWN_BAD_JOBS = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `row 4`, `rows 5–7`, `rows 2, 5–7 and 9`: a job's rows as a person reads them. */
export function rowsText(rows: readonly number[]): string {
	const sorted = [...new Set(rows)].sort((a, b) => a - b);
	const runs: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
		runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
		i = j + 1;
	}
	const list = runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : (runs[0] ?? '');
	return `${sorted.length === 1 ? 'row' : 'rows'} ${list}`;
}

/** How many jobs each way would import and leave out. */
export function outcomeOf(view: BadJobsView, mode: BadRows): { imported: number; skipped: number; inProgress: number } {
	if (mode === 'refuse') return { imported: 0, skipped: 0, inProgress: 0 };
	const inProgress = mode === 'inProgress' ? view.signOffOnly : 0;
	const skipped = view.count - inProgress;
	return { imported: view.total - skipped, skipped, inProgress };
}

/** The Import button's words, so the choice is on the button that carries it out: `Import 40 jobs, skip 3`. */
export function importLabel(view: BadJobsView): string {
	const o = outcomeOf(view, view.mode);
	const asInProgress = o.inProgress ? ` (${o.inProgress} as in progress)` : '';
	return `Import ${plural(o.imported, 'job')}${asInProgress}${o.skipped ? `, skip ${o.skipped}` : ''}`;
}

/** Each way's words in the choice. */
export function choiceText(view: BadJobsView, mode: BadRows): string {
	const o = outcomeOf(view, mode);
	if (mode === 'refuse') return 'Import nothing until the file is fixed (all or nothing)';
	const listed = view.count === 1 ? 'the listed job' : `the ${view.count} listed jobs`;
	if (mode === 'skip') return `Import the ${plural(o.imported, 'job')} that ${o.imported === 1 ? 'is' : 'are'} right and skip ${listed} (${plural(view.rowCount, 'row')})`;
	const others = o.skipped ? `, and skip the other ${plural(o.skipped, 'listed job')}` : '';
	return `Import the ${plural(view.signOffOnly, 'complete job')} without a sign-off as in progress${others}`;
}

/** Said with the import's notice: what was left out or changed, and what to do about it. */
export function appliedText(view: BadJobsView): string {
	const o = outcomeOf(view, view.mode);
	const names = (fate: BadJob['fate'], n: number) => {
		const shown = view.jobs.filter((j) => j.fate === fate).map((j) => j.number);
		return `${shown.join(', ')}${n > shown.length ? ` and ${n - shown.length} more` : ''}`;
	};
	const parts = [
		...(o.skipped ? [`Skipped ${plural(o.skipped, 'job')} with problems (${names('skipped', o.skipped)}): fix ${o.skipped === 1 ? 'it' : 'them'} in the file and import it again.`] : []),
		...(o.inProgress ? [`${plural(o.inProgress, 'complete job')} without a sign-off came in as in progress (${names('inProgress', o.inProgress)}): sign ${o.inProgress === 1 ? 'it' : 'them'} off in Tieout.`] : [])
	];
	return parts.join(' ');
}
