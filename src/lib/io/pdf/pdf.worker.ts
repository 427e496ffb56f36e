import { answer, type PdfWorkerRequest } from './protocol';

/** The worker's global scope, as far as it is used here (the DOM typings describe a window instead). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<PdfWorkerRequest>) => void) | null;
	postMessage(message: unknown, transfer: Transferable[]): void;
}

/**
 * Builds PDFs off the main thread: a 1,000-line invoice takes long enough to freeze the page.
 * The bytes are transferred back, not copied.
 */
const scope = self as unknown as WorkerScope;
scope.onmessage = async (event) => {
	const response = await answer(event.data);
	scope.postMessage(response, response.ok ? [response.bytes] : []);
};
