import { formatMoneyPlain } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import type { PoLine, PurchaseOrder } from '$lib/domain/records';
import { fieldsOf } from './fields';
import { csvNumber, toCsv, type CsvCell, type CsvOptions } from './write';

const money = (c: number | null): CsvCell => (c === null ? null : csvNumber(formatMoneyPlain(c)));
const qty = (q: number): CsvCell => csvNumber(formatQuantity(q));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Headers are the import fields' labels, so the import maps an exported file back without help. */
const headerOf = (keys: readonly string[], kind: 'po' | 'workOrder' | 'invoice') => keys.map((k) => fieldsOf(kind).find((f) => f.key === k)!.label);

const PO_COLUMNS = ['poNumber', 'buyer', 'issueDate', 'revision', 'terms', 'taxAllowed', 'freightAllowed', 'blanketLimit', 'lineNo', 'buyerItemCode', 'description', 'quantity', 'unit', 'unitPrice', 'extended', 'costCenter', 'needBy'] as const;

/** Purchase orders as one CSV, one row per line with the PO header repeated, as buyer systems export them. */
export function posToCsv(pos: readonly { po: PurchaseOrder; lines: readonly PoLine[] }[], options: CsvOptions = {}): string {
	const rows: CsvCell[][] = [];
	for (const { po, lines } of pos) {
		for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
			rows.push([
				po.number,
				po.buyer,
				po.issueDate,
				po.revision,
				po.terms,
				yesNo(po.taxAllowed),
				yesNo(po.freightAllowed),
				money(po.blanketLimitCents),
				l.lineNo,
				l.buyerItemCode,
				l.description,
				qty(l.qtyMilli),
				l.unit,
				money(l.unitPriceCents),
				money(l.extendedCents),
				l.costCenter,
				l.needBy
			]);
		}
	}
	return toCsv(headerOf(PO_COLUMNS, 'po'), rows, options);
}

export function poToCsv(po: PurchaseOrder, lines: readonly PoLine[], options: CsvOptions = {}): string {
	return posToCsv([{ po, lines }], options);
}
