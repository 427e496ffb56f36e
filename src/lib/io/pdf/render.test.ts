import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import { invoiceSchedule, invoiceTotals } from '$lib/domain/totals';
import { newTask } from '$lib/domain/factories';
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

	it('an awkward invoice (several jobs and sites, long names, discount, tax, notes) keeps every figure', () => {
		const input = bigInvoiceInput(14, {
			workOrderNumbers: ['WO-18472', 'WO-18473', 'WO-18474', 'WO-18475', 'WO-18476', 'WO-18477', 'WO-18478'],
			poNumber: '4500098231-REV2',
			terms: '2% 10 Net 45',
			notes: 'Work performed under master service agreement MSA-2025-017. Readings and photos are on the signed service reports, available on request.'
		});
		input.lines.push(
			{ ...input.lines[0]!, id: 'disc', lineNo: 15, kind: 'discount', description: 'Volume discount 5%', qtyMilli: 1000, rateCents: -250000, buyerItemCode: '', poLineNo: null, woNumber: '', taskCode: '' },
			{ ...input.lines[0]!, id: 'tax', lineNo: 16, kind: 'tax', description: 'Sales tax 7.25% on materials', qtyMilli: 1000, rateCents: 123456, buyerItemCode: '', poLineNo: null, woNumber: '', taskCode: '' }
		);
		input.business = { ...business, legalName: 'Alvarez Mechanical, Electrical & Refrigeration Services of Greater Dayton LLC', logoDataUrl: logoDataUrl(120, 120) };
		input.customer = { ...input.customer, name: 'Mercy General Hospital System, Southwest Ohio Region, Facilities Accounts Payable' };
		input.sites = [
			{ name: 'Main Hospital: Loading Dock / Chiller Plant', address: '1200 Mercy Way, Dayton, OH 45409', costCenter: 'CC-4410' },
			{ name: 'Mercy West Clinic', address: '880 W Third St, Dayton, OH 45402', costCenter: 'CC-4520' },
			{ name: 'Mercy North Imaging Center', address: '51 Needmore Rd, Dayton, OH 45414', costCenter: 'CC-4610' }
		];
		const totals = invoiceTotals(input.lines);
		const { result, text, pages } = produce('invoice-awkward.pdf', { kind: 'invoice', input });
		expect(pages).toBe(result.pageCount);
		const flat = text.replace(/\s+/g, ' ');
		for (const s of ['4500098231-REV2', 'WO-18478', formatMoney(totals.total), formatMoney(totals.tax), formatMoney(totals.discount), 'CC-4610', 'MSA-2025-017']) expect(flat).toContain(s);
	});

	it('an invoice with no lines is still a readable page', () => {
		const input = { ...sampleInvoiceInput('INV-1044'), lines: [] };
		const { text, pages } = produce('invoice-empty.pdf', { kind: 'invoice', input });
		expect(pages).toBe(1);
		expect(text).toContain('No lines on this invoice.');
		expect(text).toContain('$0.00');
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

	it('a long job sheet repeats its header row and keeps the sign-off whole', () => {
		const input = sampleJobSheetInput('WO-18472');
		input.tasks = Array.from({ length: 45 }, (_, i) => newTask(`t${i}`, input.workOrder.id, `T${i + 1}`, { description: i % 7 === 0 ? `Check compressor ${i + 1}: oil level, suction and discharge pressures, superheat and subcooling; record on the log sheet` : `Inspect and log unit ${i + 1}`, kind: i % 4 === 0 ? 'material' : 'labor', done: i < 10 }));
		const { result, text, pages } = produce('jobsheet-long.pdf', { kind: 'jobSheet', input });
		expect(pages).toBe(result.pageCount);
		expect(pages).toBeGreaterThan(1);
		expect(text).toContain('Lockout/tagout on CH-2 disconnect');
		expect(text).toContain(`Page ${pages} of ${pages}`);
		for (const t of input.tasks) expect(text).toMatch(new RegExp(`\\b${t.code}\\b`));
	});
});
