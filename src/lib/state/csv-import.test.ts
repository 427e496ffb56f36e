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
		imp.step = 'checking';
		imp.cancel();
		expect(reloadHolds.reason(0)).toBeNull();
	});

	// Regression: Cancel during the write reset the wizard at once while the write went on and landed.
	it('Cancel during the write waits for the write to stop: the wizard says it is cancelling, and the reload stays held', () => {
		const imp = new CsvImport('po');
		imp.step = 'applying';
		imp.cancel();
		expect(imp.step).toBe('applying');
		expect(imp.cancelling).toBe(true);
		expect(reloadHolds.reason(0)).toBe('Reload once the import is done');
		imp.reset();
		expect(imp.cancelling).toBe(false);
		expect(reloadHolds.reason(0)).toBeNull();
	});

	it('Cancel once the write is committing does nothing: it can no longer be stopped', () => {
		const imp = new CsvImport('po');
		imp.step = 'applying';
		imp.unstoppable = true;
		imp.cancel();
		expect(imp.cancelling).toBe(false);
		expect(imp.step).toBe('applying');
		imp.reset();
	});
});
