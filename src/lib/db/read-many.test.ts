import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { deleteMany, readMany } from './read-many';
import * as b from '$lib/testing/builders';
import { freshDbEachTest } from '$lib/testing/db';

let db: TieoutDB;
freshDbEachTest('read-many', (d) => (db = d));

const customers = (n: number) => Array.from({ length: n }, (_, i) => b.customer({ name: `Buyer ${i}` }));

describe('readMany', () => {
	// Both ways of reading: a few ids of a big table (one request each), most of it (one read of the table).
	it.each([
		['a few of the table', 40, 3],
		['most of the table', 40, 35]
	])('gives the records of %s in the order asked, undefined where none', async (_, size, asked) => {
		const all = customers(size);
		await db.customers.bulkAdd(all);
		const ids = [...all.slice(0, asked).map((c) => c.id).reverse(), 'gone'];
		expect(await readMany(db.customers, ids)).toEqual([...all.slice(0, asked).reverse(), undefined]);
	});
});

describe('deleteMany', () => {
	it.each([
		['a few of the table', 40, 3],
		['most of the table', 40, 35],
		['all of the table', 40, 40]
	])('deletes exactly the ids given when they are %s, leaving the others as they were', async (_, size, going) => {
		const all = customers(size);
		await db.customers.bulkAdd(all);
		await deleteMany(db.customers, all.slice(0, going).map((c) => c.id));
		expect((await db.customers.toArray()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(all.slice(going).sort((x, y) => x.id.localeCompare(y.id)));
		// The indexes were rebuilt for those that stayed.
		if (going < size) expect(await db.customers.where('name').equals(all[size - 1]!.name).count()).toBe(1);
	});

	it('is taken back whole with the transaction it ran in (the table is cleared and refilled on the way)', async () => {
		const all = customers(40);
		await db.customers.bulkAdd(all);
		await expect(
			db.transaction('rw', db.customers, async () => {
				await deleteMany(db.customers, all.slice(0, 35).map((c) => c.id));
				throw new Error('a later check refused the change');
			})
		).rejects.toThrow('a later check refused');
		expect(await db.customers.count()).toBe(40);
	});
});
