import type { DateOrder } from '$lib/domain/dates';
import type { DecimalSeparator } from './values';

/*
 * How a file writes its numbers and dates, guessed from its first rows so the wizard starts
 * right: a wrong guess there is not refused but misread (05.02.2027 is a date either way).
 */

type Rows = readonly { cells: readonly string[] }[];

/** The trimmed cells of the first `sample` rows. */
function* sampleCells(rows: Rows, sample: number): Generator<string> {
	for (const r of rows.slice(0, sample)) for (const raw of r.cells) yield raw.trim();
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
export function guessDecimal(rows: Rows, sample = 200): DecimalSeparator {
	return decimalGuess(rows, sample).value;
}

/** A guess, and whether the file itself showed it (else it is the fallback: a remembered choice may do better). */
export interface Guess<T> {
	value: T;
	decided: boolean;
}

export function decimalGuess(rows: Rows, sample = 200): Guess<DecimalSeparator> {
	let comma = 0;
	let point = 0;
	for (const cell of sampleCells(rows, sample)) {
		if (COMMA_DECIMAL.test(cell)) comma++;
		else if (POINT_DECIMAL.test(cell)) point++;
	}
	return { value: comma > point ? ',' : '.', decided: comma + point > 0 };
}

const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ].*)?$/;
const YEAR_FIRST_SLASHED = /^\d{4}[/.]\d{1,2}[/.]\d{1,2}(?:[T ].*)?$/;

/**
 * The order of a file's dates, guessed from its first rows, because 05.02.2027 read the wrong way
 * is a real date too: a day past 12 in first place says day first (28.02.2027), in second place
 * month first (02/28/2027). With no such day, dates written with dots (as day-first countries
 * write them) say day first; else month first, the US default. The person can change the guess.
 */
export function guessDateOrder(rows: Rows, sample = 200): DateOrder {
	return dateOrderGuess(rows, sample).value;
}

/** Decided by a day past 12 or a year written first; dots alone are a custom, not proof. */
export function dateOrderGuess(rows: Rows, sample = 200): Guess<DateOrder> {
	let dayFirst = 0;
	let monthFirst = 0;
	let dotted = 0;
	let yearFirst = 0;
	for (const cell of sampleCells(rows, sample)) {
		if (YEAR_FIRST_SLASHED.test(cell)) yearFirst++;
		const m = DAY_FIRST_OR_MONTH_FIRST.exec(cell);
		if (!m) continue;
		const [a, b] = [Number(m[1]), Number(m[3])];
		if (a > 12 && b <= 12) dayFirst++;
		else if (b > 12 && a <= 12) monthFirst++;
		if (m[2] === '.') dotted++;
	}
	const decided = dayFirst + monthFirst + yearFirst > 0;
	if (dayFirst > monthFirst) return { value: 'dmy', decided };
	if (monthFirst > 0) return { value: 'mdy', decided };
	if (dotted > 0) return { value: 'dmy', decided };
	return { value: yearFirst > 0 ? 'ymd' : 'mdy', decided };
}

/** The wizard's starting format for a file, with whether the file itself showed it. */
export function formatGuesses(rows: Rows): { decimal: DecimalSeparator; dateOrder: DateOrder; decided: { decimal: boolean; dateOrder: boolean } } {
	const decimal = decimalGuess(rows);
	const dateOrder = dateOrderGuess(rows);
	return { decimal: decimal.value, dateOrder: dateOrder.value, decided: { decimal: decimal.decided, dateOrder: dateOrder.decided } };
}

/**
 * The format to start the wizard with: what the file shows, else what was chosen the last time
 * these headers were imported, else the guess's fallback.
 */
export function startingFormat(
	guessed: { decimal: DecimalSeparator; dateOrder: DateOrder; decided: { decimal: boolean; dateOrder: boolean } },
	remembered: { decimal: DecimalSeparator; dateOrder: DateOrder } | undefined
): { decimal: DecimalSeparator; dateOrder: DateOrder; fromMemory: boolean } {
	const decimal = guessed.decided.decimal || !remembered ? guessed.decimal : remembered.decimal;
	const dateOrder = guessed.decided.dateOrder || !remembered ? guessed.dateOrder : remembered.dateOrder;
	return { decimal, dateOrder, fromMemory: !!remembered && (!guessed.decided.decimal || !guessed.decided.dateOrder) };
}

