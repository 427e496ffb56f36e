import { describe, expect, it } from 'vitest';
import { pdfFileName } from './file-name';

describe('pdfFileName', () => {
	it('names the file after the record', () => {
		expect(pdfFileName('Invoice', 'INV-1041')).toBe('Invoice-INV-1041.pdf');
		expect(pdfFileName('JobSheet', 'WO-18472')).toBe('JobSheet-WO-18472.pdf');
	});

	it('strips what a file name cannot hold, and is never empty', () => {
		expect(pdfFileName('Invoice', 'INV/2027:04 *draft*')).toBe('Invoice-INV-2027-04_-draft.pdf');
		expect(pdfFileName('Invoice', '..\\..\\etc')).toBe('Invoice-etc.pdf');
		expect(pdfFileName('JobSheet', 'WO\u0000 1\n')).toBe('JobSheet-WO-_1.pdf');
		expect(pdfFileName('Invoice', '  ')).toBe('Invoice-untitled.pdf');
		expect(pdfFileName('Invoice', 'x'.repeat(300))).toHaveLength('Invoice-'.length + 80 + '.pdf'.length);
	});
});
