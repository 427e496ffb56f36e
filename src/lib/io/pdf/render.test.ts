import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import { invoiceSchedule, invoiceTotals } from '$lib/domain/totals';
import { bigInvoiceInput, business, logoDataUrl, sampleInvoiceInput, sampleJobSheetInput } from './fixtures.test-helper';
import { generatePdf, type PdfRequest } from './generate';
import { layoutInvoice } from './invoice-layout';
import { measureWith, newDocument } from './render';

const dir = mkdtempSync(join(tmpdir(), 'tieout-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Set PDF_REVIEW_DIR to keep the PDFs (and look at them with pdftoppm). */
const reviewDir = process.env.PDF_REVIEW_DIR;
if (reviewDir) mkdirSync(reviewDir, { recursive: true });

function produce(name: string, request: PdfRequest) {
	const result = generatePdf(request);
	const file = join(dir, name);
	writeFileSync(file, Buffer.from(result.bytes));
	if (reviewDir) writeFileSync(join(reviewDir, name), Buffer.from(result.bytes));
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	return { result, text, info, pages };
}

describe('invoice PDF', () => {
	it('carries everything AP matches on', () => {
		const input = sampleInvoiceInput('INV-1041', { ...business, logoDataUrl: logoDataUrl() });
		const { result, text, info, pages } = produce('invoice-INV-1041.pdf', { kind: 'invoice', input });
		const totals = invoiceTotals(input.lines);
		const schedule = invoiceSchedule(input.invoice, totals)!;
		expect(result.fileName).toBe('Invoice-INV-1041.pdf');
		expect(pages).toBe(result.pageCount);
		for (const s of ['INV-1041', 'WO-18472', '884120', formatMoney(totals.total), formatDate(schedule.dueDate), formatDate(schedule.discountDate), formatMoney(schedule.discountCents), 'Mercy General Hospital', 'CC-4410', 'PO Box 20931']) {
			expect(text).toContain(s);
		}
		for (const l of input.lines.filter((l) => l.buyerItemCode)) expect(text).toContain(l.buyerItemCode);
		expect(info).toMatch(/^Title:\s+Invoice INV-1041$/m);
		expect(info).toMatch(/^Creator:\s+Tieout$/m);
		expect(text).toContain('Page 1 of 1');
	});

	it('a 200-line invoice has every item code and as many pages as its layout', () => {
		const input = bigInvoiceInput(200);
		const expected = layoutInvoice(input, measureWith(newDocument())).pages.length;
		const { text, pages } = produce('invoice-200-lines.pdf', { kind: 'invoice', input });
		expect(pages).toBe(expected);
		expect(pages).toBeGreaterThan(4);
		for (const l of input.lines) expect(text).toContain(l.buyerItemCode);
		expect(text).toContain(`Page ${pages} of ${pages}`);
		expect(text.match(/Invoice INV-2001 continued/g)).toHaveLength(pages - 1);
	});

	it('draws text Helvetica cannot encode as something readable, never garbage', () => {
		const input = sampleInvoiceInput('INV-1043');
		input.lines[0] = { ...input.lines[0]!, description: 'Café “quoted” – 5 ft² ≤ 10 ft 😀 中' };
		const { text } = produce('invoice-characters.pdf', { kind: 'invoice', input });
		expect(text).toContain('Café “quoted” – 5 ft² <= 10 ft ? ?');
	});

	it('a 1,000-line invoice is generated in reasonable time', () => {
		const input = bigInvoiceInput(1000);
		generatePdf({ kind: 'invoice', input: bigInvoiceInput(20) });
		const t0 = performance.now();
		const result = generatePdf({ kind: 'invoice', input });
		const ms = performance.now() - t0;
		console.log(`1,000-line invoice: ${result.pageCount} pages, ${Math.round(result.bytes.byteLength / 1024)} kB, ${ms.toFixed(0)} ms in Node`);
		expect(ms).toBeLessThan(5000);
	});
});

describe('job sheet PDF', () => {
	it('has what the crew needs and no prices', () => {
		const input = sampleJobSheetInput('WO-18474');
		const { result, text, pages } = produce('jobsheet-WO-18474.pdf', { kind: 'jobSheet', input });
		expect(result.fileName).toBe('JobSheet-WO-18474.pdf');
		expect(pages).toBe(result.pageCount);
		for (const s of ['WO-18474', 'SAFETY', 'Badge at security desk B', 'Emergency labor, overtime', 'CO-1', '884120', 'Crew sign-off'.toUpperCase(), 'R. Alvarez, K. Osei']) expect(text).toContain(s);
		// The rates are not on the sheet (the NTE cap is, on purpose).
		expect(text).not.toContain('$187.50');
		expect(text).not.toContain('$125.00');
	});
});
