/**
 * Liberation Sans 2.1.5 (SIL OFL 1.1, see OFL.txt and SOURCE.md), the fonts the Factur-X invoice is
 * drawn with: PDF/A forbids the unembedded standard Helvetica, and Liberation Sans has Helvetica's
 * advance widths, so the embedded-font invoice lays out exactly like the ordinary one.
 *
 * The files are inlined into this module's chunk (base64, ~1.1 MB) rather than fetched: the same
 * code then runs in the PDF worker, on the main thread and in Node tests, needs no fetch (CSP) and
 * is precached offline like every other built chunk. The chunk carries OFL.txt with the files. Import it only dynamically, when a Factur-X
 * PDF is made, so neither the app's first load nor an ordinary PDF ever loads it.
 */
import boldUrl from './LiberationSans-Bold.ttf?inline';
import regularUrl from './LiberationSans-Regular.ttf?inline';
import licence from './OFL.txt?raw';
import type { EmbeddedFonts } from '../faces';

function base64Of(dataUrl: string, fileName: string): string {
	const comma = dataUrl.indexOf(',');
	if (!dataUrl.startsWith('data:') || !dataUrl.slice(0, comma).endsWith(';base64')) throw new Error(`The font ${fileName} was not built into the app as base64.`);
	return dataUrl.slice(comma + 1);
}

export const LIBERATION_SANS: EmbeddedFonts = {
	// OFL condition 2: every copy of the fonts carries their copyright notice and licence, and the
	// built app's copy is this chunk.
	licence,
	normal: { fileName: 'LiberationSans-Regular.ttf', postScriptName: 'LiberationSans', base64: base64Of(regularUrl, 'LiberationSans-Regular.ttf') },
	bold: { fileName: 'LiberationSans-Bold.ttf', postScriptName: 'LiberationSans-Bold', base64: base64Of(boldUrl, 'LiberationSans-Bold.ttf') }
};
