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
	// Oracle writes DD-MON-YYYY (15-JAN-2027, 15-JAN-27): a month by name reads one way in any order.
	t = t.replace(/^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{2}|\d{4})$/, (_, d: string, m: string, y: string) => `${m} ${d}, ${y.length === 2 ? `20${y}` : y}`);
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
