/**
 * The superagency workbook of the upload benchmark: one sheet per jail sheet of the catalogue
 * (totals and every breakdown), rows for every child agency, year and month, values adding up
 * as in the generated data sets. Written with ExcelJS's streaming writer to keep memory flat. The
 * CSV case of the benchmark is one of those sheets as a file of its own.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { metricFilesFor } from '../../../server/src/domain/uploads/metric-files.ts';
import { csvLine } from './copy.ts';
import { LAST_YEAR, metricValues } from './dataset.ts';

export interface WorkbookChild {
  name: string;
}

export interface Workbook {
  content: Buffer;
  /** Value rows (header rows not counted). */
  rows: number;
}

const PERIOD_KEY = (year: number, month: number | null) => (month === null ? `${year} Annual` : `${year}-${month}`);

type Cell = string | number;
type MetricFile = ReturnType<typeof metricFilesFor>[number];

/** A sheet's header row. */
function headerOf(file: MetricFile): string[] {
  const monthly = file.metric.defaultFrequency === 'MONTHLY';
  return ['year', ...(monthly ? ['month'] : []), 'agency', ...(file.column ? [file.column] : []), 'value'];
}

/** A sheet's value rows: every year, month (if monthly), child and breakdown member. */
function* sheetRows(file: MetricFile, children: readonly WorkbookChild[], years: number): Generator<Cell[]> {
  const monthly = file.metric.defaultFrequency === 'MONTHLY';
  for (let year = LAST_YEAR - years + 1; year <= LAST_YEAR; year++) {
    for (const month of monthly ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [null]) {
      for (const child of children) {
        const values = metricValues(child.name, file.metric, PERIOD_KEY(year, month));
        const wanted = file.dimension
          ? values.filter((v) => v.dimension?.[file.dimension!.identifier] !== undefined)
          : values.filter((v) => v.dimension === null);
        for (const value of wanted) {
          const member = file.dimension?.members.find((m) => m.name === value.dimension?.[file.dimension!.identifier]);
          yield [year, ...(monthly ? [month!] : []), child.name, ...(member ? [member.value] : []), value.value];
        }
      }
    }
  }
}

export async function jailWorkbook(children: readonly WorkbookChild[], years: number): Promise<Workbook> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: false,
  });
  let rows = 0;
  for (const file of metricFilesFor('JAILS')) {
    const sheet = workbook.addWorksheet(file.sheetName);
    sheet.addRow(headerOf(file)).commit();
    for (const row of sheetRows(file, children, years)) {
      sheet.addRow(row).commit();
      rows++;
    }
    sheet.commit();
  }
  await workbook.commit();
  return { content: Buffer.concat(parts), rows };
}

/** The jail sheet a CSV of the benchmark holds: the one with the most breakdown members a month. */
export const CSV_SHEET = 'total_population_by_race';

/** One jail sheet as a CSV file (one metric a file), named as uploads expect: `<sheet>.csv`. */
export function jailCsv(children: readonly WorkbookChild[], years: number): Workbook & { fileName: string } {
  const file = metricFilesFor('JAILS').find((candidate) => candidate.sheetName === CSV_SHEET)!;
  const lines = [csvLine(headerOf(file))];
  for (const row of sheetRows(file, children, years)) lines.push(csvLine(row));
  return { content: Buffer.from(lines.join('')), rows: lines.length - 1, fileName: `${CSV_SHEET}.csv` };
}
