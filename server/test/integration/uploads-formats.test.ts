/**
 * Upload layouts and the HTTP endpoint: single-page sheets (TC19), CSV files (TC20, TC28d, X4),
 * invalid sheets (TC21), the upload response and spreadsheet record (TC28), sheet names and headers
 * in any case (X7, X12), and files that are not spreadsheets.
 */
import { getMetric, metricsForSystem } from '@jc/catalogue';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { spreadsheet, spreadsheetFile } from '../../src/db/schema.ts';
import { metricFilesFor } from '../../src/domain/uploads/metric-files.ts';
import {
  csv,
  generatedSheets,
  generatedWorkbook,
  givenUpload,
  givenUploader,
  messageMap,
  upload,
  uploadOk,
  valuesOf,
  writtenRows,
  xlsx,
  type Cell,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const ADMISSIONS_CSV: Cell[][] = [
  ['', 'year', 'month', 'value'],
  [0, 2021, 'January', 10],
  [1, 2021, 'February', 10],
  [2, 2022, 'January', 20],
  [3, 2022, 'February', 20],
  [4, 2023, 'January', 30],
  [5, 2023, 'February', 30],
];

/** TC19's single-page sheet: one row per total and per breakdown member of every prosecution metric. */
function singlePageRows(): Cell[][] {
  const rows: Cell[][] = [['metric', 'year', 'month', 'breakdown_category', 'breakdown', 'value']];
  for (const file of metricFilesFor('PROSECUTION')) {
    const monthly = file.metric.defaultFrequency === 'MONTHLY';
    const amount = monthly ? 120 : 70;
    const month = monthly ? 'January' : null;
    const members = file.dimension?.members ?? [null];
    for (const member of members) {
      rows.push([
        file.metric.sheetNames.total,
        '2023',
        month,
        file.column,
        member?.value ?? null,
        amount / members.length,
      ]);
    }
  }
  return rows;
}

describe('layouts', () => {
  it('TC19: a single-page sheet holds every metric; its month column serves the monthly ones', async () => {
    const content = await xlsx({ 'All Data': singlePageRows() });
    const { agency, result } = await givenUpload(t, 'PROSECUTION', { fileName: 's.xlsx', content });

    // The reference warned "Unexpected 'month' Column" because the first metric listed is annual;
    // here a month column is expected as soon as any metric in the sheet is monthly (docs/api-compat.md).
    expect(messageMap(result).size).toBe(0);
    const january = await valuesOf(t.database.db, agency.id, '01 2023 Metrics');
    expect(new Set(Object.keys(january).map((key) => key.split('/')[0])).size).toBe(7);
    expect(january).toMatchObject({
      PROSECUTION_CASES_PROSECUTED: 120,
      'PROSECUTION_CASES_PROSECUTED/Felony Cases Prosecuted': 30,
    });
    const annual = await valuesOf(t.database.db, agency.id, '2023 Annual Metrics');
    expect(new Set(Object.keys(annual).map((key) => key.split('/')[0])).size).toBe(4);
    expect(annual).toMatchObject({ PROSECUTION_TOTAL_STAFF: 70, 'PROSECUTION_TOTAL_STAFF/Legal Staff': 10 });
  });

  it('TC20: a CSV file whose name is no sheet name is refused with one message', async () => {
    const { result } = await givenUpload(t, 'PRISONS', {
      fileName: 'test_prison_csv.csv',
      content: csv(ADMISSIONS_CSV),
    });
    expect([...messageMap(result)]).toMatchObject([[null, [{ type: 'ERROR', title: 'Invalid File Name for CSV' }]]]);
    expect(result.non_metric_errors[0]!.description).toContain("The file name 'test_prison_csv' does not correspond");
  });

  it('TC21: one invalid sheet among valid ones gives exactly one message and the rest is saved', async () => {
    const content = await generatedWorkbook('PRISONS', { invalidSheet: true });
    const { result } = await givenUpload(t, 'PRISONS', { fileName: 'p.xlsx', content });
    expect([...messageMap(result)]).toMatchObject([[null, [{ type: 'ERROR', title: 'Invalid Sheet Name' }]]]);
    expect(result.new_reports).toHaveLength(9);
  });

  it('X4: a CSV per metric is read by its file name, and thousands separators are accepted', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const rows: Cell[][] = [
      ['year', 'month', 'value'],
      [2023, 1, '1,000'],
      [2023, 2, '2,500.75'],
    ];
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'Arrests (1).csv',
      content: csv(rows),
    });
    expect(messageMap(result).size).toBe(0);
    expect((await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(1000);
    expect((await valuesOf(t.database.db, agency.id, '02 2023 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(2500.75);
  });

  it('X7 and X12: sheet names and headers work in any capitalisation and spacing', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content = await xlsx({
      Arrests: [
        [' Year ', 'Month', 'VALUE'],
        [2023, 1, 5],
      ],
      'Arrests By Type': [
        ['Year', 'Month', 'Offense Type', 'Value'],
        [2023, 1, 'Drug Offenses', 5],
      ],
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'a.xlsx',
      content,
    });
    expect(messageMap(result).size).toBe(0);
    expect(await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).toEqual({
      LAW_ENFORCEMENT_ARRESTS: 5,
      'LAW_ENFORCEMENT_ARRESTS/Drug Offenses': 5,
    });
  });
});

describe('POST /api/spreadsheets (TC28)', () => {
  it('TC28a: refuses a file that is not a spreadsheet, and a legacy .xls workbook, writing nothing', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const pdf = await expectNoWrites(t.database.db, () =>
      upload(t, headers, {
        agencyId: agency.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'arrests.pdf',
        content: Buffer.from('%PDF-1.4'),
      }),
    );
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().description).toContain('"arrests.pdf" is not a spreadsheet');
    const xls = await expectNoWrites(t.database.db, () =>
      upload(t, headers, {
        agencyId: agency.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'old.xls',
        content: Buffer.alloc(512, 1),
      }),
    );
    expect(xls.statusCode).toBe(415);
    expect(xls.json().description).toContain('save it as an Excel Workbook (.xlsx)');
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });

  it('TC28b–c: stores the file and its record and answers with metrics and new records', async () => {
    const { agency, headers, user } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const uploadedAt = new Date('2024-03-05T12:00:00.250Z');
    t.clock.set(uploadedAt);
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    const fileName = 'law_enforcement_metrics.xlsx';
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'LAW_ENFORCEMENT', fileName, content });
    t.clock.set(new Date());

    expect(result.file_name).toBe(fileName);
    expect(result.metrics.map((m) => m.key)).toEqual(metricsForSystem('LAW_ENFORCEMENT').map((m) => m.key));
    expect([result.non_metric_errors.length, result.updated_reports.length, result.unchanged_reports.length]).toEqual([
      0, 0, 0,
    ]);
    expect(result.new_reports.map((r) => `${r.frequency} ${r.year}-${r.month}`).sort()).toEqual(
      [2021, 2022, 2023].flatMap((y) => [`ANNUAL ${y}-1`, `MONTHLY ${y}-1`, `MONTHLY ${y}-2`]).sort(),
    );
    const rows = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.agencyId, agency.id));
    const datapointCount = result.metrics.reduce((n, m) => n + m.datapoints.length, 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: result.spreadsheet_id,
      system: 'LAW_ENFORCEMENT',
      status: 'INGESTED',
      originalName: fileName,
      uploadedByUserId: user.id,
      ingestedAt: uploadedAt,
      // The reference counted 0 on a first upload (a bug); every new value counts here.
      numNewDatapoints: datapointCount,
      standardizedName: `${agency.id}:LAW_ENFORCEMENT:${uploadedAt.getTime() / 1000}.xlsx`,
    });
    const [file] = await t.database.db
      .select()
      .from(spreadsheetFile)
      .where(eq(spreadsheetFile.spreadsheetId, result.spreadsheet_id));
    expect(Buffer.from(file!.content).equals(content)).toBe(true);
    const sample = result.metrics[0]!.datapoints[0]!;
    expect(sample).toMatchObject({
      agency_name: agency.name,
      is_published: false,
      old_value: null,
      sub_dimension_name: null,
    });
    expect(sample.start_date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} 00:00:00 GMT$/);
    expect(getMetric(sample.metric_definition_key)?.system).toBe('LAW_ENFORCEMENT');
  });

  it('TC28d: a CSV upload echoes its name and files no message under its metric', async () => {
    const { result } = await givenUpload(t, 'LAW_ENFORCEMENT', {
      fileName: 'arrests.csv',
      content: csv(ADMISSIONS_CSV),
    });
    expect(result.file_name).toBe('arrests.csv');
    expect(result.metrics.find((m) => m.key === 'LAW_ENFORCEMENT_ARRESTS')).toMatchObject({ metric_errors: [] });
    expect(result.metrics.find((m) => m.key === 'LAW_ENFORCEMENT_ARRESTS')!.datapoints).toHaveLength(6);
  });

  it('refuses a sector the agency does not report for, and agencies the user is not a member of', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const other = await givenUploader(t, { systems: ['PRISONS'] });
    const content = await xlsx(
      generatedSheets('PRISONS', {
        skip: metricFilesFor('PRISONS')
          .slice(1)
          .map((f) => f.sheetName),
      }),
    );
    const wrongSector = await expectNoWrites(t.database.db, () =>
      upload(t, headers, {
        agencyId: agency.id,
        system: 'PRISONS',
        fileName: 'p.xlsx',
        content,
      }),
    );
    expect(wrongSector.statusCode).toBe(400);
    expect(wrongSector.json().description).toContain(
      'system: must be one of the agency\'s sectors: LAW_ENFORCEMENT (got "PRISONS")',
    );
    const outsider = await expectNoWrites(t.database.db, () =>
      upload(t, headers, {
        agencyId: other.agency.id,
        system: 'PRISONS',
        fileName: 'p.xlsx',
        content,
      }),
    );
    expect(outsider.statusCode).toBe(404);
    const readOnly = await givenUploader(t, { systems: ['PRISONS'] }, 'READ_ONLY');
    const refused = await expectNoWrites(t.database.db, () =>
      upload(t, readOnly.headers, {
        agencyId: readOnly.agency.id,
        system: 'PRISONS',
        fileName: 'p.xlsx',
        content,
      }),
    );
    expect(refused.statusCode).toBe(403);
    expect(await writtenRows(t.database.db, [agency.id, other.agency.id, readOnly.agency.id])).toEqual({
      reports: 0,
      datapoints: 0,
      spreadsheets: 0,
    });
  });
});
