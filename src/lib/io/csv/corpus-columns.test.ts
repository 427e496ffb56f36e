import { describe, expect, it } from 'vitest';
import { columnExamples, unmappedColumns } from './columns';
import { convertPos } from './convert-po';
import { formatGuesses } from './guess';
import { suggestMapping, validateMapping, type FieldMapping } from './mapping';
import { describeProblem } from './problem';
import { readTable } from './read';
import { acme, counter, fixture } from './test-helpers';

/** A buyer's export through the wizard with every guess accepted (or the mapping given), and what it leaves behind. */
function imported(name: string, change: FieldMapping = {}) {
	const read = readTable(fixture(name), name);
	if (!read.ok) throw new Error(read.problems.map(describeProblem).join('\n'));
	const { header, rows } = read.table;
	const guess = formatGuesses(rows);
	const mapping = { ...suggestMapping('po', header), ...change };
	expect(validateMapping('po', mapping, header)).toEqual([]);
	const r = convertPos(read.table, mapping, { decimal: guess.decimal, dateOrder: guess.dateOrder }, { fileName: name, customerId: 'c1', customers: [acme], today: '2027-02-01', idGen: counter() });
	if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
	const notImported = unmappedColumns(header, columnExamples(header.length, rows), mapping);
	return { read, guess, mapping, pos: r.groups, warnings: r.warnings, notImported };
}

const lineFields = (pos: ReturnType<typeof imported>['pos']) =>
	pos.flatMap(({ po, lines }) => lines.map((l) => [po.number, l.lineNo, l.buyerItemCode, l.description, l.qtyMilli, l.unit, l.unitPriceCents, l.extendedCents, l.costCenter, l.needBy]));

