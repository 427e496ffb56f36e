import type { jsPDF } from 'jspdf';

/** The jsPDF font (family and style) each of the layout's two weights is drawn with. */
export type Faces = Record<'normal' | 'bold', { family: string; style: string }>;

/** jsPDF's standard Helvetica: not embedded, WinAnsi-encoded. */
export const STANDARD_FACES: Faces = { normal: { family: 'helvetica', style: 'normal' }, bold: { family: 'helvetica', style: 'bold' } };

/** One TrueType file as jsPDF takes it, and the PostScript name the PDF should give its subset. */
export interface FontFile {
	fileName: string;
	base64: string;
	postScriptName: string;
}

/** TrueType fonts to draw with instead of the standard Helvetica. */
export interface EmbeddedFonts {
	normal: FontFile;
	bold: FontFile;
	/** The copyright notice and licence the font files must travel with. */
	licence: string;
}

/**
 * Gives `doc` the fonts and says how to draw with them. jsPDF embeds a TrueType font as a subset of
 * the glyphs drawn (Identity-H, with a ToUnicode map, so text still extracts) and names it by the
 * family it was added under, so each file is added under its own name: the regular and the bold
 * then keep their own PostScript names in the PDF. The six-letter tag marks the name as a subset's,
 * which the PDF specification asks of a subset font (a different tag per subset in one file).
 */
export function embedFonts(doc: jsPDF, fonts: EmbeddedFonts): Faces {
	const add = (file: FontFile, tag: string) => {
		const family = `${tag}+${file.postScriptName}`;
		doc.addFileToVFS(file.fileName, file.base64);
		doc.addFont(file.fileName, family, 'normal');
		return { family, style: 'normal' };
	};
	return { normal: add(fonts.normal, 'TIEOUA'), bold: add(fonts.bold, 'TIEOUB') };
}
