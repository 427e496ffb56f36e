import { describe, expect, it } from 'vitest';
import { newCustomer } from '$lib/domain/factories';
import { convertInvoices } from './convert-invoices';
import { convertPos } from './convert-po';
import { convertWorkOrders } from './convert-work-orders';
import { suggestMapping } from './mapping';
import { CELL_MAX, longCellIn, parseTable } from './parse';
import type { ImportProblem } from './problem';
import { readTable } from './read';
import { counter } from './test-helpers';

const customers = [newCustomer('c1', { name: 'Acme Facilities', defaultTerms: 'Net 15' })];
const ctx = (fileName: string) => ({ fileName, customerId: 'c1', customers, today: '2027-02-01', idGen: counter() });
const opts = { decimal: '.', dateOrder: 'mdy' } as const;
const table = (text: string, fileName: string) => {
	const t = parseTable(text, { delimiter: ',', headerRow: 1, fileName });
	if (!t.ok) throw new Error(t.problems[0]!.message);
	return t;
};
const located = (problems: ImportProblem[]) => problems.map((p) => [p.file, p.row, p.column, p.message]);
const refused = <T>(r: { ok: true; groups: T[] } | { ok: false; problems: ImportProblem[] }) => (r.ok ? [] : located(r.problems));

describe('an imported cell longer than its field takes is refused, naming file, row and column', () => {
	it('PO lines and a PO header field, each on the row that gave it, under the column as the file names it', () => {
		const long = 'd'.repeat(2001);
		const text = `PO #,Buyer,Line,Desc,Qty,Price,UOM\nP-1,Sam,1,Fan belt,1,9.50,ea\nP-1,,2,${long},1,2,ea\nP-1,${'b'.repeat(201)},3,Filter,1,2,${'u'.repeat(65)}\n`;
		const t = table(text, 'buyer-export.csv');
		expect(refused(convertPos(t, suggestMapping('po', t.header), opts, ctx('buyer-export.csv')))).toEqual([
			['buyer-export.csv', 3, 'Desc', 'Description is 2,001 characters; the most is 2,000'],
			// The header disagrees with row 2 as well; both problems name row 4, where the long buyer is.
			['buyer-export.csv', 4, 'Buyer', expect.stringMatching(/^PO P-1: Buyer is "Sam" on row 2 but "b{60}…" on row 4$/)],
			['buyer-export.csv', 4, 'UOM', 'Unit is 65 characters; the most is 64']
		]);
	});

	it('a long buyer given once is refused on its own row', () => {
		const t = table(`PO Number,Buyer,Line,Description,Quantity,Unit Price\nP-1,,1,Belt,1,2\nP-1,${'b'.repeat(201)},2,Filter,1,2\n`, 'po.csv');
		expect(refused(convertPos(t, suggestMapping('po', t.header), opts, ctx('po.csv')))).toEqual([['po.csv', 3, 'Buyer', 'Buyer is 201 characters; the most is 200']]);
	});

	it('work orders: a job description and a task unit', () => {
		const t = table(`WO,Job Description,Task,Description,Unit\nWO-1,${'j'.repeat(2001)},T1,Inspect,${'h'.repeat(65)}\n`, 'jobs.csv');
		expect(refused(convertWorkOrders(t, suggestMapping('workOrder', t.header), opts, ctx('jobs.csv')))).toEqual([
			['jobs.csv', 2, 'Unit', 'Unit is 65 characters; the most is 64'],
			['jobs.csv', 2, 'Job Description', 'Description is 2,001 characters; the most is 2,000']
		]);
	});

	it('invoices: a line description and a PO number', () => {
		const t = table(`Invoice #,PO Number,Line,Description,Qty,Rate\nINV-1,${'9'.repeat(65)},1,${'l'.repeat(2001)},1,5\n`, 'invoices.csv');
		expect(refused(convertInvoices(t, suggestMapping('invoice', t.header), opts, ctx('invoices.csv')))).toEqual([
			['invoices.csv', 2, 'Description', 'Description is 2,001 characters; the most is 2,000'],
			['invoices.csv', 2, 'PO Number', 'PO number is 65 characters; the most is 64']
		]);
	});

	it('a cell at its field’s limit is taken whole', () => {
		const t = table(`PO Number,Line,Description,Quantity,Unit Price\nP-1,1,${'d'.repeat(2000)},1,2\n`, 'po.csv');
		const r = convertPos(t, suggestMapping('po', t.header), opts, ctx('po.csv'));
		expect(r.ok && r.groups[0]!.lines[0]!.description).toHaveLength(2000);
	});
});

describe('a huge cell stops the reading of the file', () => {
	const file = (cell: string) => new TextEncoder().encode(`PO Number,Line,Description,Qty,Unit Price\nP1,1,Widget,1,2\nP1,2,${cell},1,2\nP1,3,Other,1,2\n`);
	const big = 'x'.repeat(50 * 1024 * 1024);

	for (const [what, cell] of [
		['plain', big],
		['quoted', `"${big}"`],
		['quoted, the quote never closed', `"${big}`]
	] as const) {
		it(`a 50 MB cell (${what}) is refused naming row and column, before the rest of the file is parsed (regression: 6 s of parsing first)`, () => {
			const progress: number[] = [];
			const r = readTable(file(cell), 'huge.csv', {}, (f) => progress.push(f));
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(located(r.problems)).toEqual([
				['huge.csv', 3, 'Description', 'The cell holds more than 100,000 characters, and no field takes more than 10,000, so the file was not read. Shorten that cell, or remove the column (if a quote opened in it is never closed, close it)']
			]);
			// The reading stopped within the first few of its 50 slices: no seconds of work went before the refusal.
			expect(Math.max(0, ...progress)).toBeLessThan(0.1);
		});
	}

	it('a cell over the cap in a short file is refused with its length', () => {
		const r = readTable(file('y'.repeat(CELL_MAX + 1)), 'long.csv');
		expect(r.ok ? [] : located(r.problems)).toEqual([
			['long.csv', 3, 'Description', 'The cell holds 100,001 characters, and no field takes more than 10,000, so the file was not read. Shorten that cell, or remove the column (if a quote opened in it is never closed, close it)']
		]);
	});

	it('a long cell in a column no field reads does not stop the file', () => {
		const t = readTable(new TextEncoder().encode(`PO Number,Line,Description,Qty,Unit Price,Conditions\nP1,1,Widget,1,2,"${'c'.repeat(CELL_MAX)}"\n`), 'terms.csv');
		if (!t.ok) throw new Error(t.problems[0]!.message);
		const r = convertPos(t.table, suggestMapping('po', t.table.header), opts, ctx('terms.csv'));
		expect(r.ok).toBe(true);
	});

	it('finds the long cell of a row: a quoted cell is one cell, delimiters and doubled quotes in it counted as written', () => {
		expect(longCellIn('a,"b,""c""",dddddddd', ',', 7)).toEqual({ column: 2, length: 8 });
		expect(longCellIn('a,"b,""c""",dd', ',', 7)).toBeNull();
		expect(longCellIn('a,"b,""c""",dd', ',', 6)).toEqual({ column: 1, length: 7 });
		expect(longCellIn('a;"open and never closed', ';', 5)).toEqual({ column: 1, length: 21 });
	});
});
