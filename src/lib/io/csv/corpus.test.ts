import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newCustomer } from '$lib/domain/factories';
import type { DateOrder } from '$lib/domain/dates';
import { convertPos, type ImportedPo } from './convert-po';
import { suggestMapping, validateMapping } from './mapping';
import { describeProblem, type ImportProblem } from './problem';
import { readTable } from './read';
import type { DecimalSeparator } from './values';

const dir = fileURLToPath(new URL('../../../../tests/fixtures/csv/', import.meta.url));
const bytes = (name: string) => new Uint8Array(readFileSync(dir + name));
const customer = newCustomer('c1', { name: 'Acme Facilities', defaultTerms: 'Net 45' });

function ids() {
	let n = 0;
	return () => `id${++n}`;
}

type Imported = { ok: true; pos: ImportedPo[]; warnings: ImportProblem[]; readWarnings: ImportProblem[]; headerRow: number; delimiter: string } | { ok: false; problems: ImportProblem[] };

/** The whole PO import as the wizard runs it, with every guess accepted. */
function importPo(name: string, decimal: DecimalSeparator = '.', dateOrder: DateOrder = 'mdy'): Imported {
	const read = readTable(bytes(name), name);
	if (!read.ok) return read;
	const mapping = suggestMapping('po', read.table.header);
	expect(validateMapping('po', mapping, read.table.header)).toEqual([]);
	const r = convertPos(read.table, mapping, { decimal, dateOrder }, { fileName: name, customerId: 'c1', customers: [customer], today: '2027-02-01', idGen: ids() });
	if (!r.ok) return r;
	return { ok: true, pos: r.groups, warnings: r.warnings, readWarnings: read.table.warnings, headerRow: read.headerRow, delimiter: read.delimiter };
}

function imported(name: string, decimal: DecimalSeparator = '.', dateOrder: DateOrder = 'mdy') {
	const r = importPo(name, decimal, dateOrder);
	if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
	return r;
}

function refused(name: string) {
	const r = importPo(name);
	if (r.ok) throw new Error(`${name} imported but should be refused`);
	return r.problems;
}

const descriptions = (r: { pos: ImportedPo[] }) => r.pos.flatMap((p) => p.lines.map((l) => l.description));

describe('CSV corpus: credit lines in every notation buyers write (domain.md, "Credit line")', () => {
	it('credit-lines.csv: -150.00, (150.00) and 150.00- as unit prices, (2) as a returned quantity', () => {
		const r = imported('credit-lines.csv');
		const { po, lines } = r.pos[0]!;
		expect(po).toMatchObject({ number: '7100', issueDate: '2027-03-01' });
		expect(lines.map((l) => [l.lineNo, l.buyerItemCode, l.qtyMilli, l.unitPriceCents, l.extendedCents])).toEqual([
			[1, 'SVC-1', 1000, 120000, 120000],
			[2, 'DISC-A', 1000, -15000, -15000],
			[3, 'DISC-B', 1000, -15000, -15000],
			[4, 'DISC-C', 1000, -15000, -15000],
			[5, 'FLT-20', -2000, 1250, -2500]
		]);
		expect(r.warnings).toEqual([]);
	});

	it('credit-lines-1252.csv: a Windows-1252 semicolon export with (150,00), -150,00 and 150,00- (regression: refused whole as "Unit price must be at least 0")', () => {
		const r = imported('credit-lines-1252.csv', ',', 'dmy');
		expect(r.delimiter).toBe(';');
		const { po, lines } = r.pos[0]!;
		expect(po).toMatchObject({ number: '4720', issueDate: '2027-03-01' });
		expect(lines.map((l) => [l.lineNo, l.description, l.qtyMilli, l.unitPriceCents, l.extendedCents])).toEqual([
			[10, 'Wartung K\u00e4lteanlage', 1000, 120000, 120000],
			[20, 'Gutschrift R\u00fccksendung \u2013 Filter', 1000, -15000, -15000],
			[30, 'Rabatt', 1000, -15000, -15000],
			[40, 'Treuerabatt', 1000, -15000, -15000],
			[50, 'R\u00fccksendung Filter', -2000, 1250, -2500]
		]);
		expect(r.warnings).toEqual([]);
	});
});

