/**
 * Factur-X / ZUGFeRD: the invoice PDF as drawn, with the CII invoice XML inside it, so a buyer's AP
 * software reads the invoice by machine while people read the same PDF. Pure of the DOM: runs in the
 * PDF worker and in Node. Imports pdf-lib (~0.5 MB), so load it only when a Factur-X PDF is wanted.
 *
 * What the container carries, and where each rule comes from (the Factur-X 1.07 specification itself
 * was not reachable from here; these are the sources found and relied on):
 * - The XML as an embedded file named `factur-x.xml`, MIME type `text/xml`, with /Params ModDate and
 *   Size, in the catalog's /Names /EmbeddedFiles tree and in the catalog's /AF array (PDF/A-3's
 *   associated files). ZUGFeRD 2.1.1 Technical Supplement Part A (= Factur-X 1.0.05+), §2.2 "Embedding
 *   the XML-File" and §2.2.1/2.2.2 on the relationship; Order-X's identical text, quoted in a wpcubed
 *   forum thread: "The MIME type ... is always text/xml. The embedded file's stream dictionary should
 *   contain a Params key ... at least a ModDate ... The embedded document must also be included in
 *   the Names object tree".
 * - /AFRelationship /Alternative: for BASIC, EN 16931 and EXTENDED the XML is an equivalent form of the
 *   invoice, so "Alternative" (MINIMUM and BASIC WL, which are partial, use "Data"); "Source" only
 *   when the PDF was made from the XML for a recipient outside Germany, which is not how Tieout works.
 *   PDFlib's ZUGFeRD/Factur-X knowledge-base page, quoted with a per-profile table in
 *   github.com/SolidInvoice/SolidInvoice issue #1439; gotenberg's Factur-X docs ("embeds the CII invoice
 *   XML as factur-x.xml ... with the Alternative relationship").
 * - XMP on the catalog: pdfaid:part 3, pdfaid:conformance B, and the Factur-X extension schema
 *   (namespace urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#, prefix fx) with DocumentType,
 *   DocumentFileName, Version 1.0 and ConformanceLevel "EN 16931", declared in a
 *   pdfaExtension:schemas block as PDF/A requires for any non-standard XMP property. Property names
 *   and values as in gotenberg's docs (ConformanceLevel MINIMUM | BASIC WL | BASIC | EN 16931 |
 *   EXTENDED | XRECHNUNG; Version default 1.0).
 * - fx:DocumentType is INVOICE for a credit note too: the closed list is INVOICE, ORDER,
 *   ORDER_RESPONSE, ORDER_CHANGE (gotenberg's docs list exactly these); no CREDIT_NOTE exists. The XML's
 *   own type code (BT-3: 380 invoice, 381 credit note) says which it is.
 * - OutputIntent GTS_PDFA1 with an sRGB ICC profile (sRGB.icc, zlib licence, see sRGB.icc.txt):
 *   jsPDF paints in DeviceRGB, which PDF/A allows only under an RGB output intent.
 * - Info dictionary and XMP say the same title, author, subject, producer, creator tool and dates
 *   (PDF/A's metadata equivalence); the header is raised to PDF 1.7, the base of PDF/A-3.
 * - Fonts embedded (ISO 19005-3 6.2.11.4.1: every font used for rendering is embedded). The pages
 *   given here are drawn by protocol.ts/generate.ts in Liberation Sans 2.1.5 (fonts/, SIL OFL 1.1,
 *   unmodified files; fonts/SOURCE.md), which jsPDF embeds as subsets (CIDFontType2, Identity-H, a
 *   ToUnicode map, a tagged subset name), and jsPDF is told to list only the fonts drawn with, so no
 *   unembedded standard-14 font is named in any page's resources (embedded-fonts.test.ts, pdffonts).
 *   Liberation Sans has Helvetica's advance widths except for ¯ ± µ · ÷, and the layout is measured
 *   with Helvetica's metrics for both PDFs, so the Factur-X PDF has the pages, wrapping and extracted
 *   text of the ordinary one. Not DejaVu Sans (wider: every invoice would wrap differently) nor
 *   Liberation Sans 1.07 (GPL-2 with a font exception and a Red Hat EULA); commit 2118039 compared them. The ordinary PDF keeps the unembedded standard Helvetica (small, and unchanged).
 *
 * NOT verified, so no one should yet call the file a conforming PDF/A-3b:
 * - Not checked with veraPDF (not installable here). What jsPDF writes for an embedded TrueType font
 *   is checked only by poppler (pdffonts, pdftotext, pdftoppm); PDF/A's finer font rules are not:
 *   that the /W widths agree with the subset's own advance widths (6.2.11.5), the font descriptor's
 *   required entries, that no glyph drawn is .notdef (winansi.ts sends only characters the font has).
 * - Other PDF/A rules jsPDF's output may break (for instance on images with transparency, if a logo
 *   has an alpha channel) are unknown, not known to hold.
 * - The fonts' chunk adds ~1.1 MB (base64) to what the offline app precaches; see fonts/liberation-sans.ts.
 */
