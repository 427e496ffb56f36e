import { pdfFileName } from './file-name';
import { layoutInvoice, type InvoiceDocInput } from './invoice-layout';
import { layoutJobSheet, type JobSheetDocInput } from './job-sheet-layout';
import type { DocLayout } from './model';
import { embedFonts, STANDARD_FACES, type EmbeddedFonts } from './faces';
import { measureWith, newDocument, renderLayout } from './render';

/**
 * What the worker is asked for. Plain data only: it crosses threads by structured clone.
 * An invoice with `facturX` comes back as Factur-X: the same pages with that CII XML inside (factur-x.ts).
 */
export type PdfRequest = { kind: 'invoice'; input: InvoiceDocInput; facturX?: { xml: string } } | { kind: 'jobSheet'; input: JobSheetDocInput };
export type PdfKind = PdfRequest['kind'];

export interface PdfResult {
	bytes: ArrayBuffer;
	fileName: string;
	pageCount: number;
	/** As written into the PDF's Info dictionary (Factur-X repeats them in its XMP). */
	title: string;
	author: string;
}

/**
 * Lays out and draws one document. Imports jsPDF, so load this module only when a PDF is wanted.
 * With `fonts` the text is drawn in those embedded fonts (Factur-X, whose PDF/A forbids the
 * unembedded standard fonts); the layout is the same either way.
 */
export function generatePdf(request: PdfRequest, fonts?: EmbeddedFonts): PdfResult {
	const doc = newDocument(fonts !== undefined);
	const faces = fonts ? embedFonts(doc, fonts) : STANDARD_FACES;
	const measure = measureWith(doc);
	let layout: DocLayout;
	let fileName: string;
	if (request.kind === 'invoice') {
		layout = layoutInvoice(request.input, measure);
		fileName = pdfFileName(request.input.invoice.creditOf ? 'CreditNote' : 'Invoice', request.input.invoice.number);
	} else {
		layout = layoutJobSheet(request.input, measure);
		fileName = pdfFileName('JobSheet', request.input.workOrder.number);
	}
	return { bytes: renderLayout(doc, layout, faces), fileName, pageCount: layout.pages.length, title: layout.title, author: layout.author };
}
