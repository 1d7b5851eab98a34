/** Our .xlsx reader on workbooks written by hand: what ExcelJS never writes but other tools may. */
import { describe, expect, it } from 'vitest';
import { indexParts, zipParts, type Part } from '../../../test/support/hostile-workbooks.ts';
import type { RawSheet } from './raw-upload.ts';
import { readXlsx } from './read-xlsx.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

function workbook(sheet: string, sharedStrings = `<sst xmlns="${MAIN}"/>`): Buffer {
  return zipParts([
    ...indexParts('arrests'),
    { name: 'xl/sharedStrings.xml', chunks: [sharedStrings] },
    { name: 'xl/worksheets/sheet1.xml', chunks: [sheet] },
  ]);
}

async function read(content: Buffer): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for await (const sheet of readXlsx(content)) sheets.push(sheet);
  return sheets;
}

const HEADER = `<row r="1">${inline('A1', 'year')}${inline('B1', 'value')}</row>`;

describe('readXlsx on hand-written workbooks', () => {
  it('reads a sheet written with a namespace prefix as the same sheet without one', async () => {
    const plain = sheetXml(`${HEADER}<row r="2"><c r="A2"><v>2023</v></c><c r="B2"><v>5</v></c></row>`);
    const prefixed = plain
      .replace(/<(\/?)(\w+)/g, '<$1x:$2')
      .replace('<x:?xml', '<?xml')
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const [sheet] = await read(workbook(prefixed));
    expect(sheet).toEqual({ name: 'arrests', headers: ['year', 'value'], rows: [{ rowNumber: 2, cells: [2023, 5] }] });
    expect(await read(workbook(plain))).toEqual([sheet]);
  });

  it('places rows and cells without a reference after the ones before', async () => {
    const rows = `<row>${inline('A1', 'year')}<c t="inlineStr"><is><t>value</t></is></c></row>
      <row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>`;
    const [sheet] = await read(workbook(sheetXml(rows)));
    expect(sheet?.headers).toEqual(['year', 'value']);
    expect(sheet?.rows).toEqual([
      { rowNumber: 5, cells: [null, null, 2, 3] },
      { rowNumber: 6, cells: [4] },
    ]);
  });

  it('joins rich-text runs of shared and inline strings, leaving out phonetic guides, with entities decoded', async () => {
    const strings =
      `<sst xmlns="${MAIN}"><si><t>plain &amp; &#x263A;</t></si>` +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t/></si></sst>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
      '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>9</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><t>line &lt;b&gt;</t></r><rPh><t>x</t></rPh></is></c></row>';
    const [sheet] = await read(workbook(sheetXml(rows), strings));
    expect(sheet?.headers).toEqual(['plain & ☺', 'rich text', '漢字']);
    expect(sheet?.rows).toEqual([{ rowNumber: 2, cells: ['inline <b>'] }]);
  });

  it('reads every cell type, formulas by their cached value', async () => {
    const cells =
      '<c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="str"><f>A1</f><v>x</v></c>' +
      '<c r="D2" t="b"><f>FALSE()</f><v>0</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="F2"><f>1+1</f></c><c r="G2" t="n"><v>1.5E3</v></c><c r="H2" s="3"><v>45000</v></c><c r="I2"/>';
    const [sheet] = await read(workbook(sheetXml(`${HEADER}<row r="2">${cells}</row>`)));
    expect(sheet?.rows).toEqual([
      { rowNumber: 2, cells: ['TRUE', '#N/A', 'x', 'FALSE', '#DIV/0!', null, 1500, 45000] },
    ]);
  });

  it('takes attributes in any order and either quote, and self-closing rows and cells', async () => {
    const rows = `${HEADER}<row spans='1:2' r='2'><c s="1" t='inlineStr' r='B2'><is><t>b</t></is></c><c r="C2" s="2"/></row><row r="3"/>`;
    const [sheet] = await read(workbook(sheetXml(rows)));
    expect(sheet?.rows).toEqual([{ rowNumber: 2, cells: [null, 'b'] }]);
  });

  it('still refuses data beyond the last column read, but not blank cells there', async () => {
    const blank = `${HEADER}<row r="2"><c r="A2"><v>1</v></c>${inline('ZZ2', ' ')}</row>`;
    expect((await read(workbook(sheetXml(blank))))[0]?.rows).toEqual([
      { rowNumber: 2, cells: [1, ...Array(63).fill(null)] },
    ]);
    const data = `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="XFD2"><v>2</v></c></row>`;
    await expect(read(workbook(sheetXml(data)))).rejects.toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('data beyond column 64'),
    });
  });
});

describe('readXlsx sheet order and names', () => {
  it('reads worksheets in workbook order with their names, leaving out chart sheets', async () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>
      <Relationship Target="/xl/worksheets/sheet2.xml" Type="${DOC_RELS}/worksheet" Id="rId2"/>
      <Relationship Id="rId3" Type="${DOC_RELS}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const book = `<workbook xmlns="${MAIN}" xmlns:rel="${DOC_RELS}"><sheets><sheet name="second &amp; last" sheetId="2" rel:id="rId2"/>
      <sheet name="chart" sheetId="3" rel:id="rId3"/><sheet name="first" sheetId="1" rel:id="rId1"/></sheets></workbook>`;
    const parts: Part[] = [
      ...indexParts('unused').filter((part) => !part.name.startsWith('xl/')),
      { name: 'xl/worksheets/sheet1.xml', chunks: [sheetXml(`<row r="1">${inline('A1', 'one')}</row>`)] },
      { name: 'xl/worksheets/sheet2.xml', chunks: [sheetXml(`<row r="1">${inline('A1', 'two')}</row>`)] },
      { name: 'xl/chartsheets/sheet1.xml', chunks: [`<chartsheet xmlns="${MAIN}"/>`] },
      { name: 'xl/workbook.xml', chunks: [book] },
      { name: 'xl/_rels/workbook.xml.rels', chunks: [rels] },
    ];
    const sheets = await read(zipParts(parts));
    expect(sheets.map((sheet) => [sheet.name, sheet.headers])).toEqual([
      ['second & last', ['two']],
      ['first', ['one']],
    ]);
  });
});

describe('readXlsx on malformed workbooks', () => {
  const cases: Record<string, Buffer> = {
    'a sheet cut short': workbook(sheetXml(HEADER).slice(0, -30)),
    'tags closed out of order': workbook(sheetXml(`<row r="1"><c r="A1"><v>1</c></v></row>`)),
    'an unknown entity': workbook(sheetXml(`<row r="1">${inline('A1', 'a &nbsp; b')}</row>`)),
    'a cell reference without a column': workbook(sheetXml('<row r="1"><c r="12"><v>1</v></c></row>')),
    'a bad row number': workbook(sheetXml('<row r="x"><c r="A1"><v>1</v></c></row>')),
    'a document type': workbook(`<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>${sheetXml(HEADER)}`),
    'broken shared strings': workbook(sheetXml(HEADER), '<sst><si><t>a</si></sst>'),
    'text that is not XML': workbook('this is not XML at all'),
  };

  for (const [name, content] of Object.entries(cases)) {
    it(`refuses ${name} with the usual message`, async () => {
      await expect(read(content)).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('the workbook could not be read'),
      });
    });
  }
});
