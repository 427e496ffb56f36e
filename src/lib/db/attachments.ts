import type { Attachment, TieoutDB } from './database';
import { RecordError } from './errors';
import { writeTransaction } from './write-transaction';

/** Photos and readings are evidence, not archives: a phone photo fits; a video does not. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface NewAttachment {
	name: string;
	type: string;
	data: Blob;
}

/** Keeps sign-off evidence with its work order; refuses what would not fit, naming the file. */
export async function addAttachment(db: TieoutDB, workOrderId: string, file: NewAttachment, addedOn: string, id: string): Promise<Attachment> {
	if (file.data.size === 0) throw new RecordError([{ field: 'data', message: `${file.name} is empty` }], 'The attachment was not added');
	if (file.data.size > ATTACHMENT_MAX_BYTES) {
		const mb = (file.data.size / 1024 / 1024).toFixed(1);
		throw new RecordError([{ field: 'data', message: `${file.name} is ${mb} MB; an attachment may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` }], 'The attachment was not added');
	}
	const record: Attachment = { id, workOrderId, name: file.name, type: file.type || 'application/octet-stream', addedOn, data: file.data };
	// One transaction, so the work order cannot go between the check and the write, and a failed
	// write keeps the reason IndexedDB gave for it (a full disk).
	await writeTransaction(db, [db.workOrders, db.attachments], async () => {
		if (!(await db.workOrders.get(workOrderId))) throw new RecordError([{ field: 'workOrderId', message: 'the work order no longer exists' }], 'The attachment was not added');
		await db.attachments.add(record);
	});
	return record;
}

export const attachmentsOf = (db: TieoutDB, workOrderId: string): Promise<Attachment[]> => db.attachments.where('workOrderId').equals(workOrderId).sortBy('addedOn');

export const deleteAttachment = (db: TieoutDB, id: string): Promise<void> => writeTransaction(db, [db.attachments], () => db.attachments.delete(id));
