import type { PdfRequest } from './generate';

/** A request to the PDF worker; `id` pairs it with its answer when several are in flight. */
export type PdfWorkerRequest = PdfRequest & { id: number };

export type PdfWorkerResponse = { id: number; ok: true; bytes: ArrayBuffer; fileName: string; pageCount: number } | { id: number; ok: false; error: string };

/** Answers one request. jsPDF is loaded on the first one, so nothing is fetched until a PDF is wanted. */
export async function answer(request: PdfWorkerRequest): Promise<PdfWorkerResponse> {
	try {
		const { generatePdf } = await import('./generate');
		const { bytes, fileName, pageCount } = generatePdf(request);
		return { id: request.id, ok: true, bytes, fileName, pageCount };
	} catch (e) {
		return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}
