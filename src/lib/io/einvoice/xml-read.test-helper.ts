/**
 * A reader for the XML the e-invoice writers produce, for tests only: elements, attributes and
 * text, no comments, CDATA or processing instructions beyond the declaration (which the writers
 * never make). It lets the tests look at the documents as a buyer's system would.
 */
export interface Node {
	name: string;
	attrs: Record<string, string>;
	children: Node[];
	text: string;
}

const unescape = (s: string) =>
	s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
		e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!
	);

export function readXml(xml: string): Node {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: Node[] = [{ name: '#root', attrs: {}, children: [], text: '' }];
	const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(body))) {
		const top = stack[stack.length - 1]!;
		if (m[5] !== undefined) {
			top.text += unescape(m[5]);
			continue;
		}
		if (m[1]) {
			if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
			top.text = top.children.length ? '' : top.text;
			stack.pop();
			continue;
		}
		const attrs: Record<string, string> = {};
		for (const a of m[3]!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = unescape(a[2]!);
		const node: Node = { name: m[2]!, attrs, children: [], text: '' };
		top.children.push(node);
		if (!m[4]) stack.push(node);
	}
	if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
	return stack[0]!.children[0]!;
}

/** The children named `name`, down a path such as `cac:LegalMonetaryTotal/cbc:PayableAmount`. */
export function all(node: Node, path: string): Node[] {
	let nodes = [node];
	for (const step of path.split('/')) nodes = nodes.flatMap((n) => n.children.filter((c) => c.name === step));
	return nodes;
}

/** The one node at `path`; throws when there is none or several. */
export function one(node: Node, path: string): Node {
	const found = all(node, path);
	if (found.length !== 1) throw new Error(`${found.length} nodes at ${path}`);
	return found[0]!;
}

export const text = (node: Node, path: string): string => one(node, path).text;

/** Cents from a written decimal such as `-1234.50`, by string (no float). */
export function cents(decimal: string): number {
	const m = /^(-?)(\d+)\.(\d{2})$/.exec(decimal);
	if (!m) throw new Error(`"${decimal}" is not an amount with two decimals`);
	const v = Number(m[2]) * 100 + Number(m[3]);
	return m[1] ? -v : v;
}
