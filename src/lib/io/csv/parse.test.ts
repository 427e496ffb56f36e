import { describe, expect, it } from 'vitest';
import { listRows, parseTable } from './parse';

const parse = (text: string, headerRow = 1, delimiter: ',' | ';' | '\t' = ',') => parseTable(text, { delimiter, headerRow, fileName: 'f.csv' });
const ok = (text: string, headerRow = 1) => {
	const r = parse(text, headerRow);
	if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
	return r;
};
const problems = (text: string, headerRow = 1) => {
	const r = parse(text, headerRow);
	if (r.ok) throw new Error('parsed');
	return r.problems.map((p) => [p.row, p.message]);
};

describe('parseTable', () => {
	it('numbers rows as a spreadsheet does: title rows, quoted line breaks as one row, blank rows counted', () => {
		const r = ok('Title\nA,B\n"x\ny",1\n\n2,3\n', 2);
		expect(r.header).toEqual(['A', 'B']);
		expect(r.rows).toEqual([
			{ row: 3, cells: ['x\ny', '1'] },
			{ row: 5, cells: ['2', '3'] }
		]);
	});

	it('names blank and repeated header cells so a mapping can point at each column, with a warning', () => {
		const r = ok('Qty,,qty\n1,2,3\n');
		expect(r.header).toEqual(['Qty', 'Column 2', 'qty (2)']);
		expect(r.warnings.map((w) => w.column)).toEqual(['Column 2', 'qty (2)']);
	});

	it('lists every row with extra non-empty cells and every quote fault, then refuses', () => {
		expect(problems('A,B\n1,2,3\n4,5\n6,7,8,9\n')).toEqual([
			[2, 'Row 2 has 3 cells but the header (row 1) has 2: cell 3 is under no column'],
			[4, 'Row 4 has 4 cells but the header (row 1) has 2: cells 3–4 are under no column']
		]);
		expect(problems('A,B\n"x"y,1\n')).toEqual([
			[2, 'Row 2 has a quoted cell with text after its closing quote (a quote inside a cell must be doubled: "")'],
			[2, 'A quote opened on row 2 is never closed, so the rest of the file would be read as one cell']
		]);
	});

	it('reads short rows with their missing cells empty, and names every one in one warning', () => {
		const r = ok('A,B,C\n1,2,3\n4\n5,6\n7,8,9\n');
		expect(r.rows.map((x) => x.cells)).toEqual([['1', '2', '3'], ['4', '', ''], ['5', '6', ''], ['7', '8', '9']]);
		expect(r.warnings.map((w) => [w.row, w.severity, w.message])).toEqual([[3, 'warning', 'Rows 3 and 4 have fewer cells than the header (row 1, 3 cells): the cells missing at the end are read as empty']]);
		expect(ok('A,B\n1\n').warnings.map((w) => w.message)).toEqual(['Row 2 has fewer cells than the header (row 1, 2 cells): the cells missing at the end are read as empty']);
		expect(ok('A,B\n1,2\n').warnings).toEqual([]);
	});

	it('lists twenty rows, then how many more', () => {
		expect(listRows([5])).toBe('5');
		expect(listRows([5, 9, 12])).toBe('5, 9 and 12');
		const many = Array.from({ length: 1234 }, (_, i) => i + 2);
		expect(listRows(many)).toBe(`${many.slice(0, 20).join(', ')} and 1,214 more`);
	});

	it('reports an unterminated quote at the row that opens it, even past a chunk boundary', () => {
		const filler = Array.from({ length: 30000 }, (_, i) => `${i},some text that fills the first chunk`).join('\n');
		const r = parse(`A,B\n${filler}\n"open,1\n${filler}\n`);
		expect(r.ok ? [] : r.problems.map((p) => p.row)).toEqual([30002]);
	});

	it('refuses a header row past the end and a header without rows', () => {
		expect(problems('A,B\n', 5)).toEqual([[5, 'f.csv has no row 5 to use as the header: it has 2 rows']]);
		expect(problems('A,B\n\n,\n')).toEqual([[1, 'f.csv has a header (row 1) but no rows']]);
	});
});
