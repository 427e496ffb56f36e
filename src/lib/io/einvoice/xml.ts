/*
 * A small XML writer for the e-invoice documents. Every text and attribute value is data: the
 * five markup characters are escaped, and characters XML 1.0 cannot carry at all (C0 controls
 * other than tab, newline and carriage return, lone surrogates, U+FFFE/U+FFFF) are removed, since
 * no escape makes them legal and a buyer's portal would refuse the whole file. Tab, newline and
 * carriage return are kept, as character references so no parser normalises them away.
 */

/** Element name, attributes and children; a string child is text, `null`/`undefined` children are left out. */
export interface XmlElement {
	name: string;
	attrs?: Readonly<Record<string, string>>;
	children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

/* eslint-disable-next-line no-control-regex -- the point is to find the control characters */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data: illegal characters dropped, markup escaped. */
export function escapeXml(text: string): string {
	return text.replace(ILLEGAL, '').replace(/[&<>"'\t\n\r]/g, (ch) => ESCAPES[ch]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

/** An element; `children` may hold `null`/`undefined`/`false` for optional parts, which are skipped. */
export function el(name: string, attrs: Readonly<Record<string, string>> | null, ...children: (XmlNode | null | undefined | false | readonly (XmlNode | null | undefined | false)[])[]): XmlElement {
	const flat = children.flat().filter((c): c is XmlNode => c !== null && c !== undefined && c !== false);
	return { name, attrs: attrs ?? undefined, children: flat };
}

/** An element holding one text, or nothing at all when the text is empty (optional fields are left out, never written blank). */
export function leaf(name: string, text: string | null | undefined, attrs?: Readonly<Record<string, string>>): XmlElement | null {
	if (text === null || text === undefined || text.trim() === '') return null;
	return { name, attrs, children: [text] };
}

/** The document: the declaration and the root, indented by tabs (no text node holds only spaces, so indentation changes no value). */
export function serialize(root: XmlElement): string {
	const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
	write(root, 0, out);
	return out.join('');
}

function write(node: XmlElement, depth: number, out: string[]): void {
	if (!NAME.test(node.name)) throw new Error(`"${node.name}" is not an XML element name`);
	const pad = '\t'.repeat(depth);
	const attrs = Object.entries(node.attrs ?? {})
		.map(([k, v]) => {
			if (!NAME.test(k)) throw new Error(`"${k}" is not an XML attribute name`);
			return ` ${k}="${escapeXml(v)}"`;
		})
		.join('');
	if (node.children.length === 0) {
		out.push(`${pad}<${node.name}${attrs}/>\n`);
		return;
	}
	if (node.children.every((c) => typeof c === 'string')) {
		out.push(`${pad}<${node.name}${attrs}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>\n`);
		return;
	}
	if (node.children.some((c) => typeof c === 'string')) throw new Error(`<${node.name}> mixes text and elements`);
	out.push(`${pad}<${node.name}${attrs}>\n`);
	for (const c of node.children) write(c as XmlElement, depth + 1, out);
	out.push(`${pad}</${node.name}>\n`);
}
