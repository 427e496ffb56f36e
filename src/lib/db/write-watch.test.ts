import { describe, expect, it } from 'vitest';
import * as b from '$lib/testing/builders';
import { everything, sampleDbs } from '$lib/testing/db';
import type { TieoutDB } from './database';
import { applyChanges, type ChangeSet } from './repository';
import { WriteCancelled } from './write-watch';

/*
 * Cancel during an import's write (regression: the wizard reset at once, then every PO and line
 * of the file appeared anyway). The write stops at its next slice and its transaction takes
 * back what it had put and removed; past its last checkpoint it commits, and says so first.
 */

const sampleDb = sampleDbs('watch');

/** 2 POs of 1,050 lines (more than one write slice of 2,000) and, when asked, the sample's first PO removed. */
async function bigImport(db: TieoutDB, removeOne: boolean): Promise<ChangeSet> {
	const customer = (await db.customers.toArray())[0]!;
	const purchaseOrders = Array.from({ length: 2 }, (_, i) => b.purchaseOrder({ customerId: customer.id, number: `PO-${200000 + i}`, revision: 0 }));
	const poLines = purchaseOrders.flatMap((po) => Array.from({ length: 1_050 }, (_, l) => b.poLine({ poId: po.id, lineNo: l + 1 })));
	const removed = removeOne ? [(await db.purchaseOrders.toArray())[0]!.id] : [];
	return { put: { purchaseOrders, poLines }, remove: { purchaseOrders: removed } };
}

describe('a watched write', () => {
	it('cancelled halfway leaves storage exactly as it was, removals included', async () => {
		const db = await sampleDb();
		const before = await everything(db);
		const changes = await bigImport(db, true);
		const stop = new AbortController();
		const seen: number[] = [];
		const err = await applyChanges(db, changes, {
			signal: stop.signal,
			progress: (done) => {
				seen.push(done);
				if (done > 1_000) stop.abort();
			}
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(WriteCancelled);
		// It stopped at the first slice past the request, not at the end.
		expect(Math.max(...seen)).toBeLessThan(2_103);
		expect(await everything(db)).toEqual(before);
	});

	it('tells its progress up to the whole, then that it is committing, and stores everything', async () => {
		const db = await sampleDb();
		const changes = await bigImport(db, true);
		const told: string[] = [];
		let last = 0;
		let total = 0;
		await applyChanges(db, changes, {
			progress: (done, of) => {
				expect(done).toBeGreaterThan(last);
				last = done;
				total = of;
			},
			committing: () => told.push(`committing at ${last}`)
		});
		expect(total).toBe(1 + 2 + 2_100);
		expect(told).toEqual([`committing at ${total}`]);
		expect(await db.poLines.where('poId').anyOf(changes.put!.purchaseOrders!.map((p) => p.id)).count()).toBe(2_100);
	});

	it('asked to stop once committing, commits: the person was told it could not be stopped', async () => {
		const db = await sampleDb();
		const changes = await bigImport(db, false);
		const stop = new AbortController();
		await applyChanges(db, changes, { signal: stop.signal, committing: () => stop.abort() });
		expect(await db.purchaseOrders.where('number').startsWith('PO-2000').count()).toBe(2);
	});
});
