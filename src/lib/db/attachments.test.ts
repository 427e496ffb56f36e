import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { TieoutDB } from './database';
import { deleteRecord, saveBatch } from './repository';
import { ATTACHMENT_MAX_BYTES, addAttachment, attachmentsOf } from './attachments';
import { refused } from '$lib/testing/db';

let db: TieoutDB;
let n = 0;
const ids = () => `id-${++n}`;
beforeEach(() => {
	db = new TieoutDB('att-' + crypto.randomUUID());
});
afterEach(async () => {
	await db.delete();
});

const file = (name: string, size: number) => ({ name, type: 'image/png', data: new Blob([new Uint8Array(size)], { type: 'image/png' }) });

describe('attachments', () => {
	it('are kept with their work order and go when it is deleted', async () => {
		const wb = sampleWorkbook('2027-01-15', ids);
		await saveBatch(db, wb);
		const wo = wb.workOrders.find((w) => w.status === 'open')!;
		await addAttachment(db, wo.id, file('before.png', 10), '2027-01-15', 'a1');
		expect((await attachmentsOf(db, wo.id)).map((a) => a.name)).toEqual(['before.png']);
		await deleteRecord(db, 'workOrders', wo.id);
		expect(await db.attachments.count()).toBe(0);
	});

	it('refuses an empty file and one over the size limit, naming the file, and stores nothing', async () => {
		const wb = sampleWorkbook('2027-01-15', ids);
		await saveBatch(db, wb);
		const wo = wb.workOrders[0]!;
		expect((await refused(addAttachment(db, wo.id, file('blank.png', 0), '2027-01-15', 'a1'))).message).toContain('blank.png is empty');
		const big = await refused(addAttachment(db, wo.id, file('video.png', ATTACHMENT_MAX_BYTES + 1), '2027-01-15', 'a2'));
		expect(big.message).toContain('video.png is 10.0 MB');
		expect(await db.attachments.count()).toBe(0);
	});
});
