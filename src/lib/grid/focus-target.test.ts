import { describe, expect, it } from 'vitest';
import type { ColDef, GridApi } from 'ag-grid-community';
import { firstEditableField, focusTarget } from './focus-target';

type Row = { id: string; code: string; qty: number };
const columns: ColDef<Row>[] = [{ colId: 'findings' }, { field: 'code', editable: true }, { field: 'qty', editable: true }];

/** The calls a grid gets, for rows `present` at their index. */
function fakeApi(present: Record<string, number>, hidden: string[] = []) {
	const calls: unknown[][] = [];
	const api = {
		getColumn: (col: string) => ({ isVisible: () => !hidden.includes(col) }),
		setColumnsVisible: (cols: string[], visible: boolean) => calls.push(['shown', cols, visible]),
		getRowNode: (id: string) => (id in present ? { rowIndex: present[id] } : undefined),
		ensureNodeVisible: (n: { rowIndex: number }, where: string) => calls.push(['row', n.rowIndex, where]),
		ensureColumnVisible: (col: string) => calls.push(['column', col]),
		setFocusedCell: (i: number, col: string) => calls.push(['focus', i, col])
	};
	return { api: api as unknown as GridApi<Row>, calls };
}

describe('focusTarget', () => {
	it('scrolls the row and the column into view, then focuses the cell', () => {
		const { api, calls } = fakeApi({ r7: 6 });
		expect(focusTarget(api, columns, { id: 'r7', field: 'qty' })).toBe(true);
		expect(calls).toEqual([
			['row', 6, 'middle'],
			['column', 'qty'],
			['focus', 6, 'qty']
		]);
	});

	it('shows the column again when the person had hidden it, so the focused cell can be seen', () => {
		const { api, calls } = fakeApi({ r7: 6 }, ['qty']);
		focusTarget(api, columns, { id: 'r7', field: 'qty' });
		expect(calls).toEqual([
			['shown', ['qty'], true],
			['row', 6, 'middle'],
			['column', 'qty'],
			['focus', 6, 'qty']
		]);
	});

	it('waits for a row that is not in the grid yet', () => {
		const { api, calls } = fakeApi({});
		expect(focusTarget(api, columns, { id: 'r7', field: 'qty' })).toBe(false);
		expect(calls).toEqual([]);
	});

	it('reaches the row by its first column when the grid has no column for the field', () => {
		const { api, calls } = fakeApi({ r1: 0 });
		focusTarget(api, columns, { id: 'r1', field: 'gone' });
		expect(calls.at(-1)).toEqual(['focus', 0, 'findings']);
	});

	it('a new row is typed into at its first editable column', () => {
		expect(firstEditableField(columns)).toBe('code');
		expect(firstEditableField([{ field: 'qty' }])).toBeUndefined();
	});
});
