import { describe, expect, it } from 'vitest';
import { attribute, decodeXml, MalformedXml, XmlScanner, type XmlHandler } from './xml-scanner.ts';

describe('decodeXml', () => {
  it('decodes the five named entities and numeric references', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe('a & b <c> "d" \'e\'');
    expect(decodeXml('&#65;&#x263A;&#x1d11e;')).toBe('A☺𝄞');
  });

  it('decodes once: an escaped entity stays an entity', () => {
    expect(decodeXml('&amp;amp; &amp;#65;')).toBe('&amp; &#65;');
  });

  it.each(['a & b', '&nbsp;', '&#0;', '&#xD800;', '&#x110000;', '&amp', '&#;', '&#X41;'])('refuses %j', (text) => {
    expect(() => decodeXml(text)).toThrow(MalformedXml);
  });
});

describe('attribute', () => {
  it('finds attributes in any order, either quote, spaced or on new lines, decoded', () => {
    expect(attribute('c r="B2" t="s"', 't')).toBe('s');
    expect(attribute('c t="s" r="B2"', 'r')).toBe('B2');
    expect(attribute("c t='s'\n  r = 'B2'", 'r')).toBe('B2');
    expect(attribute('sheet name="a &amp; b" r:id="rId1"', 'name')).toBe('a & b');
    expect(attribute('sheet name="x" r:id="rId1"', 'r:id')).toBe('rId1');
  });

  it('tells an absent attribute, and does not take one name for another', () => {
    expect(attribute('c r="B2"', 't')).toBeUndefined();
    expect(attribute('c ref="B2" x:r="C3"', 'r')).toBeUndefined();
    expect(attribute("c ref='B2'\tsr='C3'", 'r')).toBeUndefined();
    expect(attribute('c s="r=&quot;A1&quot;" r="B2"', 'r')).toBe('B2');
  });

  it.each(['c r=A1', 'c r="A1" t', 'c ="A1"'])('refuses a malformed attribute list %j', (tag) => {
    expect(() => attribute(tag, 'x')).toThrow(MalformedXml);
  });
});

/** Every event as a line, the text only inside <t> (where the handler wants it). */
function events(chunks: string[]): string[] {
  const seen: string[] = [];
  const handler: XmlHandler & { wantsText: boolean } = {
    wantsText: false,
    open: (name, tag) => {
      seen.push(`<${name}|${tag}>`);
      handler.wantsText = name === 't';
    },
    close: (name) => {
      seen.push(`</${name}>`);
      handler.wantsText = false;
    },
    text: (text) => seen.push(text),
  };
  const scanner = new XmlScanner(handler);
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return seen;
}

/** The document cut into chunks of `size` characters. */
const cut = (xml: string, size: number) =>
  Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));

describe('XmlScanner', () => {
  const xml =
    '\uFEFF<?xml version="1.0"?><!-- a comment --><x:root a=\'1>2\'><t>a &amp; b</t><x:c r="A1"/>' +
    '<t><![CDATA[<raw> &amp;]]>&#x263A;</t>between</x:root>';

  it('reports elements by local name, self-closing ones closed at once, text only when wanted', () => {
    expect(events([xml])).toEqual([
      "<root|x:root a='1>2'>",
      '<t|t>',
      'a & b',
      '</t>',
      '<c|x:c r="A1">',
      '</c>',
      '<t|t>',
      '<raw> &amp;',
      '☺',
      '</t>',
      '</root>',
    ]);
  });

  it('gives the same events however the text is cut into chunks', () => {
    const whole = events([xml]).join('');
    for (const size of [1, 2, 3, 5, 7]) expect(events(cut(xml, size)).join('')).toBe(whole);
  });

  it.each([
    ['an unclosed element', '<a><b></b>'],
    ['a wrong closing tag', '<a><b></a></b>'],
    ['a second root', '<a/><b/>'],
    ['no element at all', '   '],
    ['a document type (entity bombs)', '<!DOCTYPE a [<!ENTITY x "y">]><a/>'],
    ['a bad entity in wanted text', '<t>a & b</t>'],
    ['a "<" inside a tag', '<a b="1" <c/>'],
    ['a tag cut off', '<a><b x="1"'],
    ['an empty tag name', '<a>< /></a>'],
  ])('refuses %s', (_, bad) => {
    expect(() => events([bad])).toThrow(MalformedXml);
  });

  it('refuses a tag that never ends instead of holding it without end', () => {
    const handler: XmlHandler = { wantsText: false, open: () => {}, close: () => {}, text: () => {} };
    const scanner = new XmlScanner(handler);
    scanner.write('<a b="');
    const megabyte = 'x'.repeat(1024 * 1024);
    expect(() => {
      for (let i = 0; i < 3; i += 1) scanner.write(megabyte);
    }).toThrow(MalformedXml);
  });
});
