import { describe, expect, it } from 'vitest';
import { CsvImport } from './csv-import.svelte';
import { reloadHolds } from './reload-holds.svelte';

describe('CsvImport and an update’s reload', () => {
	it('holds the reload back while rows are checked or written, and only then', () => {
		const imp = new CsvImport('po');
		for (const step of ['reading', 'map', 'review', 'refused'] as const) {
			imp.step = step;
			expect(reloadHolds.reason(0), step).toBeNull();
		}
		imp.step = 'checking';
		expect(reloadHolds.reason(0)).toBe('Reload once the import is done');
		imp.step = 'review';
		expect(reloadHolds.reason(0)).toBeNull();
		imp.step = 'applying';
		expect(reloadHolds.reason(0)).toBe('Reload once the import is done');
		imp.cancel();
		expect(reloadHolds.reason(0)).toBeNull();
	});
});
