import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RECORD_TABLES, TieoutDB, type TableName } from '$lib/db/database';
import { RecordError } from '$lib/db/errors';
import { generationKey } from '$lib/db/generation';
import { deleteRecord, saveRecord } from '$lib/db/repository';
import type { Task, WorkOrder } from '$lib/domain/records';
import type { CopyKeepers } from '$lib/state/fast-start-hooks';
import { notices } from '$lib/state/notices.svelte';
import { updateShownFirst } from '$lib/state/shown-first';
import { Workbook } from '$lib/state/workbook.svelte';
import * as b from '$lib/testing/builders';
import type { FirstRowsSnapshot } from './first-rows';
import { runFirstRowsJs } from './first-rows-page.test-helper';
import { openFastStart } from './index';
import { LineCache } from './line-cache';
import { RETIRED_START_COPY_PREFIX } from './retired-copies';
import type { Surroundings } from './line-snapshots';
import { MemoryStorage } from '$lib/testing/memory-storage';

// The fast-start room's invariant (index.ts): what is shown after the workbook is open is exactly
// what is stored; a copy is only ever shown before that, and withdrawn if it disagrees.
//
// Random sequences of writes (through the repository in this tab, in another tab, and straight
// into IndexedDB as the benchmark does), tab closes, browser restarts, new builds and quiet spells
// (when the keepers write their copies) run against the room's real code: the line files
// (MemoryLineStore standing in for the origin private file system, which Node lacks), the journal
// and the line pages' first screens in a shared localStorage, and
// static/first-rows.js itself, run in a bare page before each tab opens. Each tab opens as
// app.open does. Held: every drawing first-rows.js leaves once its check is done is drawn from
// records as stored; every tab's workbook, once open, equals storage, and stays equal as writes
// come in. A write outside Tieout reaches no open tab (Dexie's change feed sees Dexie's writes
// only): tabs open at the time are not held to it; the copies they keep afterwards still are.

const NAME_PREFIX = 'fast-start-property';
/** Past 2,000 lines a table is worth a line file; past 300, more than the workbook's first page. */
const TASKS = 2_050;
const PATH = '/lines/tasks';

const storage = new MemoryStorage();

// Timers of a second or more are the keepers' quiet times: they run only in a quiet spell, so a
// tab closed before one loses what it would have written, as a real tab does.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const held = new Map<number, { due: number; run: () => void }>();
let heldSeq = 0;
let clock = 0;
function holdingSetTimeout(fn: (...args: unknown[]) => void, ms = 0, ...args: unknown[]) {
	if (ms < 1_000) return realSetTimeout(fn, ms, ...args);
	held.set(++heldSeq, { due: clock + ms, run: () => fn(...args) });
	return heldSeq;
}
function holdingClearTimeout(id: unknown) {
	if (typeof id === 'number' && held.delete(id)) return;
	realClearTimeout(id as Parameters<typeof clearTimeout>[0]);
}

/** Lets IndexedDB, the change feed and the copies' writes run on. */
async function settle(turns = 6): Promise<void> {
	for (let i = 0; i < turns; i++) await new Promise((r) => realSetTimeout(r, 1));
}

/** The tabs are left alone for `ms`: the keepers' timers due by then run, in order. */
async function quiet(ms = 61_000): Promise<void> {
	const until = clock + ms;
	for (let i = 0; i < 50; i++) {
		await settle();
		const next = [...held].filter(([, t]) => t.due <= until).sort((x, y) => x[1].due - y[1].due)[0];
		if (!next) break;
		held.delete(next[0]);
		clock = Math.max(clock, next[1].due);
		next[1].run();
	}
	clock = until;
	await settle();
}

/** What the copies showed, over all runs: the property means little unless these happen. */
const seen = { drawnEarly: 0, withdrawn: 0, lineFile: 0 };

/** Runs static/first-rows.js for `PATH` in a bare page of build `drawing` (first-rows-page.test-helper.ts), counting what it did. */
async function firstRowsJs(drawing: string): Promise<{ left: FirstRowsSnapshot[] }> {
	const r = await runFirstRowsJs({ path: PATH, drawing, storage, settle: () => settle(2), frame: (fn) => void realSetTimeout(fn, 0) });
	if (r.drawn) seen.drawnEarly++;
	if (r.withdrawn) seen.withdrawn++;
	return { left: r.left };
}

