import { formatMoney, type Cents } from '../../domain/money';
import { formatQuantity, MILLI, type Milli } from '../../domain/quantity';
import type { Invoice, InvoiceLine, PoLine, PurchaseOrder } from '../../domain/records';

/**
 * Units that are English words, which agree with their number (`1 day`, `2 days`), by either
 * form. Abbreviations (`h`, `ea`, `lb`, `ft`) read the same for any number and are left as typed.
 */
const WORD_UNITS: ReadonlyMap<string, readonly [one: string, many: string]> = new Map(
	(
		[
			['day', 'days'],
			['hour', 'hours'],
			['week', 'weeks'],
			['month', 'months'],
			['visit', 'visits'],
			['trip', 'trips'],
			['lot', 'lots'],
			['unit', 'units'],
			['piece', 'pieces'],
			['set', 'sets'],
			['pair', 'pairs'],
			['roll', 'rolls'],
			['bag', 'bags'],
			['box', 'boxes'],
			['case', 'cases'],
			['call', 'calls'],
			['job', 'jobs']
		] as const
	).flatMap((forms) => [
		[forms[0], forms],
		[forms[1], forms]
	])
);

/** `1 invoice`, `2 invoices`, `1 box`/`3 boxes` with `many` given. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * `12 h`, `1.5 lb`, `1 day`, `2 days`; a quantity with no unit is counted in units (`3 units`),
 * so a number never stands alone. Only exactly one (or minus one, a credit) is singular.
 */
export function qty(q: Milli, unit: string): string {
	const n = formatQuantity(q);
	const typed = unit.trim();
	const forms = WORD_UNITS.get(typed === '' ? 'unit' : typed);
	if (!forms || (typed !== '' && typed !== typed.toLowerCase())) return `${n} ${typed}`;
	return `${n} ${Math.abs(q) === MILLI ? forms[0] : forms[1]}`;
}

/** `$187.50/h`. */
export const rate = (cents: Cents, unit: string): string => (unit ? `${formatMoney(cents)}/${unit}` : formatMoney(cents));

export const money = formatMoney;

export const invoiceLineName = (inv: Invoice, line: InvoiceLine): string => `Invoice ${inv.number} line ${line.lineNo}`;
export const shortLineName = (inv: Invoice, line: InvoiceLine): string => `${inv.number} line ${line.lineNo}`;
export const poLineName = (po: PurchaseOrder, pl: PoLine): string => `PO ${po.number} line ${pl.lineNo}`;

/** The verb for a subject of `n` things: `agree(1, 'bills', 'bill')` is `bills`. */
export const agree = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** How many items `list` names before it counts the rest. */
export const LIST_MAX = 5;

/** `a`, `a and b`, `a, b and c`, `a, b, c, d, e and 3 more`. */
export function list(items: readonly string[], max = LIST_MAX): string {
	if (items.length <= 1) return items[0] ?? '';
	if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
