import { newPoLine, newPurchaseOrder } from '$lib/domain/factories';
import { clip } from '$lib/domain/limits';
import { formatMoney } from '$lib/domain/money';
import { lineAmount } from '$lib/domain/quantity';
import type { PoLine, PurchaseOrder } from '$lib/domain/records';
import { validatePoLine, validatePurchaseOrder } from '$lib/domain/validate';
import { checkUnique, groupRows, HeaderFields, Sheet, type ConvertContext, type ConvertOptions, type Converted } from './convert-core';
import type { FieldMapping } from './mapping';
import type { ParsedTable } from './parse';
import { booleanCell, dateCell, integerCell, moneyCell, quantityCell, termsCell } from './values';

export interface ImportedPo {
	po: PurchaseOrder;
	lines: PoLine[];
	/** Spreadsheet row of each line, in the same order. */
	lineRows: number[];
	/** The header fields (import keys) some row gave a value for; the rest keep what is stored. */
	given: string[];
}

const PO_KEYS: Record<string, string> = { number: 'poNumber', buyer: 'buyer', issueDate: 'issueDate', revision: 'revision', terms: 'terms', blanketLimitCents: 'blanketLimit' };
const LINE_KEYS: Record<string, string> = {
	lineNo: 'lineNo',
	buyerItemCode: 'buyerItemCode',
	description: 'description',
	qtyMilli: 'quantity',
	unit: 'unit',
	unitPriceCents: 'unitPrice',
	extendedCents: 'extended',
	costCenter: 'costCenter',
	needBy: 'needBy'
};

/** A buyer's PO export as purchase orders with their lines, for the customer chosen in the wizard. */
export function convertPos(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): Converted<ImportedPo> {
	const sheet = new Sheet('po', table, mapping, ctx.fileName);
	const customer = ctx.customers.find((c) => c.id === ctx.customerId);
	if (!ctx.customerId) sheet.error(null, null, 'Choose the customer these purchase orders are from');
	const money = (t: string) => moneyCell(t, options);
	const date = (t: string) => dateCell(t, options);
	const out: ImportedPo[] = [];

	for (const [number, rows] of groupRows(sheet, 'poNumber', 'PO number')) {
		const what = `PO ${clip(number)}`;
		const head = new HeaderFields(sheet, what);
		const lines: PoLine[] = [];
		const lineRows: number[] = [];
		const poId = ctx.idGen();
		for (const r of rows) {
			head.take(r, 'buyer', (t) => ({ ok: true, value: t }));
			head.take(r, 'issueDate', date);
			head.take(r, 'revision', integerCell);
			head.take(r, 'terms', termsCell);
			head.take(r, 'taxAllowed', booleanCell);
			head.take(r, 'freightAllowed', booleanCell);
			head.take(r, 'blanketLimit', money);

			const lineNo = sheet.value(r, 'lineNo', integerCell, 0, true);
			const before = sheet.problems.length;
			const qtyMilli = sheet.value(r, 'quantity', (t) => quantityCell(t, options), 0, true);
			const unitPriceCents = sheet.value(r, 'unitPrice', money, 0, true);
			const computed = lineAmount(qtyMilli, unitPriceCents);
			const extendedCents = sheet.value(r, 'extended', money, computed);
			// Compared only when all three amounts were read: a bad cell is already its own problem.
			if (sheet.problems.length === before && sheet.text(r, 'extended') !== '' && extendedCents !== computed) {
				sheet.warning(r.row, 'extended', `${what} line ${lineNo}: extended amount ${formatMoney(extendedCents)} is not quantity × unit price (${formatMoney(computed)}); the file's amount is kept`);
			}
			const line = newPoLine(ctx.idGen(), poId, lineNo, {
				buyerItemCode: sheet.text(r, 'buyerItemCode'),
				description: sheet.text(r, 'description'),
				qtyMilli,
				unit: sheet.text(r, 'unit'),
				unitPriceCents,
				extendedCents,
				costCenter: sheet.text(r, 'costCenter'),
				needBy: sheet.value(r, 'needBy', date, null)
			});
			sheet.validated(r.row, validatePoLine(line), LINE_KEYS);
			lines.push(line);
			lineRows.push(r.row);
		}
		checkUnique(sheet, lines.map((l, i) => ({ row: lineRows[i]!, value: l.lineNo })), 'lineNo', what);
		const po = newPurchaseOrder(poId, ctx.customerId ?? '', number, head.get<string>('issueDate') ?? ctx.today, {
			buyer: head.get<string>('buyer') ?? '',
			revision: head.get<number>('revision') ?? 0,
			terms: head.get<string>('terms') ?? customer?.defaultTerms ?? 'Net 30',
			taxAllowed: head.get<boolean>('taxAllowed') ?? customer?.taxAllowed ?? false,
			freightAllowed: head.get<boolean>('freightAllowed') ?? customer?.freightAllowed ?? false,
			blanketLimitCents: head.get<number>('blanketLimit') ?? null
		});
		sheet.validated(rows[0]!.row, validatePurchaseOrder(po).filter((p) => p.field !== 'customerId'), PO_KEYS, head);
		out.push({ po, lines, lineRows, given: head.given() });
	}
	return sheet.result(out);
}
