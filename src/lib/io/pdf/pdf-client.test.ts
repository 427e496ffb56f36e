import { describe, expect, it } from 'vitest';
import { sampleInvoiceInput, sampleJobSheetInput } from './fixtures.test-helper';
import { makePdf } from './pdf-client';
import { answer } from './protocol';

describe('makePdf', () => {
	it('makes the PDF on the main thread where there is no Worker', async () => {
		expect(typeof Worker).toBe('undefined');
		const pdf = await makePdf('invoice', sampleInvoiceInput('INV-1041'));
		expect(pdf.fileName).toBe('Invoice-INV-1041.pdf');
		expect(new TextDecoder().decode(new Uint8Array(pdf.bytes, 0, 5))).toBe('%PDF-');
		const sheet = await makePdf('jobSheet', sampleJobSheetInput('WO-18472'));
		expect(sheet.fileName).toBe('JobSheet-WO-18472.pdf');
	});
});

describe('the worker protocol', () => {
	it('answers with the bytes and the file name, or with the error', async () => {
		const good = await answer({ id: 7, kind: 'jobSheet', input: sampleJobSheetInput('WO-18474') });
		expect(good).toMatchObject({ id: 7, ok: true, fileName: 'JobSheet-WO-18474.pdf', pageCount: 1 });
		const bad = await answer({ id: 8, kind: 'invoice', input: { ...sampleInvoiceInput('INV-1041'), lines: [{ lineNo: 1 }] } as never });
		expect(bad).toMatchObject({ id: 8, ok: false });
		expect(bad.ok === false && bad.error.length).toBeGreaterThan(0);
	});
});
