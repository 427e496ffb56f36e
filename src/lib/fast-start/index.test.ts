import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TieoutDB } from '$lib/db/database';
import { textCol } from '$lib/grid/columns';
import { columnKinds } from '$lib/grid/view-state';
import { gridViews } from '$lib/grid/view-store';
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
const none = { surroundings: { storage: () => storage, view: () => ({ width: 1440, height: 900 }), path: () => '/', frame: () => null, drawing: () => 'd' } };

describe('the fast-start entry point', () => {
	it('drops the kept first screens of a grid whose view changes, on every page, until the workbook closes', async () => {
		const wb = await open(withCustomer);
		const keepers = openFastStart(wb.db.name, none).opened(wb);
		const k = { kind: 'po-lines-of-a-po', kinds: columnKinds([textCol<{ description: string }>('description', 'Description')]) };
		storage.setItem('tieout:first-rows:/purchase-orders#po-lines-of-a-po', '{}');
		storage.setItem('tieout:first-rows:/customers#customers', '{}');
		gridViews.setCurrent(k, { columns: [{ colId: 'description', width: 300 }], filter: {}, search: 'pump' });
		expect([...storage.map.keys()].filter((key) => key.startsWith('tieout:first-rows:'))).toEqual(['tieout:first-rows:/customers#customers']);

		keepers.stop();
		storage.setItem('tieout:first-rows:/purchase-orders#po-lines-of-a-po', '{}');
		gridViews.setCurrent(k, null);
		expect(storage.getItem('tieout:first-rows:/purchase-orders#po-lines-of-a-po')).toBe('{}');
	});

	it('removes the start copies an earlier version kept, once the workbook has read its lines', async () => {
		const wb = await open(withCustomer);
		storage.setItem('tieout:start-copy:tieout', '{"v":1}');
		storage.setItem('tieout:line-journal:tieout', '{}');
		const keepers = openFastStart(wb.db.name, none).opened(wb);
		await wb.linesLoaded;
		await vi.waitFor(() => expect(storage.getItem('tieout:start-copy:tieout')).toBeNull());
		expect(storage.getItem('tieout:line-journal:tieout')).toBe('{}');
		keepers.stop();
	});

	it('leaves out the copies the benchmark names, and only those', async () => {
		const wb = await open(withCustomer);
		expect(openFastStart(wb.db.name, none).lines).toBeInstanceOf(LineCache);

		storage.setItem(WITHOUT_KEY, 'line-files');
		const without = openFastStart(wb.db.name, none);
		expect(without.lines).not.toBeInstanceOf(LineCache);
		expect(await without.lines.read('tasks')).toBeNull();
	});
});
