import { describe, expect, it } from 'vitest';
import { TieoutDB } from './database';
import { deleteRecord } from './repository';
import { exportBackup, readBackup, restoreBackup } from './backup';
import { historyOf } from './history';
import { undoChange } from './undo';
import { freshDbEachTest, seedLinked } from '$lib/testing/db';

let db: TieoutDB;
freshDbEachTest('backup-history', (d) => (db = d));

describe('backup format 5 carries the history', () => {
	it('a job deleted with its sign-off photo comes back whole by undo after the backup is restored elsewhere', async () => {
		const s = await seedLinked(db);
		await db.invoiceLines.clear();
		await db.invoices.update(s.inv.id, { workOrderNumbers: [] });
		await db.attachments.add({ id: 'att-1', workOrderId: s.wo.id, name: 'gauge.png', type: 'image/png', addedOn: '2026-12-01', data: new Blob([new Uint8Array([7, 8, 9])], { type: 'image/png' }) });
		await deleteRecord(db, 'workOrders', s.wo.id);
		const file = JSON.parse(JSON.stringify(await exportBackup(db, '2026-12-08T10:00:00Z', undefined, '0.5.0')));
		expect(file.formatVersion).toBe(6);
		const kept = (file.tables.history as { deleted: { key: string; record: Record<string, unknown> }[] }[]).flatMap((h) => h.deleted).find((d) => d.key === 'attachments:att-1');
		expect(kept!.record).toMatchObject({ name: 'gauge.png', base64: 'BwgJ' });
		expect(readBackup(structuredClone(file)).summary.counts.history).toBe(file.tables.history.length);

		const other = new TieoutDB(`backup-history-other-${crypto.randomUUID()}`);
		try {
			await restoreBackup(other, file, 'monday.json');
			const rows = await historyOf(other, 'workOrders', s.wo.id);
			expect(rows[0]!.cause.kind).toBe('delete');
			expect((await historyOf(other, 'customers', s.cust.id))[0]!.cause).toEqual({ kind: 'restore', file: 'monday.json', label: '' });
			await undoChange(other, rows[0]!.change, { kind: 'undo' });
			const photo = (await other.attachments.get('att-1'))!;
			expect([...new Uint8Array(await photo.data.arrayBuffer())]).toEqual([7, 8, 9]);
			expect(await other.tasks.get(s.task.id)).toEqual(s.task);
		} finally {
			await other.delete();
		}
	});
});