// ---- tabs and storage ----

interface Tab {
	db: TieoutDB;
	wb: Workbook;
	keepers: CopyKeepers;
	/** Open while a write outside Tieout was made, which its change feed never saw. */
	blind: boolean;
}

type By = 'this tab' | 'another tab' | 'outside';
type Step =
	| { do: 'open' }
	| { do: 'close'; which: number }
	| { do: 'restart' }
	| { do: 'new build'; drawsAnew: boolean }
	| { do: 'quiet' }
	| { do: 'write'; by: By; what: 'edit' | 'add' | 'delete' | 'renumber'; at: number; generationLeft: boolean };

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

class World {
	readonly name = `${NAME_PREFIX}-${crypto.randomUUID()}`;
	readonly reader = new TieoutDB(this.name);
	tabs: Tab[] = [];
	build = 1;
	step = 0;

	readonly surroundings: Surroundings = {
		storage: () => storage,
		view: () => ({ width: 1440, height: 900 }),
		path: () => PATH,
		frame: () => ({ left: 220, top: 150, rightGap: 20, bottomGap: 20 }),
		drawing: () => `build-${this.build}`
	};

	async seed(): Promise<void> {
		const c = b.customer();
		const wos = [b.workOrder({ customerId: c.id, number: 'WO-1000' }), b.workOrder({ customerId: c.id, number: 'WO-2000' })];
		const tasks = Array.from({ length: TASKS }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId: wos[i % 2]!.id, code: `T${String(i).padStart(4, '0')}` }));
		await this.reader.customers.add(c);
		await this.reader.workOrders.bulkAdd(wos);
		await this.reader.tasks.bulkAdd(tasks);
		// What an earlier version left: a start copy that disagrees with storage, which no tab may show.
		storage.setItem(`${RETIRED_START_COPY_PREFIX}${this.name}`, JSON.stringify({ v: 1, gen: 'any', tables: { customers: [{ ...c, name: 'Not stored' }] } }));
	}

	async stored(): Promise<Record<string, { id: string }[]>> {
		const out: Record<string, { id: string }[]> = {};
		await this.reader.transaction('r', RECORD_TABLES, async () => {
			for (const t of RECORD_TABLES) out[t] = byId(await this.reader.table(t).toArray());
		});
		return out;
	}

	/** Where `wb` differs from storage, or null. */
	async differs(wb: Workbook, what: string): Promise<string | null> {
		const stored = await this.stored();
		for (const t of RECORD_TABLES) {
			const shown = byId((wb.tables[t] as unknown as { rows(): { id: string }[] }).rows());
			if (JSON.stringify(shown) === JSON.stringify(stored[t])) continue;
			const ids = new Set(stored[t]!.map((r) => r.id));
			const extra = shown.filter((r) => !ids.has(r.id)).length;
			const byStored = new Map(stored[t]!.map((r) => [r.id, JSON.stringify(r)]));
			const changed = shown.filter((r) => byStored.has(r.id) && byStored.get(r.id) !== JSON.stringify(r)).length;
			return `${what}: ${t} shows ${shown.length} records, storage holds ${stored[t]!.length} (${extra} not stored, ${changed} stored otherwise)`;
		}
		return null;
	}

	/** Waits for the change feed to reach the tab: it must, soon, show what is stored. */
	async heldToStorage(tab: Tab, what: string): Promise<void> {
		let last: string | null = null;
		for (let i = 0; i < 40; i++) {
			last = await this.differs(tab.wb, what);
			if (!last) return;
			await settle(3);
		}
		throw new Error(last!);
	}

	/** A new tab: first-rows.js, then the app as app.open does it. */
	async open(): Promise<void> {
		const drawing = `build-${this.build}`;
		const early = await firstRowsJs(drawing);
		const stored = await this.stored();
		for (const s of early.left) {
			for (const [table, id, json] of s.sources) {
				const now = stored[table]?.find((r) => r.id === id);
				expect((now ? JSON.stringify(now) : '') === json, `first-rows.js left a drawing whose ${table} record ${id} is not stored as drawn`).toBe(true);
			}
		}
		const db = new TieoutDB(this.name);
		const fast = openFastStart(this.name, { surroundings: this.surroundings, without: new Set() });
		const wb = new Workbook(db, fast.lines);
		await db.open();
		performance.clearMarks('tieout:cache-read:tasks');
		await wb.start();
		const tab: Tab = { db, wb, keepers: fast.opened(wb), blind: false };
		await wb.linesLoaded;
		if (performance.getEntriesByName('tieout:cache-read:tasks').length) seen.lineFile++;
		this.tabs.push(tab);
		const wrong = await this.differs(wb, 'a tab just opened');
		expect(wrong, 'what a tab shows once open is what is stored').toBeNull();
	}

	close(tab: Tab): void {
		tab.keepers.stop();
		tab.wb.stop();
		tab.db.close();
		this.tabs = this.tabs.filter((t) => t !== tab);
	}

	async write(s: Extract<Step, { do: 'write' }>): Promise<void> {
		const n = ++this.step;
		const tasks = await this.reader.tasks.toArray();
		const wos = await this.reader.workOrders.toArray();
		const rank = new Map([...wos].sort((x, y) => (x.number < y.number ? -1 : 1)).map((w, i) => [w.id, i]));
		// In the order the tasks page opens in, so small `at` are on its first screen.
		tasks.sort((x, y) => (rank.get(x.workOrderId)! - rank.get(y.workOrderId)! || (x.code < y.code ? -1 : 1)));
		const task = tasks[s.at % tasks.length]!;
		const wo = wos[s.at % wos.length]!;
		const change: { table: 'tasks'; put: Task } | { table: 'tasks'; delete: string } | { table: 'workOrders'; put: WorkOrder } =
			s.what === 'edit'
				? { table: 'tasks', put: { ...task, description: `Edited at step ${n}` } }
				: s.what === 'add'
					? { table: 'tasks', put: b.task({ id: crypto.randomUUID(), workOrderId: task.workOrderId, code: `T0000-${n}` }) }
					: s.what === 'delete'
						? { table: 'tasks', delete: task.id }
						: { table: 'workOrders', put: { ...wo, number: `WO-${s.at % 2 ? 500 + n : 3000 + n}` } };
		if (s.by === 'outside') {
			await rawWrite(this.name, change.table, 'put' in change ? change.put : null, 'delete' in change ? change.delete : null);
			if (!s.generationLeft) storage.removeItem(generationKey(this.name));
			for (const t of this.tabs) t.blind = true;
			return;
		}
		const tab = s.by === 'this tab' ? this.tabs[0] : this.tabs[1];
		const db = tab?.db ?? new TieoutDB(this.name);
		try {
			// A tab edits a cell as its grid does (shown first, then stored); a tab with no workbook open writes the record.
			if ('delete' in change) await deleteRecord(db, 'tasks', change.delete);
			else if (tab && s.what === 'edit') await updateShownFirst(db, tab.wb.tables.tasks, 'tasks', task.id, { description: (change.put as Task).description });
			else if (tab && s.what === 'renumber') await updateShownFirst(db, tab.wb.tables.workOrders, 'workOrders', wo.id, { number: (change.put as WorkOrder).number });
			else await saveRecord(db, change.table, change.put as never);
		} catch (err) {
			// Refused (a record another write removed): storage decided, and the tabs follow it.
			if (!(err instanceof RecordError)) throw err;
		} finally {
			if (!tab) db.close();
		}
	}

	async run(s: Step): Promise<void> {
		if (s.do === 'open' && this.tabs.length < 3) await this.open();
		else if (s.do === 'close' && this.tabs.length) this.close(this.tabs[s.which % this.tabs.length]!);
		else if (s.do === 'restart') for (const t of [...this.tabs]) this.close(t);
		else if (s.do === 'new build') {
			// Every tab reloads into the new build.
			for (const t of [...this.tabs]) this.close(t);
			if (s.drawsAnew) this.build++;
		} else if (s.do === 'quiet') await quiet();
		else if (s.do === 'write') await this.write(s);
		await settle();
		for (const tab of this.tabs) if (!tab.blind) await this.heldToStorage(tab, `after ${JSON.stringify(s)}`);
	}

	async dispose(): Promise<void> {
		for (const t of [...this.tabs]) this.close(t);
		this.reader.close();
		await settle();
		await new TieoutDB(this.name).delete();
		await new LineCache(this.name).clear();
		held.clear();
		storage.clear();
	}
}

