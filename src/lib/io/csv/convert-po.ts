import { newPoLine, newPurchaseOrder } from '$lib/domain/factories';
import { clip } from '$lib/domain/limits';
import { formatMoney } from '$lib/domain/money';
import { lineAmount } from '$lib/domain/quantity';
import type { Customer, PoLine, PurchaseOrder } from '$lib/domain/records';
import { validatePoLine, validatePurchaseOrder } from '$lib/domain/validate';
import { checkUnique, chosenCustomer, customerNamed, HeaderFields, Sheet, type ConvertContext, type ConvertOptions, type Converted } from './convert-core';
import type { FieldMapping } from './mapping';
import type { ParsedTable, TableRow } from './parse';
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

/**
 * Rows grouped into POs by customer + PO number: two buyers may both have PO 1001. A row's
 * customer is the one its Customer cell names; a blank cell means the customer the last row of
 * the same PO number named (a report that fills it on a PO's first row only), else the one
 * chosen in the wizard.
 */
function groupPos(sheet: Sheet, ctx: ConvertContext): Map<string, { customer: Customer; number: string; rows: TableRow[] }> {
	const groups = new Map<string, { customer: Customer; number: string; rows: TableRow[] }>();
	const chosen = chosenCustomer(ctx);
	const byColumn = sheet.has('customer');
	if (!byColumn && !chosen) sheet.error(null, null, 'Choose the customer these purchase orders are from');
	// Each spelling is looked up (and told, when it names no one) once, not on each of its rows.
	const named = new Map<string, Customer | null>();
	const lastOf = new Map<string, Customer>();
	for (const r of sheet.table.rows) {
		const number = sheet.text(r, 'poNumber');
		if (number === '') {
			sheet.error(r.row, 'poNumber', `${sheet.label('poNumber')} is empty: every row names its PO number`);
			continue;
		}
		const name = sheet.text(r, 'customer');
		let customer: Customer | null;
		if (name !== '') {
			if (!named.has(name)) named.set(name, customerNamed(sheet, r.row, name, `PO ${clip(number)}`, ctx));
			customer = named.get(name)!;
			if (customer) lastOf.set(number, customer);
		} else {
			customer = lastOf.get(number) ?? chosen;
			if (!customer && byColumn) sheet.error(r.row, 'customer', `PO ${clip(number)}: the Customer cell is empty; fill it or choose a customer for rows that name none`);
		}
		if (!customer) continue;
		const key = `${customer.id}\u0000${number}`;
		const g = groups.get(key);
		if (g) g.rows.push(r);
		else groups.set(key, { customer, number, rows: [r] });
	}
	return groups;
}

/** A buyer's PO export as purchase orders with their lines, each for the customer its row names or the one chosen in the wizard. */
export function convertPos(table: ParsedTable, mapping: FieldMapping, options: ConvertOptions, ctx: ConvertContext): Converted<ImportedPo> {
	const sheet = new Sheet('po', table, mapping, ctx.fileName, ctx.progress);
	const money = (t: string) => moneyCell(t, options);
	const date = (t: string) => dateCell(t, options);
	const out: ImportedPo[] = [];
	// With several buyers in the file, a PO number alone does not say which PO a problem is on.
	const several = sheet.has('customer');

	for (const { customer, number, rows } of groupPos(sheet, ctx).values()) {
		const what = several ? `PO ${clip(number)} of ${clip(customer.name)}` : `PO ${clip(number)}`;
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
		const po = newPurchaseOrder(poId, customer.id, number, head.get<string>('issueDate') ?? ctx.today, {
			buyer: head.get<string>('buyer') ?? '',
			revision: head.get<number>('revision') ?? 0,
			terms: head.get<string>('terms') ?? customer.defaultTerms,
			taxAllowed: head.get<boolean>('taxAllowed') ?? customer.taxAllowed,
			freightAllowed: head.get<boolean>('freightAllowed') ?? customer.freightAllowed,
			blanketLimitCents: head.get<number>('blanketLimit') ?? null
		});
		sheet.validated(rows[0]!.row, validatePurchaseOrder(po).filter((p) => p.field !== 'customerId'), PO_KEYS, head);
		out.push({ po, lines, lineRows, given: head.given() });
		sheet.converted(rows.length);
	}
	return sheet.result(out);
}
