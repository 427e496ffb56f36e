/**
 * The layout model: a document as pages of positioned drawing operations, decided entirely by the
 * layout functions. The renderer draws it as it is and never re-paginates, so everything that
 * matters (what is on which page, what wraps where) is testable without a PDF library.
 *
 * Units are PDF points (1/72 in), origin top-left, y growing downwards. Text `y` is the baseline.
 * Every string in the model is already reduced to what the built-in Helvetica can draw.
 */

/** Width of `text` in points at `sizePt` in Helvetica (bold or regular). */
export type Measure = (text: string, sizePt: number, bold: boolean) => number;

/** `#rrggbb` */
export type Color = string;

export interface TextOp {
	op: 'text';
	x: number;
	y: number;
	text: string;
	size: number;
	bold: boolean;
	/** `x` is the left edge, the right edge or the centre. */
	align: 'left' | 'right' | 'center';
	color: Color;
}

export interface LineOp {
	op: 'line';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	width: number;
	color: Color;
}

export interface RectOp {
	op: 'rect';
	x: number;
	y: number;
	w: number;
	h: number;
	fill: Color | null;
	stroke: Color | null;
	width: number;
}

export interface ImageOp {
	op: 'image';
	dataUrl: string;
	format: 'PNG' | 'JPEG';
	x: number;
	y: number;
	w: number;
	h: number;
}

export type DrawOp = TextOp | LineOp | RectOp | ImageOp;

/** A named group of operations, so tests (and people) can find "the totals" or "row 17" on a page. */
export interface Block {
	kind: string;
	/** Identifies the record a block shows, e.g. an invoice line's number for a table row. */
	key?: string;
	/** For a table row split over pages: which part this is (0 = first). */
	part?: number;
	ops: DrawOp[];
}

export interface LayoutPage {
	blocks: Block[];
}

export interface DocLayout {
	width: number;
	height: number;
	title: string;
	subject: string;
	author: string;
	pages: LayoutPage[];
}

/** US Letter in points. */
export const LETTER = { width: 612, height: 792 } as const;