/** A write straight into IndexedDB, as the benchmark makes: no Dexie, so no change feed and no new generation. */
function rawWrite(name: string, table: TableName, put: unknown, del: string | null): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name);
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction(table, 'readwrite');
			if (put) tx.objectStore(table).put(put);
			if (del) tx.objectStore(table).delete(del);
			tx.oncomplete = () => (db.close(), resolve());
			tx.onerror = () => (db.close(), reject(tx.error));
		};
	});
}

const step: fc.Arbitrary<Step> = fc.oneof(
	{ arbitrary: fc.constant({ do: 'open' as const }), weight: 4 },
	{ arbitrary: fc.nat(5).map((which) => ({ do: 'close' as const, which })), weight: 2 },
	{ arbitrary: fc.constant({ do: 'restart' as const }), weight: 1 },
	{ arbitrary: fc.boolean().map((drawsAnew) => ({ do: 'new build' as const, drawsAnew })), weight: 1 },
	{ arbitrary: fc.constant({ do: 'quiet' as const }), weight: 3 },
	{
		arbitrary: fc.record({
			do: fc.constant('write' as const),
			by: fc.constantFrom<By>('this tab', 'another tab', 'outside', 'outside'),
			what: fc.constantFrom('edit' as const, 'add' as const, 'delete' as const, 'renumber' as const),
			// Mostly on the tasks page's first screen, where a stale copy would show.
			at: fc.oneof({ arbitrary: fc.nat(20), weight: 3 }, { arbitrary: fc.nat(TASKS), weight: 1 }),
			// The benchmark removes the generation after its raw writes; a script that does not leaves it as it was.
			generationLeft: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 })
		}),
		weight: 6
	}
);

