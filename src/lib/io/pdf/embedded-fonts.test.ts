import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { bigInvoiceInput, business, logoDataUrl, sampleInvoiceInput } from './fixtures.test-helper';
import { LIBERATION_SANS } from './fonts/liberation-sans';
import { generatePdf } from './generate';
import type { InvoiceDocInput } from './invoice-layout';
import { answer } from './protocol';
import { embedFonts } from './faces';
import { newDocument } from './render';

const dir = mkdtempSync(join(tmpdir(), 'tieout-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Set PDF_REVIEW_DIR to keep both PDFs of each invoice (and look at them with pdftoppm). */
const reviewDir = process.env.PDF_REVIEW_DIR;
if (reviewDir) mkdirSync(reviewDir, { recursive: true });

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

const ciiXml = (number: string, typeCode = '380') =>
	`<?xml version="1.0" encoding="UTF-8"?><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"><rsm:ExchangedDocument><ram:ID>${number}</ram:ID><ram:TypeCode>${typeCode}</ram:TypeCode></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>`;

function save(name: string, bytes: ArrayBuffer): string {
	const file = join(dir, name);
	writeFileSync(file, new Uint8Array(bytes));
	if (reviewDir) writeFileSync(join(reviewDir, name), new Uint8Array(bytes));
	return file;
}

/** The ordinary PDF and the Factur-X PDF (through the worker's code path) of one invoice. */
async function both(name: string, input: InvoiceDocInput, typeCode = '380') {
	const plain = generatePdf({ kind: 'invoice', input });
	const fx = await answer({ id: 1, kind: 'invoice', input, facturX: { xml: ciiXml(input.invoice.number, typeCode) } });
	if (!fx.ok) throw new Error(fx.error);
	return { plain, fx, plainFile: save(`${name}.pdf`, plain.bytes), fxFile: save(`${name}-facturx.pdf`, fx.bytes) };
}

interface FontRow {
	name: string;
	type: string;
	encoding: string;
	emb: string;
	sub: string;
	uni: string;
}

/** pdffonts' table, one row per font object: name, type, encoding, then emb sub uni yes/no and the object. */
function fonts(file: string): FontRow[] {
	return run('pdffonts', [file])
		.trim()
		.split('\n')
		.slice(2)
		.map((row) => {
			const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row);
			if (!m) throw new Error(`pdffonts row not understood: ${row}`);
			return { name: m[1]!, type: m[2]!, encoding: m[3]!, emb: m[4]!, sub: m[5]!, uni: m[6]! };
		});
}

const STANDARD_14 = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

/** Every character winansi.ts lets through to the layout (printable ASCII, Latin-1 and CP1252's additions). */
const WINANSI = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...Array.from({ length: 0x100 - 0xa1 }, (_, i) => String.fromCharCode(0xa1 + i)).filter((c) => c !== '\u00ad'), ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'];

/**
 * Where Liberation Sans (like Arial, whose widths it copies) is not Helvetica's width, in 1/1000 em:
 * [Liberation, Adobe's Helvetica]. A line with one of these is drawn up to that much wider or
 * narrower than it was measured; everything else is drawn at Helvetica's width.
 * Ÿ is not a real difference: pdf-lib's Helvetica table says 500 where Adobe's AFM (and jsPDF) say 667.
 */
const NOT_HELVETICA_WIDE: Record<string, [number, number]> = { '¯': [552, 333], '±': [549, 584], 'µ': [576, 556], '·': [333, 278], '÷': [549, 584], 'Ÿ': [667, 500] };

describe('Liberation Sans draws (almost) every character at Helvetica’s width', async () => {
	const afm = await PDFDocument.create();
	const helvetica = { normal: await afm.embedFont(StandardFonts.Helvetica), bold: await afm.embedFont(StandardFonts.HelveticaBold) };
	const doc = newDocument();
	const faces = embedFonts(doc, LIBERATION_SANS);

	it.each(['normal', 'bold'] as const)('%s: each of the 216 WinAnsi characters within 1/1000 em of Adobe’s Helvetica metrics, but six known ones', (style) => {
		doc.setFont(faces[style].family, faces[style].style);
		const liberation = doc.getFont();
		const widths = WINANSI.map((ch) => ({ ch, liberation: doc.getStringUnitWidth(ch, { font: liberation, doKerning: false }) * 1000, helvetica: helvetica[style].widthOfTextAtSize(ch, 1000) }));
		expect(WINANSI).toHaveLength(216);
		const off = widths.filter((w) => Math.abs(w.liberation - w.helvetica) > 1);
		expect(off.map((w) => w.ch)).toEqual(Object.keys(NOT_HELVETICA_WIDE));
		if (style === 'normal') for (const w of off) expect([Math.round(w.liberation), w.helvetica]).toEqual(NOT_HELVETICA_WIDE[w.ch]);
	});
});

describe('the Factur-X PDF embeds every font it draws with', async () => {
	const withLogo = await both('invoice', sampleInvoiceInput('INV-1041', { ...business, logoDataUrl: logoDataUrl() }));
	const credit = sampleInvoiceInput('INV-1041');
	const creditNote = await both('credit-note', { ...credit, invoice: { ...credit.invoice, number: 'CN-1041', creditOf: credit.invoice.number } }, '381');

	it.each([
		['an invoice', withLogo],
		['a credit note', creditNote]
	])('%s: pdffonts lists LiberationSans regular and bold, embedded subsets with Unicode maps, and no standard font', (_, made) => {
		const rows = fonts(made.fxFile);
		expect(rows.map((r) => r.name).sort()).toEqual(['TIEOUA+LiberationSans', 'TIEOUB+LiberationSans-Bold']);
		for (const r of rows) expect(r).toMatchObject({ type: 'CID TrueType', encoding: 'Identity-H', emb: 'yes', sub: 'yes', uni: 'yes' });
		expect(rows.filter((r) => STANDARD_14.test(r.name))).toEqual([]);
	});

	it('the ordinary PDF is drawn as before: in the standard fonts, none embedded (jsPDF names all 14)', () => {
		const rows = fonts(withLogo.plainFile);
		expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Helvetica', 'Helvetica-Bold']));
		expect(rows).toHaveLength(14);
		for (const r of rows) expect(r.name).toMatch(STANDARD_14);
		for (const r of rows) expect(r.emb).toBe('no');
	});

	it('embeds subsets, not the whole ~400 KB files', () => {
		const size = (file: string) => readFileSync(file).length;
		expect(size(withLogo.fxFile) - size(withLogo.plainFile)).toBeLessThan(120_000);
	});
});

describe('the Factur-X PDF reads exactly like the ordinary one', () => {
	const cases: [string, () => InvoiceDocInput, string?][] = [
		['the sample invoice', () => sampleInvoiceInput('INV-1041', { ...business, logoDataUrl: logoDataUrl() })],
		['a 200-line invoice over several pages', () => bigInvoiceInput(200)],
		[
			'a credit note',
			() => {
				const input = sampleInvoiceInput('INV-1041');
				return { ...input, invoice: { ...input.invoice, number: 'CN-1041', creditOf: input.invoice.number } };
			},
			'381'
		]
	];

	it.each(cases)('%s: the same page count and the same pdftotext -layout text', async (name, input, typeCode) => {
		const made = await both(createHash('sha1').update(name).digest('hex').slice(0, 8), input(), typeCode);
		expect(made.fx.pageCount).toBe(made.plain.pageCount);
		expect(run('pdfinfo', [made.fxFile])).toMatch(new RegExp(`^Pages:\\s+${made.plain.pageCount}$`, 'm'));
		const text = run('pdftotext', ['-layout', made.plainFile, '-']);
		expect(text).toContain(made.plain.title.replace(/^\S+ /, '').replace(/^note /, ''));
		expect(run('pdftotext', ['-layout', made.fxFile, '-'])).toBe(text);
	});

	it('accents, €, curly quotes and dashes are drawn and extracted as themselves, not mangled by the WinAnsi mapping', async () => {
		const input = sampleInvoiceInput('INV-1043');
		const description = 'Café Müller – “Ølstrøm” naïve façade — €1.250,00 ‘ok’ … 5 ft² ≤ 10 ft Œuvre ß';
		input.lines[0] = { ...input.lines[0]!, description };
		const made = await both('characters', input);
		const expected = 'Café Müller – “Ølstrøm” naïve façade — €1.250,00 ‘ok’ … 5 ft² <= 10 ft Œuvre ß';
		const fxText = run('pdftotext', [made.fxFile, '-']).replace(/\s+/g, ' ');
		expect(fxText).toContain(expected);
		expect(run('pdftotext', ['-layout', made.fxFile, '-'])).toBe(run('pdftotext', ['-layout', made.plainFile, '-']));
	});
});