describe('CSV corpus: columns every export names its own way', () => {
	it('po-unmapped-columns.csv: the columns with data that no field takes are named with an example; the empty one is not', () => {
		const r = imported('po-unmapped-columns.csv');
		expect(r.mapping).toEqual({ poNumber: 'PO Number', buyer: 'Buyer', issueDate: 'PO Date', lineNo: 'Line', buyerItemCode: 'Item', description: 'Description', quantity: 'Qty', unit: 'UOM', unitPrice: 'Unit Price', extended: 'Extended', needBy: 'Need By' });
		expect(r.notImported).toEqual([
			{ column: 'Promised', example: '03/05/2027' },
			{ column: 'Charge To', example: '6100-220' },
			{ column: 'Buyer Contact', example: 'dana.ruiz@harborpoint.example' }
		]);
		expect(r.pos.map((p) => [p.po.number, p.po.buyer, p.po.issueDate, p.lines.length])).toEqual([
			['4500071234', 'Ruiz, Dana', '2027-02-01', 7],
			['4500071240', 'Ruiz, Dana', '2027-02-03', 2]
		]);
		expect(lineFields(r.pos)[0]).toEqual(['4500071234', 1, 'HV-100', 'Filter, pleated, 20x25x2', 24000, 'ea', 850, 20400, '', '2027-03-01']);
		expect(r.warnings).toEqual([]);
	});

	it('po-unmapped-columns.csv: Charge To mapped to the cost centre in the review fills every line, and is no longer listed', () => {
		const r = imported('po-unmapped-columns.csv', { costCenter: 'Charge To' });
		expect(r.pos.flatMap((p) => p.lines.map((l) => l.costCenter))).toEqual(['6100-220', '6100-220', '6100-220', '6100-225', '6100-225', '6100-225', '6100-225', '6200-110', '6200-110']);
		expect(r.notImported.map((c) => c.column)).toEqual(['Promised', 'Buyer Contact']);
	});

	it('sap-bestellung.csv: SAP German screen texts, Windows-1252, semicolons and decimal commas', () => {
		const r = imported('sap-bestellung.csv');
		expect([r.read.encoding, r.read.delimiter, r.guess.decimal, r.guess.dateOrder]).toEqual(['windows-1252', ';', ',', 'dmy']);
		expect(r.mapping).toEqual({ poNumber: 'Bestellung', lineNo: 'Pos.', buyerItemCode: 'Material', description: 'Kurztext', quantity: 'Menge', unit: 'ME', unitPrice: 'Nettopreis', extended: 'Nettowert', costCenter: 'Kostenstelle', needBy: 'Liefertermin' });
		expect(lineFields(r.pos)).toEqual([
			['4500017788', 10, 'M-4711', 'Rückschlagventil DN 50', 2000, 'ST', 41250, 82500, 'KS-4410', '2027-03-15'],
			['4500017788', 20, '', 'Montage, Stunden', 7500, 'H', 9500, 71250, 'KS-4410', '2027-03-15'],
			['4500017788', 30, 'M-4712', 'Dichtungssatz groß', 10000, 'ST', 1234, 12340, 'KS-4410', '2027-03-22'],
			['4500017788', 40, 'M-5000', 'Umwälzpumpe', 1000, 'ST', 123450, 123450, 'KS-4420', '2027-03-29']
		]);
		// The G/L account loses to the cost centre, and is said so.
		expect(r.notImported).toEqual([
			{ column: 'Sachkonto', example: '6100220' },
			{ column: 'Währung', example: 'USD' }
		]);
		expect(r.warnings).toEqual([]);
	});

	it('oracle-po-lines.csv: Oracle column names and DD-MON-YYYY dates; NEED_BY_DATE wins over PROMISED_DATE', () => {
		const r = imported('oracle-po-lines.csv');
		expect(r.mapping).toEqual({
			poNumber: 'PO_NUMBER',
			buyer: 'AGENT_NAME',
			issueDate: 'CREATION_DATE',
			revision: 'REVISION_NUM',
			lineNo: 'LINE_NUM',
			buyerItemCode: 'ITEM_NUMBER',
			description: 'ITEM_DESCRIPTION',
			quantity: 'QUANTITY',
			unit: 'UNIT_MEAS_LOOKUP_CODE',
			unitPrice: 'UNIT_PRICE',
			extended: 'AMOUNT',
			costCenter: 'CHARGE_ACCOUNT',
			needBy: 'NEED_BY_DATE'
		});
		expect(r.pos.map((p) => [p.po.number, p.po.buyer, p.po.issueDate, p.po.revision])).toEqual([['20417', 'Okafor, Chidi', '2027-01-04', 1]]);
		expect(lineFields(r.pos)).toEqual([
			['20417', 1, 'FLT-2025', 'Pleated filter 20x25x2', 48000, 'Each', 795, 38160, '01-510-6100-220-0000', '2027-02-01'],
			// No need-by date on the line: the promised date is not taken in its place, and is listed.
			['20417', 2, 'LAB-HVAC', 'HVAC technician labor', 12000, 'Hour', 9500, 114000, '01-510-6100-225-0000', null],
			['20417', 3, '', 'Emergency callout', 1000, 'Each', 25000, 25000, '01-510-6100-225-0000', '2027-02-15']
		]);
		expect(r.notImported).toEqual([
			{ column: 'PROMISED_DATE', example: '29-JAN-2027' },
			{ column: 'VENDOR_NAME', example: 'Brightline Mechanical LLC' },
			{ column: 'CURRENCY_CODE', example: 'USD' },
			{ column: 'SHIP_TO_LOCATION', example: 'HPT-A Dock 2' }
		]);
	});

	it('coupa-po-lines.csv: Coupa headers fill the account code, need-by date, total, requester, payment term and created date', () => {
		const r = imported('coupa-po-lines.csv');
		expect(r.mapping).toEqual({
			poNumber: 'PO Number',
			buyer: 'Requester',
			issueDate: 'Created Date',
			terms: 'Payment Term',
			lineNo: 'Line Num',
			description: 'Description',
			quantity: 'Quantity',
			unit: 'UOM Code',
			unitPrice: 'Price',
			extended: 'Total',
			costCenter: 'Account Code',
			needBy: 'Need By Date'
		});
		expect(r.pos.map((p) => [p.po.number, p.po.buyer, p.po.issueDate, p.po.terms])).toEqual([['10452', 'Maya Chen', '2027-01-28', 'Net 45']]);
		expect(lineFields(r.pos)).toEqual([
			['10452', 1, '', 'Quarterly PM visit - RTU 1-4', 4000, 'EA', 28500, 114000, 'HPT-A-Facilities-6100', '2027-02-15'],
			['10452', 2, '', 'Filter set 20x25x2 (12-pack)', 2000, 'EA', 9600, 19200, 'HPT-A-Facilities-6100', '2027-02-15'],
			['10452', 3, '', 'After-hours surcharge', 1000, 'EA', 15000, 15000, 'HPT-A-Facilities-6110', null]
		]);
		expect(r.notImported).toEqual([
			{ column: 'Line Type', example: 'Qty' },
			{ column: 'Status', example: 'issued' },
			{ column: 'Supplier Part Num', example: 'BLM-PM4' },
			{ column: 'Currency', example: 'USD' },
			{ column: 'Commodity', example: 'Facilities Maintenance' }
		]);
	});
});
