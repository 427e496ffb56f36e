import { describe, expect, it } from 'vitest';
import { el, escapeXml, leaf, serialize } from './xml';
import { readXml } from './xml-read.test-helper';

describe('escapeXml', () => {
	it('escapes the markup characters, so text is never read as markup', () => {
		expect(escapeXml(`<b>Tom & "Jerry's"</b>`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&apos;s&quot;&lt;/b&gt;');
	});

	it('drops the characters XML cannot carry, and keeps tab and line breaks as references', () => {
		expect(escapeXml('a\u0000b\u0007c\u001fd\ufffe')).toBe('abcd');
		expect(escapeXml('lone \ud800 high, lone \udc00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
		expect(escapeXml('a\tb\nc\r')).toBe('a&#9;b&#10;c&#13;');
	});
});

describe('serialize', () => {
	it('writes a document a parser reads back to the same text', () => {
		const doc = el('r:Root', { 'xmlns:r': 'urn:x', a: '1 < 2 & "3"' }, leaf('r:Name', 'Alvarez Mechanical & Electric\nSuite <4>'), leaf('r:Empty', '  '), null, [leaf('r:Item', 'x')]);
		const xml = serialize(doc);
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<r:Root')).toBe(true);
		const back = readXml(xml);
		expect(back.attrs.a).toBe('1 < 2 & "3"');
		expect(back.children.map((c) => [c.name, c.text])).toEqual([
			['r:Name', 'Alvarez Mechanical & Electric\nSuite <4>'],
			['r:Item', 'x']
		]);
	});

	it('refuses a name that is not an XML name rather than writing markup from it', () => {
		expect(() => serialize(el('bad name', null))).toThrow(/not an XML element name/);
		expect(() => serialize(el('ok', { 'a"b': '1' }))).toThrow(/not an XML attribute name/);
	});
});
