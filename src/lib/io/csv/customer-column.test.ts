import { describe, expect, it } from 'vitest';
import { MAX_RANGES, namesInColumn } from './customer-column';
import type { ParsedTable } from './parse';

const table = (names: string[], firstRow = 2): ParsedTable =>
	({ header: ['PO', 'Customer'], rows: names.map((n, i) => ({ row: firstRow + i, cells: [`P${i}`, n] })), warnings: [] }) as unknown as ParsedTable;

describe('namesInColumn', () => {
	it('lists each name once with its rows as runs, spellings that read the same together, blank cells left out', () => {
		const names = namesInColumn(table(['Harbor Point', 'Harbor Point', 'Acme Inc.', ' ', 'HARBOR POINT', 'acme inc', 'Acme Inc.']), 'Customer');
		expect(names.map((n) => [n.name, n.ranges, n.more])).toEqual([
			['Harbor Point', [[2, 3], [6, 6]], 0],
			['Acme Inc.', [[4, 4], [7, 8]], 0]
		]);
	});

	it('counts the rows beyond the runs it lists', () => {
		const scattered = Array.from({ length: 2 * (MAX_RANGES + 5) }, (_, i) => (i % 2 ? 'Other' : 'Acme'));
		const acme = namesInColumn(table(scattered), 'Customer')[0]!;
		expect(acme.ranges).toHaveLength(MAX_RANGES);
		expect(acme.more).toBe(5);
	});

	it('a column the file does not have names nobody', () => {
		expect(namesInColumn(table(['Acme']), 'Client')).toEqual([]);
	});
});
