import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computedMoneyCol, intCol, moneyCol, textCol } from './columns';
import { columnKinds, defaultColumns, fullColumns, layoutColumns, parseStored, reordersRows, sanitiseView, viewOf, type GridView } from './view-state';
import { previewColumns } from './preview';

interface Row {
	id: string;
	lineNo: number;
	description: string;
	priceCents: number;
}

const columns = [
	intCol<Row>('lineNo', 'Line', { sort: 'asc' }),
	textCol<Row>('description', 'Description', { width: 260 }),
	moneyCol<Row>('priceCents', 'Price'),
	computedMoneyCol<Row>('double', 'Twice', (r) => r.priceCents * 2)
];
const kinds = columnKinds(columns);

describe('sanitiseView', () => {
	it('keeps what the grid can take and drops columns that no longer exist, bad widths and foreign filters', () => {
		const raw = {
			columns: [
				{ colId: 'description', width: 999999, hide: 'yes', sort: 'sideways' },
				{ colId: 'gone', width: 100 },
				{ colId: 'priceCents', width: 'wide', hide: true, sort: 'desc', sortIndex: 0 },
				{ colId: 'priceCents', width: 10 },
				'junk'
			],
			filter: {
				description: { filterType: 'text', type: 'contains', filter: 'pump' },
				priceCents: { filterType: 'text', type: 'contains', filter: 'x' },
				gone: { filterType: 'text', type: 'contains', filter: 'x' },
				double: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'inRange', filter: 1, filterTo: 5 }, { filterType: 'number', type: 'blank' }] },
				lineNo: { filterType: 'number', type: 'lessThan', filter: '3' }
			},
			search: 42
		};
		expect(sanitiseView(raw, kinds)).toEqual({
			columns: [
				{ colId: 'description', width: 2000 },
				{ colId: 'priceCents', hide: true, sort: 'desc', sortIndex: 0 }
			],
			filter: {
				description: { filterType: 'text', type: 'contains', filter: 'pump' },
				double: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'inRange', filter: 1, filterTo: 5 }, { filterType: 'number', type: 'blank' }] }
			},
			search: ''
		});
	});

	it('never throws and never passes on a column it does not know, whatever is stored', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (raw) => {
				const view = sanitiseView(raw, kinds);
				if (!view) return;
				for (const c of view.columns) expect(kinds.has(c.colId)).toBe(true);
				for (const id of Object.keys(view.filter)) expect(kinds.has(id)).toBe(true);
			})
		);
		for (const json of ['', 'not json', '{"v":2}', '[1,2]', 'null', '{"v":1,"current":7,"named":[{"name":" "},{"name":"A"},{"name":"a"}]}']) {
			const stored = parseStored(json, kinds);
			expect(stored.current).toBeNull();
			expect(stored.named.map((n) => n.name)).toEqual(json.includes('"A"') ? ['A'] : []);
		}
	});
});

describe('a view through storage', () => {
	it('comes back as it went in (JSON round trip), and sanitising it again changes nothing', () => {
		const view = viewOf(
			[
				{ colId: 'priceCents', width: 150, hide: false, pinned: null, sort: 'desc', sortIndex: 0 },
				{ colId: 'lineNo', width: 84, hide: false, pinned: 'left', sort: null, sortIndex: null },
				{ colId: 'description', width: 300, hide: true, pinned: null, sort: null, sortIndex: null },
				{ colId: 'double', width: 120, hide: false, pinned: null, sort: null, sortIndex: null }
			],
			{ description: { filterType: 'text', type: 'contains', filter: 'pump' } },
			'valve',
			kinds
		);
		const stored = parseStored(JSON.stringify({ v: 1, current: view, named: [{ name: '  Open  items ', view }] }), kinds);
		expect(stored.current).toEqual(view);
		expect(stored.named).toEqual([{ name: 'Open items', view }]);
		expect(sanitiseView(JSON.parse(JSON.stringify(view)), kinds)).toEqual(view);
	});
});

describe('layout from a view', () => {
	const view: GridView = {
		columns: [
			{ colId: 'priceCents', width: 150, sort: 'desc' },
			{ colId: 'description', width: 300, hide: true }
		],
		filter: {},
		search: ''
	};

	it('orders, sizes and hides columns as the view says; a column it does not name keeps its default place', () => {
		const full = fullColumns(defaultColumns(columns), view);
		// New columns go right after the column before them by default: Twice after Price.
		expect(full.map((c) => c.colId)).toEqual(['lineNo', 'priceCents', 'double', 'description']);
		// The view's sort is whole: the default sort on Line no longer applies.
		expect(full.map((c) => c.sort)).toEqual([null, 'desc', null, null]);
		const preview = previewColumns(layoutColumns(columns, view));
		expect(preview.map((c) => [c.key, c.width])).toEqual([
			['lineNo', 80],
			['priceCents', 150],
			['double', 120]
		]);
	});

	it('is the definitions themselves with no view', () => {
		expect(previewColumns(layoutColumns(columns, null))).toEqual(expect.objectContaining({ length: 4 }));
		expect(fullColumns(defaultColumns(columns), null).map((c) => c.sort)).toEqual(['asc', null, null, null]);
	});

	it('says when the rows would not open in the default order', () => {
		expect(reordersRows(columns, null)).toBe(false);
		expect(reordersRows(columns, { columns: [{ colId: 'description', width: 90 }], filter: {}, search: '' })).toBe(false);
		expect(reordersRows(columns, view)).toBe(true);
		expect(reordersRows(columns, { columns: [], filter: {}, search: 'x' })).toBe(true);
		expect(reordersRows(columns, { columns: [{ colId: 'lineNo', sort: 'asc' }], filter: {}, search: '' })).toBe(false);
	});
});
