/**
 * jsPDF's built-in Helvetica is encoded as WinAnsi (Windows-1252): anything outside it prints as
 * garbage. Every string reaches the layout through `toWinAnsi`, which keeps what the font can draw,
 * spells out common symbols, strips accents it cannot draw (ő → o) and marks the rest with '?'.
 * The Factur-X PDF draws the same reduced text in the embedded Liberation Sans (Identity-H, so the
 * characters reach jsPDF as Unicode and come out of text extraction unchanged): it could draw ő and
 * Ł as they are, but then the two PDFs of one invoice would no longer read alike.
 */

/** Windows-1252's additions to Latin-1 (0x80–0x9F), which jsPDF maps for the standard fonts. */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const REPLACEMENTS: Record<string, string> = {
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2212': '-',
	'\u2015': '—',
	'\u201B': "'",
	'\u201F': '"',
	'\u2032': "'",
	'\u2033': '"',
	'\u2044': '/',
	'\u2190': '<-',
	'\u2192': '->',
	'\u2194': '<->',
	'\u21D2': '=>',
	'\u2264': '<=',
	'\u2265': '>=',
	'\u2260': '!=',
	'\u2248': '~',
	'\u2116': 'No.',
	'\u2103': '°C',
	'\u2109': '°F',
	'\u2713': 'x',
	'\u2714': 'x',
	'\u2715': 'x',
	'\u2717': 'x',
	'\u2718': 'x',
	'\u00AD': '',
	ł: 'l',
	Ł: 'L',
	đ: 'd',
	Đ: 'D',
	ı: 'i',
	ħ: 'h',
	Ħ: 'H'
};

const isSpace = (cp: number) => cp === 0x09 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000;
const isInvisible = (cp: number) => (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);

function drawable(ch: string): boolean {
	const cp = ch.codePointAt(0)!;
	return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff && cp !== 0xad) || CP1252_EXTRAS.includes(ch);
}

function mapChar(ch: string): string {
	if (drawable(ch)) return ch;
	const cp = ch.codePointAt(0)!;
	if (ch === '\n') return '\n';
	if (isSpace(cp)) return ' ';
	if (isInvisible(cp) || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return '';
	const replaced = REPLACEMENTS[ch];
	if (replaced !== undefined) return replaced;
	// Compatibility decomposition without the accents: ő → o, ﬁ → fi, ² → 2, ⅓ → 1/3.
	const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	if (plain !== ch && plain !== '' && [...plain].every((c) => drawable(c) || REPLACEMENTS[c] !== undefined)) {
		return [...plain].map((c) => (drawable(c) ? c : REPLACEMENTS[c])).join('');
	}
	return '?';
}

/** Text Helvetica/WinAnsi can draw. Line breaks (\n) are kept; \r\n and \r become \n. */
export function toWinAnsi(text: string): string {
	const normal = text.replace(/\r\n?/g, '\n').normalize('NFC');
	let out = '';
	for (const ch of normal) out += mapChar(ch);
	return out;
}
