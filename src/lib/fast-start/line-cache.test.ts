import { afterEach, describe, expect, it, vi } from 'vitest';
import { TieoutDB } from '$lib/db/database';
import { applyChanges, deleteRecord } from '$lib/db/repository';
import type { Task } from '$lib/domain/records';
import { updateShownFirst } from '$lib/state/shown-first';
import { Workbook } from '$lib/state/workbook.svelte';
import * as b from '$lib/testing/builders';
import { OpenedWorkbooks } from '$lib/testing/opened-workbooks';
import { LineCache } from './line-cache';
import { LineJournal } from './line-journal';
import { MemoryLineStore } from './line-store';

// The workbook loading its lines from their fast-start copy (line-cache.ts), which is never the truth.

const books = new OpenedWorkbooks(
	(db) => new LineCache(db.name),
	(db) => new LineCache(db.name).clear()
);
afterEach(() => books.closeAll());
/** A workbook with one job of `n` tasks: more than a first page, so the copy's path is taken. */
const seeded = (n: number) => books.seeded(n);
const open = (db: TieoutDB) => books.open(db);

const mirror = (wb: Workbook) => wb.tables.tasks.rows().sort((x, y) => (x.id < y.id ? -1 : 1));
const stored = async (db: TieoutDB) => (await db.tasks.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
const moreTasks = (workOrderId: string, n: number) => Array.from({ length: n }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId, code: `I${i}` }));

describe('a fast-start copy the table moved on from', () => {
	it('corrects a stale fast-start cache from the table: changed, deleted and added rows', async () => {
		const { db, tasks } = await seeded(750);
		// The cache holds the tasks as they were; then the table moves on behind its back.
		await new LineCache(db.name).write('tasks', tasks, 1);
		await db.tasks.update(tasks[10]!.id, { description: 'Changed after the cache was written' });
		await db.tasks.delete(tasks[20]!.id);
		await db.tasks.add(b.task({ id: crypto.randomUUID(), workOrderId: tasks[0]!.workOrderId, code: 'T999' }));
		performance.clearMarks();
		const wb = await open(db);
		expect(performance.getEntriesByName('tieout:cache-read:tasks')).toHaveLength(1);
		expect(mirror(wb)).toEqual(await stored(db));
		expect(wb.tables.tasks.get(tasks[20]!.id)).toBeUndefined();
	});
});

