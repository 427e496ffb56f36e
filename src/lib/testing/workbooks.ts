import { afterEach } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { Workbook } from '$lib/state/workbook.svelte';

/**
 * Opens workbooks on fresh fake-indexeddb databases, filled by the test, without fast-start
 * copies, and deletes them after each test. Call once at the top of a test file.
 */
export function testWorkbooks(prefix: string) {
	const opened: Workbook[] = [];
	afterEach(async () => {
		for (const wb of opened.splice(0)) {
			wb.stop();
			await wb.db.delete();
		}
	});
	/** `linesLoaded: false` returns as soon as the first pages are in, before the line tables are read in full. */
	return async (fill: (db: TieoutDB) => Promise<unknown>, { linesLoaded = true } = {}): Promise<Workbook> => {
		const db = new TieoutDB(`${prefix}-${crypto.randomUUID()}`);
		await fill(db);
		const wb = new Workbook(db);
		opened.push(wb);
		await wb.start();
		if (linesLoaded) await wb.linesLoaded;
		return wb;
	};
}
