import { describe, expect, it } from 'vitest';
import { boolCodec, moneyCodec, optionalDateCodec, qtyCodec, requiredTextCodec, textCodec, type Codec } from '$lib/domain/codecs';
import { parseTsv } from './tsv-parse';
import { planClear, planFill, planPaste, refusalLines, type SheetColumn, type SheetRows } from './sheet-plan';

interface Line {
	id: string;
	description: string;
	qtyMilli: number;
	rateCents: number;
	needBy: string | null;
	done: boolean;
	note: string;
}

const col = (field: string, header: string, codec: Codec<unknown>): SheetColumn => ({ header, edit: { field, codec } });
// As the grid shows them: a worked-out Amount between the rate and the date.
const columns: SheetColumn[] = [
	col('description', 'Description', requiredTextCodec as Codec<unknown>),
	col('qtyMilli', 'Qty', qtyCodec as Codec<unknown>),
	col('rateCents', 'Rate', moneyCodec as Codec<unknown>),
	{ header: 'Amount' },
	col('needBy', 'Need by', optionalDateCodec as Codec<unknown>),
	col('done', 'Done', boolCodec as Codec<unknown>),
	col('note', 'Note', textCodec as Codec<unknown>)
];

const line = (n: number, x: Partial<Line> = {}): Line => ({ id: `l${n}`, description: `Line ${n}`, qtyMilli: 1000, rateCents: 100, needBy: null, done: false, note: '', ...x });

function sheet(lines: Line[], locked: (row: number) => boolean = () => false): SheetRows<Line> {
	return { count: lines.length, at: (i) => lines[i]!, editable: (row) => !locked(row) };
}

describe('planPaste', () => {
	it('reads each pasted cell as a typed cell would: $ amounts, parentheses and trailing-minus credits, dates as people write them, y/n', async () => {
		const text = 'Labor\t2\t$1,234.50\r\nCredit, returned\t1\t(150.00)\r\nRestock\t1\t150.00-\r\n';
		const plan = await planPaste(parseTsv(text), { row: 0, col: 0 }, columns, sheet([line(1), line(2), line(3)]), false);
		expect(plan).toEqual({
			ok: true,
			rows: [
				{ at: 0, id: 'l1', patch: { description: 'Labor', qtyMilli: 2000, rateCents: 123450 } },
				{ at: 1, id: 'l2', patch: { description: 'Credit, returned', rateCents: -15000 } },
				{ at: 2, id: 'l3', patch: { description: 'Restock', rateCents: -15000 } }
			]
		});
		const dates = await planPaste(parseTsv('1/15/2027\ty\nJan 15, 2027\tn\n'), { row: 0, col: 4 }, columns, sheet([line(1), line(2, { done: true })]), false);
		expect(dates).toEqual({ ok: true, rows: [{ at: 0, id: 'l1', patch: { needBy: '2027-01-15', done: true } }, { at: 1, id: 'l2', patch: { needBy: '2027-01-15', done: false } }] });
	});

	it('keeps a quoted line break inside its cell', async () => {
		const plan = await planPaste(parseTsv('"Two\nlines"\r\n'), { row: 1, col: 6 }, columns, sheet([line(1), line(2)]), false);
		expect(plan).toEqual({ ok: true, rows: [{ at: 1, id: 'l2', patch: { note: 'Two\nlines' } }] });
	});

	it('adds rows past the last where the grid can add rows', async () => {
		const plan = await planPaste([['A', '1'], ['B', '2']], { row: 1, col: 0 }, columns, sheet([line(1), line(2)]), true);
		expect(plan).toEqual({
			ok: true,
			rows: [
				{ at: 1, id: 'l2', patch: { description: 'A' } },
				{ at: 2, id: null, patch: { description: 'B', qtyMilli: 2000 } }
			]
		});
	});

	it('refuses the whole paste, naming every refused cell by row number and column header', async () => {
		const lines = [line(1), line(2), line(3), line(4)];
		const cells = [
			['ok', 'abc', '$5.00', '$10.00'],
			['', '1', '$5.00', '$10.00'],
			['ok', '1', 'ten', '$10.00'],
			['ok', '1', '$5.00', '$10.00']
		];
		const plan = await planPaste(cells, { row: 0, col: 0 }, columns, sheet(lines), false);
		expect(plan.ok).toBe(false);
		if (plan.ok) return;
		expect(plan.refused).toEqual([
			`Row 1, Qty: ${(qtyCodec.parse('abc') as { error: string }).error}`,
			'Rows 1–4, Amount: is worked out from other cells, not typed',
			'Row 2, Description: is required',
			`Row 3, Rate: ${(moneyCodec.parse('ten') as { error: string }).error}`
		]);
	});

	it('refuses locked rows, rows the grid cannot add, and a block wider than the grid', async () => {
		const locked = await planPaste([['x'], ['y']], { row: 0, col: 6 }, columns, sheet([line(1), line(2)], (r) => r === 1), false);
		expect(locked).toEqual({ ok: false, refused: ['Row 2, Note: cannot be changed on this row'] });
		const long = await planPaste([['x'], ['y'], ['z']], { row: 1, col: 6 }, columns, sheet([line(1), line(2)]), false);
		expect(long).toEqual({ ok: false, refused: ['Rows 3–4: this grid cannot add rows, so at most 1 rows can be pasted from row 2.'] });
		const wide = await planPaste([['x', 'y']], { row: 0, col: 6 }, columns, sheet([line(1)]), true);
		expect(wide.ok).toBe(false);
	});

	it('pauses between slices of a long paste', async () => {
		let pauses = 0;
		const lines = Array.from({ length: 2500 }, (_, i) => line(i));
		const cells = lines.map((_, i) => [`Row ${i}`]);
		const plan = await planPaste(cells, { row: 0, col: 0 }, columns, sheet(lines), false, async () => void pauses++);
		expect(plan.ok && plan.rows.length).toBe(2500);
		expect(pauses).toBe(2);
	});
});

