import type { ColumnMapping, TieoutDB } from '$lib/db/database';
import { describeStorageError } from '$lib/db/errors';
import { onCommitted, type CommittedChange } from '$lib/db/history';
import { applyChanges } from '$lib/db/repository';
import { WriteCancelled } from '$lib/db/write-watch';
import type { PlannedWrite } from '$lib/io/csv/worker/protocol';

/*
 * An import's records are stored by the import worker itself (import.worker.ts), which already
 * holds them: handing 100,000 records to the page cloned each one on the page's thread twice (the
 * message, then IndexedDB's put), and the page was busy for most of the write. The page now only
 * shows the bar, and learns of the new records as it learns of another tab's: through Dexie's
 * change feed, which reaches every window and worker of the origin.
 */

/** The page asks the worker to store the checked plan, or to stop the write under way. */
export type WriteRequest =
	| {
			type: 'write';
			id: number;
			/** The workbook's IndexedDB name. */
			db: string;
			/** The column mapping to remember, written in the same transaction. */
			mapping: ColumnMapping;
			/** The file's name, kept with the change in its history. */
			file: string;
			/** False only in the benchmark that measures what recording history costs (db/history.ts recordingOff). */
			recording: boolean;
	  }
	| { type: 'stop'; id: number; write: number };

export type WriteResponse =
	| { type: 'progress'; id: number; fraction: number; committing?: true }
	| { type: 'written'; id: number; ok: true; committed: CommittedChange | null }
	| { type: 'written'; id: number; ok: false; cancelled: boolean; message: string };

/** How often the bar moves: every hundredth of the write is plenty, and posts no flood. */
const STEP = 0.01;

/**
 * Stores `write` (the last checked plan) in one transaction, all or nothing, as the page's own
 * write did: the same repository call, validation, history and Cancel. Answers with the committed
 * change, which the page announces to its undo list, or with the refusal in the person's words.
 */
export async function writePlanned(
	db: TieoutDB,
	write: PlannedWrite | null,
	req: Extract<WriteRequest, { type: 'write' }>,
	signal: AbortSignal,
	tell: (r: WriteResponse) => void
): Promise<WriteResponse> {
	const refuse = (message: string, cancelled = false): WriteResponse => ({ type: 'written', id: req.id, ok: false, cancelled, message });
	if (!write) return refuse('Nothing has been checked yet. Nothing was saved.');
	let committed: CommittedChange | null = null;
	const stopListening = onCommitted((c) => {
		if (c.db === db.name) committed = c;
	});
	let told = 0;
	try {
		await applyChanges(
			db,
			{ put: write.put, add: write.add, remove: write.remove, revisions: write.revisions, mappings: [req.mapping] },
			{
				signal,
				progress: (done, total) => {
					const fraction = done / Math.max(total, 1);
					if (fraction - told < STEP && fraction < 1) return;
					told = fraction;
					tell({ type: 'progress', id: req.id, fraction });
				},
				committing: () => tell({ type: 'progress', id: req.id, fraction: told, committing: true })
			},
			{ kind: 'import', file: req.file }
		);
		return { type: 'written', id: req.id, ok: true, committed };
	} catch (err) {
		return refuse(describeStorageError(err), err instanceof WriteCancelled);
	} finally {
		stopListening();
	}
}
