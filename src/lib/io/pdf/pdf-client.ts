import type { PdfKind, PdfRequest } from './generate';
import type { InvoiceDocInput } from './invoice-layout';
import type { JobSheetDocInput } from './job-sheet-layout';
import type { PdfWorkerRequest, PdfWorkerResponse } from './protocol';

export interface MadePdf {
	bytes: ArrayBuffer;
	fileName: string;
	pageCount: number;
}

type InputOf<K extends PdfKind> = Extract<PdfRequest, { kind: K }>['input'];

interface Pending {
	request: PdfRequest;
	resolve: (pdf: MadePdf) => void;
	reject: (error: Error) => void;
}

let worker: Worker | null = null;
/** Set once the worker could not be started or crashed: from then on PDFs are made on the main thread. */
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Made on the main thread: the fallback where there is no Worker (or it failed). */
async function onMainThread(request: PdfRequest): Promise<MadePdf> {
	const { make } = await import('./protocol');
	return make(request);
}

function startWorker(): Worker | null {
	if (worker || workerBroken) return worker;
	if (typeof Worker === 'undefined') {
		workerBroken = true;
		return null;
	}
	try {
		worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		workerBroken = true;
		return null;
	}
	worker.onmessage = (event: MessageEvent<PdfWorkerResponse>) => {
		const r = event.data;
		const p = pending.get(r.id);
		if (!p) return;
		pending.delete(r.id);
		if (r.ok) p.resolve({ bytes: r.bytes, fileName: r.fileName, pageCount: r.pageCount });
		else p.reject(new Error(`The PDF could not be made: ${r.error}`));
	};
	// A worker that fails to load or dies takes no request with it: they are made here instead.
	worker.onerror = (event) => {
		event.preventDefault();
		worker?.terminate();
		worker = null;
		workerBroken = true;
		const waiting = [...pending.values()];
		pending.clear();
		for (const p of waiting) onMainThread(p.request).then(p.resolve, p.reject);
	};
	return worker;
}

/**
 * The PDF for an invoice or a job sheet, made in a Web Worker (one, reused) so a long document
 * never freezes the page; jsPDF is loaded only here, on first use.
 */
export function makePdf(kind: 'invoice', input: InvoiceDocInput): Promise<MadePdf>;
export function makePdf(kind: 'jobSheet', input: JobSheetDocInput): Promise<MadePdf>;
export function makePdf<K extends PdfKind>(kind: K, input: InputOf<K>): Promise<MadePdf>;
export function makePdf(kind: PdfKind, input: InvoiceDocInput | JobSheetDocInput): Promise<MadePdf> {
	// Plain data only: reactive proxies cannot cross to a worker, and the layout must not see them change.
	return send({ kind, input: JSON.parse(JSON.stringify(input)) } as PdfRequest);
}

/**
 * The invoice PDF as Factur-X (EN 16931): the same pages, with `ciiXml` (a UN/CEFACT CII invoice of
 * this same invoice) embedded as factur-x.xml, made in the worker like any PDF. Rejects with a sentence
 * when the XML cannot be embedded (empty, not CII). Not a conforming PDF/A-3: see factur-x.ts.
 */
export function makeFacturX(input: InvoiceDocInput, ciiXml: string): Promise<MadePdf> {
	return send({ kind: 'invoice', input: JSON.parse(JSON.stringify(input)), facturX: { xml: ciiXml } });
}

function send(request: PdfRequest): Promise<MadePdf> {
	const w = startWorker();
	if (!w) return onMainThread(request);
	const id = nextId++;
	return new Promise<MadePdf>((resolve, reject) => {
		pending.set(id, { request, resolve, reject });
		w.postMessage({ ...request, id } satisfies PdfWorkerRequest);
	});
}
