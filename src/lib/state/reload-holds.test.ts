import { describe, expect, it } from 'vitest';
import { ReloadHolds } from './reload-holds.svelte';

describe('ReloadHolds', () => {
	it('lets a reload go only when no editor is open, no import is being checked or written, and nothing is being saved', () => {
		const holds = new ReloadHolds();
		expect(holds.reason(0)).toBeNull();
		expect(holds.reason(1)).toBe('Reload once your change is saved');
		const grid = {};
		holds.editors.add(grid);
		expect(holds.reason(0)).toBe('Finish editing the cell to reload');
		holds.editors.delete(grid);
		const wizard = {};
		holds.imports.add(wizard);
		expect(holds.reason(0)).toBe('Reload once the import is done');
		holds.imports.delete(wizard);
		expect(holds.reason(0)).toBeNull();
	});
});