describe('the fast-start room', () => {
	beforeAll(() => {
		vi.stubGlobal('localStorage', storage);
		vi.stubGlobal('setTimeout', holdingSetTimeout);
		vi.stubGlobal('clearTimeout', holdingClearTimeout);
	});
	afterAll(() => {
		vi.unstubAllGlobals();
	});

	it('shows after open exactly what is stored, and withdraws any copy shown before that disagrees', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), async (steps) => {
				const world = new World();
				notices.list = [];
				try {
					await world.seed();
					// Every run starts from a visit that kept its copies, as a returning person's browser has them.
					await world.run({ do: 'open' });
					await world.run({ do: 'quiet' });
					for (const s of steps) await world.run(s);
					await world.run({ do: 'open' });
					expect(storage.getItem(`${RETIRED_START_COPY_PREFIX}${world.name}`), 'the start copy an earlier version left').toBeNull();
					expect(notices.list.filter((n) => n.kind === 'error').map((n) => n.text)).toEqual([]);
				} finally {
					await world.dispose();
				}
			}),
			{
				numRuns: 10,
				// Besides the random runs, two ways a copy could show what is not stored, found by the property
				// itself (when first-rows.js skipped its withdrawal, and when a since retired start copy stayed
				// on show after open): a write outside Tieout to a record on the first screen, the generation left as it was.
				examples: [
					[[{ do: 'write', by: 'outside', what: 'edit', at: 0, generationLeft: true }, { do: 'open' }]],
					[[{ do: 'write', by: 'outside', what: 'renumber', at: 0, generationLeft: true }, { do: 'new build', drawsAnew: false }, { do: 'open' }]]
				]
			}
		);
		// Not vacuous: every copy was used, and stale ones were shown before open and withdrawn.
		expect(seen.lineFile, 'line files read').toBeGreaterThan(0);
		expect(seen.drawnEarly, 'first screens drawn early').toBeGreaterThan(0);
		expect(seen.withdrawn, 'early drawings withdrawn by their check').toBeGreaterThan(0);
	}, 120_000);
});
