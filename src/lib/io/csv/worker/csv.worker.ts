/// <reference lib="webworker" />
import { answer } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

// Parsing and checking a large file here keeps the page responsive; the page can cancel by
// terminating this worker.
const post = (r: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	for (const r of answer(event.data, post)) post(r);
};
