import { describe, expect, it } from 'vitest';
import { dropFurniture, rowsOf } from './rows';
import { findTable } from './table';
import type { TextItem } from './text-items';

const t = (page: number, x: number, y: number, str: string, width = str.length * 5): TextItem => ({ page, x, y, width, height: 9, str });

/** A table on each of `pages` pages at the same place: header, two lines, footer. */
function pagesOf(pages: number): TextItem[] {
	const items: TextItem[] = [];
	for (let p = 1; p <= pages; p++) {
		items.push(t(p, 40, 30, 'Acme Buyer Inc.'), t(p, 500, 30, `Page ${p} of ${pages}`));
		items.push(t(p, 40, 100, 'Line'), t(p, 80, 100, 'Description'), t(p, 300, 100, 'Qty'), t(p, 360, 100, 'Unit Price'));
		for (let k = 0; k < 2; k++) {
			const n = (p - 1) * 2 + k + 1;
			items.push(t(p, 40, 120 + k * 16, String(n)), t(p, 80, 120 + k * 16, `Part ${n}`), t(p, 300, 120 + k * 16, 'EA'), t(p, 360, 120 + k * 16, '5.00'));
		}
	}
	return items;
}

describe('page furniture', () => {
	it('drops rows printed alike on every page (letterhead, page numbers), never a line whose cells happen to repeat', () => {
		const rows = dropFurniture(rowsOf(pagesOf(3)), 3);
		const texts = rows.map((r) => r.items.map((i) => i.str).join(' '));
		expect(texts.filter((x) => x.startsWith('Acme') || x.includes('Page'))).toEqual([]);
		expect(texts.filter((x) => x.includes('EA'))).toHaveLength(6);
	});
});

describe('findTable', () => {
	it('reads the lines of every page once, skipping the header repeated on each', () => {
		const found = findTable(rowsOf(pagesOf(3)), 3);
		expect(found.ok && found.lines.map((l) => [l.page, ...l.cells])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [Math.ceil(n / 2), String(n), `Part ${n}`, 'EA', '5.00']));
	});

	it('joins a wrapped description into its line and stops at the totals', () => {
		const items = [t(1, 40, 100, 'Line'), t(1, 80, 100, 'Description'), t(1, 300, 100, 'Qty'), t(1, 360, 100, 'Amount'), t(1, 40, 120, '1'), t(1, 80, 120, 'Remove the old'), t(1, 300, 120, '1'), t(1, 360, 120, '10.00'), t(1, 80, 130, 'unit and haul away'), t(1, 300, 150, 'Total'), t(1, 360, 150, '10.00'), t(1, 40, 170, '2'), t(1, 80, 170, 'not a line')];
		const found = findTable(rowsOf(items), 1);
		expect(found.ok && found.lines.map((l) => l.cells)).toEqual([['1', 'Remove the old unit and haul away', '1', '10.00']]);
	});

	it('names a column from its two header lines and parts header cells pdf.js joined', () => {
		const items = [t(1, 40, 100, 'Line'), t(1, 80, 100, 'Description'), t(1, 300, 90, 'Unit'), t(1, 300, 100, 'Price'), t(1, 360, 100, 'Total Need By', 65), t(1, 40, 120, '1'), t(1, 80, 120, 'Filter'), t(1, 300, 120, '2.00'), t(1, 360, 120, '2.00'), t(1, 395, 120, '01/02/2027')];
		const found = findTable(rowsOf(items), 1);
		expect(found.ok && [found.columns.map((c) => c.name), found.lines[0]!.cells]).toEqual([['Line', 'Description', 'Unit Price', 'Total', 'Need By'], ['1', 'Filter', '2.00', '2.00', '01/02/2027']]);
	});
});
