import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, answerPdf } from './handle';
import type { WorkerResponse } from './protocol';
import { suggestMapping } from '../mapping';
import { describeProblem } from '../problem';
import { acme } from '../test-helpers';
import type { PdfJs } from '../../pdf-in/text-items';

// What the import worker does with a PDF, run here with Node's pdf.js (the legacy build) in place of the browser's.
const load = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const dir = new URL('../../../../../tests/fixtures/po-pdf/', import.meta.url);
const file = (name: string) => {
	const b = readFileSync(new URL(name, dir));
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const want = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { headers: string[]; rows: string[][] };

async function readPdf(name: string) {
	const [r] = await answerPdf({ type: 'readPdf', id: 1, bytes: file(name), fileName: name }, () => {}, load);
	if (r?.type !== 'read' || !r.ok) throw new Error(`not read: ${JSON.stringify(r)}`);
	return r.summary;
}

const plan = (header: string[], decimal: '.' | ',' = '.', dateOrder: 'mdy' | 'dmy' | 'ymd' = 'mdy'): WorkerResponse =>
	answer({ type: 'plan', id: 2, kind: 'po', mapping: suggestMapping('po', header), options: { decimal, dateOrder }, customerId: acme.id, customers: [acme], sites: [], today: '2027-01-15', stored: { purchaseOrders: [], poLines: [] }, references: {} }, () => {})[0]!;

describe('the import worker reads a PO PDF into the table the wizard maps', () => {
	for (const name of ['oracle', 'sap', 'coupa', 'smallbiz', 'multipage', 'wrapped', 'credit']) {
		it(`${name}: every line, every cell, and each line imports`, async () => {
			const summary = await readPdf(`${name}.pdf`);
			const w = want(name);
			expect(summary.header).toEqual(w.headers);
			expect(summary.rowCount).toBe(w.rows.length);
			expect(summary.preview.map((r) => r.cells)).toEqual(w.rows.slice(0, summary.preview.length));
			const p = plan(summary.header, summary.decimal, summary.dateOrder);
			if (p.type !== 'plan' || !p.outcome.ok) throw new Error(JSON.stringify(p.type === 'plan' && !p.outcome.ok ? p.outcome.problems.map(describeProblem) : p));
			expect(p.outcome.plan.counts).toMatchObject({ total: 1, new: 1, writes: 1 + w.rows.length });
		});
	}

	it('names the page of a line the check refuses', async () => {
		const summary = await readPdf('multipage.pdf');
		// Read as decimal commas, 1,137.00 is no amount: every line on every page is refused, each by its page.
		const p = plan(summary.header, ',');
		if (p.type !== 'plan' || p.outcome.ok) throw new Error('expected problems');
		const pages = new Set(p.outcome.problems.map((x) => x.page));
		expect([...pages].sort()).toEqual([1, 2, 3]);
		expect(describeProblem(p.outcome.problems[0]!)).toMatch(/^multipage\.pdf, page 1, row \d+, column "/);
	});

	it('refuses a scan with the sentence the wizard shows', async () => {
		const [r] = await answerPdf({ type: 'readPdf', id: 1, bytes: file('scan.pdf'), fileName: 'scan.pdf' }, () => {}, load);
		expect(r).toMatchObject({ type: 'read', ok: false, problems: [{ file: 'scan.pdf', message: expect.stringContaining('scan.pdf has no text layer (it looks like a scan)') }] });
	});
});
