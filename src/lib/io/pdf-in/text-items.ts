/** One run of text on a page, as pdf.js reads it from the text layer, in points from the page's top left. */
export interface TextItem {
	page: number;
	/** Left edge of the text. */
	x: number;
	/** Baseline, measured down from the top of the page. */
	y: number;
	width: number;
	/** The font's size: rows are told apart by it. */
	height: number;
	str: string;
}

/**
 * The little of pdf.js this reader calls, so the app can hand in the browser build and Node tests
 * the legacy build (the browser build needs DOMMatrix, which Node 20 lacks).
 */
export interface PdfJs {
	getDocument(src: { data: Uint8Array; verbosity: number; isEvalSupported: boolean; disableFontFace: boolean; useSystemFonts: boolean; enableXfa: boolean; stopAtErrors: boolean }): {
		promise: Promise<PdfDocument>;
		destroy(): Promise<void>;
	};
}
interface PdfDocument {
	numPages: number;
	getPage(n: number): Promise<{
		getViewport(o: { scale: number }): { height: number };
		getTextContent(): Promise<{ items: ({ str: string; width: number; height: number; transform: number[] } | { type: string })[] }>;
		cleanup(): void;
	}>;
}

/**
 * Every horizontal piece of text of every page, in reading order. pdf.js never evaluates code here
 * (isEvalSupported false: the app's CSP forbids it) and fetches nothing (no font files: the text's
 * widths come from the PDF or pdf.js's own metrics for the standard fonts). Rejects as pdf.js does:
 * PasswordException for an encrypted file, InvalidPDFException for a broken one.
 */
export async function textItems(pdfjs: PdfJs, bytes: Uint8Array, onPage?: (done: number, pages: number) => void): Promise<{ pages: number; items: TextItem[] }> {
	const task = pdfjs.getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false });
	try {
		const doc = await task.promise;
		const items: TextItem[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const top = page.getViewport({ scale: 1 }).height;
			for (const it of (await page.getTextContent()).items) {
				if (!('str' in it) || it.str.trim() === '') continue;
				const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
				// Rotated or vertical text (a stamp, a margin note) is no part of a table.
				if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
				items.push({ page: n, x: e, y: top - f, width: it.width, height: it.height || Math.abs(d), str: it.str });
			}
			page.cleanup();
			onPage?.(n, doc.numPages);
		}
		return { pages: doc.numPages, items };
	} finally {
		await task.destroy();
	}
}
