import { fail, ok, type Parsed } from './result';

/**
 * A local calendar date as `YYYY-MM-DD`. Dates carry no time zone: a due date is the same
 * day wherever the contractor opens the workbook. Arithmetic runs on UTC midnights only.
 */
export type LocalDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isValidYmd(y: number, m: number, d: number): boolean {
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number): LocalDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function isLocalDate(value: unknown): value is LocalDate {
	if (typeof value !== 'string') return false;
	const m = ISO.exec(value);
	return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export type DateOrder = 'mdy' | 'dmy' | 'ymd';

/**
 * Parse `YYYY-MM-DD`, and `MM/DD/YYYY` or `M/D/YY` (US order by default; `dmy` when the
 * user says the file is day-first). Two-digit years are 2000–2099.
 */
export function parseDate(input: string, order: DateOrder = 'mdy'): Parsed<LocalDate> {
	const text = input.trim();
	if (text === '') return fail('is empty');
	let y: number, m: number, d: number;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	const slash = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
	const named = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
	if (iso) {
		[y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	} else if (slash && order !== 'ymd') {
		const a = Number(slash[1]);
		const b = Number(slash[2]);
		y = Number(slash[3]);
		if (slash[3]!.length === 2) y += 2000;
		[m, d] = order === 'dmy' ? [b, a] : [a, b];
	} else if (named) {
		m = MONTHS.findIndex((x) => x.toLowerCase() === named[1]!.toLowerCase()) + 1;
		d = Number(named[2]);
		y = Number(named[3]);
	} else {
		return fail(`"${text}" is not a date (use YYYY-MM-DD or MM/DD/YYYY)`);
	}
	if (!isValidYmd(y, m, d)) return fail(`"${text}" is not a real calendar date`);
	return ok(ymd(y, m, d));
}

function toUtc(date: LocalDate): number {
	const m = ISO.exec(date);
	if (!m) throw new RangeError(`Not a local date: ${date}`);
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): LocalDate {
	const dt = new Date(ms);
	return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

const DAY = 86_400_000;

export function addDays(date: LocalDate, days: number): LocalDate {
	return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
	return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/** `Jan 15, 2027`: one unambiguous format for every date on screen and on paper. */
export function formatDate(date: LocalDate | null | undefined): string {
	if (!date) return '';
	const m = ISO.exec(date);
	if (!m || !isLocalDate(date)) return date;
	return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** The caller's clock, read as a local calendar date. Passed in so the domain never reads a clock. */
export type Today = () => LocalDate;

export function localDateOf(dt: Date): LocalDate {
	return ymd(dt.getFullYear(), dt.getMonth() + 1, dt.getDate());
}
