import type { Block, DocLayout, DrawOp, LayoutPage, Measure } from './model';
import { baseline, leading, line, rect, text, BAND, INK, MUTED, RULE } from './draw';
import { wrapText } from './text';

export interface PageFrame {
	width: number;
	height: number;
	left: number;
	right: number;
	/** Lowest y content may reach (the page footer sits below it). */
	bottom: number;
}

/** Draws a page's header; returns its blocks and the y where content starts. Pure, so the flow may call it to measure. */
export type HeaderFn = (pageIndex: number) => { blocks: Block[]; bottom: number };
export type FooterFn = (pageIndex: number, pageCount: number) => Block[];

export interface Column {
	title: string;
	width: number;
	align: 'left' | 'right' | 'center';
}

export interface CellLine {
	text: string;
	bold?: boolean;
	muted?: boolean;
	/** Smaller print, e.g. the job and task under a description. */
	small?: boolean;
}

/** A cell: text (wrapped to the column) and extra lines under it, or a checkbox. */
export type Cell = { text: string; bold?: boolean; extra?: CellLine[] } | { checkbox: boolean };

export interface TableRow {
	key: string;
	cells: Cell[];
}

export interface TableStyle {
	size: number;
	headerSize: number;
	padX: number;
	padY: number;
	/** Shown as one row when the table has none. */
	empty: string;
}

const CHECKBOX = 9;

/**
 * Places content top to bottom over as many pages as it needs. Headers, the repeated table
 * header row and the "page x of y" footers are all decided here, never by the renderer.
 */
export class PageFlow {
	readonly pages: LayoutPage[] = [];
	y = 0;
	/** Where content starts on the current page (below its header and, in a table, the header row). */
	private pageTop = 0;

	constructor(
		readonly frame: PageFrame,
		readonly measure: Measure,
		private readonly header: HeaderFn
	) {
		this.newPage();
	}

	get contentWidth() {
		return this.frame.right - this.frame.left;
	}

	get pageIndex() {
		return this.pages.length - 1;
	}

	/** Height available below the header of a continuation page. */
	get continuationBody() {
		return this.frame.bottom - this.header(1).bottom;
	}

	newPage(): void {
		const h = this.header(this.pages.length);
		this.pages.push({ blocks: [...h.blocks] });
		this.y = h.bottom;
		this.pageTop = h.bottom;
	}

	add(block: Block): void {
		this.pages[this.pages.length - 1]!.blocks.push(block);
	}

	fits(height: number): boolean {
		return this.y + height <= this.frame.bottom + 0.001;
	}

	/** Starts a new page unless `height` fits below the cursor. */
	ensure(height: number): void {
		if (!this.fits(height)) this.newPage();
	}

	/** A block of known height that must not be split: moved to a new page when it does not fit. */
	keep(kind: string, height: number, draw: (top: number) => DrawOp[]): void {
		this.ensure(height);
		this.add({ kind, ops: draw(this.y) });
		this.y += height;
	}

	/** Wrapped text that may break between lines across pages. */
	paragraph(kind: string, value: string, opts: { size: number; bold?: boolean; muted?: boolean; x?: number; width?: number }): void {
		const x = opts.x ?? this.frame.left;
		const lines = wrapText(value, opts.width ?? this.contentWidth, opts.size, opts.bold ?? false, this.measure);
		const lh = leading(opts.size);
		let block: Block | null = null;
		for (const l of lines) {
			if (!this.fits(lh) || !block) {
				if (!this.fits(lh)) this.newPage();
				block = { kind, ops: [] };
				this.add(block);
			}
			block.ops.push(text(x, baseline(this.y, opts.size), l, { size: opts.size, bold: opts.bold, color: opts.muted ? MUTED : INK }));
			this.y += lh;
		}
	}

