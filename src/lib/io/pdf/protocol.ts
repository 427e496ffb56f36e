import type { PdfRequest, PdfResult } from './generate';

/** A request to the PDF worker; `id` pairs it with its answer when several are in flight. */
export type PdfWorkerRequest = PdfRequest & { id: number };

export type PdfWorkerResponse = { id: number; ok: true; bytes: ArrayBuffer; fileName: string; pageCount: number } | { id: number; ok: false; error: string };

/**
 * Makes what a request asks for: jsPDF is loaded on the first request, and pdf-lib and the embedded
 * fonts only on the first Factur-X one, so an ordinary PDF never waits for them.
 */
export async function make(request: PdfRequest): Promise<PdfResult> {
	if (request.kind !== 'invoice' || !request.facturX) {
		const { generatePdf } = await import('./generate');
		return generatePdf(request);
	}
	const [{ generatePdf }, { LIBERATION_SANS }, { toFacturX }] = await Promise.all([import('./generate'), import('./fonts/liberation-sans'), import('./factur-x')]);
	const pdf = generatePdf(request, LIBERATION_SANS);
	const meta = { title: pdf.title, author: pdf.author, invoiceNumber: request.input.invoice.number, created: new Date(), profile: 'EN 16931' as const };
	const wrapped = await toFacturX(new Uint8Array(pdf.bytes), request.facturX.xml, meta);
	// A view of a larger buffer would transfer (and save) more than the file.
	const bytes = wrapped.byteOffset === 0 && wrapped.byteLength === wrapped.buffer.byteLength ? (wrapped.buffer as ArrayBuffer) : (wrapped.slice().buffer as ArrayBuffer);
	return { ...pdf, bytes };
}

/** Answers one request, with the file or with the sentence that says why there is none. */
export async function answer(request: PdfWorkerRequest): Promise<PdfWorkerResponse> {
	try {
		const { bytes, fileName, pageCount } = await make(request);
		return { id: request.id, ok: true, bytes, fileName, pageCount };
	} catch (e) {
		return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}
