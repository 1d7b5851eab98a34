/**
 * A small streaming XML scanner for the parts of an .xlsx workbook: it is fed text chunk by chunk
 * and tells a handler about elements (by local name, so `<x:row>` is a `row`) and, only while the
 * handler wants it, their decoded text. It checks that tags nest and entities are known, and
 * refuses document type declarations; it builds nothing per element, which is why it is faster
 * and leaner than a general SAX parser feeding ExcelJS's row and cell objects.
 */

export interface XmlHandler {
  /** Whether the text now being read is wanted; only then is it decoded and passed on. */
  readonly wantsText: boolean;
  /** An element starts; `tag` is the text between `<` and `>` (name and attributes). */
  open(name: string, tag: string): void;
  /** An element ends (right after `open` for a self-closing one). */
  close(name: string): void;
  text(text: string): void;
}

/** XML a workbook part cannot be read from; the reader turns it into the usual refusal. */
export class MalformedXml extends Error {}

const malformed = (why: string) => new MalformedXml(`malformed XML: ${why}`);

/** The character codes the scanner looks at. */
const CODE = { lt: 60, gt: 62, slash: 47, quote: 34, apos: 39, bang: 33, question: 63, space: 32, equals: 61 } as const;

/** Markup (a tag, comment or instruction) longer than this is refused instead of carried from chunk to chunk. */
const MAX_MARKUP_CHARS = 1024 * 1024;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));|&/g;

/** A character XML allows a reference to: not NUL, not half of a surrogate pair, within Unicode. */
function codePoint(value: number): string {
  const allowed = value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
  if (!allowed) throw malformed('a bad character reference');
  return String.fromCodePoint(value);
}

/** Text or an attribute value with its five named entities and numeric character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole: string, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED[named]!;
    if (hex) return codePoint(parseInt(hex, 16));
    if (decimal) return codePoint(parseInt(decimal, 10));
    throw malformed(`an unknown entity or a bare "&"`);
  });
}

/** Where the name starting at `from` ends (whitespace, `=`, `/` or the end). */
function nameEnd(tag: string, from = 0): number {
  let at = from;
  while (at < tag.length && tag.charCodeAt(at) > CODE.space && tag.charCodeAt(at) !== CODE.equals) at += 1;
  return at;
}

function skipSpace(tag: string, from: number): number {
  let at = from;
  while (at < tag.length && tag.charCodeAt(at) <= CODE.space) at += 1;
  return at;
}

/**
 * An attribute's decoded value by its name as written (`r`, `r:id`), in a tag as passed to `open`:
 * walks the attributes in order, comparing names in place rather than cutting each one out.
 */
export function attribute(tag: string, name: string): string | undefined {
  let at = skipSpace(tag, nameEnd(tag));
  while (at < tag.length) {
    const end = nameEnd(tag, at);
    const equals = skipSpace(tag, end);
    const open = skipSpace(tag, equals + 1);
    const quote = tag.charCodeAt(open);
    if (end === at || tag.charCodeAt(equals) !== CODE.equals || (quote !== CODE.quote && quote !== CODE.apos)) {
      throw malformed(`a bad attribute in "<${tag}>"`);
    }
    const close = tag.indexOf(quote === CODE.quote ? '"' : "'", open + 1);
    if (end - at === name.length && tag.startsWith(name, at)) return decodeXml(tag.slice(open + 1, close));
    at = skipSpace(tag, close + 1);
  }
  return undefined;
}

/** Where a tag starting at `from` ends (its `>`, outside quoted values), or -1 if not in `xml` yet. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let at = from; at < xml.length; at += 1) {
    const code = xml.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === CODE.quote || code === CODE.apos) {
      quote = code;
    } else if (code === CODE.gt) {
      return at;
    } else if (code === CODE.lt) {
      throw malformed('a "<" inside a tag');
    }
  }
  return -1;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export class XmlScanner {
  /** The unfinished end of the last chunk: part of a tag, or of an entity in wanted text. */
  private rest = '';
  private readonly openNames: string[] = [];
  private readonly openLocals: string[] = [];
  private rootSeen = false;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const xml = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = xml.slice(this.scan(xml));
    if (this.rest.length > MAX_MARKUP_CHARS) throw malformed('a tag that does not end');
  }

  end(): void {
    if (this.rest.trim() !== '' || this.openNames.length > 0 || !this.rootSeen) {
      throw malformed('the document ends early');
    }
  }

  /** Handles everything complete in `xml`; returns where its unfinished rest starts. */
  private scan(xml: string): number {
    let at = 0;
    while (at < xml.length) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) return this.textToEnd(xml, at);
      if (lt > at) this.text(xml.slice(at, lt));
      const end = this.markup(xml, lt);
      if (end < 0) return lt;
      at = end;
    }
    return at;
  }

  /** Passes on text running to the chunk's end, keeping back an entity that may continue in the next. */
  private textToEnd(xml: string, from: number): number {
    if (!this.handler.wantsText) return xml.length;
    const amp = xml.lastIndexOf('&');
    const cut = amp >= from && !xml.includes(';', amp) ? amp : xml.length;
    if (cut > from) this.text(xml.slice(from, cut));
    return cut;
  }

  private text(raw: string): void {
    if (this.handler.wantsText) this.handler.text(decodeXml(raw));
  }

  /** Handles the markup starting at `lt`; returns the index after it, or -1 if it is not complete yet. */
  private markup(xml: string, lt: number): number {
    const next = xml.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return -1;
    if (next === CODE.bang) return this.declaration(xml, lt);
    if (next === CODE.question) {
      const end = xml.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return -1;
    if (next === CODE.slash) this.closeTag(xml, lt + 2, gt);
    else this.openTag(xml.slice(lt + 1, gt));
    return gt + 1;
  }

  /** A comment or CDATA section; a document type declaration (the way to entity bombs) is refused. */
  private declaration(xml: string, lt: number): number {
    const ahead = xml.slice(lt, lt + 9);
    if (ahead.startsWith('<!--')) {
      const end = xml.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (ahead === '<![CDATA[') {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.handler.wantsText) this.handler.text(xml.slice(lt + 9, end));
      return end + 3;
    }
    if (ahead.length < 9 && ('<![CDATA['.startsWith(ahead) || '<!--'.startsWith(ahead))) return -1;
    throw malformed('a document type or other declaration');
  }

  private openTag(text: string): void {
    const selfClosing = text.charCodeAt(text.length - 1) === CODE.slash;
    const tag = selfClosing ? text.slice(0, -1) : text;
    const name = tag.slice(0, nameEnd(tag));
    if (name === '' || (this.rootSeen && this.openNames.length === 0)) throw malformed(`a bad tag "<${text}>"`);
    this.rootSeen = true;
    const local = localName(name);
    this.handler.open(local, tag);
    if (selfClosing) {
      this.handler.close(local);
    } else {
      this.openNames.push(name);
      this.openLocals.push(local);
    }
  }

  /** Checks `</name>` against the innermost open element without cutting the name out. */
  private closeTag(xml: string, from: number, gt: number): void {
    const name = this.openNames.pop();
    let at = from + (name?.length ?? 0);
    if (name === undefined || !xml.startsWith(name, from)) throw malformed('a closing tag that closes no open element');
    while (at < gt && xml.charCodeAt(at) <= CODE.space) at += 1;
    if (at !== gt) throw malformed('a closing tag that closes no open element');
    this.handler.close(this.openLocals.pop()!);
  }
}
