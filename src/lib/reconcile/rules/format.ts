import { formatMoney, type Cents } from '../../domain/money';
import { formatQuantity, type Milli } from '../../domain/quantity';
import type { Invoice, InvoiceLine, PoLine, PurchaseOrder } from '../../domain/records';

/** `12 h`, `1.5 lb`, `3` (no unit). */
export const qty = (q: Milli, unit: string): string => (unit ? `${formatQuantity(q)} ${unit}` : formatQuantity(q));

/** `$187.50/h`. */
export const rate = (cents: Cents, unit: string): string => (unit ? `${formatMoney(cents)}/${unit}` : formatMoney(cents));

export const money = formatMoney;

export const invoiceLineName = (inv: Invoice, line: InvoiceLine): string => `Invoice ${inv.number} line ${line.lineNo}`;
export const shortLineName = (inv: Invoice, line: InvoiceLine): string => `${inv.number} line ${line.lineNo}`;
export const poLineName = (po: PurchaseOrder, pl: PoLine): string => `PO ${po.number} line ${pl.lineNo}`;

/** `a`, `a and b`, `a, b and c`, `a, b, c, d, e and 3 more`. */
export function list(items: readonly string[], max = 5): string {
	if (items.length <= 1) return items[0] ?? '';
	if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