	/**
	 * A table that flows over pages with its header row repeated on each. A row moves whole to the
	 * next page when it does not fit; only a row taller than a whole page is split between lines.
	 */
	table(columns: Column[], rows: TableRow[], style: TableStyle): void {
		const lh = leading(style.size);
		const headerH = leading(style.headerSize) + 2 * style.padY;
		const xs = columns.reduce<number[]>((acc, c, i) => [...acc, (acc[i] ?? this.frame.left) + c.width], [this.frame.left]);
		const cellX = (i: number) => {
			const c = columns[i]!;
			if (c.align === 'right') return xs[i + 1]! - style.padX;
			if (c.align === 'center') return (xs[i]! + xs[i + 1]!) / 2;
			return xs[i]! + style.padX;
		};
		// Text sits in the middle of its line box, so rows look even above and below.
		const rowBaseline = (lineTop: number) => lineTop + (lh - style.size) / 2 + style.size * 0.78;
		const drawHeader = () => {
			const top = this.y;
			const ops: DrawOp[] = [rect(this.frame.left, top, this.contentWidth, headerH, { fill: BAND })];
			columns.forEach((c, i) => ops.push(text(cellX(i), top + style.padY + (leading(style.headerSize) - style.headerSize) / 2 + style.headerSize * 0.78, c.title, { size: style.headerSize, bold: true, align: c.align })));
			ops.push(line(this.frame.left, top + headerH, this.frame.right, top + headerH, 0.75, INK));
			this.add({ kind: 'tableHeader', ops });
			this.y += headerH;
			if (top === this.pageTop) this.pageTop = this.y;
		};
		const cellLines = (cell: Cell, i: number): CellLine[] => {
			if ('checkbox' in cell) return [{ text: '' }];
			const width = columns[i]!.width - 2 * style.padX;
			const main = wrapText(cell.text, width, style.size, cell.bold ?? false, this.measure).map((t) => ({ text: t, bold: cell.bold }));
			const extra = (cell.extra ?? []).flatMap((e) => wrapText(e.text, width, e.small ? style.size - 1.5 : style.size, e.bold ?? false, this.measure).map((t) => ({ ...e, text: t })));
			return [...main, ...extra];
		};
		const drawRow = (row: TableRow, lines: CellLine[][], from: number, to: number, part: number) => {
			const top = this.y;
			const h = (to - from) * lh + 2 * style.padY;
			const ops: DrawOp[] = [];
			row.cells.forEach((cell, i) => {
				if ('checkbox' in cell) {
					if (from > 0) return;
					const bx = cellX(i) - (columns[i]!.align === 'center' ? CHECKBOX / 2 : columns[i]!.align === 'right' ? CHECKBOX : 0);
					const by = top + style.padY + (lh - CHECKBOX) / 2 - 1.5;
					ops.push(rect(bx, by, CHECKBOX, CHECKBOX, { stroke: INK, width: 0.75 }));
					if (cell.checkbox) {
						ops.push(line(bx + 2, by + 2, bx + CHECKBOX - 2, by + CHECKBOX - 2, 1, INK), line(bx + 2, by + CHECKBOX - 2, bx + CHECKBOX - 2, by + 2, 1, INK));
					}
					return;
				}
				lines[i]!.slice(from, to).forEach((l, n) => {
					const size = l.small ? style.size - 1.5 : style.size;
					ops.push(text(cellX(i), rowBaseline(top + style.padY + n * lh), l.text, { size, bold: l.bold, align: columns[i]!.align, color: l.muted ? MUTED : INK }));
				});
			});
			ops.push(line(this.frame.left, top + h, this.frame.right, top + h, 0.5, RULE));
			this.add({ kind: 'row', key: row.key, part, ops });
			this.y += h;
		};

		// The header alone at the foot of a page helps nobody: it starts where a first row fits too.
		if (!this.fits(headerH + lh + 2 * style.padY)) this.newPage();
		drawHeader();
		if (rows.length === 0) {
			const h = lh + 2 * style.padY;
			this.add({ kind: 'tableEmpty', ops: [text(this.frame.left + style.padX, rowBaseline(this.y + style.padY), style.empty, { size: style.size, color: MUTED }), line(this.frame.left, this.y + h, this.frame.right, this.y + h)] });
			this.y += h;
			return;
		}
		const fullBody = this.continuationBody - headerH;
		for (const row of rows) {
			const lines = row.cells.map(cellLines);
			const total = Math.max(1, ...lines.map((l) => l.length));
			let from = 0;
			let part = 0;
			while (from < total) {
				const need = (total - from) * lh + 2 * style.padY;
				if (this.fits(need)) {
					drawRow(row, lines, from, total, part);
					break;
				}
				const freshPage = this.y === this.pageTop;
				// At least one line per page, so a header taller than the page cannot stall the flow.
				const room = Math.max(freshPage ? 1 : 0, Math.floor((this.frame.bottom - this.y - 2 * style.padY) / lh));
				if (need <= fullBody || room < 1) {
					this.newPage();
					drawHeader();
					continue;
				}
				drawRow(row, lines, from, from + room, part);
				from += room;
				part++;
				this.newPage();
				drawHeader();
			}
		}
	}

	/** The finished document: every page gets its footer, now that the page count is known. */
	finish(meta: Omit<DocLayout, 'pages' | 'width' | 'height'>, footer: FooterFn): DocLayout {
		const count = this.pages.length;
		this.pages.forEach((p, i) => p.blocks.push(...footer(i, count)));
		return { ...meta, width: this.frame.width, height: this.frame.height, pages: this.pages };
	}
}
