import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineJournal, MAX_IDS, type JournalStorage } from './line-journal';

/** One origin's localStorage, shared by the tabs made from it. */
function origin() {
	const m = new Map<string, string>();
	const storage: JournalStorage = { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
	return { storage, tab: (name: string) => new LineJournal('wb', storage, name), raw: m };
}

describe('the journal of lines changed since their copy', () => {
	it('names what a tab changed until that tab’s copy taken after the change is stored', () => {
		const { tab } = origin();
		const a = tab('a');
		a.note('poLines', ['x', 'y']);
		const upTo = a.mark('poLines');
		a.note('poLines', ['z']); // after the copy was taken: not in it
		a.settle('poLines', upTo);
		expect(tab('reader').adopt('poLines')).toEqual({ whole: false, ids: ['z'] });
	});

	it('keeps another tab’s notes when this tab’s copy is stored: that change may not have reached this tab yet', () => {
		const { tab } = origin();
		const [a, b] = [tab('a'), tab('b')];
		b.note('poLines', ['from-b']);
		a.note('poLines', ['from-a']);
		a.settle('poLines', a.mark('poLines'));
		expect(a.adopt('poLines').ids).toEqual(['from-b']);
		// Adopted: the tab that read them now answers for them, and its next copy clears them.
		a.settle('poLines', a.mark('poLines'));
		expect(b.adopt('poLines').ids).toEqual([]);
	});

	it('a note by another tab of a record this tab noted keeps it pending past this tab’s settle', () => {
		const { tab } = origin();
		const [a, b] = [tab('a'), tab('b')];
		a.note('poLines', ['x']);
		const upTo = a.mark('poLines');
		b.note('poLines', ['x']);
		a.settle('poLines', upTo);
		expect(a.adopt('poLines').ids).toEqual(['x']);
	});

	it('says "the whole table" past MAX_IDS records, and for a wholesale change, until a later copy is stored', () => {
		const { tab } = origin();
		const a = tab('a');
		a.note('tasks', Array.from({ length: MAX_IDS }, (_, i) => `t${i}`));
		expect(a.adopt('tasks').whole).toBe(false);
		a.note('tasks', ['one-more']);
		expect(a.adopt('tasks')).toEqual({ whole: true, ids: [] });
		a.note('tasks', ['after']); // still the whole table
		const upTo = a.mark('tasks');
		expect(a.adopt('tasks')).toEqual({ whole: true, ids: [] });
		a.settle('tasks', upTo - 1); // a copy taken before the last note does not clear it
		expect(a.adopt('tasks').whole).toBe(true);
		a.settle('tasks', a.mark('tasks'));
		expect(a.adopt('tasks')).toEqual({ whole: false, ids: [] });
		a.noteWhole('invoiceLines');
		expect(a.adopt('invoiceLines').whole).toBe(true);
	});

	it('keeps tables and workbooks apart', () => {
		const { storage, tab } = origin();
		tab('a').note('tasks', ['t']);
		new LineJournal('other-wb', storage, 'a').note('poLines', ['p']);
		expect(tab('a').adopt('poLines').ids).toEqual([]);
		expect(tab('a').adopt('tasks').ids).toEqual(['t']);
	});

	it('trusts nothing when the journal cannot be read', () => {
		const { tab, raw } = origin();
		raw.set('tieout:line-journal:wb:poLines', '{not json');
		expect(tab('a').adopt('poLines').whole).toBe(true);
	});

	it('never restarts its count below a mark still in use, even when emptied', () => {
		const { tab } = origin();
		const a = tab('a');
		a.note('tasks', ['x']);
		const first = a.mark('tasks');
		a.settle('tasks', first);
		a.note('tasks', ['y']);
		a.settle('tasks', first); // a slower, earlier copy finishing late does not clear the newer note
		expect(a.adopt('tasks').ids).toEqual(['y']);
	});

	it('refuses loudly when storage is full, so the caller can stop trusting the copy', () => {
		const storage: JournalStorage = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(() => new LineJournal('wb', storage, 'a').note('tasks', ['x'])).toThrow('full');
	});
});

/**
 * Two tabs edit lines, see each other's edits, take and store copies (possibly out of order) and
 * close and reopen, in any order. After every step, every line whose stored copy is behind the
 * table must be named by the journal; and a tab that opens sees every line as stored. The one
 * assumption: an open tab has seen the other tab's changes by the time its own copy's write
 * finishes (the change feed arrives in milliseconds, a copy takes far longer to write).
 */
describe('the journal against a model of tabs, copies and the table', () => {
	type Tab = 'a' | 'b';
	const op = fc.oneof(
		fc.record({ kind: fc.constant('edit' as const), tab: fc.constantFrom<Tab>('a', 'b'), id: fc.constantFrom('x', 'y', 'z') }),
		fc.record({ kind: fc.constantFrom('see' as const, 'mark' as const, 'store' as const, 'reopen' as const), tab: fc.constantFrom<Tab>('a', 'b') })
	);

	it('names every line the stored copy is behind on, and a reopened tab shows the table', () => {
		fc.assert(
			fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
				const { storage, raw } = origin();
				let version = 0;
				let opened = 0;
				const table = new Map<string, number>();
				let copy = new Map<string, number>();
				const tabs = Object.fromEntries(
					(['a', 'b'] as const).map((t) => [t, { journal: new LineJournal('wb', storage, `${t}${opened++}`), view: new Map<string, number>(), unseen: new Set<string>(), taken: null as { upTo: number; rows: Map<string, number> } | null }])
				) as Record<Tab, { journal: LineJournal; view: Map<string, number>; unseen: Set<string>; taken: { upTo: number; rows: Map<string, number> } | null }>;
				const see = (t: Tab) => {
					const tab = tabs[t];
					for (const id of tab.unseen) tab.view.set(id, table.get(id)!);
					tab.journal.note('poLines', [...tab.unseen]);
					tab.unseen.clear();
				};
				for (const o of ops) {
					const tab = tabs[o.tab];
					if (o.kind === 'edit') {
						table.set(o.id, ++version);
						tab.view.set(o.id, version);
						tab.journal.note('poLines', [o.id]);
						tabs[o.tab === 'a' ? 'b' : 'a'].unseen.add(o.id);
					} else if (o.kind === 'see') see(o.tab);
					else if (o.kind === 'mark') tab.taken ??= { upTo: tab.journal.mark('poLines'), rows: new Map(tab.view) };
					else if (o.kind === 'store' && tab.taken) {
						see(o.tab);
						copy = tab.taken.rows;
						tab.journal.settle('poLines', tab.taken.upTo);
						tab.taken = null;
					} else if (o.kind === 'reopen') {
						// The tab closes (a copy being written is lost with it) and a new one opens.
						const fresh = new LineJournal('wb', storage, `${o.tab}${opened++}`);
						const pending = fresh.adopt('poLines');
						const view = pending.whole ? new Map(table) : new Map(copy);
						for (const id of pending.ids) view.set(id, table.get(id)!);
						tabs[o.tab] = { journal: fresh, view, unseen: new Set(), taken: null };
						expect(view).toEqual(table);
					}
					const state = JSON.parse(raw.get('tieout:line-journal:wb:poLines') ?? '{"whole":null,"ids":{}}') as { whole: unknown; ids: Record<string, unknown> };
					for (const [id, v] of table) if (copy.get(id) !== v) expect(state.whole !== null || id in state.ids, `${id} is behind in the copy`).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
