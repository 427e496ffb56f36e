import { parseDate, type DateOrder, type LocalDate } from '$lib/domain/dates';
import { parseMoney, type Cents } from '$lib/domain/money';
import { parseQuantity, type Milli } from '$lib/domain/quantity';
import { formatTerms, parseTerms } from '$lib/domain/terms';
import { fail, ok, type Parsed } from '$lib/domain/result';

export type DecimalSeparator = '.' | ',';

export interface ValueOptions {
	decimal: DecimalSeparator;
	dateOrder: DateOrder;
}

/** Undo what write.ts's `neutralise` did on export (`'=SUM` back to `=SUM`), so export → import round-trips. */
export function unneutralise(cell: string): string {
	return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * A cell as the record gets it: surrounding spaces trimmed (exports pad cells). A neutralised
 * cell is taken exactly as written after its apostrophe: its text may end in the tab or CR that
 * made it a formula trigger.
 */
export function cellText(raw: string): string {
	const start = raw.trimStart();
	return /^'+[=+\-@\t\r]/.test(start) ? start.slice(1) : raw.trim();
}

const TRAILING_ZEROS: Record<string, RegExp> = {
	'.2': /(\.\d{2})0+(?=\D*$)/,
	',2': /(,\d{2})0+(?=\D*$)/,
	'.3': /(\.\d{3})0+(?=\D*$)/,
	',3': /(,\d{3})0+(?=\D*$)/
};

/** Zeros past the last kept decimal (`12.3400` from an ERP) carry nothing; dropping them invents no cent. */
function dropTrailingZeros(text: string, decimal: DecimalSeparator, keep: 2 | 3): string {
	return text.replace(TRAILING_ZEROS[decimal + keep]!, '$1');
}

const CURRENCY = /\s*(€|£|EUR|GBP|CAD|AUD)\s*/gi;

export function moneyCell(text: string, o: ValueOptions): Parsed<Cents> {
	const cleaned = dropTrailingZeros(text.replace(CURRENCY, ''), o.decimal, 2);
	const r = parseMoney(cleaned, { decimal: o.decimal });
	if (!r.ok && /more than 2 decimals/.test(r.error)) return fail(`"${text}" has more than 2 decimals; amounts are kept in whole cents`);
	if (!r.ok && /is not an amount/.test(r.error)) return fail(`"${text}" is not an amount${o.decimal === ',' ? ' (with decimal comma)' : ''}`);
	return r;
}

export function quantityCell(text: string, o: ValueOptions): Parsed<Milli> {
	const r = parseQuantity(dropTrailingZeros(text, o.decimal, 3), o.decimal);
	if (!r.ok && /more than 3 decimals/.test(r.error)) return fail(`"${text}" has more than 3 decimals`);
	if (!r.ok && /is not a number/.test(r.error)) return fail(`"${text}" is not a quantity${o.decimal === ',' ? ' (with decimal comma)' : ''}`);
	return r;
}

const ORDER_HINT: Record<DateOrder, string> = { mdy: 'MM/DD/YYYY', dmy: 'DD/MM/YYYY', ymd: 'YYYY-MM-DD' };

export function dateCell(text: string, o: ValueOptions): Parsed<LocalDate> {
	// Spreadsheets add a midnight time to dates (`01/05/2027 00:00`, `2027-01-05T00:00:00`).
	let t = text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?Z?$/, '').trim();
	if (o.dateOrder === 'ymd') t = t.replace(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/, '$1-$2-$3');
	const r = parseDate(t, o.dateOrder);
	if (!r.ok) return fail(/real calendar/.test(r.error) ? `"${text}" is not a real calendar date (read as ${ORDER_HINT[o.dateOrder]})` : `"${text}" is not a date (expected ${ORDER_HINT[o.dateOrder]} or YYYY-MM-DD)`);
	return r;
}

export function integerCell(text: string): Parsed<number> {
	const m = /^0*(\d+)(?:[.,]0+)?$/.exec(text);
	if (!m) return fail(`"${text}" is not a whole number`);
	const n = Number(m[1] || '0');
	return Number.isSafeInteger(n) ? ok(n) : fail(`"${text}" is too large`);
}

