import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { business, logoDataUrl, sampleInvoiceInput } from './fixtures.test-helper';
import { FACTUR_X_FILE_NAME, toFacturX, type FacturXMeta } from './factur-x';
import { generatePdf } from './generate';
import { makeFacturX } from './pdf-client';
import { answer } from './protocol';

const dir = mkdtempSync(join(tmpdir(), 'tieout-fx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the CII the e-invoice writer makes: the container must carry any CII byte for byte. */
const ciiXml = (number: string, typeCode = '380') => `<?xml version="1.0" encoding="UTF-8"?>
<!-- stand-in: the real XML comes from src/lib/io/einvoice -->
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
  <rsm:ExchangedDocument><ram:ID>${number}</ram:ID><ram:TypeCode>${typeCode}</ram:TypeCode></rsm:ExchangedDocument>
  <ram:Note>Café &amp; “Alvarez” – 5 ft² ≤ 10 ft</ram:Note>
</rsm:CrossIndustryInvoice>
`;

const CREATED = new Date('2027-01-15T14:03:09.250Z');

function invoicePdf(number = 'INV-1041') {
	const input = sampleInvoiceInput(number, { ...business, logoDataUrl: logoDataUrl() });
	return { input, pdf: generatePdf({ kind: 'invoice', input }) };
}

const metaOf = (pdf: { title: string; author: string }, invoiceNumber: string): FacturXMeta => ({ title: pdf.title, author: pdf.author, invoiceNumber, created: CREATED, profile: 'EN 16931' });

function save(name: string, bytes: Uint8Array | ArrayBuffer): string {
	const file = join(dir, name);
	writeFileSync(file, new Uint8Array(bytes));
	return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

function streamAt(dict: PDFDict, key: PDFName): PDFRawStream {
	const o = dict.lookup(key);
	if (!(o instanceof PDFRawStream)) throw new Error(`${key.toString()} is not a stream`);
	return o;
}

function decoded(stream: PDFRawStream): Uint8Array {
	return stream.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(stream).decode() : stream.getContents();
}

const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o));

describe('toFacturX on a real invoice PDF', async () => {
	const { input, pdf } = invoicePdf();
	const xml = ciiXml(input.invoice.number);
	const fx = await toFacturX(new Uint8Array(pdf.bytes), xml, metaOf(pdf, input.invoice.number));
	const plainFile = save('plain.pdf', pdf.bytes);
	const fxFile = save('factur-x.pdf', fx);

	it('pdfdetach finds exactly one file, factur-x.xml, holding the XML byte for byte', () => {
		expect(run('pdfdetach', ['-list', fxFile]).trim().split('\n')).toEqual(['1 embedded files', `1: ${FACTUR_X_FILE_NAME}`]);
		const out = join(dir, 'detached.xml');
		run('pdfdetach', ['-save', '1', '-o', out, fxFile]);
		expect(readFileSync(out).equals(Buffer.from(xml, 'utf8'))).toBe(true);
	});

	it('the file is associated with the document (/AF) as its Alternative, typed text/xml, with size and date', async () => {
		const doc = await PDFDocument.load(fx);
		const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
		expect(af.size()).toBe(1);
		const spec = af.lookup(0, PDFDict);
		expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
		expect(text(spec.get(PDFName.of('F')))).toBe(FACTUR_X_FILE_NAME);
		expect(text(spec.get(PDFName.of('UF')))).toBe(FACTUR_X_FILE_NAME);
		const file = streamAt(spec.lookup(PDFName.of('EF'), PDFDict), PDFName.of('F'));
		expect(file.dict.get(PDFName.of('Type'))).toBe(PDFName.of('EmbeddedFile'));
		expect(file.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
		const params = file.dict.lookup(PDFName.of('Params'), PDFDict);
		expect((params.get(PDFName.of('Size')) as PDFNumber).asNumber()).toBe(Buffer.byteLength(xml, 'utf8'));
		expect(text(params.get(PDFName.of('ModDate')))).toBe('D:20270115140309Z');
		expect(new TextDecoder().decode(decoded(file))).toBe(xml);
		// The same file spec is the one the EmbeddedFiles name tree lists.
		const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
		expect(names.size()).toBe(2);
		expect(text(names.get(0))).toBe(FACTUR_X_FILE_NAME);
		expect(names.get(1)).toBe(af.get(0));
	});

	it('declares PDF/A-3b and Factur-X EN 16931 in an unfiltered XMP packet that agrees with the Info dictionary', async () => {
		const doc = await PDFDocument.load(fx, { updateMetadata: false });
		const metadata = streamAt(doc.catalog, PDFName.of('Metadata'));
		expect(metadata.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
		expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
		expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);
		const xmp = new TextDecoder().decode(metadata.getContents());
		const xmpFile = save('xmp.xml', new TextEncoder().encode(xmp.replace(/^<\?xpacket[^>]*\?>/, '').replace(/<\?xpacket[^>]*\?>$/, '')));
		run('xmllint', ['--noout', xmpFile]); // throws if the packet is not well-formed
		const prop = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
		expect(prop('pdfaid:part')).toBe('3');
		expect(prop('pdfaid:conformance')).toBe('B');
		expect(prop('fx:DocumentType')).toBe('INVOICE');
		expect(prop('fx:DocumentFileName')).toBe(FACTUR_X_FILE_NAME);
		expect(prop('fx:Version')).toBe('1.0');
		expect(prop('fx:ConformanceLevel')).toBe('EN 16931');
		// PDF/A accepts the fx properties only with their schema described in the packet.
		expect(xmp).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>');
		for (const p of ['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel']) expect(xmp).toContain(`<pdfaProperty:name>${p}</pdfaProperty:name>`);
		expect(xmp).toContain('xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"');
		expect(xmp).toContain(`<rdf:li xml:lang="x-default">${pdf.title}</rdf:li>`);
		expect(xmp).toContain(`<rdf:li>${pdf.author.replace('&', '&amp;')}</rdf:li>`);
		expect(doc.getTitle()).toBe(pdf.title);
		expect(doc.getAuthor()).toBe(pdf.author);
		expect(prop('pdf:Producer')).toBe(doc.getProducer());
		expect(prop('xmp:CreatorTool')).toBe(doc.getCreator());
		expect(new Date(prop('xmp:CreateDate')!).getTime()).toBe(doc.getCreationDate()!.getTime());
		expect(new Date(prop('xmp:ModifyDate')!).getTime()).toBe(doc.getModificationDate()!.getTime());
		expect(doc.getCreationDate()!.toISOString()).toBe('2027-01-15T14:03:09.000Z');
	});

	it('has an sRGB output intent carrying the committed ICC profile', async () => {
		const doc = await PDFDocument.load(fx);
		const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
		expect(intents.size()).toBe(1);
		const intent = intents.lookup(0, PDFDict);
		expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
		expect(text(intent.get(PDFName.of('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
		const profile = streamAt(intent, PDFName.of('DestOutputProfile'));
		expect((profile.dict.get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
		expect(Buffer.from(decoded(profile)).equals(readFileSync(join(import.meta.dirname, 'sRGB.icc')))).toBe(true);
	});

	it('pdfinfo reads the metadata; the file is PDF 1.7 and keeps its document ID', () => {
		const info = run('pdfinfo', [fxFile]);
		expect(info).toMatch(/^Title:\s+Invoice INV-1041$/m);
		expect(info).toMatch(/^Author:\s+Alvarez Mechanical & Electric LLC$/m);
		expect(info).toMatch(/^Creator:\s+Tieout$/m);
		expect(info).toMatch(/^Producer:\s+Tieout \(jsPDF, pdf-lib\)$/m);
		expect(info).toMatch(/^PDF version:\s+1\.7$/m);
		expect(info).toMatch(new RegExp(`^Pages:\\s+${pdf.pageCount}$`, 'm'));
		expect(run('pdfinfo', ['-meta', fxFile])).toContain('<pdfaid:part>3</pdfaid:part>');
		expect(readFileSync(fxFile, 'latin1')).toMatch(/\/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]/);
	});

	it('loses nothing drawn: the same text, and the same pixels, as the ordinary invoice', () => {
		const plainText = run('pdftotext', ['-layout', plainFile, '-']);
		expect(plainText).toContain('INV-1041');
		expect(run('pdftotext', ['-layout', fxFile, '-'])).toBe(plainText);
		run('pdftoppm', ['-r', '40', '-gray', plainFile, join(dir, 'plain')]);
		run('pdftoppm', ['-r', '40', '-gray', fxFile, join(dir, 'fx')]);
		const page = (prefix: string) => readFileSync(join(dir, `${prefix}-${pdf.pageCount > 9 ? '01' : '1'}.pgm`));
		expect(page('fx').equals(page('plain'))).toBe(true);
	});
});

describe('toFacturX refuses what cannot make a Factur-X file', () => {
	const { input, pdf } = invoicePdf();
	const meta = metaOf(pdf, input.invoice.number);
	const bytes = new Uint8Array(pdf.bytes);

	it.each([
		['an empty XML', bytes, '', 'the invoice XML to embed is empty.'],
		['an XML of spaces', bytes, '  \n ', 'the invoice XML to embed is empty.'],
		['text that is not XML', bytes, 'INV-1041;884120;1250.00', 'the text to embed is not XML'],
		['a UBL invoice', bytes, '<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>', 'its XML is <Invoice>, but Factur-X carries a UN/CEFACT CII <rsm:CrossIndustryInvoice>.'],
		['bytes that are not a PDF', new TextEncoder().encode('PK\u0003\u0004 a zip, not a PDF'), ciiXml('INV-1041'), 'the bytes given are not a PDF.'],
		['no bytes at all', new Uint8Array(), ciiXml('INV-1041'), 'the bytes given are not a PDF.']
	])('%s', async (_, pdfBytes, xml, reason) => {
		await expect(toFacturX(pdfBytes, xml, meta)).rejects.toThrow(`The invoice INV-1041 could not be made a Factur-X PDF: ${reason}`);
	});

	it('a PDF too broken to read is refused by name, not with a parser stack', async () => {
		const broken = new TextEncoder().encode('%PDF-1.3\n1 0 obj << /Type /Catalog');
		await expect(toFacturX(broken, ciiXml('INV-1041'), meta)).rejects.toThrow(/^The invoice INV-1041 could not be made a Factur-X PDF: its PDF could not be read/);
	});
});

describe('asking the PDF worker for Factur-X', () => {
	it('answers a credit note as a Factur-X INVOICE document (its type code 381 lives in the XML)', async () => {
		const { input } = invoicePdf();
		const credit = { ...input, invoice: { ...input.invoice, number: 'CN-1041', creditOf: input.invoice.number } };
		const xml = ciiXml('CN-1041', '381');
		const r = await answer({ id: 3, kind: 'invoice', input: credit, facturX: { xml } });
		expect(r).toMatchObject({ id: 3, ok: true, fileName: 'CreditNote-CN-1041.pdf' });
		if (!r.ok) return;
		const file = save('credit.pdf', r.bytes);
		const out = join(dir, 'credit.xml');
		run('pdfdetach', ['-save', '1', '-o', out, file]);
		expect(readFileSync(out, 'utf8')).toBe(xml);
		const xmp = run('pdfinfo', ['-meta', file]);
		expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
		expect(run('pdfinfo', [file])).toMatch(/^Title:\s+Credit note CN-1041$/im);
	});

	it('answers a refusal as an error, and an ordinary request without any embedded file', async () => {
		const { input } = invoicePdf();
		const bad = await answer({ id: 4, kind: 'invoice', input, facturX: { xml: '' } });
		expect(bad).toEqual({ id: 4, ok: false, error: 'The invoice INV-1041 could not be made a Factur-X PDF: the invoice XML to embed is empty.' });
		const plain = await answer({ id: 5, kind: 'invoice', input });
		expect(plain.ok && run('pdfdetach', ['-list', save('plain-answer.pdf', plain.bytes)]).trim()).toBe('0 embedded files');
	});

	it('makeFacturX gives the file and its name (on the main thread where there is no Worker)', async () => {
		const { input } = invoicePdf();
		const made = await makeFacturX(input, ciiXml('INV-1041'));
		expect(made.fileName).toBe('Invoice-INV-1041.pdf');
		expect(run('pdfdetach', ['-list', save('client.pdf', made.bytes)])).toContain(`1: ${FACTUR_X_FILE_NAME}`);
	});
});
