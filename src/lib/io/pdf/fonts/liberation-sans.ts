/**
 * Liberation Sans 2.1.5 (SIL OFL 1.1, see OFL.txt and SOURCE.md), the fonts the Factur-X invoice is
 * drawn with: PDF/A forbids the unembedded standard Helvetica, and Liberation Sans has Helvetica's
 * advance widths, so the embedded-font invoice lays out exactly like the ordinary one.
 *
 * The files are inlined into this module's chunk as base64 rather than fetched: the same code then
 * runs in the PDF worker, on the main thread and in Node tests, fetches nothing (CSP connect-src is
 * untouched) and is precached offline like every other built chunk. The cost: the build holds the
 * chunk twice (the worker's and the main-thread fallback's), 1,105 kB each (520 kB gzipped), where
 * the two .ttf files fetched as one asset would be 825 kB once. Import this module only dynamically,
 * when a Factur-X PDF is made: neither the app's first load nor an ordinary PDF loads it. The chunk
 * carries OFL.txt with the fonts.
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
