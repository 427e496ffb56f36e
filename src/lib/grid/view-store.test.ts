import { describe, expect, it } from 'vitest';
import { columnKinds } from './view-state';
import { textCol } from './columns';
import { VIEWS_PREFIX, ViewStore } from './view-store';
import { MemoryStorage } from '$lib/testing/memory-storage';


const k = { kind: 'po-lines-of-a-po', kinds: columnKinds([textCol<{ description: string }>('description', 'Description')]) };
const view = { columns: [{ colId: 'description', width: 300 }], filter: {}, search: 'pump' };

describe('ViewStore', () => {
	it('keeps the current view and named views per grid kind, and tells its listeners which kind changed', () => {
		const storage = new MemoryStorage();
		const heard: string[] = [];
		const store = new ViewStore(() => storage, () => {});
		store.subscribe((kind) => heard.push(kind));
		store.setCurrent(k, view);
		expect(store.current(k)).toEqual(view);
		expect([...storage.map.keys()]).toEqual([VIEWS_PREFIX + k.kind]);
		expect(heard).toEqual([k.kind]);

		expect(store.saveNamed(k, ' Open ', view)).toBe(true);
		expect(store.saveNamed(k, 'open', { ...view, search: '' })).toBe(true);
		expect(store.named(k)).toEqual([{ name: 'open', view: { ...view, search: '' } }]);
		expect(store.saveNamed(k, 'Done', view)).toBe(true);
		expect(store.rename(k, 'open', 'DONE')).toBe(false);
		expect(store.rename(k, 'open', 'Later')).toBe(true);
		expect(store.remove(k, 'Done')).toBe(true);
		expect(store.named(k).map((n) => n.name)).toEqual(['Later']);
		expect(store.saveNamed(k, '   ', view)).toBe(false);
	});

	it('reports a refused write once, and the grid goes on', () => {
		const storage = new MemoryStorage();
		storage.full = true;
		const reports: string[] = [];
		const store = new ViewStore(() => storage, (m) => reports.push(m));
		store.setCurrent(k, view);
		store.setCurrent(k, { ...view, search: 'valve' });
		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatch(/^The column layout was not kept in this browser: The quota has been exceeded/);
		expect(store.saveNamed(k, 'A', view)).toBe(false);
		expect(store.current(k)).toBeNull();
	});
});
