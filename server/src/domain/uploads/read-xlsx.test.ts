/**
 * Differential test: for workbooks the test suite and the benchmark build, and for workbooks of
 * every cell kind ExcelJS writes, our reader gives the same sheets as ExcelJS's streaming reader
 * (the reader uploads used before), read here the way read-xlsx.ts read them. That reader now and
 * then leaves out whole sheets of a many-sheet workbook (40 or 41 of the benchmark workbook's 42
 * in some runs), so the sheet list is checked against ExcelJS's whole-workbook loader and the cells sheet
 * by sheet against the streaming reader.
 */
import { PassThrough, Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generatedWorkbook, xlsx } from '../../../test/support/given-uploads.ts';
import { denseTextSheet, hugeSheet, sharedStringsBomb } from '../../../test/support/hostile-workbooks.ts';
import { boundedCells, plainCell, sheetFromRows, type Cell, type RawRow, type RawSheet } from './raw-upload.ts';
import { readXlsx } from './read-xlsx.ts';
import { zipContainer } from '../../../test/support/zip-container.ts';
import { entryData, readCentralDirectory, type ZipEntry } from './zip-inspection.ts';

type ExcelValue = ExcelJS.CellValue | undefined;

/** What uploads made of an ExcelJS value before our reader. */
function cellFromExcel(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return plainCell(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return plainCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellFromExcel(value.result as ExcelValue);
  if ('hyperlink' in value) return plainCell(String(value.text));
  if ('error' in value) return plainCell(value.error);
  return null;
}

/** The parts ExcelJS's streaming reader must meet before any sheet, or it fails or loses sheets. */
const INDEX_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];

/** The same workbook with its index parts first, as uploads gave it to ExcelJS's streaming reader. */
function indexFirst(file: Buffer): Buffer {
  const rank = (name: string) => (INDEX_PARTS.includes(name) ? INDEX_PARTS.indexOf(name) : INDEX_PARTS.length);
  const entries = readCentralDirectory(file).sort((a, b) => rank(a.name) - rank(b.name));
  // The container written here deflates every part, so a stored one is deflated on the way.
  const compressed = (entry: ZipEntry) =>
    entry.method === 0 ? deflateRawSync(entryData(file, entry)) : entryData(file, entry);
  return zipContainer(
    entries.map((entry) => ({ name: entry.name, compressed: compressed(entry), size: entry.uncompressedSize })),
  );
}

async function excelJsSheets(content: Buffer): Promise<RawSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([indexFirst(content)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: RawSheet[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    const rows: RawRow[] = [];
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? (row.values as ExcelValue[]) : [];
      const cells = boundedCells(name, row.number, Array.from(values.slice(1), cellFromExcel));
      if (!cells.every((cell) => cell === null)) rows.push({ rowNumber: row.number, cells });
    }
    sheets.push(sheetFromRows(name, rows));
  }
  return sheets;
}

async function ourSheets(content: Buffer): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for await (const sheet of readXlsx(content)) sheets.push(sheet);
  return sheets;
}

/** Cells of every kind ExcelJS writes, with empty rows, blank cells and sparse columns. */
const ODD_ROWS: ExcelJS.CellValue[][] = [
  ['year', 'value', 'text', 'note'],
  [2023, 1.5, 'plain', { richText: [{ text: 'rich ' }, { font: { bold: true }, text: 'text' }] }],
  [],
  [null, null, null],
  [2022, { formula: '1+1', result: 2 }, { formula: 'A2&"x"', result: '2023x' }, { formula: 'B2*2' }],
  [new Date(Date.UTC(2021, 5, 30)), -0.000123, '  padded  ', '   '],
  [{ error: '#N/A' }, 1e21, 'a < b & c > "d" \'e\'', '&amp; stays as typed'],
  [{ text: 'a link', hyperlink: 'https://example.org' }, 'ünïcödé ☺ 𝄞', 'x'.repeat(600), ''],
];

function oddRows(sheet: ExcelJS.Worksheet): void {
  ODD_ROWS.forEach((row, index) => {
    row.forEach((value, column) => (sheet.getRow(index + 1).getCell(column + 1).value = value));
  });
  sheet.getRow(12).getCell(30).value = 'far right';
  sheet.getRow(13).getCell(2).value = 7;
}

async function oddWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  oddRows(book.addWorksheet('odd cells'));
  book.addWorksheet('empty');
  oddRows(book.addWorksheet('second & "quoted"'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The streaming writer (as the benchmark's workbook), with inline strings or shared ones, and many sheets. */
async function streamedWorkbook(useSharedStrings: boolean): Promise<Buffer> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (chunk: Buffer) => parts.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings, useStyles: false });
  for (let number = 1; number <= 40; number += 1) {
    const sheet = book.addWorksheet(`sheet ${number}`);
    for (const row of ODD_ROWS) sheet.addRow(row).commit();
    sheet.commit();
  }
  await book.commit();
  return Buffer.concat(parts);
}

const workbooks: Record<string, () => Promise<Buffer>> = {
  'odd cells (shared strings)': oddWorkbook,
  'odd cells, streamed with shared strings': () => streamedWorkbook(true),
  'G(LAW_ENFORCEMENT)': () => generatedWorkbook('LAW_ENFORCEMENT'),
  'G(PRISONS) with nulls and a bad month': () =>
    generatedWorkbook('PRISONS', { nulls: ['admissions'], invalidMonth: 'releases', invalidSheet: true }),
  'G(JAILS) for children': () => generatedWorkbook('JAILS', { children: ['North', 'South & East'] }),
  'G(SUPERVISION) with sub-systems': () =>
    generatedWorkbook('SUPERVISION', { subsystems: { SUPERVISION_DISCHARGES: ['PAROLE', 'PROBATION'] } }),
  'G(PROSECUTION)': () => generatedWorkbook('PROSECUTION'),
  'a hand-made sheet of many numbers': async () => hugeSheet(3_000, 12),
  'long inline texts': async () => denseTextSheet(1, 20),
  'many shared strings': async () => sharedStringsBomb(1, 20),
  'tiny workbook': () =>
    xlsx({
      arrests: [
        ['year', 'value'],
        [2023, 5],
      ],
    }),
};

/**
 * Our sheets are those ExcelJS's whole-workbook loader lists, in its order, and each equals what
 * the streaming reader gave for it, with `fix` applied to its cells.
 */
async function expectAsExcelJs(content: Buffer, fix: (cell: Cell) => Cell = (cell) => cell): Promise<void> {
  const ours = await ourSheets(content);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ExcelJS.Buffer);
  expect(ours.map((sheet) => sheet.name)).toEqual(book.worksheets.map((sheet) => sheet.name));
  const streamed = await excelJsSheets(content);
  expect(streamed.length).toBeGreaterThan(0);
  for (const sheet of streamed) {
    const rows = sheet.rows.map((row) => ({ ...row, cells: row.cells.map(fix) }));
    expect(ours.find((our) => our.name === sheet.name)).toEqual({ ...sheet, rows });
  }
}

describe('readXlsx against ExcelJS', () => {
  for (const [name, build] of Object.entries(workbooks)) {
    it(`reads ${name} as ExcelJS did`, async () => expectAsExcelJs(await build()), 30_000);
  }

  it('reads inline strings whole and decoded once, where ExcelJS kept the last rich-text run and decoded twice', async () => {
    const fixed = new Map<Cell, Cell>([
      ['text', 'rich text'],
      ['& stays as typed', '&amp; stays as typed'],
    ]);
    await expectAsExcelJs(await streamedWorkbook(false), (cell) => fixed.get(cell) ?? cell);
  }, 30_000);
});
