/**
 * Upload results that tell the truth (issue 11, items 4–8): counts from what was written, blank
 * values skipped and counted, periods not over warned about, templates that always open in Excel
 * (with the child agencies' metrics for a superagency), and breakdowns the reference had no sheet for.
 */
import ExcelJS from 'exceljs';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { datapoint, report } from '../../src/db/schema.ts';
import type { SignedIn } from '../support/given.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import {
  givenChild,
  givenUploader,
  messageMap,
  publishAll,
  uploadOk,
  valuesOf,
  xlsx,
  type Sheets,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
/** Mid-July 2024: June 2024 has ended, July 2024 and the year 2024 have not. */
beforeEach(() => t.clock.set(new Date('2024-07-15T12:00:00Z')));

const send = async (headers: SignedIn, agencyId: number, system: string, sheets: Sheets | Buffer) =>
  uploadOk(t, headers, {
    agencyId,
    system,
    fileName: 'figures.xlsx',
    content: Buffer.isBuffer(sheets) ? sheets : await xlsx(sheets),
  });

async function template(headers: SignedIn, agencyId: number, system: string, query = 'isGeneric=false') {
  const res = await t.app.inject({ method: 'GET', url: `/api/template/${agencyId}/${system}?${query}`, headers });
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return workbook;
}

const texts = (sheet: ExcelJS.Worksheet | undefined) =>
  (sheet?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? row.filter(Boolean).map(String) : []));

