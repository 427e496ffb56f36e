/// <reference lib="webworker" />
import { TieoutDB } from '$lib/db/database';
import { answer, answerPdf, plannedWrite } from '$lib/io/csv/worker/handle';
import type { WorkerRequest, WorkerResponse } from '$lib/io/csv/worker/protocol';
import { browserPdfJs } from '$lib/io/pdf-in/pdfjs-browser';
import { writePlanned, type WriteRequest, type WriteResponse } from './import-write';

// Reading, checking and storing a large file here keeps the page responsive. The page cancels a
// read or a check by terminating this worker, and a write by asking it to stop (`stop`): the
// write then throws at its next slice and its transaction takes everything back.
const post = (r: WorkerResponse | WriteResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);
const writes = new Map<number, AbortController>();

async function write(req: Extract<WriteRequest, { type: 'write' }>): Promise<void> {
	const stop = new AbortController();
	writes.set(req.id, stop);
	// Only the benchmark of what history costs turns recording off, on the page (db/history.ts).
	(globalThis as { __tieoutBenchHistoryOff?: boolean }).__tieoutBenchHistoryOff = !req.recording;
	const db = new TieoutDB(req.db);
	try {
		post(await writePlanned(db, plannedWrite(), req, stop.signal, post));
	} finally {
		writes.delete(req.id);
		// Closed after each write: an open connection would hold back a newer build's schema upgrade.
		db.close();
	}
}

self.onmessage = (event: MessageEvent<WorkerRequest | WriteRequest>) => {
	const req = event.data;
	if (req.type === 'write') void write(req);
	else if (req.type === 'stop') writes.get(req.write)?.abort();
	// pdf.js is loaded only when a PDF is read; the page waits for the answer before asking more.
	else if (req.type === 'readPdf') void answerPdf(req, post, browserPdfJs).then((rs) => rs.forEach(post));
	else for (const r of answer(req, post)) post(r);
};
