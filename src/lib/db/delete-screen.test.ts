import { describe, expect, it } from 'vitest';
import { RECORD_TABLES } from './database';
import { mayBeBlocked } from './delete-screen';
import { deleteBlockers } from './integrity';
import type { AnyRecord } from './records';
import { sampleDbs } from '$lib/testing/db';
import * as b from '$lib/testing/builders';

const sample = sampleDbs('delete-screen');

describe('mayBeBlocked', () => {
	it('finds every record of the sample workbook that deleteBlockers holds back, in every table', async () => {
		const db = await sample();
		let held = 0;
		for (const table of RECORD_TABLES) {
			const recs = (await db.table(table).toArray()) as AnyRecord[];
			const suspects = await mayBeBlocked(db, table, recs);
			for (const r of recs) {
				const blockers = await deleteBlockers(db, table, r);
				if (blockers.length) {
					held++;
					expect(suspects.has(r.id), `${table} ${r.id} is held by ${blockers.join('; ')}`).toBe(true);
				}
			}
		}
		// The sample's customers, sites, jobs, POs and lines are used: the check was not vacuous.
		expect(held).toBeGreaterThan(20);
	});

	it('screens out what nothing points at: a new customer, a PO line no task or invoice names', async () => {
		const db = await sample();
		const lonely = b.customer({ name: 'Nobody Uses Me LLC' });
		await db.customers.add(lonely);
		const customers = (await db.customers.toArray()) as AnyRecord[];
		const suspects = await mayBeBlocked(db, 'customers', customers);
		expect(suspects.has(lonely.id)).toBe(false);
		expect(suspects.size).toBe(customers.length - 1);

		const po = (await db.purchaseOrders.toArray())[0]!;
		const spare = b.poLine({ poId: po.id, lineNo: 999 });
		await db.poLines.add(spare);
		expect((await mayBeBlocked(db, 'poLines', [spare as AnyRecord])).size).toBe(0);
	});
});
