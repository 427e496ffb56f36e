import { describe, expect, it } from 'vitest';
import { computedMoneyCol, intCol, moneyCol, textCol } from './columns';
import { columnsInView, previewColumns, previewSteps } from './preview';

interface Row {
	id: string;
	lineNo: number;
	description: string;
	unitPriceCents: number;
}

const row: Row = { id: 'a', lineNo: 3, description: '<b>Pump</b>', unitPriceCents: 123450 };

describe('previewColumns', () => {
	it('puts pinned-left columns first, as the grid does, and keeps headers and widths', () => {
		const cols = previewColumns<Row>([textCol<Row>('description', 'Description', { width: 260 }), intCol<Row>('lineNo', 'Line', { pinned: 'left' })]);
		expect(cols.map((c) => [c.header, c.width])).toEqual([
			['Line', 80],
			['Description', 260]
		]);
	});

	it('formats values with the column formatter and right-aligns numbers', () => {
		const [price, line, desc] = previewColumns<Row>([moneyCol<Row>('unitPriceCents', 'Unit price'), intCol<Row>('lineNo', 'Line'), textCol<Row>('description', 'Description')]);
		expect(price!.text(row)).toBe('$1,234.50');
		expect(price!.right).toBe(true);
		expect(line!.text(row)).toBe('3');
		expect(desc!.right).toBe(false);
		// Text stays text: the component renders it through a text node.
		expect(desc!.text(row)).toBe('<b>Pump</b>');
	});

	it('reads computed columns through their value getter', () => {
		const [c] = previewColumns<Row>([computedMoneyCol<Row>('double', 'Twice', (r) => r.unitPriceCents * 2)]);
		expect(c!.key).toBe('double');
		expect(c!.text(row)).toBe('$2,469.00');
	});

	it('leaves hidden columns out and gives unsized columns the grid default width', () => {
		const cols = previewColumns<Row>([
			{ field: 'description', headerName: 'Description' },
			{ field: 'lineNo', headerName: 'Line', hide: true }
		]);
		expect(cols.map((c) => [c.header, c.width])).toEqual([['Description', 200]]);
	});
});

describe('columnsInView', () => {
	const cols = [{ width: 100 }, { width: 200 }, { width: 50 }];
	it('keeps every column that starts inside the width, the marker column counted first', () => {
		expect(columnsInView(cols, 301, false)).toEqual(cols);
		expect(columnsInView(cols, 300, false)).toEqual(cols.slice(0, 2));
		expect(columnsInView(cols, 101, false)).toEqual(cols.slice(0, 2));
		expect(columnsInView(cols, 158, true)).toEqual(cols.slice(0, 1));
		expect(columnsInView(cols, 159, true)).toEqual(cols.slice(0, 2));
	});
});

describe('previewSteps', () => {
	const rows = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, n: 40 - i }));
	const ordered = (rs: typeof rows) => [...rs].sort((a, b) => a.n - b.n);

	it('paints the top few rows in order first, then as many as fit', () => {
		const { first, all } = previewSteps(rows, ordered, 12, false, 2000);
		expect(first.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
		expect(all.map((r) => r.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
	});

	it('draws nothing over an early drawing of the true top rows, or for a set too big to sort now', () => {
		expect(previewSteps(rows, ordered, 12, true, 2000)).toEqual({ first: [], all: [] });
		expect(previewSteps(rows, ordered, 12, false, 39)).toEqual({ first: [], all: [] });
	});
});
