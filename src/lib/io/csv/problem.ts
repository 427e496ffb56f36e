/** One thing wrong (or worth a look) in an imported file, located as a spreadsheet shows it. */
export interface ImportProblem {
	file: string;
	/** Spreadsheet row number (1-based, title rows and blank rows counted); null for the file as a whole. */
	row: number | null;
	/** The header name of the column as the file spells it; null when no single column is at fault. */
	column: string | null;
	/** In a PDF, the page the row's line is printed on. */
	page?: number;
	message: string;
	severity: 'error' | 'warning';
}

export const refuse = (file: string, row: number | null, column: string | null, message: string): ImportProblem => ({
	file,
	row,
	column,
	message,
	severity: 'error'
});

export const warn = (file: string, row: number | null, column: string | null, message: string): ImportProblem => ({
	file,
	row,
	column,
	message,
	severity: 'warning'
});

export const hasErrors = (problems: readonly ImportProblem[]) => problems.some((p) => p.severity === 'error');

/** `orders.csv, row 7, column "Qty": ...`: how a problem reads in a list or a message. */
export function describeProblem(p: ImportProblem): string {
	const where = [p.file, p.page === undefined ? null : `page ${p.page}`, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column "${p.column}"`].filter((x) => x !== null);
	return `${where.join(', ')}: ${p.message}`;
}

/**
 * A file with a systematic fault (a wrong date order on 100,000 rows) would otherwise list
 * 100,000 problems; the first ones say enough, and the count says the rest.
 */
export const PROBLEM_LIMIT = 500;

export function capProblems(problems: ImportProblem[], file: string): ImportProblem[] {
	if (problems.length <= PROBLEM_LIMIT) return problems;
	const rest = problems.length - PROBLEM_LIMIT;
	const errors = problems.slice(PROBLEM_LIMIT).some((p) => p.severity === 'error');
	const more: ImportProblem = { file, row: null, column: null, message: `and ${rest} more problems not listed`, severity: errors ? 'error' : 'warning' };
	return [...problems.slice(0, PROBLEM_LIMIT), more];
}
