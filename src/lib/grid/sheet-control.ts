import type { CellClassParams, ColDef, Column, GridApi, IRowNode } from 'ag-grid-community';
import type { Cause } from '$lib/db/cause';
import type { EditContext } from './columns';
import { blockAt, boundsOf, extended, inBounds, isArrow, isRange, span, type Block, type Cell } from './block';
import { planClear, planFill, planPaste, type Plan, type RowWrite, type SheetColumn, type SheetRows } from './sheet-plan';
import { encodeTsv, isBlock } from './tsv';

/** What the grid does with what the spreadsheet keys ask for. */
export interface SheetHooks<T> {
	/** Stores a plan's rows as one write named by `cause`; resolves to the refusal, or null once stored. */
	write(rows: RowWrite[], cause: Cause): Promise<string | null>;
	/** Whether a paste may add rows past the last one. */
	canAdd(): boolean;
	/** A refusal or a hint under the grid; null clears it. */
	show(message: string | null): void;
	/** Deletes these rows, after asking. */
	deleteRows(rows: T[]): void;
	exportRows(rows: T[]): void;
	/** Opens the cell menu at a point on screen. */
	openMenu(x: number, y: number): void;
}

const MARKER = 'findings';
/** Lines of a refusal shown under the grid; the rest are counted. */
const SHOWN_REFUSALS = 200;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The refused cells as one message: what was refused, then each cell by row and column. */
export function refusalText(what: string, refused: readonly string[]): string {
	const shown = refused.slice(0, SHOWN_REFUSALS);
	const more = refused.length - shown.length;
	return [`${what}:`, ...shown, ...(more > 0 ? [`…and ${more} more.`] : [])].join('\n');
}

/**
 * A grid's spreadsheet habits beyond typing: a block of cells grown with Shift+arrows, copy and
 * paste as TSV, fill down (Ctrl+D), Delete to clear, and the cell menu. AG Grid Community has no
 * clipboard or cell ranges, so these go through the same codecs and the same one-write path as
 * typed edits; the grid itself never writes a row.
 */
export class SheetControl<T extends { id: string }> {
	/** The last click on the grid held Shift, Ctrl or ⌘: it selects rows, and the focus it moves must not. */
	clickWithKeys = false;
	/** A block of more than one cell, or null: the focused cell alone. */
	block: Block | null = null;
	#blockCols = new Set<string>();

	constructor(
		private readonly api: GridApi<T>,
		private readonly host: HTMLElement,
		private readonly hooks: SheetHooks<T>
	) {}

	/** Listens on the grid (keys, menu) and the document (clipboard events land on the body when no text is selected). */
	attach(): () => void {
		const keys = (e: KeyboardEvent) => this.onKeydown(e);
		const copy = (e: ClipboardEvent) => this.onCopy(e);
		const paste = (e: ClipboardEvent) => this.onPaste(e);
		const menu = (e: MouseEvent) => this.onContextMenu(e);
		const click = (e: PointerEvent) => (this.clickWithKeys = e.shiftKey || e.ctrlKey || e.metaKey);
		this.host.addEventListener('pointerdown', click, true);
		this.host.addEventListener('keydown', keys, true);
		this.host.addEventListener('contextmenu', menu);
		document.addEventListener('copy', copy);
		document.addEventListener('paste', paste, true);
		return () => {
			this.host.removeEventListener('pointerdown', click, true);
			this.host.removeEventListener('keydown', keys, true);
			this.host.removeEventListener('contextmenu', menu);
			document.removeEventListener('copy', copy);
			document.removeEventListener('paste', paste, true);
		};
	}

	/** Columns with the block painted: a class, so the grid keeps it as it redraws rows while scrolling. */
	static painted<T>(columns: ColDef<T>[], control: () => Pick<SheetControl<{ id: string }>, 'covers'> | undefined): ColDef<T>[] {
		const rule = (p: CellClassParams<T>) => control()?.covers(p.node.rowIndex, p.column.getColId()) ?? false;
		return columns.map((c) => ({ ...c, cellClassRules: { ...c.cellClassRules, 'in-block': rule } }));
	}

	covers(row: number | null, colId: string): boolean {
		if (!this.block || row === null || !this.#blockCols.has(colId)) return false;
		const b = boundsOf(this.block);
		return row >= b.top && row <= b.bottom;
	}

	/** The grid's focus moved: a block is kept only while the focus stays on its anchor. */
	focusMoved(row: number, colId: string | undefined): void {
		if (!this.block) return;
		const anchor = this.#columns()[this.block.anchor.col];
		if (this.block.anchor.row !== row || anchor?.getColId() !== colId) this.#setBlock(null);
	}

	// ---- what the commands act on ----

	#columns(): Column[] {
		return this.api.getAllDisplayedColumns();
	}

