import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPoPdf } from './read-po-pdf';
import type { PdfJs } from './text-items';

// The browser build of pdf.js needs DOMMatrix, which Node 20 lacks; its legacy build reads the same.
const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const dir = new URL('../../../../tests/fixtures/po-pdf/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const want = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { headers: string[]; rows: string[][]; fields: Record<string, string>; pages: number };

describe('readPoPdf: each shipped PO PDF gives the lines that were drawn', () => {
	for (const name of ['oracle', 'oracle-rev1', 'sap', 'coupa', 'smallbiz', 'multipage', 'wrapped', 'credit']) {
		it(name, async () => {
			const got = await readPoPdf(pdfjs, bytes(`${name}.pdf`), `${name}.pdf`);
			if (!got.ok) throw new Error(got.problems.map((p) => p.message).join('; '));
			const w = want(name);
			expect({ headers: got.headers, rows: got.rows, fields: got.fields, pages: got.pages }).toEqual(w);
		});
	}
});

describe('readPoPdf refuses what it cannot read, with a sentence naming the file', () => {
	it('a scan: a page holding only an image', async () => {
		const got = await readPoPdf(pdfjs, bytes('scan.pdf'), 'scan.pdf');
		expect(got).toEqual({ ok: false, problems: [{ file: 'scan.pdf', row: null, column: null, severity: 'error', message: 'scan.pdf has no text layer (it looks like a scan); Tieout cannot read scanned POs yet — ask the buyer for the PDF from their system or a CSV export' }] });
	});

	it('an encrypted PDF', async () => {
		const { jsPDF } = await import('jspdf');
		const doc = new jsPDF({ encryption: { userPassword: 'secret', ownerPassword: 'owner', userPermissions: ['print'] } });
		doc.text('PO Number 1', 20, 20);
		const got = await readPoPdf(pdfjs, new Uint8Array(doc.output('arraybuffer')), 'locked.pdf');
		expect(got.ok ? null : got.problems.map((p) => p.message)).toEqual(['locked.pdf is protected by a password, so its text cannot be read — ask the buyer for a copy without one, or a CSV export']);
	});

	it('a file that is not a PDF', async () => {
		const got = await readPoPdf(pdfjs, new TextEncoder().encode('PO Number,Line\n1,1\n'), 'orders.pdf');
		expect(got.ok ? null : got.problems.map((p) => p.message)).toEqual(['orders.pdf is not a readable PDF (the file is damaged or is not a PDF at all)']);
	});

	it('a PDF with text but no table of lines', async () => {
		const { jsPDF } = await import('jspdf');
		const doc = new jsPDF();
		for (let i = 0; i < 20; i++) doc.text(`Terms and conditions, clause ${i + 1}: the supplier shall comply.`, 20, 20 + i * 10);
		const got = await readPoPdf(pdfjs, new Uint8Array(doc.output('arraybuffer')), 'terms.pdf');
		expect(got.ok ? null : got.problems.map((p) => p.message)).toEqual([
			'terms.pdf has no table of PO lines that Tieout can find: no row of its text names at least three columns such as Line, Description, Quantity, Unit Price and Amount'
		]);
	});
});
