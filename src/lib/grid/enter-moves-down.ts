import type { GridApi } from 'ag-grid-community';
import { afterPaint } from '$lib/ui/paint';

type Api = Pick<GridApi, 'getEditingCells' | 'getFocusedCell' | 'getDisplayedRowCount' | 'ensureIndexVisible' | 'setFocusedCell' | 'startEditingCell'>;
type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'preventDefault' | 'stopPropagation'>;

/** Keys that start an edit of the focused cell: a character, Enter, F2, or Backspace and Delete (which clear it). */
const startsEdit = (e: Key): boolean => !e.ctrlKey && !e.altKey && !e.metaKey && (e.key.length === 1 || ['Enter', 'F2', 'Backspace', 'Delete'].includes(e.key));

/**
 * Enter that ends an edit moves the cursor a row down (Shift+Enter: up), as in a spreadsheet,
 * but after the edited cell has been painted. AG Grid's own move (enterNavigatesVerticallyAfterEdit)
 * scrolls and focuses the next cell inside the key press, forcing two layouts before the new value
 * and its highlight can be drawn: 6–9 ms of the 35–45 ms from Enter to highlight. A key pressed
 * before the move has happened moves first, so keystrokes still land where they would have.
 */
export function enterMovesDown(api: Api, later: () => Promise<void> = afterPaint) {
	let pending: { rowIndex: number; colId: string; step: 1 | -1 } | null = null;

	/** Makes the pending move; returns where it went, or null when there was none to make. */
	function flush(): { rowIndex: number; colKey: string } | null {
		const move = pending;
		pending = null;
		if (!move || api.getEditingCells().length) return null;
		const at = api.getFocusedCell();
		// Only from where the edit ended: a click elsewhere in the meantime wins.
		if (!at || at.rowIndex !== move.rowIndex || at.column.getColId() !== move.colId || at.rowPinned) return null;
		const next = move.rowIndex + move.step;
		if (next < 0 || next >= api.getDisplayedRowCount()) return null;
		api.ensureIndexVisible(next);
		api.setFocusedCell(next, move.colId);
		return { rowIndex: next, colKey: move.colId };
	}

	/** For a capturing keydown listener: runs before the grid sees the key. */
	function onKeydown(e: Key): void {
		const moved = pending ? flush() : null;
		if (moved && startsEdit(e)) {
			// The key is already on its way to the cell the edit ended in, which would start editing
			// that cell again (typing fast, the second of two edits went into the first row). It is
			// taken from there and given to the cell the move went to.
			e.preventDefault();
			e.stopPropagation();
			api.startEditingCell({ ...moved, key: e.key });
			return;
		}
		if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey) return;
		const [cell] = api.getEditingCells();
		if (!cell?.column || cell.rowPinned) return;
		pending = { rowIndex: cell.rowIndex, colId: cell.column.getColId(), step: e.shiftKey ? -1 : 1 };
		void later().then(flush);
	}

	return { onKeydown, flush };
}
