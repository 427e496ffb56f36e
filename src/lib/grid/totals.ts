import { formatMoney } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';

/** A column the totals row sums: money in integer cents, or a quantity in thousandths with each row's unit. */
export interface TotalColumn<R> {
	colId: string;
	kind: 'money' | 'qty';
	value(row: R): unknown;
	/** The row's unit of quantity (qty columns): rows of two units are not added up. */
	unit?(row: R): unknown;
}

export interface ColumnTotal {
	colId: string;
	kind: 'money' | 'qty';
	/** Exact: cents or thousandths. Null when a sum would not be exact as a JavaScript number. */
	sum: number | null;
	/** Qty columns: the one unit of every counted row; 'mixed' when rows differ. */
	unit: string | null | typeof MIXED;
}

export const MIXED = Symbol('mixed');

/** The sum of `cols` over the rows `each` visits, in one pass and without copying a row. */
export function sumRows<R>(each: (visit: (row: R) => void) => void, cols: readonly TotalColumn<R>[]): { rows: number; totals: ColumnTotal[] } {
	const sums = cols.map(() => 0);
	const exact = cols.map(() => true);
	const units: (string | null | typeof MIXED)[] = cols.map(() => null);
	// The first unit seen, compared without case: "hr" and "HR" are one unit.
	const unitKeys: (string | null)[] = cols.map(() => null);
	let rows = 0;
	each((row) => {
		rows++;
		for (let i = 0; i < cols.length; i++) {
			const c = cols[i]!;
			const v = c.value(row);
			if (typeof v !== 'number' || !Number.isInteger(v)) continue;
			const next = sums[i]! + v;
			if (!Number.isSafeInteger(next)) exact[i] = false;
			sums[i] = next;
			if (c.kind === 'qty' && units[i] !== MIXED) {
				const raw = c.unit?.(row);
				const unit = typeof raw === 'string' ? raw.trim() : '';
				if (unitKeys[i] === null) {
					unitKeys[i] = unit.toLowerCase();
					units[i] = unit;
				} else if (unitKeys[i] !== unit.toLowerCase()) units[i] = MIXED;
			}
		}
	});
	return { rows, totals: cols.map((c, i) => ({ colId: c.colId, kind: c.kind, sum: exact[i] ? sums[i]! : null, unit: units[i]! })) };
}

/** A total as the totals row shows it: money as the grid writes money, a quantity with its unit, or "mixed". */
export function totalText(t: ColumnTotal): string {
	if (t.sum === null) return 'too large';
	if (t.kind === 'money') return formatMoney(t.sum);
	if (t.unit === MIXED) return 'mixed';
	return t.unit ? `${formatQuantity(t.sum)} ${t.unit}` : formatQuantity(t.sum);
}

export const totalsLabel = (rows: number): string => `Total (${rows} row${rows === 1 ? '' : 's'})`;
