import { addAttachment, attachmentsOf, deleteAttachment } from '$lib/db/attachments';
import type { Attachment } from '$lib/db/database';
import { describeStorageError, RecordError } from '$lib/db/errors';
import { app, newId, today } from './app.svelte';
import { notices } from './notices.svelte';

export const listAttachments = (workOrderId: string): Promise<Attachment[]> => attachmentsOf(app.wb.db, workOrderId);

/** Stores each file; one refused (too big, empty) is named and the others still go in. */
export async function attach(workOrderId: string, files: File[]): Promise<void> {
	for (const file of files) {
		try {
			await addAttachment(app.wb.db, workOrderId, { name: file.name, type: file.type, data: file }, today(), newId());
			notices.push('success', `${file.name} attached.`);
		} catch (err) {
			// A refused file names itself; a storage failure is said of this file.
			notices.push('error', err instanceof RecordError ? describeStorageError(err) : `${file.name} was not attached. ${describeStorageError(err)}`);
		}
	}
}

export async function detach(a: Attachment): Promise<void> {
	try {
		await deleteAttachment(app.wb.db, a.id);
		notices.push('success', `${a.name} removed.`);
	} catch (err) {
		notices.push('error', `${a.name} was not removed. ${describeStorageError(err)}`);
	}
}
