import { fieldsOf, KNOWN_HEADERS, normaliseHeader } from '../csv/fields';
import { dropFurniture, joinItems, overlap, wordsOf, type Row } from './rows';
import type { TextItem } from './text-items';

/**
 * Finding the table of lines in a PO's text: its header row names at least three of a PO line's
 * fields (the same synonyms the CSV wizard maps with); the columns are where its header words
 * sit, widened to the gaps between the lines' text; each row under it is a new line (it has a
 * line number, or, in a table without them, a quantity or price), the wrapped text of the line
 * above, or the end of the table (totals, notes). Pure: text items in, cells out.
 */

/** A PO line field's key, by each of its normalised names. */
const LINE_FIELD = new Map<string, string>(fieldsOf('po').filter((f) => !f.header).flatMap((f) => [f.label, ...f.synonyms].map((s) => [normaliseHeader(s), f.key] as const)));

/** A header row names at least this many of a line's fields. */
const HEADER_FIELDS = 3;
/** A second header line, or a wrapped line, sits at most this many font heights from the line before it. */
const CLOSE = 1.6;

const TOTALS = /^(sub-?total|total|grand total|net total|total amount|amount due|balance due|tax|sales tax|vat|gst|hst|mwst|ust|shipping|freight|summe|zwischensumme|gesamt\w*|endbetrag)\b/i;
const LINE_NUMBER = /^\d{1,6}(\.\d{1,3})?$/;
const NUMERIC = /^[-+(]?\s*(?:[$€£]|USD|EUR)?\s*[\d.,'\s]*\d[\d.,']*\s*[-)]?(?:\s*(?:USD|EUR|%))?$/i;

export interface Column {
	name: string;
	left: number;
	right: number;
	/** The PO line field its name maps to, if any. */
	field: string | undefined;
}

export interface TableLine {
	page: number;
	cells: string[];
}

export type FoundTable =
	| { ok: true; columns: Column[]; lines: TableLine[]; /** The rows above the table's header on its first page: where the PO's header fields are printed. */ above: Row[]; page: number }
	| { ok: false; reason: 'no-header' | 'no-lines' };

const fieldOf = (text: string) => LINE_FIELD.get(normaliseHeader(text));

/** A header item pdf.js joined from two cells ("Total Need By") parted into the names it holds, or itself. */
function splitHeader(it: TextItem): TextItem[] {
	const norm = normaliseHeader(it.str);
	if (norm === '' || KNOWN_HEADERS.has(norm)) return [it];
	const words = wordsOf(it);
	// The fewest known names that make up the words, else the item as it is.
	const best: (TextItem[] | null)[] = [[]];
	for (let end = 1; end <= words.length; end++) {
		best[end] = null;
		for (let start = 0; start < end; start++) {
			const before = best[start];
			if (!before) continue;
			const part = words.slice(start, end);
			if (!KNOWN_HEADERS.has(normaliseHeader(part.map((w) => w.str).join('')))) continue;
			if (!best[end] || before.length + 1 < best[end]!.length) best[end] = [...before, joinItems(part)];
		}
	}
	const parts = best[words.length];
	return parts && parts.length > 1 ? parts : [it];
}

const headerItems = (r: Row) => r.items.flatMap(splitHeader);
const fieldCount = (r: Row) => new Set(headerItems(r).map((it) => fieldOf(it.str)).filter((k) => k !== undefined)).size;
const isNumeric = (s: string) => NUMERIC.test(s.trim());

/** The line of a two-line header above or below `main` ("Unit" over "Price"): close, all words, each over one of main's. */
function headerPart(main: Row, other: Row | undefined): Row | undefined {
	if (!other || other.page !== main.page || Math.abs(other.y - main.y) > CLOSE * main.height) return undefined;
	const ok = other.items.every((it) => !isNumeric(it.str) && !TOTALS.test(it.str.trim()) && main.items.some((m) => overlap(it.x, it.x + it.width, m.x - 3, m.x + m.width + 3) > 0));
	return ok ? other : undefined;
}

