/** A cell by its place on screen: the displayed row and displayed column, from 0. */
export interface Cell {
	row: number;
	col: number;
}

/** A block of cells as a spreadsheet keeps it: the cell it started from and the corner Shift+arrows moved. */
export interface Block {
	anchor: Cell;
	extent: Cell;
}

export interface Bounds {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

export const blockAt = (cell: Cell): Block => ({ anchor: cell, extent: cell });

export function boundsOf(b: Block): Bounds {
	return {
		top: Math.min(b.anchor.row, b.extent.row),
		bottom: Math.max(b.anchor.row, b.extent.row),
		left: Math.min(b.anchor.col, b.extent.col),
		right: Math.max(b.anchor.col, b.extent.col)
	};
}

export const inBounds = (b: Bounds, row: number, col: number): boolean => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

/** More than one cell. */
export const isRange = (b: Block): boolean => b.anchor.row !== b.extent.row || b.anchor.col !== b.extent.col;

const STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export const isArrow = (key: string): boolean => key in STEPS;

/** The block with its far corner moved one cell by an arrow key (or to the edge with `toEdge`), kept inside the grid. */
export function extended(b: Block, key: string, size: { rows: number; cols: number }, toEdge = false): Block {
	const step = STEPS[key];
	if (!step) return b;
	const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
	const far = toEdge ? 1e9 : 1;
	return { anchor: b.anchor, extent: { row: clamp(b.extent.row + step[0] * far, size.rows), col: clamp(b.extent.col + step[1] * far, size.cols) } };
}

/** Whole numbers from..to. */
export const span = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
