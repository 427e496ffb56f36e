import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TieoutDB } from '$lib/db/database';
import * as b from '$lib/testing/builders';
import { testWorkbooks } from '$lib/testing/workbooks';
import { openFastStart } from './index';
import { LineCache } from './line-cache';
import { WITHOUT_KEY } from './without';
import { MemoryStorage } from '$lib/testing/memory-storage';


let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
	vi.unstubAllGlobals();
});

const open = testWorkbooks('fast-start');
const withCustomer = (db: TieoutDB) => db.customers.add(b.customer());

describe('the fast-start entry point', () => {
	it('removes the start copies and first screens an earlier version kept, once the workbook has read its lines', async () => {
		const wb = await open(withCustomer);
		storage.setItem('tieout:start-copy:tieout', '{"v":1}');
		storage.setItem('tieout:first-rows:/lines/po-lines#all-po-lines', '{"v":2}');
		storage.setItem('tieout:line-frame:tieout', '{}');
		storage.setItem('tieout:line-journal:tieout:poLines', '{}');
		openFastStart(wb.db.name).opened(wb);
		await wb.linesLoaded;
		await vi.waitFor(() => expect([...storage.map.keys()]).toEqual(['tieout:line-journal:tieout:poLines']));
	});

	it('leaves out the line files when the benchmark says so, and only then', async () => {
		const wb = await open(withCustomer);
		expect(openFastStart(wb.db.name).lines).toBeInstanceOf(LineCache);

		storage.setItem(WITHOUT_KEY, 'line-files');
		const without = openFastStart(wb.db.name);
		expect(without.lines).not.toBeInstanceOf(LineCache);
		expect(await without.lines.read('tasks')).toBeNull();
	});
});
