/**
 * The superagency workbook of the upload benchmark: one sheet per jail sheet of the catalogue
 * (totals and every breakdown), rows for every child agency, year and month, values adding up
 * as in the generated data sets. Written with ExcelJS's streaming writer to keep memory flat.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { metricFilesFor } from '../../../server/src/domain/uploads/metric-files.ts';
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
    const monthly = file.metric.defaultFrequency === 'MONTHLY';
    const sheet = workbook.addWorksheet(file.sheetName);
    sheet
      .addRow(['year', ...(monthly ? ['month'] : []), 'agency', ...(file.column ? [file.column] : []), 'value'])
      .commit();
    for (let year = LAST_YEAR - years + 1; year <= LAST_YEAR; year++) {
      for (const month of monthly ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [null]) {
        for (const child of children) {
          const values = metricValues(child.name, file.metric, PERIOD_KEY(year, month));
          const wanted = file.dimension
            ? values.filter((v) => v.dimension?.[file.dimension!.identifier] !== undefined)
            : values.filter((v) => v.dimension === null);
          for (const value of wanted) {
            const member = file.dimension?.members.find(
              (m) => m.name === value.dimension?.[file.dimension!.identifier],
            );
            sheet
              .addRow([year, ...(monthly ? [month] : []), child.name, ...(member ? [member.value] : []), value.value])
              .commit();
            rows++;
          }
        }
      }
    }
    sheet.commit();
  }
  await workbook.commit();
  return { content: Buffer.concat(parts), rows };
}
