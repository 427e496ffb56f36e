import type { PdfJs } from './text-items';

/**
 * pdf.js for the import worker: its own worker code is loaded into this worker and run in it (pdf.js
 * uses `globalThis.pdfjsWorker` when present instead of starting a worker of its own), so reading
 * a PDF starts no second worker and needs nothing beyond `worker-src 'self'`. Both are lazy chunks:
 * only a PDF loads them, and the service worker caches them with every built file.
 */
export async function browserPdfJs(): Promise<PdfJs> {
	const own = globalThis as { pdfjsWorker?: unknown };
	own.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.mjs');
	return (await import('pdfjs-dist')) as unknown as PdfJs;
}
