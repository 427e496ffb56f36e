import type { Color, ImageOp, LineOp, RectOp, TextOp } from './model';
import { toWinAnsi } from './winansi';

export const INK: Color = '#1a1a1a';
export const MUTED: Color = '#5c5c5c';
export const RULE: Color = '#c8c8c8';
export const BAND: Color = '#f0f0f0';

export interface TextStyle {
	size: number;
	bold?: boolean;
	align?: TextOp['align'];
	color?: Color;
}

/** A text operation; the text is reduced to what Helvetica can draw here, whatever the caller passed. */
export const text = (x: number, y: number, value: string, style: TextStyle): TextOp => ({
	op: 'text',
	x,
	y,
	text: toWinAnsi(value).replace(/\n/g, ' '),
	size: style.size,
	bold: style.bold ?? false,
	align: style.align ?? 'left',
	color: style.color ?? INK
});

export const line = (x1: number, y1: number, x2: number, y2: number, width = 0.5, color: Color = RULE): LineOp => ({ op: 'line', x1, y1, x2, y2, width, color });

export const rect = (x: number, y: number, w: number, h: number, style: { fill?: Color; stroke?: Color; width?: number }): RectOp => ({
	op: 'rect',
	x,
	y,
	w,
	h,
	fill: style.fill ?? null,
	stroke: style.stroke ?? null,
	width: style.width ?? 0.5
});

export const image = (dataUrl: string, format: ImageOp['format'], x: number, y: number, w: number, h: number): ImageOp => ({ op: 'image', dataUrl, format, x, y, w, h });

/** Baseline of the first line of text whose box starts at `top`: Helvetica's ascender is about 0.72 em. */
export const baseline = (top: number, size: number) => top + size * 0.8;

/** Line spacing used throughout. */
export const leading = (size: number) => size * 1.3;
