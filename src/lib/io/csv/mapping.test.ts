import { describe, expect, it } from 'vitest';
import { FIELDS } from './fields';
import { headerSignature, initialMapping, suggestMapping, validateMapping } from './mapping';

describe('column mapping', () => {
	it('suggests fields from header synonyms, case- and punctuation-insensitively', () => {
		expect(suggestMapping('po', ['P.O. #', 'Pos.', 'Material', 'Bezeichnung', 'Menge', 'Einheit', 'Nettopreis', 'Line Total', 'Kostenstelle', 'Delivery Date'])).toEqual({
			poNumber: 'P.O. #',
			lineNo: 'Pos.',
			buyerItemCode: 'Material',
			description: 'Bezeichnung',
			quantity: 'Menge',
			unit: 'Einheit',
			unitPrice: 'Nettopreis',
			extended: 'Line Total',
			costCenter: 'Kostenstelle',
			needBy: 'Delivery Date'
		});
		expect(suggestMapping('po', ['Order No', 'Line Num', 'Buyer Part', 'Desc', 'Qty Ordered', 'UoM', 'Unit Cost', 'Ext Amount', 'Building', 'Due'])).toMatchObject({
			poNumber: 'Order No',
			lineNo: 'Line Num',
			buyerItemCode: 'Buyer Part',
			quantity: 'Qty Ordered',
			unitPrice: 'Unit Cost',
			extended: 'Ext Amount',
			costCenter: 'Building',
			needBy: 'Due'
		});
	});

	it('falls back to a header that starts with a synonym, and never maps one column twice', () => {
		const m = suggestMapping('po', ['PO Number', 'Unit Price (USD)', 'Qty (EA)', 'Description']);
		expect(m).toMatchObject({ unitPrice: 'Unit Price (USD)', quantity: 'Qty (EA)' });
		const columns = Object.values(m);
		expect(new Set(columns).size).toBe(columns.length);
	});

	it('a header that is a synonym and a word is not that field: only a qualifier such as a currency or unit may follow it', () => {
		expect(suggestMapping('po', ['PO Number', 'Unit Price - USD', 'Amount USD', 'Qty [EA]'])).toEqual({ poNumber: 'PO Number', unitPrice: 'Unit Price - USD', extended: 'Amount USD', quantity: 'Qty [EA]' });
		expect(suggestMapping('po', ['PO Number', 'Buyer Contact', 'Quantity Received', 'Account Manager', 'Description 2'])).toEqual({ poNumber: 'PO Number' });
	});

	it.each([
		['Oracle need-by and promised dates', ['PROMISED_DATE', 'NEED_BY_DATE'], 'needBy', 'NEED_BY_DATE'],
		['SAP cost centre and G/L account', ['Sachkonto', 'Kostenstelle'], 'costCenter', 'Kostenstelle'],
		['a line total and a generic amount', ['Amount', 'Line Total'], 'extended', 'Line Total'],
		['a buyer and a requester', ['Requester', 'Buyer'], 'buyer', 'Buyer']
	])('two columns for one field (%s): the better synonym wins in either column order', (_what, columns, field, winner) => {
		for (const header of [columns, [...columns].reverse()]) {
			const m = suggestMapping('po', ['PO Number', ...header]);
			expect(m[field]).toBe(winner);
			expect(initialMapping('po', ['PO Number', ...header], null, []).mapping[field]).toBe(winner);
			// The other column fills nothing, so it is listed as not imported.
			expect(Object.values(m)).not.toContain(columns.find((c) => c !== winner));
		}
	});

	it('every field label maps back to its own field (so an export is read back without help)', () => {
		for (const [kind, defs] of Object.entries(FIELDS)) {
			const m = suggestMapping(kind as 'po', defs.map((d) => d.label));
			expect(m).toEqual(Object.fromEntries(defs.map((d) => [d.key, d.label])));
		}
	});

	it('the same headers in another order or spelling have the same signature', () => {
		expect(headerSignature(['PO #', 'Qty', 'Unit Price'])).toBe(headerSignature(['unit price', 'qty', 'po']));
		expect(headerSignature(['PO', 'Qty'])).not.toBe(headerSignature(['PO', 'Qty', 'Price']));
	});

	it('validation names an unmapped required field, a missing column and a column used twice', () => {
		const header = ['PO', 'Line', 'Desc', 'Qty'];
		expect(validateMapping('po', { poNumber: 'PO', lineNo: 'Line', description: 'Desc', quantity: 'Qty', unitPrice: 'Qty', extended: 'Amount' }, header)).toEqual([
			{ field: 'extended', column: 'Amount', message: 'Extended Amount is mapped to "Amount", which is not a column of this file' },
			{ field: null, column: 'Qty', message: 'Column "Qty" is mapped to both Quantity and Unit Price: one column fills one field' }
		]);
		expect(validateMapping('po', { poNumber: 'PO' }, header).map((p) => p.message)).toEqual([
			'Choose the column that holds Line',
			'Choose the column that holds Description',
			'Choose the column that holds Quantity',
			'Choose the column that holds Unit Price'
		]);
	});
});

describe('initialMapping', () => {
	const header = ['Order', 'Pos', 'Text', 'Menge', 'Preis', 'Notes'];
	const mine = { poNumber: 'Order', lineNo: 'Pos', description: 'Notes', quantity: 'Menge', unitPrice: 'Preis' };
	const saved = [{ customerId: 'c1', kind: 'po' as const, headerSignature: headerSignature(header), mapping: mine }];

	it('uses the mapping saved for this customer and these headers, in any column order', () => {
		expect(initialMapping('po', [...header].reverse(), 'c1', saved)).toEqual({ mapping: mine, saved: true });
	});

	it('brings back how that file wrote numbers and dates, when it was saved with them', () => {
		const options = { decimal: ',' as const, dateOrder: 'dmy' as const };
		expect(initialMapping('po', header, 'c1', [{ ...saved[0]!, options }])).toEqual({ mapping: mine, saved: true, options });
	});

	it('falls back to suggestions for another customer, other headers, or a saved mapping that no longer fits', () => {
		expect(initialMapping('po', header, 'c2', saved).saved).toBe(false);
		expect(initialMapping('po', [...header, 'Extra'], 'c1', saved).saved).toBe(false);
		const broken = [{ ...saved[0]!, mapping: { ...mine, quantity: 'Gone' } }];
		expect(initialMapping('po', header, 'c1', broken)).toEqual({ mapping: suggestMapping('po', header), saved: false });
	});
});
