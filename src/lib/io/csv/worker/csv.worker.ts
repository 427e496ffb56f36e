/// <reference lib="webworker" />
import { answer, answerPdf } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { browserPdfJs } from '../../pdf-in/pdfjs-browser';

// Parsing and checking a large file here keeps the page responsive; the page can cancel by
// terminating this worker.
const post = (r: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const req = event.data;
	// pdf.js is loaded only when a PDF is read; the page waits for the answer before asking more.
	if (req.type === 'readPdf') void answerPdf(req, post, browserPdfJs).then((rs) => rs.forEach(post));
	else for (const r of answer(req, post)) post(r);
};