/** The table's columns from its header rows: named top to bottom ("Unit Price"), left to right. */
function columnsOf(parts: Row[], main: Row): { name: string; left: number; right: number }[] {
	const cols = headerItems(main).map((it) => ({ words: [{ y: main.y, str: it.str }], left: it.x, right: it.x + it.width }));
	for (const part of parts) {
		if (part === main) continue;
		for (const it of part.items) {
			let best = -1;
			let most = 0;
			cols.forEach((c, i) => {
				const o = overlap(it.x, it.x + it.width, c.left - 3, c.right + 3);
				if (o > most) [best, most] = [i, o];
			});
			if (best === -1) cols.push({ words: [{ y: part.y, str: it.str }], left: it.x, right: it.x + it.width });
			else {
				const c = cols[best]!;
				c.words.push({ y: part.y, str: it.str });
				c.left = Math.min(c.left, it.x);
				c.right = Math.max(c.right, it.x + it.width);
			}
		}
	}
	return cols
		.map((c) => ({ name: c.words.sort((a, b) => a.y - b.y).map((w) => w.str.trim()).join(' '), left: c.left, right: c.right }))
		.sort((a, b) => a.left - b.left);
}

/** Column names made unique as the CSV reader makes them: `Qty`, `Qty (2)`. */
function unique(names: string[]): string[] {
	const seen = new Map<string, number>();
	return names.map((n) => {
		const k = (seen.get(n.toLowerCase()) ?? 0) + 1;
		seen.set(n.toLowerCase(), k);
		return k === 1 ? n : `${n} (${k})`;
	});
}

/**
 * Where one column ends and the next begins: in the space between their header words, at the
 * place the fewest of the lines' text crosses (the middle of the widest such run), so a long
 * description left-aligned under a short header stays in its column.
 */
function boundaries(cols: { left: number; right: number }[], body: Row[]): number[] {
	const spans = body.flatMap((r) => r.items.map((it) => [it.x, it.x + it.width] as const));
	const out: number[] = [];
	for (let i = 0; i + 1 < cols.length; i++) {
		const from = cols[i]!.right;
		const to = cols[i + 1]!.left;
		if (to - from < 1) {
			out.push((from + to) / 2);
			continue;
		}
		let best = { crossing: Infinity, start: from, end: from };
		let run: { crossing: number; start: number } | null = null;
		for (let x = from; x <= to + 0.001; x += 0.5) {
			const crossing = spans.filter(([a, b]) => a < x && x < b).length;
			if (run && crossing === run.crossing) {
				if (crossing < best.crossing || (crossing === best.crossing && x - run.start > best.end - best.start)) best = { crossing, start: run.start, end: x };
				continue;
			}
			run = { crossing, start: x };
			if (crossing < best.crossing) best = { crossing, start: x, end: x };
		}
		out.push((best.start + best.end) / 2);
	}
	return out;
}

/** Each item's text in the column it mostly lies in; an item spanning columns (pdf.js joined two cells) is parted by words. */
function cellsOf(r: Row, edges: number[], width: number): string[] {
	const zone = (i: number): [number, number] => [i === 0 ? -Infinity : edges[i - 1]!, i === edges.length ? Infinity : edges[i]!];
	const cells: string[][] = Array.from({ length: width }, () => []);
	const place = (it: TextItem) => {
		let best = 0;
		let most = -1;
		for (let i = 0; i < width; i++) {
			const [a, b] = zone(i);
			const o = overlap(it.x, it.x + Math.max(it.width, 0.1), a, b);
			if (o > most) [best, most] = [i, o];
		}
		return best;
	};
	for (const it of r.items) {
		const spread = Array.from({ length: width }, (_, i) => overlap(it.x, it.x + it.width, ...zone(i))).filter((o) => o > 2).length;
		const parts = spread > 1 && /\s/.test(it.str.trim()) ? wordsOf(it) : [it];
		for (const p of parts) cells[place(p)]!.push(p.str.trim());
	}
	return cells.map((c) => c.join(' '));
}

/** The header row of the table: the first that names enough of a line's fields, and its other line if it has two. */
function headerAt(rows: Row[], from = 0, like?: string): { index: number; parts: Row[]; main: Row } | null {
	for (let i = from; i < rows.length; i++) {
		const r = rows[i]!;
		if (like !== undefined ? normaliseHeader(r.items.map((it) => it.str).join('')) !== like : fieldCount(r) < HEADER_FIELDS) continue;
		const above = headerPart(r, rows[i - 1]);
		const below = headerPart(r, rows[i + 1]);
		return { index: i, main: r, parts: [above, r, below].filter((p) => p !== undefined) };
	}
	return null;
}

