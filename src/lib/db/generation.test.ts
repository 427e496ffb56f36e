import { describe, expect, it } from 'vitest';
import { ensureGeneration, readGeneration } from './generation';
import * as b from '$lib/testing/builders';
import { openedDbs } from '$lib/testing/db';

const opened = openedDbs('gen');

describe('the write generation', () => {
	it('changes as a transaction that writes starts, and again as it ends', async () => {
		const db = await opened();
		const before = readGeneration(db.name);
		let during: string | null = null;
		await db.transaction('rw', db.customers, db.tasks, async () => {
			await db.customers.put(b.customer());
			during = readGeneration(db.name);
			await db.tasks.bulkPut([b.task({ workOrderId: 'w' }), b.task({ workOrderId: 'w' })]);
			// Once per transaction: every change also reaches every other tab as a storage event.
			expect(readGeneration(db.name)).toBe(during);
		});
		expect(during).not.toBe(before);
		expect(readGeneration(db.name)).not.toBe(during);
		const after = readGeneration(db.name);
		await db.customers.toArray();
		expect(readGeneration(db.name)).toBe(after);
	});

	it('changes for a write that is refused too: the tab may close before anyone knows it failed', async () => {
		const db = await opened();
		const c = b.customer();
		await db.customers.add(c);
		const before = readGeneration(db.name);
		await expect(db.customers.add(c)).rejects.toThrow();
		expect(readGeneration(db.name)).not.toBe(before);
	});

	it('is made once for a workbook that has none, and then kept', async () => {
		const m = new Map<string, string>();
		const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
		expect(readGeneration('wb', storage)).toBeNull();
		ensureGeneration('wb', storage);
		const made = readGeneration('wb', storage);
		expect(made).not.toBeNull();
		ensureGeneration('wb', storage);
		expect(readGeneration('wb', storage)).toBe(made);
	});

	it('is kept per workbook', async () => {
		const [one, two] = [await opened(), await opened()];
		const other = readGeneration(two.name);
		await one.customers.put(b.customer());
		expect(readGeneration(two.name)).toBe(other);
	});
});
