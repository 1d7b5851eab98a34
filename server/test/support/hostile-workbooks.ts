/**
 * Hostile .xlsx files made in the test, part by part: each part's text comes from a generator of
 * chunks and is deflated as it is made, so a part that inflates to hundreds of megabytes never sits
 * in the test's memory. The containers are well formed (a reader that checks nothing would read them).
 */
import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import { zipContainer } from './zip-container.ts';

export interface Part {
  name: string;
  chunks: Iterable<string>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Deflates a part in batches: each batch but the last ends with a sync flush, so the batches
 * joined are one valid deflate stream, and only the compressed bytes are kept.
 */
function deflated(part: Part): { compressed: Buffer; size: number } {
  const compressed: Buffer[] = [];
  let size = 0;
  let batch: string[] = [];
  let batchChars = 0;
  const emit = (last: boolean) => {
    const text = Buffer.from(batch.join(''));
    size += text.length;
    compressed.push(deflateRawSync(text, last ? {} : { finishFlush: constants.Z_SYNC_FLUSH }));
    batch = [];
    batchChars = 0;
  };
  for (const chunk of part.chunks) {
    batch.push(chunk);
    batchChars += chunk.length;
    if (batchChars >= 8 * 1024 * 1024) emit(false);
  }
  emit(true);
  return { compressed: Buffer.concat(compressed), size };
}

/** A zip container of the parts, each deflated, sizes true. */
export function zipParts(parts: Part[]): Buffer {
  return zipContainer(parts.map((part) => ({ name: part.name, ...deflated(part) })));
}

/** The parts every workbook needs around one sheet named `sheetName`. */
export function indexParts(sheetName: string): Part[] {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '</Types>';
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}">` +
    `<Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return [
    { name: '[Content_Types].xml', chunks: [types] },
    { name: '_rels/.rels', chunks: [rootRels] },
    { name: 'xl/workbook.xml', chunks: [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', chunks: [workbookRels] },
  ];
}

/** Text that compresses about `ratio` times: a random token, then filler. */
function* compressibleText(totalChars: number, pieceChars: number, ratio: number): Generator<string> {
  // Hex digits compress about twice, the filler about a thousand times.
  const randomChars = Math.max(8, 2 * Math.round(pieceChars / ratio / 2));
  const filler = 'x'.repeat(Math.max(0, pieceChars - randomChars));
  for (let made = 0; made < totalChars; made += pieceChars) {
    yield randomBytes(randomChars / 2).toString('hex') + filler;
  }
}

function* sharedStringsXml(strings: Iterable<string>): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`;
  for (const text of strings) yield `<si><t>${text}</t></si>`;
  yield '</sst>';
}

function* sheetXml(rows: Iterable<string>): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
  yield* rows;
  yield '</sheetData></worksheet>';
}

const headerRow =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>month</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row>';

/** Column letters for the first 676 columns: 0 → A, 26 → AA. */
const columnName = (index: number): string =>
  (index < 26 ? '' : String.fromCharCode(64 + Math.floor(index / 26))) + String.fromCharCode(65 + (index % 26));

/** A workbook whose shared strings inflate to about `megabytes` MB, compressing about `ratio` times. */
export function sharedStringsBomb(megabytes: number, ratio: number): Buffer {
  const strings = compressibleText(megabytes * 1024 * 1024, 1_000, ratio);
  return zipParts([
    ...indexParts('arrests'),
    { name: 'xl/sharedStrings.xml', chunks: sharedStringsXml(strings) },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml([headerRow]) },
  ]);
}

/** One sheet of `rows` rows, each of `columns` different numbers: many cells, small file. */
export function hugeSheet(rows: number, columns: number): Buffer {
  function* dataRows(): Generator<string> {
    yield headerRow;
    for (let row = 2; row <= rows + 1; row += 1) {
      let cells = '';
      for (let column = 0; column < columns; column += 1) {
        cells += `<c r="${columnName(column)}${row}"><v>${row * 64 + column}.25</v></c>`;
      }
      yield `<row r="${row}">${cells}</row>`;
    }
  }
  return zipParts([
    ...indexParts('arrests'),
    { name: 'xl/sharedStrings.xml', chunks: sharedStringsXml([]) },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml(dataRows()) },
  ]);
}

/** A sheet of long inline texts that inflates to about `megabytes` MB at about `ratio` times. */
export function denseTextSheet(megabytes: number, ratio: number): Buffer {
  const cellChars = 1_900;
  function* dataRows(): Generator<string> {
    yield headerRow;
    const texts = compressibleText(megabytes * 1024 * 1024, cellChars, ratio);
    let row = 2;
    let cells: string[] = [];
    for (const text of texts) {
      cells.push(`<c r="${columnName(cells.length)}${row}" t="inlineStr"><is><t>${text}</t></is></c>`);
      if (cells.length === 60) {
        yield `<row r="${row}">${cells.join('')}</row>`;
        row += 1;
        cells = [];
      }
    }
    if (cells.length > 0) yield `<row r="${row}">${cells.join('')}</row>`;
  }
  return zipParts([
    ...indexParts('arrests'),
    { name: 'xl/sharedStrings.xml', chunks: sharedStringsXml([]) },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml(dataRows()) },
  ]);
}

/** A CSV of `bytes` in rows of `columns` one-letter texts: small on the wire, millions of rows and cells. */
export function csvOfTinyCells(bytes: number, columns: number): Buffer {
  const row = Array.from({ length: columns }, () => 'x').join(',');
  return Buffer.from(`${row}\n`.repeat(Math.ceil(bytes / (row.length + 1))));
}
