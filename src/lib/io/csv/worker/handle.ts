import type { ParsedTable } from '../parse';
import { readTable } from '../read';
import { planTable } from './plan-view';
import { PREVIEW_ROWS, type WorkerRequest, type WorkerResponse } from './protocol';

/** The file last read: kept here so mapping and checking never copy a large table back and forth. */
let current: { fileName: string; table: ParsedTable } | null = null;

/** Answers one request (run in the worker, and directly in tests). Progress goes out as it happens. */
export function answer(req: WorkerRequest, progress: (r: WorkerResponse) => void): WorkerResponse[] {
	try {
		if (req.type === 'read') {
			let last = 0;
			const read = readTable(new Uint8Array(req.bytes), req.fileName, req.chosen, (fraction) => {
				// Every few percent is enough for a progress bar; posting per chunk would flood the page.
				if (fraction - last >= 0.02 || fraction === 1) {
					last = fraction;
					progress({ type: 'progress', id: req.id, fraction });
				}
			});
			if (!read.ok) {
				current = null;
				return [{ type: 'read', id: req.id, ok: false, problems: read.problems }];
			}
			current = { fileName: req.fileName, table: read.table };
			const t = read.table;
			return [
				{
					type: 'read',
					id: req.id,
					ok: true,
					summary: { fileName: req.fileName, encoding: read.encoding, delimiter: read.delimiter, headerRow: read.headerRow, header: t.header, preview: t.rows.slice(0, PREVIEW_ROWS), rowCount: t.rows.length, warnings: t.warnings }
				}
			];
		}
		if (!current) return [{ type: 'failed', id: req.id, error: 'No file has been read yet.' }];
		const { type: _type, id: _id, ...plan } = req;
		return [{ type: 'plan', id: req.id, outcome: planTable(current.table, current.fileName, plan, () => crypto.randomUUID()) }];
	} catch (e) {
		return [{ type: 'failed', id: req.id, error: e instanceof Error ? e.message : String(e) }];
	}
}