describe('planFill', () => {
	const lines = [line(1, { qtyMilli: 5000, note: 'top' }), line(2), line(3, { qtyMilli: 5000 })];

	it('copies the top cell of each column into the cells below, skipping cells that already hold it', () => {
		expect(planFill([0, 1, 2], [1, 6], columns, sheet(lines))).toEqual({
			ok: true,
			rows: [
				{ at: 1, id: 'l2', patch: { qtyMilli: 5000, note: 'top' } },
				{ at: 2, id: 'l3', patch: { note: 'top' } }
			]
		});
	});

	it('fills selected rows that are not next to each other', () => {
		expect(planFill([0, 2], [6], columns, sheet(lines))).toEqual({ ok: true, rows: [{ at: 2, id: 'l3', patch: { note: 'top' } }] });
	});

	it('refuses worked-out and locked cells, and says what to select when there is nothing below', () => {
		expect(planFill([0, 1, 2], [3], columns, sheet(lines))).toEqual({ ok: false, refused: ['Rows 2–3, Amount: is worked out from other cells, not typed'] });
		expect(planFill([0, 1], [6], columns, sheet(lines, (r) => r === 1))).toEqual({ ok: false, refused: ['Row 2, Note: cannot be changed on this row'] });
		expect(planFill([0], [6], columns, sheet(lines)).ok).toBe(false);
	});
});

describe('planClear', () => {
	it('blanks what may be blank and refuses what needs a value, with the reason', () => {
		const lines = [line(1, { needBy: '2027-01-15', done: true, note: 'x' })];
		expect(planClear([0], [4, 5, 6], columns, sheet(lines))).toEqual({ ok: true, rows: [{ at: 0, id: 'l1', patch: { needBy: null, done: false, note: '' } }] });
		const refused = planClear([0], [0, 6], columns, sheet(lines));
		expect(refused).toEqual({ ok: false, refused: ['Row 1, Description: is required, so it cannot be cleared'] });
	});
});

describe('refusalLines', () => {
	it('joins a reason over consecutive rows of one column, and keeps others apart', () => {
		const r = (row: number, header: string, message: string) => ({ row, header, message });
		expect(refusalLines([r(1, 'Qty', 'bad'), r(2, 'Qty', 'bad'), r(3, 'Qty', 'bad'), r(5, 'Qty', 'bad'), r(2, 'Rate', 'bad')])).toEqual([
			'Rows 1–3, Qty: bad',
			'Row 2, Rate: bad',
			'Row 5, Qty: bad'
		]);
	});
});
