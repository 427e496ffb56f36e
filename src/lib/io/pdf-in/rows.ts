import type { TextItem } from './text-items';

/** The text items that share a baseline on one page, left to right. */
export interface Row {
	page: number;
	y: number;
	height: number;
	items: TextItem[];
}

/** Items whose baselines differ by less than this share of the font size are on one row. */
const SAME_ROW = 0.4;

/** Rows from baselines, top to bottom, page by page. */
export function rowsOf(items: readonly TextItem[]): Row[] {
	const sorted = [...items].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
	const rows: Row[] = [];
	for (const it of sorted) {
		const last = rows.at(-1);
		if (last && last.page === it.page && Math.abs(it.y - last.y) <= SAME_ROW * Math.max(it.height, last.height)) {
			last.items.push(it);
			last.height = Math.max(last.height, it.height);
		} else rows.push({ page: it.page, y: it.y, height: it.height, items: [it] });
	}
	for (const r of rows) r.items.sort((a, b) => a.x - b.x);
	return rows;
}

/** A page number as footers print it: `Page 2 of 3`, `Seite 2 von 3`, `2 / 3`, `- 2 -`. */
const PAGE_NUMBER = /^(?:(?:page|seite|pg\.?|p\.)\s*\d+(?:\s*(?:of|von|\/)\s*\d+)?|\d+\s*(?:of|von|\/)\s*\d+|-\s*\d+\s*-)$/i;

/**
 * What identifies page furniture: its text (a page number's numbers blotted) and where it sits.
 * Other numbers are kept: line 1 and line 31 at the same place on two pages are not furniture.
 */
const furnitureKey = (it: TextItem) => {
	const text = it.str.trim();
	return `${Math.round(it.y)}|${PAGE_NUMBER.test(text) ? text.replace(/\d+/g, '#') : text}`;
};

/**
 * Letterheads and footers: rows every item of which is printed at the same place on every page
 * (numbers aside). A PDF of one page has none that can be told from its content. `keep` protects
 * rows that must never be taken for furniture (the table's own header).
 */
export function dropFurniture(rows: readonly Row[], pages: number, keep: (r: Row) => boolean = () => false): Row[] {
	if (pages < 2) return [...rows];
	const onPages = new Map<string, Set<number>>();
	for (const r of rows) for (const it of r.items) {
		const key = furnitureKey(it);
		const seen = onPages.get(key) ?? new Set<number>();
		seen.add(r.page);
		onPages.set(key, seen);
	}
	const everywhere = (it: TextItem) => (onPages.get(furnitureKey(it))?.size ?? 0) >= pages;
	return rows.filter((r) => keep(r) || !r.items.every(everywhere));
}

/**
 * An item's words with their places: pdf.js joins text drawn close together into one item ("Total
 * Need By" from two header cells), and the places of its words are estimated from their share of
 * its characters.
 */
export function wordsOf(it: TextItem): TextItem[] {
	const out: TextItem[] = [];
	const per = it.width / Math.max(it.str.length, 1);
	for (const m of it.str.matchAll(/\S+/g)) out.push({ ...it, x: it.x + m.index * per, width: m[0].length * per, str: m[0] });
	return out;
}

/** Joins words (or items) of one run back into one item spanning them. */
export function joinItems(parts: readonly TextItem[]): TextItem {
	const first = parts[0]!;
	const right = Math.max(...parts.map((p) => p.x + p.width));
	return { ...first, width: right - first.x, str: parts.map((p) => p.str).join(' ') };
}

/** How much of [a0,a1] lies over [b0,b1]. */
export const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
