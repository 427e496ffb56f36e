import type { PlanRequest, PlanSummaryOutcome, TableSummary, WorkerRequest, WorkerResponse } from '$lib/io/csv/worker/protocol';
import type { ImportProblem } from '$lib/io/csv/problem';
import type { FileCustomerName } from '$lib/io/csv/customer-column';
import type { WriteRequest, WriteResponse } from './import-write';

type Request = WorkerRequest | WriteRequest;
type Response = WorkerResponse | WriteResponse;
type Req = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Written = Extract<WriteResponse, { type: 'written' }>;

/**
 * One import's conversation with its worker (import.worker.ts). `cancel()` stops a long parse at
 * once by ending the worker; the next request starts a fresh one (the file is then read again).
 * A write is never ended so: `stopWrite()` asks it to take itself back.
 */
export class ImportWorker {
	#worker: Worker | null = null;
	#seq = 0;
	#pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; onProgress?: (f: number, committing?: boolean) => void }>();
	/** The write under way, so Cancel can ask it to stop. */
	#writing: number | null = null;

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<Response>) => {
			const r = e.data;
			const p = this.#pending.get(r.id);
			if (!p) return;
			if (r.type === 'progress') return p.onProgress?.(r.fraction, 'committing' in r && r.committing);
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

	#ask(req: Req, transfer: Transferable[] = [], onProgress?: (f: number, committing?: boolean) => void): Promise<Response> {
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

	/**
	 * Stores the last checked plan from the worker, in one transaction. `onProgress` hears how far it
	 * is, and once that it is committing (past stopping); resolves to the worker's answer, a
	 * refusal included, and rejects only when the worker itself fails.
	 */
	async write(req: Omit<Extract<WriteRequest, { type: 'write' }>, 'id' | 'type'>, onProgress?: (f: number, committing?: boolean) => void): Promise<Written> {
		// The id #ask is about to give this request (it numbers them in order, synchronously), so a stop can name it.
		const id = this.#seq + 1;
		this.#writing = id;
		try {
			const r = await this.#ask({ type: 'write', ...req }, [], onProgress);
			if (r.type !== 'written') throw new Error('Unexpected answer from the import worker');
			return r;
		} finally {
			if (this.#writing === id) this.#writing = null;
		}
	}

	/** Asks the write under way to stop at its next slice; its answer then says it was cancelled. */
	stopWrite(): void {
		if (this.#writing !== null) this.#worker?.postMessage({ type: 'stop', id: ++this.#seq, write: this.#writing } satisfies WriteRequest);
	}

	cancel(): void {
		this.#fail(new Error('Cancelled'));
	}
}