describe('blank values (item 5)', () => {
  it('skips and counts rows without a figure; only a cell that is not a number is an error', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const result = await send(headers, agency.id, 'LAW_ENFORCEMENT', {
      arrests: [
        ['year', 'month', 'value'],
        [2024, 1, 5],
        [2024, 2, null],
        [2024, 3, '   '],
        [2024, 4, 'twelve'],
      ],
      calls_for_service: [
        ['year', 'month', 'value'],
        [2024, 1, null],
        [2024, 2, null],
      ],
    });
    const arrests = messageMap(result).get('LAW_ENFORCEMENT_ARRESTS')!;
    expect(arrests.map((message) => message.title)).toEqual(["Invalid 'value' Column Value"]);
    expect(arrests[0]!.description).toContain('Row 5');
    expect(messageMap(result).has('LAW_ENFORCEMENT_CALLS_FOR_SERVICE')).toBe(false);
    expect(result.summary).toMatchObject({ rows_saved: 1, rows_blank: 4, rows_skipped: 1, errors: 1 });
    expect((await valuesOf(t.database.db, agency.id, '01 2024 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(5);
    const stored = await t.database.db.select().from(report).where(eq(report.sourceId, agency.id));
    expect(stored.map((row) => row.instance)).toEqual(['01 2024 Metrics']);
  });

  it('a custom template with a few figures filled in uploads without a message', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    await givenMetricSetting(t.database.db, agency, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: true });
    const workbook = await template(headers, agency.id, 'LAW_ENFORCEMENT');
    const arrests = workbook.getWorksheet('arrests')!;
    arrests.getRow(2).getCell(3).value = 40;
    arrests.getRow(3).getCell(3).value = 41;
    const dataRows = workbook.worksheets.slice(1).reduce((sum, sheet) => sum + sheet.rowCount - 1, 0);
    const result = await send(headers, agency.id, 'LAW_ENFORCEMENT', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(messageMap(result).size).toBe(0);
    expect(result.summary).toMatchObject({ rows_saved: 2, rows_skipped: 0, records_created: 2, errors: 0 });
    expect(result.summary.rows_blank).toBe(dataRows - 2);
    expect(dataRows).toBeGreaterThan(100);
  });
});

describe('the result counts what was written (item 4)', () => {
  it('counts records created, changed, and sent back from published to draft', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const arrests = (values: (number | null)[]) => ({
      arrests: [['year', 'month', 'value'], ...values.map((value, index) => [2023, index + 1, value])],
    });
    const first = await send(headers, agency.id, 'LAW_ENFORCEMENT', arrests([1, 2]));
    expect(first.summary).toEqual({
      rows_saved: 2,
      rows_blank: 0,
      rows_skipped: 0,
      records_created: 2,
      records_changed: 0,
      records_unpublished: 0,
      errors: 0,
      warnings: 0,
    });
    await publishAll(t.database.db, agency.id);
    const second = await send(headers, agency.id, 'LAW_ENFORCEMENT', arrests([1, 20, 3]));
    expect(second.summary).toMatchObject({
      rows_saved: 3,
      records_created: 1,
      records_changed: 1,
      records_unpublished: 1,
    });
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/${second.spreadsheet_id}/bulk-upload-json`,
      headers,
    });
    expect(stored.json().summary).toEqual(second.summary);
  });
});

describe('periods that have not ended (item 7)', () => {
  it('saves the figures and warns, once per metric, naming only the periods not over', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const result = await send(headers, agency.id, 'LAW_ENFORCEMENT', {
      arrests: [
        ['year', 'month', 'value'],
        [2024, 6, 5],
        [2024, 7, 6],
      ],
      funding: [
        ['year', 'value'],
        [2023, 100],
        [2024, 200],
      ],
    });
    const messages = messageMap(result);
    expect(messages.get('LAW_ENFORCEMENT_ARRESTS')).toEqual([
      expect.objectContaining({
        type: 'WARNING',
        title: 'Period Not Over',
        description: expect.stringContaining('July 2024'),
      }),
    ]);
    expect(messages.get('LAW_ENFORCEMENT_ARRESTS')![0]!.description).not.toContain('June');
    expect(messages.get('LAW_ENFORCEMENT_FUNDING')![0]!.description).toContain('January 2024 – December 2024');
    expect(result.summary).toMatchObject({ rows_saved: 4, warnings: 2, errors: 0 });
    expect((await valuesOf(t.database.db, agency.id, '07 2024 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(6);
  });

  it('says nothing about periods that have ended', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const result = await send(headers, agency.id, 'LAW_ENFORCEMENT', {
      arrests: [
        ['year', 'month', 'value'],
        [2024, 6, 5],
      ],
    });
    expect(messageMap(result).size).toBe(0);
  });
});

describe('templates (item 6)', () => {
  it("an unconfigured agency's custom template opens, with instructions saying why nothing is included", async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const workbook = await template(headers, agency.id, 'PRISONS');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Instructions']);
    const words = texts(workbook.getWorksheet('Instructions'));
    expect(words).toContain('Metrics included: none');
    expect(words).toContain('Metrics not included');
    expect(words).toContain('Admissions');
    expect(words).toContain('Not turned on in Metric Settings yet.');
    const single = await template(headers, agency.id, 'PRISONS', 'isGeneric=false&singlePage=true');
    expect(single.worksheets.map((sheet) => sheet.name)).toEqual(['Instructions']);
    const result = await send(headers, agency.id, 'PRISONS', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(messageMap(result).size).toBe(0);
    expect(result.summary).toMatchObject({ rows_saved: 0, errors: 0 });
  });

  it("gives a superagency's child sector the metrics its child agencies turned on", async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['SUPERAGENCY', 'PRISONS'], isSuperagency: true });
    const on = await givenChild(t.database.db, agency, 'Child Prison On');
    const off = await givenChild(t.database.db, agency, 'Child Prison Off');
    await givenMetricSetting(t.database.db, on, 'PRISONS_ADMISSIONS', { is_metric_enabled: true });
    await givenMetricSetting(t.database.db, off, 'PRISONS_FUNDING', { is_metric_enabled: false });
    const workbook = await template(headers, agency.id, 'PRISONS');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Instructions',
      'admissions',
      'admissions_by_type',
    ]);
    const admissions = workbook.getWorksheet('admissions')!;
    expect(admissions.getRow(1).values).toEqual([undefined, 'year', 'month', 'agency', 'value']);
    const agencies = new Set(texts(admissions).filter((text) => text.startsWith('Child')));
    expect(agencies).toEqual(new Set(['Child Prison On']));
    const words = texts(workbook.getWorksheet('Instructions'));
    expect(words).toContain('No child agency has turned it on in Metric Settings yet.');
    expect(words).toContain('admissions, admissions_by_type');
  });

  it('lists only periods that have ended, so a filled-in template raises no warning', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const workbook = await template(headers, agency.id, 'LAW_ENFORCEMENT', 'isGeneric=true');
    const arrests = workbook.getWorksheet('arrests')!;
    const lastRow = arrests.getRow(arrests.rowCount).values as unknown[];
    expect(lastRow.slice(1, 3)).toEqual([2024, 6]);
    const funding = workbook.getWorksheet('funding')!;
    expect(funding.rowCount).toBe(2);
    expect(funding.getRow(2).getCell(1).value).toBe(2023);
  });
});

describe('breakdowns without a reference sheet (item 8)', () => {
  it('jails templates and uploads carry the behavioural-health breakdowns', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['JAILS'] });
    const workbook = await template(headers, agency.id, 'JAILS', 'isGeneric=true');
    const sheet = workbook.getWorksheet('total_admissions_by_bh_need')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'year', 'month', 'behavioral_health_need', 'value']);
    const result = await send(headers, agency.id, 'JAILS', {
      total_admissions_by_bh_need: [
        ['year', 'month', 'behavioral_health_need', 'value'],
        [2024, 1, 'Mental Health Needs', 7],
        [2024, 1, 'substance use needs', 3],
        [2024, 1, 'Headaches', 1],
      ],
    });
    const messages = messageMap(result).get('JAILS_TOTAL_ADMISSIONS')!;
    expect(messages.map((message) => message.title)).toEqual(["Invalid 'behavioral_health_need' Column Value"]);
    expect(messages[0]!.description).toContain('Mental Health Needs, Substance Use Needs');
    const stored = await t.database.db
      .select({ value: datapoint.value, member: datapoint.dimensionIdentifierToMember })
      .from(datapoint)
      .innerJoin(report, eq(report.id, datapoint.reportId))
      .where(and(eq(report.sourceId, agency.id), isNotNull(datapoint.dimensionIdentifierToMember)));
    expect(stored.map((row) => row.member).sort()).toEqual([
      { 'metric/jails/behavioral_health/type': 'MENTAL_HEALTH' },
      { 'metric/jails/behavioral_health/type': 'SUBSTANCE_USE' },
    ]);
    expect((await valuesOf(t.database.db, agency.id, '01 2024 Metrics')).JAILS_TOTAL_ADMISSIONS).toBe(10);
  });
});