export function findTable(allRows: readonly Row[], pages: number): FoundTable {
	const head = headerAt([...allRows]);
	if (!head) return { ok: false, reason: 'no-header' };
	const signature = normaliseHeader(head.main.items.map((it) => it.str).join(''));
	const isHeader = (r: Row) => normaliseHeader(r.items.map((it) => it.str).join('')) === signature;
	const rows = dropFurniture(allRows, pages, isHeader);
	const first = rows.indexOf(head.main);
	const named = columnsOf(head.parts, head.main);
	const names = unique(named.map((c) => c.name));
	const columns: Column[] = named.map((c, i) => ({ ...c, name: names[i]!, field: fieldOf(c.name) }));
	const col = (key: string) => columns.findIndex((c) => c.field === key);
	const lineCol = col('lineNo');
	const keyCols = ['quantity', 'unitPrice', 'extended'].map(col).filter((i) => i !== -1);
	const amountCols = new Set([lineCol, ...keyCols].filter((i) => i !== -1));

	/** Where a page's lines start: under the header (the first, or the one repeated on this page), else -1. */
	const startOf = (page: number): number => {
		if (page === head.main.page) return first + (head.parts.at(-1) === head.main ? 1 : 2);
		const again = headerAt(rows, Math.max(0, rows.findIndex((r) => r.page === page)), signature);
		if (again && again.main.page === page) return again.index + (again.parts.at(-1) === again.main ? 1 : 2);
		return -1;
	};

	// The lines of the header's page fix where the columns part.
	const sample = rows.slice(first + head.parts.length - head.parts.indexOf(head.main), first + 60).filter((r) => r.page === head.main.page);
	const end = sample.findIndex((r) => r.items.some((it) => TOTALS.test(it.str.trim())));
	const tableWidth = columns.at(-1)!.right - columns[0]!.left;
	const body = (end === -1 ? sample : sample.slice(0, end)).filter((r) => !(r.items.length === 1 && r.items[0]!.width > tableWidth / 2));
	const edges = boundaries(columns, body);

	const lines: TableLine[] = [];
	let last: { row: Row; line: TableLine } | null = null;
	let ended = false;
	let cameToBottom = false;
	for (let page = head.main.page; page <= pages && !ended; page++) {
		let i = startOf(page);
		if (i === -1) {
			// No header on this page: the table goes on only if it filled the last page to its foot.
			if (!cameToBottom) continue;
			i = rows.findIndex((r) => r.page === page);
			if (i === -1) continue;
		}
		cameToBottom = true;
		for (; i < rows.length && rows[i]!.page === page; i++) {
			const r = rows[i]!;
			const cells = cellsOf(r, edges, columns.length);
			const hasLineNo = lineCol !== -1 ? LINE_NUMBER.test(cells[lineCol]!) : false;
			if (!hasLineNo && r.items.some((it) => TOTALS.test(it.str.trim()))) {
				ended = true;
				break;
			}
			const isNew = lineCol !== -1 ? hasLineNo : keyCols.some((k) => cells[k] !== '' && isNumeric(cells[k]!));
			if (isNew) {
				const line = { page, cells };
				lines.push(line);
				last = { row: r, line };
				continue;
			}
			const wrapped = last !== null && (last.row.page !== page || r.y - last.row.y <= CLOSE * r.height) && cells.every((c, k) => c === '' || !amountCols.has(k));
			if (wrapped && last) {
				cells.forEach((c, k) => c !== '' && (last!.line.cells[k] = last!.line.cells[k] ? `${last!.line.cells[k]} ${c}` : c));
				last.row = r;
				continue;
			}
			// Notes, a signature or anything else under the table: its end on this page.
			cameToBottom = false;
			break;
		}
	}
	if (lines.length === 0) return { ok: false, reason: 'no-lines' };
	return { ok: true, columns, lines, above: rows.slice(0, Math.max(0, first - head.parts.indexOf(head.main))).filter((r) => r.page === head.main.page || r.page === 1), page: head.main.page };
}
