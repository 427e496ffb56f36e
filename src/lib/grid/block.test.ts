import { describe, expect, it } from 'vitest';
import { blockAt, boundsOf, extended, inBounds, isRange } from './block';

describe('a block of cells', () => {
	const size = { rows: 5, cols: 4 };

	it('grows from its anchor with Shift+arrows and shrinks back past it', () => {
		let b = blockAt({ row: 2, col: 1 });
		b = extended(b, 'ArrowDown', size);
		b = extended(b, 'ArrowRight', size);
		expect(boundsOf(b)).toEqual({ top: 2, bottom: 3, left: 1, right: 2 });
		b = extended(extended(extended(b, 'ArrowUp', size), 'ArrowUp', size), 'ArrowLeft', size);
		expect(b.anchor).toEqual({ row: 2, col: 1 });
		expect(boundsOf(b)).toEqual({ top: 1, bottom: 2, left: 1, right: 1 });
		expect(isRange(b)).toBe(true);
	});

	it('stays inside the grid, and Ctrl+Shift+arrow goes to the edge', () => {
		let b = extended(blockAt({ row: 0, col: 0 }), 'ArrowUp', size);
		expect(isRange(b)).toBe(false);
		b = extended(b, 'ArrowDown', size, true);
		expect(boundsOf(b)).toEqual({ top: 0, bottom: 4, left: 0, right: 0 });
		b = extended(b, 'ArrowRight', size, true);
		expect(boundsOf(b).right).toBe(3);
	});

	it('knows which cells are inside it', () => {
		const b = boundsOf({ anchor: { row: 3, col: 2 }, extent: { row: 1, col: 1 } });
		expect(inBounds(b, 2, 2)).toBe(true);
		expect(inBounds(b, 4, 2)).toBe(false);
		expect(inBounds(b, 2, 0)).toBe(false);
	});
});