describe('CSV corpus: files that import', () => {
	it('comma in quotes, $1,234.50 amounts and US dates', () => {
		const r = imported('comma-in-quotes.csv');
		expect(r.pos).toHaveLength(1);
		const { po, lines } = r.pos[0]!;
		expect(po).toMatchObject({ number: '4500012345', customerId: 'c1', buyer: 'Ruiz, Dana', issueDate: '2027-01-05', terms: 'Net 45' });
		expect(lines.map((l) => [l.lineNo, l.buyerItemCode, l.description, l.qtyMilli, l.unit, l.unitPriceCents, l.extendedCents, l.costCenter, l.needBy])).toEqual([
			[1, 'HV-100', 'Filter, pleated, 20x25', 12000, 'ea', 850, 10200, 'B12', '2027-01-20'],
			[2, 'HV-200', 'Fan motor', 2000, 'ea', 123450, 246900, 'B12', null]
		]);
		expect(r.warnings).toEqual([]);
	});

	it('doubled quotes inside quoted cells', () => {
		expect(descriptions(imported('escaped-quotes.csv'))).toEqual(['Belt "A" section', '3/4" copper elbow', '"Quoted" at both ends "']);
	});

	it('line breaks inside quoted cells, LF file', () => {
		const r = imported('newlines-lf.csv');
		expect(descriptions(r)).toEqual(['Replace lamp\nlevel 2, bay 4', 'Ballast']);
		expect(r.pos[0]!.lineRows).toEqual([2, 3]);
	});

	it('line breaks inside quoted cells, CRLF file (CRLF and a bare LF inside cells)', () => {
		const r = imported('newlines-crlf.csv');
		expect(descriptions(r)).toEqual(['Two lines\r\nin a CRLF cell', 'LF only\ninside a CRLF file']);
		expect(r.pos[0]!.lines.map((l) => l.unitPriceCents)).toEqual([200, 100]);
	});

	it('UTF-8 with a byte-order mark: the mark is not part of the first header', () => {
		const r = imported('utf8-bom.csv');
		expect(r.pos[0]!.po.number).toBe('7004');
		expect(descriptions(r)).toEqual(['Café au lait machine descaler', 'Größe M gloves – box']);
	});

	it('Windows-1252 (é as byte 0xE9) falls back from UTF-8 and keeps the accents', () => {
		expect(descriptions(imported('windows-1252.csv'))).toEqual(['Café counter repair – labour', 'Müller valve']);
	});

	it('semicolons, decimal comma, German headers and day-first dates', () => {
		const r = imported('semicolon-decimal-comma.csv', ',', 'dmy');
		expect(r.delimiter).toBe(';');
		expect(r.pos[0]!.lines.map((l) => [l.lineNo, l.buyerItemCode, l.description, l.qtyMilli, l.unit, l.unitPriceCents, l.extendedCents, l.costCenter, l.needBy])).toEqual([
			[10, 'M-100', 'Rohrschelle 22 mm', 1000000, 'ST', 125, 125000, 'KS-4', '2027-02-05'],
			[20, 'M-200', 'Montage, Stunden', 7500, 'H', 123450, 925875, 'KS-4', '2027-02-28']
		]);
		expect(r.warnings).toEqual([]);
	});

	it('tab-delimited with Excel-style headers', () => {
		const r = imported('tab-delimited.tsv');
		expect(r.delimiter).toBe('\t');
		expect(r.pos[0]!.lines.map((l) => [l.buyerItemCode, l.description, l.qtyMilli, l.unit, l.unitPriceCents, l.extendedCents])).toEqual([
			['BP-1', 'Duct tape, 2 in', 6000, 'RL', 410, 2460],
			['BP-2', 'Sealant; grey', 3000, 'EA', 900, 2700]
		]);
	});

	it('title rows above the header: the header row is found and rows keep their spreadsheet numbers', () => {
		const r = imported('title-rows.csv');
		expect(r.headerRow).toBe(4);
		expect(r.pos[0]!.po.number).toBe('9100');
		expect(r.pos[0]!.lineRows).toEqual([5, 6]);
		expect(r.pos[0]!.lines.map((l) => l.unitPriceCents)).toEqual([15000, 3500]);
	});

	it('blank rows in the middle and at the end are skipped, row numbers still count them', () => {
		const r = imported('blank-lines.csv');
		expect(descriptions(r)).toEqual(['First', 'Second']);
		expect(r.pos[0]!.lineRows).toEqual([2, 5]);
	});

	it('rows ended by CRLF, LF and CR in one file all split, a line break inside a cell kept (regression: "Row 2 has 15 cells but the header has 8")', () => {
		const r = imported('mixed-line-endings.csv');
		expect(r.pos[0]!.lines.map((l) => [l.lineNo, l.description, l.unitPriceCents])).toEqual([
			[1, 'Row ended by CRLF', 1000],
			[2, 'Row ended by LF', 2000],
			[3, 'Row ended by CR, with a\nline break in its cell', 3000],
			[4, 'Last row', 4000]
		]);
		expect(r.pos[0]!.lineRows).toEqual([2, 3, 4, 5]);
	});

	it('short rows are padded and trailing empty cells dropped, and the short row is named', () => {
		const r = imported('ragged-short.csv');
		expect(r.readWarnings.map((w) => [w.row, w.message])).toEqual([[2, 'Row 2 has fewer cells than the header (row 1, 7 cells): the cells missing at the end are read as empty']]);
		expect(r.pos[0]!.lines.map((l) => [l.lineNo, l.costCenter, l.needBy])).toEqual([
			[1, '', null],
			[2, 'B1', null],
			[3, 'B2', '2027-03-01']
		]);
	});

	it('neutralised cells from an export are read back without the apostrophe', () => {
		const r = imported('neutralised.csv');
		expect(r.pos[0]!.lines.map((l) => [l.description, l.buyerItemCode])).toEqual([
			['=SUM(A1:A2)', '+1'],
			['-dash first', '@home'],
			["'plain apostrophe stays", 'X']
		]);
	});

	it('M/D/YY dates, a date with a midnight time, (150.00) and -150 amounts', () => {
		const r = imported('us-dates-and-amounts.csv');
		const { po, lines } = r.pos[0]!;
		expect(po.issueDate).toBe('2027-01-05');
		expect(lines.map((l) => [l.unitPriceCents, l.extendedCents, l.needBy])).toEqual([
			[123450, 123450, '2027-02-01'],
			[0, -15000, '2027-02-01'],
			[0, -15000, null]
		]);
		// A credit line's total is not quantity × price: kept as the file states it, with a warning on its row and column.
		expect(r.warnings.map((w) => [w.row, w.column, w.severity])).toEqual([
			[3, 'Total', 'warning'],
			[4, 'Total', 'warning']
		]);
		expect(r.warnings[0]!.message).toMatch(/-\$150\.00.*\$0\.00.*kept/);
	});
});