	#focused(): Cell | null {
		const f = this.api.getFocusedCell();
		if (!f || f.rowPinned || f.rowIndex === null) return null;
		const col = this.#columns().indexOf(f.column as Column);
		return col < 0 ? null : { row: f.rowIndex, col };
	}

	/** Displayed rows of the selected records, in the order shown. */
	#selectedRows(): number[] {
		return this.api
			.getSelectedNodes()
			.map((n) => n.rowIndex)
			.filter((i): i is number => i !== null && i !== undefined)
			.sort((a, b) => a - b);
	}

	selectedCount(): number {
		return this.#selectedRows().length;
	}

	/** The rows and columns a fill, clear or copy covers: the block, else several selected rows in the focused column, else the focused cell. */
	#targets(): { rows: number[]; cols: number[] } | null {
		if (this.block) {
			const b = boundsOf(this.block);
			return { rows: span(b.top, b.bottom), cols: span(b.left, b.right) };
		}
		const at = this.#focused();
		if (!at) return null;
		const selected = this.#selectedRows();
		return { rows: selected.length > 1 && selected.includes(at.row) ? selected : [at.row], cols: [at.col] };
	}

	#sheetColumns(): SheetColumn[] {
		return this.#columns().map((col) => {
			const def = col.getColDef();
			const ctx = def.context as EditContext | undefined;
			const header = col.getColId() === MARKER ? 'Findings' : (def.headerName ?? col.getColId());
			return { header, edit: def.editable && ctx?.codec ? { field: ctx.field, codec: ctx.codec } : undefined };
		});
	}

	#sheetRows(): SheetRows<T> {
		const columns = this.#columns();
		const node = (i: number) => this.api.getDisplayedRowAtIndex(i) as IRowNode<T>;
		return {
			count: this.api.getDisplayedRowCount(),
			at: (i) => node(i).data as T,
			editable: (i, c) => columns[c]!.isCellEditable(node(i))
		};
	}

	#shown(row: number, col: Column): string {
		if (col.getColId() === MARKER) return '';
		const rowNode = this.api.getDisplayedRowAtIndex(row);
		if (!rowNode) return '';
		const v = this.api.getCellValue({ rowNode, colKey: col, useFormatter: true });
		return v === null || v === undefined ? '' : String(v);
	}

	// ---- commands ----

	/** The block, the selected rows (whole), or the focused cell, as TSV. */
	copyText(): string | null {
		const columns = this.#columns();
		const selected = this.#selectedRows();
		let rows: number[];
		let cols: Column[];
		if (this.block) {
			const b = boundsOf(this.block);
			rows = span(b.top, b.bottom);
			cols = columns.slice(b.left, b.right + 1);
		} else if (selected.length > 1) {
			rows = selected;
			cols = columns.filter((c) => c.getColId() !== MARKER);
		} else {
			const at = this.#focused();
			if (!at) return null;
			rows = [at.row];
			cols = [columns[at.col]!];
		}
		return encodeTsv(rows.map((r) => cols.map((c) => this.#shown(r, c))));
	}

	/** Pastes a TSV block at `at` (the focused cell), all or nothing, as one write. */
	async paste(text: string, at: Cell | null = this.block ? { row: boundsOf(this.block).top, col: boundsOf(this.block).left } : this.#focused()): Promise<void> {
		if (!at) return this.hooks.show('Choose the cell to paste at first: click it, or move to it with the arrow keys.');
		// Marks for the paste benchmark (tests/bench/paste.mjs): read, checked, stored.
		performance.mark('tieout:paste-start');
		const { parseTsv } = await import('./tsv-parse');
		const cells = parseTsv(text);
		if (!cells.length) return;
		performance.mark('tieout:paste-read');
		const plan = await planPaste(cells, at, this.#sheetColumns(), this.#sheetRows(), this.hooks.canAdd(), pause);
		performance.mark('tieout:paste-checked');
		const done = await this.#apply(plan, { kind: 'paste' }, 'Nothing was pasted');
		performance.mark('tieout:paste-stored');
		if (done) {
			const width = Math.max(...cells.map((r) => r.length));
			this.#setBlock({ anchor: at, extent: { row: at.row + cells.length - 1, col: at.col + width - 1 } });
		}
	}

	fillDown(): Promise<boolean> {
		const t = this.#targets();
		if (!t) return Promise.resolve(false);
		return this.#apply(planFill(t.rows, t.cols, this.#sheetColumns(), this.#sheetRows()), { kind: 'fill' }, 'Nothing was filled');
	}

	clear(): Promise<boolean> {
		const t = this.#targets();
		if (!t) return Promise.resolve(false);
		return this.#apply(planClear(t.rows, t.cols, this.#sheetColumns(), this.#sheetRows()), { kind: 'clear' }, 'Nothing was cleared');
	}

	/** Copy from the menu: the clipboard API, which needs no permission to write while the click is fresh. */
	async copyToClipboard(): Promise<void> {
		const text = this.copyText();
		if (text === null) return;
		try {
			await navigator.clipboard.writeText(text);
			this.hooks.show(null);
		} catch {
			this.hooks.show('The browser did not let Tieout copy from the menu: press Ctrl+C (⌘C on a Mac) instead.');
		}
	}

	/** Paste from the menu: reading the clipboard needs the browser's permission, so Ctrl+V is offered when it is refused. */
	async pasteFromClipboard(): Promise<void> {
		let text: string;
		try {
			text = await navigator.clipboard.readText();
		} catch {
			return this.hooks.show('The browser did not let Tieout read the clipboard: press Ctrl+V (⌘V on a Mac) to paste at the focused cell.');
		}
		await this.paste(text);
	}

	/** The selected records, or the focused row's. */
	chosenRows(): T[] {
		const selected = this.#selectedRows();
		const rows = selected.length ? selected : [this.#focused()?.row].filter((r): r is number => r !== undefined);
		return rows.map((r) => this.api.getDisplayedRowAtIndex(r)?.data).filter((d): d is T => !!d);
	}

	async #apply(plan: Plan, cause: Cause, refusedWhat: string): Promise<boolean> {
		if (!plan.ok) {
			this.hooks.show(refusalText(`${refusedWhat}; ${plan.refused.length === 1 ? 'this was refused' : 'these were refused'}`, plan.refused));
			return false;
		}
		if (!plan.rows.length) {
			this.hooks.show(null);
			return true;
		}
		const refused = await this.hooks.write(plan.rows, cause);
		this.hooks.show(refused);
		return refused === null;
	}

	#setBlock(block: Block | null): void {
		this.block = block && isRange(block) ? block : null;
		const columns = this.#columns();
		const b = this.block ? boundsOf(this.block) : null;
		this.#blockCols = new Set(b ? columns.filter((_, i) => inBounds(b, b.top, i)).map((c) => c.getColId()) : []);
		this.api.refreshCells();
	}

	// ---- events ----

	#mine(): boolean {
		const active = document.activeElement;
		return !!active && this.host.contains(active);
	}

	onKeydown(e: KeyboardEvent): void {
		if (this.api.getEditingCells().length) return;
		const ctrl = e.ctrlKey || e.metaKey;
		const take = () => {
			e.preventDefault();
			e.stopPropagation();
		};
		if (e.shiftKey && isArrow(e.key) && !e.altKey) {
			const at = this.#focused();
			if (!at) return;
			take();
			const next = extended(this.block ?? blockAt(at), e.key, { rows: this.api.getDisplayedRowCount(), cols: this.#columns().length }, ctrl);
			this.api.ensureIndexVisible(next.extent.row);
			const col = this.#columns()[next.extent.col];
			if (col) this.api.ensureColumnVisible(col);
			this.#setBlock(next);
		} else if (e.key === 'Escape' && !ctrl) {
			if (this.block) this.#setBlock(null);
			const at = this.#focused();
			if (this.#selectedRows().length > 1 && at) this.api.getDisplayedRowAtIndex(at.row)?.setSelected(true, true);
		} else if (ctrl && !e.altKey && e.key.toLowerCase() === 'd') {
			take();
			void this.fillDown();
		} else if ((e.key === 'Delete' || e.key === 'Backspace') && !ctrl && !e.altKey) {
			take();
			void this.clear();
		} else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
			const cell = (e.target as Element | null)?.closest?.('[col-id]');
			const rect = (cell ?? this.host).getBoundingClientRect();
			take();
			this.hooks.openMenu(rect.left + 8, rect.bottom);
		}
	}

	onCopy(e: ClipboardEvent): void {
		if (!this.#mine() || this.api.getEditingCells().length || !e.clipboardData) return;
		const text = this.copyText();
		if (text === null) return;
		e.preventDefault();
		e.clipboardData.setData('text/plain', text);
	}

	onPaste(e: ClipboardEvent): void {
		if (!this.#mine() || !e.clipboardData) return;
		const text = e.clipboardData.getData('text/plain');
		const [editing] = this.api.getEditingCells();
		// One cell's text goes into its editor as usual; a block never does (its tabs would be stored).
		if (editing && (!isBlock(text) || !editing.column)) return;
		e.preventDefault();
		e.stopPropagation();
		if (!editing) return void this.paste(text);
		const at = { row: editing.rowIndex, col: this.#columns().indexOf(editing.column as Column) };
		this.api.stopEditing(true);
		void this.paste(text, at);
	}

	onContextMenu(e: MouseEvent): void {
		const cell = (e.target as Element | null)?.closest?.('[col-id]');
		const row = cell?.closest('[row-index]')?.getAttribute('row-index');
		if (!cell || row === null || row === undefined) return;
		e.preventDefault();
		const rowIndex = Number(row);
		const colId = cell.getAttribute('col-id')!;
		const col = this.#columns().findIndex((c) => c.getColId() === colId);
		// A right-click inside the block or the selected rows acts on them; elsewhere it moves there first.
		const inside = (this.block && inBounds(boundsOf(this.block), rowIndex, col)) || this.#selectedRows().includes(rowIndex);
		if (!inside) this.api.setFocusedCell(rowIndex, colId);
		this.hooks.openMenu(e.clientX, e.clientY);
	}
}
