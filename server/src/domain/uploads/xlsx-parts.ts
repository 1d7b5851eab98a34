/**
 * The parts of a checked .xlsx container that an upload reads, each streamed through the XML
 * scanner as it inflates (never inflated whole): the workbook's sheets in workbook order with
 * their names, and the shared strings.
 */
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { plainCell, type Cell } from './raw-upload.ts';
import type { SharedStrings } from './xlsx-sheet.ts';
import { attribute, decodeXml, MalformedXml, XmlScanner, type XmlHandler } from './xml-scanner.ts';
import { entryData, readCentralDirectory, type ZipEntry } from './zip-inspection.ts';

/** Inflated bytes handed to the scanner at a time: the most of a part's XML held at once. */
const CHUNK_BYTES = 64 * 1024;
/** A worksheet's part inside the container. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** The workbook part's folder, which its relationship targets are relative to. */
const WORKBOOK_FOLDER = 'xl';

export interface WorkbookSheet {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

async function* partChunks(entry: ZipEntry, data: Buffer): AsyncGenerator<Buffer> {
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK_BYTES) yield data.subarray(at, at + CHUNK_BYTES);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflater.end(data);
  yield* inflater;
}

/** The `<sheet name=… r:id=…>` elements of xl/workbook.xml, in order. */
class SheetList implements XmlHandler {
  readonly wantsText = false;
  readonly sheets: { name: string; relationship: string }[] = [];

  open(name: string, tag: string): void {
    if (name !== 'sheet') return;
    const sheetName = attribute(tag, 'name');
    // The relationships namespace's prefix is `r` in every workbook seen, but any prefix will do.
    const id = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    if (sheetName === undefined || id === null) throw new MalformedXml('a sheet without a name or relationship');
    this.sheets.push({ name: sheetName, relationship: decodeXml(id[1] ?? id[2] ?? '') });
  }

  close(): void {}
  text(): void {}
}

/** xl/_rels/workbook.xml.rels: relationship id → the part it points at. */
class Relationships implements XmlHandler {
  readonly wantsText = false;
  readonly targets = new Map<string, string>();

  open(name: string, tag: string): void {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (name !== 'Relationship' || id === undefined || target === undefined) return;
    if (attribute(tag, 'TargetMode') === 'External') return;
    this.targets.set(id, target.startsWith('/') ? target.slice(1) : posix.join(WORKBOOK_FOLDER, target));
  }

  close(): void {}
  text(): void {}
}

/**
 * `<si>` items: plain text, or rich text runs joined; phonetic guides (`<rPh>`) are left out. An
 * item without any text is undefined, so its cells count as empty, as they did with ExcelJS.
 */
class SharedStringItems implements XmlHandler {
  wantsText = false;
  readonly strings: (Cell | undefined)[] = [];
  private collected: string | null = null;
  private inItem = false;
  private rich = false;
  private phonetic = false;

  open(name: string): void {
    if (name === 'si') {
      this.inItem = true;
      this.rich = false;
      this.collected = null;
    } else if (name === 'r') this.rich = true;
    else if (name === 'rPh') this.phonetic = true;
    else if (name === 't') this.wantsText = this.inItem && !this.phonetic;
  }

  close(name: string): void {
    if (name === 't') this.wantsText = false;
    else if (name === 'rPh') this.phonetic = false;
    else if (name === 'si') {
      this.inItem = false;
      const text = this.rich ? (this.collected ?? '') : this.collected;
      this.strings.push(text === null ? undefined : plainCell(text));
    }
  }

  text(text: string): void {
    this.collected = (this.collected ?? '') + text;
  }
}

export class XlsxParts {
  private readonly entries: Map<string, ZipEntry>;

  constructor(private readonly container: Buffer) {
    this.entries = new Map(readCentralDirectory(container).map((entry) => [entry.name, entry]));
  }

  /** Streams a part through `handler`; false if the container has no such part. */
  async scan(part: string, handler: XmlHandler): Promise<boolean> {
    const entry = this.entries.get(part);
    if (entry === undefined) return false;
    const scanner = new XmlScanner(handler);
    const decoder = new StringDecoder('utf8');
    for await (const chunk of partChunks(entry, entryData(this.container, entry))) scanner.write(decoder.write(chunk));
    scanner.write(decoder.end());
    scanner.end();
    return true;
  }

  /** The worksheets in workbook order; chart sheets and parts the container lacks are left out. */
  async sheets(): Promise<WorkbookSheet[]> {
    const list = new SheetList();
    const relationships = new Relationships();
    if (!(await this.scan('xl/workbook.xml', list))) return [];
    await this.scan('xl/_rels/workbook.xml.rels', relationships);
    return list.sheets.flatMap(({ name, relationship }) => {
      const part = relationships.targets.get(relationship);
      return part !== undefined && WORKSHEET.test(part) && this.entries.has(part) ? [{ name, part }] : [];
    });
  }

  async sharedStrings(): Promise<SharedStrings> {
    const items = new SharedStringItems();
    await this.scan('xl/sharedStrings.xml', items);
    return items.strings;
  }
}