describe('CSV corpus: files that are refused, with the problem and its row', () => {
	it('a row with more cells than the header', () => {
		const p = refused('ragged-extra.csv');
		expect(p).toHaveLength(1);
		expect(p[0]).toMatchObject({ file: 'ragged-extra.csv', row: 3, severity: 'error' });
		expect(p[0]!.message).toMatch(/Row 3 has 6 cells but the header \(row 1\) has 5/);
	});

	it('a ragged file: every long row refuses it, and every short row is named beside them', () => {
		const p = refused('ragged-both.csv');
		expect(p.map((x) => [x.row, x.severity])).toEqual([
			[3, 'error'],
			[6, 'error'],
			[2, 'warning']
		]);
		expect(p[1]!.message).toMatch(/^Row 6 has 6 cells but the header \(row 1\) has 5/);
		expect(p[2]!.message).toBe('Rows 2 and 5 have fewer cells than the header (row 1, 5 cells): the cells missing at the end are read as empty');
	});

	it('an unterminated quote, named at the row where it opens', () => {
		const p = refused('unterminated-quote.csv');
		expect(p).toHaveLength(1);
		expect(p[0]).toMatchObject({ row: 3 });
		expect(p[0]!.message).toMatch(/quote opened on row 3 is never closed/);
	});

	it('an empty file', () => {
		const p = refused('empty.csv');
		expect(describeProblem(p[0]!)).toBe('empty.csv: empty.csv is empty: it holds no rows');
	});

	it('a header-only file', () => {
		const p = refused('header-only.csv');
		expect(p[0]).toMatchObject({ row: 1 });
		expect(p[0]!.message).toBe('header-only.csv has a header (row 1) but no rows');
	});

	it('a binary file', () => {
		expect(refused('binary.png')[0]!.message).toMatch(/binary\.png is not a text file/);
	});

	it('bad values: every problem listed with its row and column, warnings too', () => {
		const p = refused('bad-values.csv');
		const where = p.map((x) => [x.row, x.column, x.severity]);
		expect(where).toEqual([
			[2, 'PO Date', 'error'],
			[3, 'Buyer', 'error'],
			[3, 'Unit Price', 'error'],
			[4, 'Line', 'error'],
			[5, 'Extended', 'warning'],
			[6, 'Description', 'error']
		]);
		expect(p[0]!.message).toMatch(/"13\/45\/2027" is not a real calendar date/);
		expect(p[1]!.message).toBe('PO 6001: Buyer is "Ann" on row 2 but "Bob" on row 3');
		expect(p[2]!.message).toMatch(/"five" is not an amount/);
		expect(p[3]!.message).toBe('PO 6001: Line 2 is on row 3 and again on row 4');
		expect(p[5]!.message).toBe('Description is required');
	});
});
