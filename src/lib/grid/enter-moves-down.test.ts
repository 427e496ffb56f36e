import { describe, expect, it } from 'vitest';
import { enterMovesDown } from './enter-moves-down';

/** A grid of `rows` rows, enough of AG Grid's API to focus, edit and scroll. */
function fakeGrid(rows: number) {
	const col = (id: string) => ({ getColId: () => id });
	const state = { focus: null as { rowIndex: number; colId: string } | null, editing: false, scrolledTo: [] as number[], editStartedBy: null as string | null };
	const at = () => (state.focus ? { rowIndex: state.focus.rowIndex, column: col(state.focus.colId), rowPinned: null } : null);
	const api = {
		getEditingCells: () => (state.editing && at() ? [at()!] : []),
		getFocusedCell: at,
		getDisplayedRowCount: () => rows,
		ensureIndexVisible: (i: number) => void state.scrolledTo.push(i),
		setFocusedCell: (rowIndex: number, colId: string) => void (state.focus = { rowIndex, colId }),
		startEditingCell: (p: { rowIndex: number; colKey: string; key?: string }) => {
			state.focus = { rowIndex: p.rowIndex, colId: p.colKey };
			state.editing = true;
			state.editStartedBy = p.key ?? null;
		}
	};
	return { api: api as never, state };
}

/** A key press; `stopped` says whether it was kept from the grid. */
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => {
	const e = { key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, stopped: false, defaultPrevented: false, ...mods };
	return Object.assign(e, { preventDefault: () => void (e.defaultPrevented = true), stopPropagation: () => void (e.stopped = true) });
};

/** A scheduler the test fires by hand: "the frame has been painted". */
function frames() {
	const waiting: (() => void)[] = [];
	return { later: () => new Promise<void>((r) => waiting.push(r)), paint: async () => (waiting.splice(0).forEach((r) => r()), await Promise.resolve()) };
}

/** A grid of `rows` rows editing the cell at `rowIndex` in `colId`, with the move wired to a hand-fired frame. */
function editing(rows: number, rowIndex: number, colId: string) {
	const grid = fakeGrid(rows);
	const f = frames();
	const move = enterMovesDown(grid.api, f.later);
	grid.state.focus = { rowIndex, colId };
	grid.state.editing = true;
	return { grid, f, move };
}

/** Enter pressed in an editor: the grid then ends the edit and keeps the cell focused. */
function pressEnter(grid: ReturnType<typeof fakeGrid>, move: ReturnType<typeof enterMovesDown>, mods: Partial<KeyboardEvent> = {}) {
	move.onKeydown(key('Enter', mods));
	grid.state.editing = false;
}

/** An edit of row 0 ended with Enter, then `k` pressed before the move's frame. */
function pressedBeforeMove(k: string) {
	const { grid, move } = editing(10, 0, 'description');
	pressEnter(grid, move);
	const event = key(k);
	move.onKeydown(event);
	return { state: grid.state, event };
}

describe('Enter after an edit moves the cursor, once the edit is painted', () => {
	it('moves a row down after the paint, not during the key press, and scrolls that row into view', async () => {
		const { grid, f, move } = editing(10, 3, 'qtyMilli');
		pressEnter(grid, move);
		expect(grid.state.focus).toEqual({ rowIndex: 3, colId: 'qtyMilli' });
		await f.paint();
		expect(grid.state.focus).toEqual({ rowIndex: 4, colId: 'qtyMilli' });
		expect(grid.state.scrolledTo).toEqual([4]);
	});

	it('Shift+Enter moves up; nothing moves past the first or last row', async () => {
		const { grid, f, move } = editing(2, 1, 'rateCents');
		pressEnter(grid, move, { shiftKey: true });
		await f.paint();
		expect(grid.state.focus).toEqual({ rowIndex: 0, colId: 'rateCents' });
		grid.state.editing = true;
		pressEnter(grid, move, { shiftKey: true });
		await f.paint();
		expect(grid.state.focus?.rowIndex).toBe(0);
		grid.state.focus = { rowIndex: 1, colId: 'rateCents' };
		grid.state.editing = true;
		pressEnter(grid, move);
		await f.paint();
		expect(grid.state.focus?.rowIndex).toBe(1);
	});

	it('a key pressed before the paint moves first, so it lands on the next row as it would have', async () => {
		const { grid, f, move } = editing(10, 0, 'qtyMilli');
		pressEnter(grid, move);
		const seven = key('7');
		move.onKeydown(seven);
		// The grid would have started editing the cell the key was aimed at (row 0): it is kept from it
		// and the edit starts on row 1 with the key typed.
		expect(seven.stopped && seven.defaultPrevented).toBe(true);
		expect(grid.state).toMatchObject({ focus: { rowIndex: 1, colId: 'qtyMilli' }, editing: true, editStartedBy: '7' });
		await f.paint();
		expect(grid.state.focus).toEqual({ rowIndex: 1, colId: 'qtyMilli' });
	});

	// Regression: typing two edits fast (Enter, text, Enter, Enter, text), the second went into the
	// first row, because the grid had already routed the second Enter to the cell the first edit ended in.
	it('Enter pressed again before the paint starts editing the next row, not the one just edited', () => {
		const { state, event } = pressedBeforeMove('Enter');
		expect(event.stopped).toBe(true);
		expect(state).toMatchObject({ focus: { rowIndex: 1, colId: 'description' }, editing: true, editStartedBy: 'Enter' });
	});

	it('a navigation key pressed before the paint still moves first and is left to the grid', () => {
		const { state, event } = pressedBeforeMove('ArrowDown');
		expect(event.stopped).toBe(false);
		expect(state).toMatchObject({ focus: { rowIndex: 1, colId: 'description' }, editing: false });
	});

	it('a cell focused elsewhere before the paint keeps the focus', async () => {
		const { grid, f, move } = editing(10, 5, 'qtyMilli');
		pressEnter(grid, move);
		grid.state.focus = { rowIndex: 8, colId: 'description' };
		await f.paint();
		expect(grid.state.focus).toEqual({ rowIndex: 8, colId: 'description' });
	});

	it('Enter outside an editor, or with Ctrl, Alt or Meta, is left to the grid', async () => {
		const { grid, f, move } = editing(10, 2, 'qtyMilli');
		grid.state.editing = false;
		move.onKeydown(key('Enter'));
		for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const) {
			grid.state.editing = true;
			pressEnter(grid, move, { [mod]: true });
		}
		await f.paint();
		expect(grid.state.focus).toEqual({ rowIndex: 2, colId: 'qtyMilli' });
	});
});
