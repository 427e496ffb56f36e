import type { PlannedWrite, PlanRequest, PlanSummaryOutcome, StoredRecords, TableSummary, WorkerRequest, WorkerResponse } from './protocol';
import type { ImportProblem } from '../problem';
import type { FileCustomerName } from '../customer-column';

type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * One import's conversation with its worker. `cancel()` stops a long parse at once by ending the
 * worker; the next request starts a fresh one (the file is then read again).
 */
export class CsvWorker {
	#worker: Worker | null = null;
	#seq = 0;
	#pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }>();

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<WorkerResponse>) => {
			const r = e.data;
			const p = this.#pending.get(r.id);
			if (!p) return;
			if (r.type === 'progress') return p.onProgress?.(r.fraction);
			this.#pending.delete(r.id);
			if (r.type === 'failed') p.reject(new Error(r.error));
			else p.resolve(r);
		};
		w.onerror = (e) => {
			e.preventDefault();
			this.#fail(new Error(`The file could not be read: ${e.message || 'the import worker stopped'}`));
		};
		this.#worker = w;
		return w;
	}

	#fail(error: Error) {
		const waiting = [...this.#pending.values()];
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
		for (const p of waiting) p.reject(error);
	}

	#ask(req: Req, transfer: Transferable[] = [], onProgress?: (f: number) => void): Promise<WorkerResponse> {
		const id = ++this.#seq;
		const w = this.#start();
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject, onProgress });
			w.postMessage({ ...req, id }, transfer);
		});
	}

	/** Reads a file's bytes into a table (kept in the worker); resolves to what the wizard shows. */
	async read(bytes: ArrayBuffer, fileName: string, chosen: Extract<Req, { type: 'read' }>['chosen'], onProgress?: (f: number) => void): Promise<{ ok: true; summary: TableSummary } | { ok: false; problems: ImportProblem[] }> {
		const r = await this.#ask({ type: 'read', bytes, fileName, chosen }, [], onProgress);
		if (r.type !== 'read') throw new Error('Unexpected answer from the import worker');
		return r.ok ? { ok: true, summary: r.summary } : { ok: false, problems: r.problems };
	}

	/** Reads a buyer's PO PDF into a table (kept in the worker) as `read` does a CSV; progress is by page. */
	async readPdf(bytes: ArrayBuffer, fileName: string, onProgress?: (f: number) => void): Promise<{ ok: true; summary: TableSummary } | { ok: false; problems: ImportProblem[] }> {
		const r = await this.#ask({ type: 'readPdf', bytes, fileName }, [], onProgress);
		if (r.type !== 'read') throw new Error('Unexpected answer from the import worker');
		return r.ok ? { ok: true, summary: r.summary } : { ok: false, problems: r.problems };
	}

	async plan(req: PlanRequest, onProgress?: (f: number) => void): Promise<PlanSummaryOutcome> {
		const r = await this.#ask({ type: 'plan', ...req }, [], onProgress);
		if (r.type !== 'plan') throw new Error('Unexpected answer from the import worker');
		return r.outcome;
	}

	/** Every name in the file's Customer column, with the rows that name it. */
	async names(column: string): Promise<FileCustomerName[]> {
		const r = await this.#ask({ type: 'names', column });
		if (r.type !== 'names') throw new Error('Unexpected answer from the import worker');
		return r.names;
	}

	/** The checked plan's writes, fetched slice by slice so no single hand-off blocks the page. */
	async takeWrite(onProgress?: (done: number) => void): Promise<PlannedWrite> {
		const put: Record<string, unknown[]> = {};
		let remove: PlannedWrite['remove'] = {};
		let revisions: PlannedWrite['revisions'] = [];
		let offset: number | null = 0;
		while (offset !== null) {
			const r = await this.#ask({ type: 'take', offset });
			if (r.type !== 'take') throw new Error('Unexpected answer from the import worker');
			for (const [table, rows] of Object.entries(r.slice.put)) (put[table] ??= []).push(...(rows as unknown[]));
			if (r.slice.remove) remove = r.slice.remove;
			if (r.slice.revisions) revisions = r.slice.revisions;
			offset = r.slice.next;
			onProgress?.(offset ?? Infinity);
		}
		return { put: put as StoredRecords, remove, revisions };
	}

	cancel(): void {
		this.#fail(new Error('Cancelled'));
	}
}
