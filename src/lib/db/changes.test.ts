import { afterEach, describe, expect, it } from 'vitest';
import { newCustomer } from '$lib/domain/factories';
import { TieoutDB } from './database';
import { onStorageMutated, type TableChange } from './changes';
import { saveRecord } from './repository';

const dbs: TieoutDB[] = [];
/** Creating a database reports every table as changed; tests start after that. */
async function freshDb() {
	const db = new TieoutDB(`changes-${dbs.length}-${Math.random()}`);
	dbs.push(db);
	await db.open();
	await new Promise((r) => setTimeout(r, 10));
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

function nextChange(name: string): Promise<TableChange[]> {
	return new Promise((resolve) => {
		const stop = onStorageMutated(name, (c) => {
			stop();
			resolve(c);
		});
	});
}

describe('storage change feed', () => {
	it('names exactly the records a write touched', async () => {
		const db = await freshDb();
		const changed = nextChange(db.name);
		await saveRecord(db, 'customers', newCustomer('c1', { name: 'Acme' }));
		expect(await changed).toEqual([{ table: 'customers', ids: ['c1'] }]);
	});

	it('reports a deletion by id', async () => {
		const db = await freshDb();
		await saveRecord(db, 'customers', newCustomer('c1', { name: 'Acme' }));
		const changed = nextChange(db.name);
		await db.customers.delete('c1');
		expect(await changed).toEqual([{ table: 'customers', ids: ['c1'] }]);
	});

	it('reports a range write as the whole table', async () => {
		const db = await freshDb();
		await saveRecord(db, 'customers', newCustomer('c1', { name: 'Acme' }));
		const changed = nextChange(db.name);
		await db.customers.clear();
		expect(await changed).toEqual([{ table: 'customers', all: true }]);
	});

	it('ignores other databases', async () => {
		const a = await freshDb();
		const b = await freshDb();
		const changed = nextChange(a.name);
		await saveRecord(b, 'customers', newCustomer('c9', { name: 'Other' }));
		await saveRecord(a, 'customers', newCustomer('c1', { name: 'Acme' }));
		expect(await changed).toEqual([{ table: 'customers', ids: ['c1'] }]);
	});
});