const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'x', 'ja', 'j', 'oui', 'si', 'done', 'allowed']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'nein', 'non', '-', 'not allowed']);

export function booleanCell(text: string): Parsed<boolean> {
	const t = text.trim().toLowerCase();
	if (TRUE.has(t)) return ok(true);
	if (FALSE.has(t)) return ok(false);
	return fail(`"${text}" is not yes or no`);
}

/** Stored in canonical form (`2% 10 net 30` as `2/10 Net 30`), so re-importing the same terms changes nothing. */
export function termsCell(text: string): Parsed<string> {
	const r = parseTerms(text);
	return r.ok ? ok(formatTerms(r.value)) : fail(r.error);
}

/** An enum value by its stored name or how people write it (`In progress`, `T&M`, `Labour`). */
export function enumCell<T extends string>(text: string, allowed: readonly T[], aliases: Record<string, T> = {}): Parsed<T> {
	const key = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
	const hit = allowed.find((a) => a === key) ?? aliases[key] ?? aliases[key.replace(/_/g, '')];
	return hit ? ok(hit) : fail(`"${text}" is not one of ${allowed.join(', ')}`);
}

/** `WO-1, WO-2` or `WO-1; WO-2` or one per line. */
export function listCell(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** `80,00`, `1.234,5`, `-12,125`: a comma that only a decimal comma explains (1–2 digits after it, or dots grouping before it). */
const COMMA_DECIMAL = /^[-+(]?[$€£]?\s?(\d{1,3}(\.\d{3})+,\d+|\d+,\d{1,2}|\d{1,3}(\.\d{3})*,\d{4,})[)]?$/;
/** `80.00`, `1,234.5`: a point that only a decimal point explains. */
const POINT_DECIMAL = /^[-+(]?[$€£]?\s?(\d{1,3}(,\d{3})+\.\d+|\d+\.\d{1,2}|\d{1,3}(,\d{3})*\.\d{4,})[)]?$/;

/**
 * The decimal separator a file's numbers were written with, guessed from its first rows: a
 * European export writes 80,00 and 1.234,50. Only a comma that cannot be a thousands separator
 * counts, so `12,125` alone (12125 or 12.125?) decides nothing and the point stays. The person
 * can change the guess before anything is read.
 */
export function guessDecimal(rows: readonly { cells: readonly string[] }[], sample = 200): DecimalSeparator {
	let comma = 0;
	let point = 0;
	for (const r of rows.slice(0, sample)) {
		for (const raw of r.cells) {
			const cell = raw.trim();
			if (COMMA_DECIMAL.test(cell)) comma++;
			else if (POINT_DECIMAL.test(cell)) point++;
		}
	}
	return comma > point ? ',' : '.';
}

const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ].*)?$/;
const YEAR_FIRST_SLASHED = /^\d{4}[/.]\d{1,2}[/.]\d{1,2}(?:[T ].*)?$/;

/**
 * The order of a file's dates, guessed from its first rows, because 05.02.2027 read the wrong way
 * is a real date too: a day past 12 in first place says day first (28.02.2027), in second place
 * month first (02/28/2027). With no such day, dates written with dots (as day-first countries
 * write them) say day first; else month first, the US default. The person can change the guess.
 */
export function guessDateOrder(rows: readonly { cells: readonly string[] }[], sample = 200): DateOrder {
	let dayFirst = 0;
	let monthFirst = 0;
	let dotted = 0;
	let yearFirst = 0;
	for (const r of rows.slice(0, sample)) {
		for (const raw of r.cells) {
			const cell = raw.trim();
			if (YEAR_FIRST_SLASHED.test(cell)) yearFirst++;
			const m = DAY_FIRST_OR_MONTH_FIRST.exec(cell);
			if (!m) continue;
			const [a, b] = [Number(m[1]), Number(m[3])];
			if (a > 12 && b <= 12) dayFirst++;
			else if (b > 12 && a <= 12) monthFirst++;
			if (m[2] === '.') dotted++;
		}
	}
	if (dayFirst > monthFirst) return 'dmy';
	if (monthFirst > 0) return 'mdy';
	if (dotted > 0) return 'dmy';
	return yearFirst > 0 ? 'ymd' : 'mdy';
}