describe('a fast-start copy older than the last edits', () => {
	/** Opens a workbook and records the rows its copy handed over, before the check against the table. */
	async function openWatchingCopy(db: TieoutDB) {
		const wb = new Workbook(db, new LineCache(db.name));
		books.track(db, wb);
		let fromCopy: Map<string, Task> | null = null;
		let removedWithCopy: readonly string[] = [];
		wb.tables.tasks.subscribe((d) => {
			// The first page is 300 rows: the copy's delta is the first one bigger than that.
			if (!fromCopy && d.upserts.length > 300) {
				fromCopy = new Map(d.upserts.map((r) => [r.id, r]));
				removedWithCopy = d.removes;
			}
		});
		performance.clearMarks();
		await wb.start();
		await wb.linesLoaded;
		expect(performance.getEntriesByName('tieout:cache-read:tasks'), 'the copy was used').toHaveLength(1);
		return { wb, fromCopy: fromCopy as Map<string, Task> | null, removedWithCopy };
	}

	// Regression: a tab closed within a minute of an edit (before the copy was rewritten) showed
	// the old value at the next start until the full check against IndexedDB caught up, seconds later.
	it('shows lines edited and deleted just before the tab closed from the start, not after the check', async () => {
		const { db, tasks } = await seeded(750);
		await new LineCache(db.name).write('tasks', tasks, 1);
		const first = await open(db);
		const [edited, deleted] = [tasks[400]!, tasks[500]!];
		await updateShownFirst(db, first.tables.tasks, 'tasks', edited.id, { description: 'Edited just before closing' });
		await deleteRecord(db, 'tasks', deleted.id);
		await vi.waitFor(() => expect(first.tables.tasks.get(deleted.id)).toBeUndefined());
		first.stop(); // the tab closes: its copy is never rewritten

		const { wb, fromCopy, removedWithCopy } = await openWatchingCopy(db);
		expect(fromCopy!.get(edited.id)?.description).toBe('Edited just before closing');
		expect(fromCopy!.has(deleted.id) && !removedWithCopy.includes(deleted.id)).toBe(false);
		expect(mirror(wb)).toEqual(await stored(db));
	});

	/** Opens the workbook and checks that it read the table itself, not the copy, and mirrors it exactly. */
	async function openReadingTheTable(db: TieoutDB) {
		performance.clearMarks();
		const wb = await open(db);
		expect(performance.getEntriesByName('tieout:cache-read:tasks'), 'the copy was not used').toHaveLength(0);
		expect(mirror(wb)).toEqual(await stored(db));
	}

	it('does not use a copy whose journal says the whole table changed', async () => {
		const { db, tasks } = await seeded(750);
		await new LineCache(db.name).write('tasks', tasks.slice(0, 700), 1);
		new LineJournal(db.name).noteWhole('tasks');
		await openReadingTheTable(db);
	});

	it('after an import, with the tab closed before the copy was rewritten, the next start shows the imported lines', async () => {
		const { db, tasks } = await seeded(750);
		await new LineCache(db.name).write('tasks', tasks, 1);
		// A tab whose copy rewrite never finishes: it is closed first.
		const neverWritten = new (class extends MemoryLineStore {
			override write = () => new Promise<void>(() => {});
		})(`${db.name}-lines`);
		const first = new Workbook(db, new LineCache(db.name, neverWritten));
		books.track(db, first);
		await first.start();
		await first.linesLoaded;
		// Enough that the table is worth a copy (2,000 rows), so the rewrite is what is due.
		const imported = Array.from({ length: 1_500 }, (_, i) => b.task({ id: crypto.randomUUID(), workOrderId: tasks[0]!.workOrderId, code: `I${i}` }));
		// Whether the journal already said so when the imported lines first reached the mirror: a tab closed
		// before then (while the table is read again) must leave it saying so too.
		const wholeWhenShown: boolean[] = [];
		first.tables.tasks.subscribe(() => wholeWhenShown.push(new LineJournal(db.name).isWhole('tasks')));
		await db.tasks.bulkAdd(imported);
		await vi.waitFor(() => expect(first.tables.tasks.size).toBe(2_250));
		expect(wholeWhenShown[0]).toBe(true);
		first.stop();

		// The journal names every imported line (or the whole table), so the old copy is patched or not used.
		const pending = new LineJournal(db.name).adopt('tasks');
		expect(pending.whole || imported.every((r) => pending.ids.includes(r.id))).toBe(true);
		const wb = await open(db);
		expect(mirror(wb)).toEqual(await stored(db));
	});

	// Bug: after an import too big for the journal the copy was rewritten only a minute later, so a
	// tab closed within the minute left the next start reading every line from IndexedDB.
	it('rewrites the copy soon after a change too big for its journal, so the next start can use it', async () => {
		const { db, tasks } = await seeded(2_100);
		const wb = await open(db);
		await vi.waitFor(() => expect(performance.getEntriesByName('tieout:cache-written:tasks').length).toBeGreaterThan(0));
		performance.clearMarks();
		await applyChanges(db, { put: { tasks: moreTasks(tasks[0]!.workOrderId, 2_100) } });
		await vi.waitFor(() => expect(wb.tables.tasks.size).toBe(4_200));
		expect(new LineJournal(db.name).isWhole('tasks')).toBe(true);
		// Within seconds, not the minute that ordinary edits wait.
		await vi.waitFor(() => expect(new LineJournal(db.name).isWhole('tasks')).toBe(false), { timeout: 5_000 });
		expect(performance.getEntriesByName('tieout:cache-written:tasks').length).toBeGreaterThan(0);
		expect(await new LineCache(db.name).read('tasks')).toHaveLength(4_200);
	});

	it('answers for the notes of a tab that closed, and clears them once its own copy is written', async () => {
		const { db, tasks } = await seeded(2_100);
		new LineJournal(db.name, undefined, 'a-tab-now-closed').note('tasks', [tasks[5]!.id]);
		performance.clearMarks();
		await open(db);
		// No copy existed, so the start read the table and writes a copy of what it read.
		await vi.waitFor(() => expect(performance.getEntriesByName('tieout:cache-written:tasks')).toHaveLength(1));
		expect(new LineJournal(db.name).adopt('tasks')).toEqual({ whole: false, ids: [] });
	});
});
