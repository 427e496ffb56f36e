import { describe, expect, it } from 'vitest';
import { columnExamples, EXAMPLE_CELL, unmappedColumns } from './columns';

const rows = (...cells: string[][]) => cells.map((c, i) => ({ row: i + 2, cells: c }));

describe('columns with data', () => {
	it('finds the first non-blank cell of each column anywhere in the file, and null for a column with none', () => {
		const many = Array.from({ length: 500 }, () => ['PO-1', '', '   ', '']);
		many.push(['PO-1', '', '', 'late value']);
		expect(columnExamples(4, [...rows(['PO-1', ' ', '', ''], ['PO-1', '6100-220', '', ''], ...many)])).toEqual(['PO-1', '6100-220', null, 'late value']);
	});

	it('clips a long example and puts line breaks on one line', () => {
		const [a, b] = columnExamples(2, rows(['x'.repeat(100), 'two\nlines']));
		expect(a).toBe(`${'x'.repeat(EXAMPLE_CELL)}…`);
		expect(b).toBe('two lines');
	});

	it('lists the columns with data that no field takes, in file order, with their examples', () => {
		const header = ['PO Number', 'Account', 'Comments', 'Promised', 'Line'];
		const examples = ['4500', '6100-220', null, '12/03/2026', '1'];
		expect(unmappedColumns(header, examples, { poNumber: 'PO Number', lineNo: 'Line', costCenter: '' })).toEqual([
			{ column: 'Account', example: '6100-220' },
			{ column: 'Promised', example: '12/03/2026' }
		]);
		expect(unmappedColumns(header, examples, { poNumber: 'PO Number', lineNo: 'Line', costCenter: 'Account', needBy: 'Promised' })).toEqual([]);
	});
});
