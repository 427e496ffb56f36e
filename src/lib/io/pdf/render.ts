import { jsPDF } from 'jspdf';
import { STANDARD_FACES, type Faces } from './faces';
import type { DocLayout, Measure } from './model';

/**
 * A blank US Letter document in points, the unit the layout model speaks. jsPDF lists all 14 standard
 * fonts in every page's resources unless told to put only the fonts drawn with: `onlyUsedFonts`
 * for a document that must name no unembedded font (PDF/A).
 */
export function newDocument(onlyUsedFonts = false): jsPDF {
	return new jsPDF({ unit: 'pt', format: 'letter', orientation: 'portrait', compress: true, putOnlyUsedFonts: onlyUsedFonts });
}

/**
 * Helvetica's metrics as jsPDF knows them (jsPDF does not kern the standard fonts when drawing, so
 * neither does the measure). Widths per font are cached: tables repeat their words. A document drawn
 * with embedded fonts is still measured with these, so both documents of one invoice wrap and
 * paginate alike: Liberation Sans draws at Helvetica's advance widths but for ¯ ± µ · ÷
 * (embedded-fonts.test.ts). Measuring with Liberation's own widths would not do: jsPDF's Helvetica
 * table is cut to 1/100 em, about 1% under Adobe's (and Liberation's), so lines would break elsewhere.
 */
export function measureWith(doc: jsPDF): Measure {
	doc.setFont('helvetica', 'bold');
	const boldFont = doc.getFont();
	doc.setFont('helvetica', 'normal');
	const regularFont = doc.getFont();
	const cache = new Map<string, number>();
	return (text, size, bold) => {
		const key = (bold ? 'b' : 'r') + text;
		let unit = cache.get(key);
		if (unit === undefined) {
			unit = doc.getStringUnitWidth(text, { font: bold ? boldFont : regularFont, doKerning: false });
			cache.set(key, unit);
		}
		return unit * size;
	};
}

/** Draws the layout page for page, as laid out: the renderer never moves or re-paginates anything. */
export function renderLayout(doc: jsPDF, layout: DocLayout, faces: Faces = STANDARD_FACES): ArrayBuffer {
	// Right and centred text is placed with the same (unkerned) widths the layout wrapped with;
	// jsPDF's own alignment measures kerned widths but draws unkerned, so long lines would overshoot.
	const measure = measureWith(doc);
	doc.setProperties({ title: layout.title, subject: layout.subject, author: layout.author, creator: 'Tieout' });
	doc.setLineCap('butt');
	// jsPDF writes every state change into the page stream: set each only when it changes.
	let font = '';
	let size = 0;
	let textColor = '';
	let drawColor = '';
	let lineWidth = -1;
	let images = 0;
	const stroke = (color: string, width: number) => {
		if (color !== drawColor) doc.setDrawColor((drawColor = color));
		if (width !== lineWidth) doc.setLineWidth((lineWidth = width));
	};
	const aliases = new Map<string, string>();
	layout.pages.forEach((page, i) => {
		if (i > 0) doc.addPage('letter', 'portrait');
		for (const block of page.blocks) {
			for (const op of block.ops) {
				switch (op.op) {
					case 'text': {
						const want = op.bold ? 'bold' : 'normal';
						if (font !== want) {
							doc.setFont(faces[want].family, faces[want].style);
							font = want;
						}
						if (op.size !== size) doc.setFontSize((size = op.size));
						if (op.color !== textColor) doc.setTextColor((textColor = op.color));
						const width = op.align === 'left' ? 0 : measure(op.text, op.size, op.bold);
						const x = op.align === 'right' ? op.x - width : op.align === 'center' ? op.x - width / 2 : op.x;
						doc.text(op.text, x, op.y, { baseline: 'alphabetic' });
						break;
					}
					case 'line':
						stroke(op.color, op.width);
						doc.line(op.x1, op.y1, op.x2, op.y2);
						break;
					case 'rect': {
						if (op.fill) doc.setFillColor(op.fill);
						if (op.stroke) stroke(op.stroke, op.width);
						doc.rect(op.x, op.y, op.w, op.h, op.fill && op.stroke ? 'FD' : op.fill ? 'F' : 'S');
						break;
					}
					case 'image': {
						// One embedded copy per distinct image, however often it is drawn.
						let alias = aliases.get(op.dataUrl);
						if (!alias) {
							alias = `img${images++}`;
							aliases.set(op.dataUrl, alias);
						}
						doc.addImage(op.dataUrl, op.format, op.x, op.y, op.w, op.h, alias, 'FAST');
						break;
					}
				}
			}
		}
	});
	return doc.output('arraybuffer');
}