import { AFRelationship, PDFDict, PDFDocument, PDFHeader, PDFName, PDFString } from 'pdf-lib';
import { SRGB_ICC_BASE64 } from './srgb-icc';

export const FACTUR_X_FILE_NAME = 'factur-x.xml';
const FX_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

export interface FacturXMeta {
	title: string;
	author: string;
	invoiceNumber: string;
	created: Date;
	profile: 'EN 16931';
}

const PRODUCER = 'Tieout (jsPDF, pdf-lib)';
const CREATOR_TOOL = 'Tieout';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP dates to the second, in UTC: the same instant pdf-lib writes into the Info dictionary. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function rootElementName(xml: string): string | null {
	// Skip the declaration, comments, processing instructions and a DOCTYPE before the first element.
	const m = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)/.exec(xml.replace(/^\uFEFF/, ''));
	return m ? m[1]! : null;
}

/** Refuses what would make a broken Factur-X file, in a sentence that says what is wrong. */
function check(pdfBytes: Uint8Array, xml: string, meta: FacturXMeta): void {
	const head = new TextDecoder('latin1').decode(pdfBytes.subarray(0, 1024));
	if (pdfBytes.length === 0 || !head.includes('%PDF-')) throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: the bytes given are not a PDF.`);
	if (xml.trim() === '') throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: the invoice XML to embed is empty.`);
	const root = rootElementName(xml);
	if (!root) throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: the text to embed is not XML (it does not start with an element).`);
	if (root.replace(/^.*:/, '') !== 'CrossIndustryInvoice') {
		throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: its XML is <${root}>, but Factur-X carries a UN/CEFACT CII <rsm:CrossIndustryInvoice>.`);
	}
	if (meta.profile !== 'EN 16931') throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: only the EN 16931 profile is made here, not "${String(meta.profile)}".`);
}

function xmpPacket(m: { title: string; author: string; subject: string; created: Date; profile: string }): string {
	const date = xmpDate(m.created);
	const prop = (name: string, description: string) =>
		`<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;
	return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(m.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.subject)}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer></rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>${CREATOR_TOOL}</xmp:CreatorTool><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${prop('DocumentFileName', 'The name of the embedded XML document')}
${prop('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER')}
${prop('Version', 'The actual version of the standard applying to the embedded XML document')}
${prop('ConformanceLevel', 'The conformance level of the embedded XML document')}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="${FX_NAMESPACE}"><fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel>${m.profile}</fx:ConformanceLevel></rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function base64Bytes(b64: string): Uint8Array {
	const bin = atob(b64);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

/**
 * The invoice PDF with `xml` (a CII invoice) embedded as Factur-X EN 16931. The pages are copied as
 * they are: nothing drawn changes. Throws, with a sentence naming the invoice, on input that cannot
 * make a Factur-X file.
 */
export async function toFacturX(pdfBytes: Uint8Array, xml: string, meta: FacturXMeta): Promise<Uint8Array> {
	check(pdfBytes, xml, meta);
	let doc: PDFDocument;
	try {
		doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
	} catch (e) {
		throw new Error(`The invoice ${meta.invoiceNumber} could not be made a Factur-X PDF: its PDF could not be read (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
	}
	const { context, catalog } = doc;
	context.header = PDFHeader.forVersion(1, 7);
	const subject = doc.getSubject() ?? '';

	doc.setTitle(meta.title);
	doc.setAuthor(meta.author);
	doc.setSubject(subject);
	doc.setCreator(CREATOR_TOOL);
	doc.setProducer(PRODUCER);
	doc.setCreationDate(meta.created);
	doc.setModificationDate(meta.created);
	// A Keywords entry would need its XMP twin (pdf:Keywords); the invoice has none to give.
	context.lookupMaybe(context.trailerInfo.Info, PDFDict)?.delete(PDFName.of('Keywords'));

	const xmlBytes = new TextEncoder().encode(xml);
	await doc.attach(xmlBytes, FACTUR_X_FILE_NAME, {
		mimeType: 'text/xml',
		description: `Factur-X ${meta.profile} invoice data for ${meta.invoiceNumber}`,
		creationDate: meta.created,
		modificationDate: meta.created,
		afRelationship: AFRelationship.Alternative
	});

	const xmp = context.stream(new TextEncoder().encode(xmpPacket({ title: meta.title, author: meta.author, subject, created: meta.created, profile: meta.profile })), { Type: 'Metadata', Subtype: 'XML' });
	catalog.set(PDFName.of('Metadata'), context.register(xmp));

	const icc = context.flateStream(base64Bytes(SRGB_ICC_BASE64), { N: 3 });
	const intent = context.obj({
		Type: 'OutputIntent',
		S: 'GTS_PDFA1',
		OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
		Info: PDFString.of('sRGB IEC61966-2.1'),
		RegistryName: PDFString.of('http://www.color.org'),
		DestOutputProfile: context.register(icc)
	});
	catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

	// attach() only records the file: the /AF array and the name tree are written on save.
	return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

