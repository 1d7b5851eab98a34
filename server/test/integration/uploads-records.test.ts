/**
 * Spreadsheet records and templates: the status an upload leaves (TC23, TC24), templates and their
 * round trip (TC26), and listing, downloading, re-statusing and deleting files (TC30), with every
 * route limited to the file's agency.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uploadResultSchema } from '../../src/contract/uploads.ts';
import { datapoint, spreadsheet, spreadsheetFile } from '../../src/db/schema.ts';
import { emptyStoredBreakdown } from '../../src/domain/metric-settings/stored-setting-rules.ts';
import { givenUser, signIn, type UserRow } from '../support/given.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import {
  generatedWorkbook,
  givenChild,
  givenUpload,
  givenUploader,
  messageMap,
  uploadOk,
  writtenRows,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const DAY = 24 * 60 * 60 * 1000;
const T = new Date('2024-01-01T00:00:00Z');

async function readWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (Array.isArray(row) ? row.slice(1) : [])),
  }));
}

async function givenFile(
  agency: AgencyRow,
  system: string,
  uploader: UserRow | null,
  times: { uploaded: Date; ingested?: Date },
) {
  const [row] = await t.database.db
    .insert(spreadsheet)
    .values({
      originalName: `${system}_metrics.xlsx`,
      standardizedName: `${agency.id}:${system}:${times.uploaded.getTime() / 1000}.xlsx`,
      agencyId: agency.id,
      system: system as 'PAROLE',
      status: times.ingested ? 'INGESTED' : 'UPLOADED',
      uploadedAt: times.uploaded,
      uploadedByUserId: uploader?.id ?? null,
      ingestedAt: times.ingested ?? null,
      numNewDatapoints: 12,
    })
    .returning();
  await t.database.db
    .insert(spreadsheetFile)
    .values({ spreadsheetId: row!.id, contentType: 'text/csv', content: Buffer.from(`${system}\n`) });
  return row!;
}

describe('spreadsheet status (TC23, TC24)', () => {
  it('TC23: an upload without errors is INGESTED by its uploader at the upload time', async () => {
    const { agency, headers, user } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    t.clock.set(T);
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'le.xlsx',
      content: await generatedWorkbook('LAW_ENFORCEMENT'),
    });
    t.clock.set(new Date());
    const [row] = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, result.spreadsheet_id));
    expect(row).toMatchObject({ status: 'INGESTED', ingestedBy: String(user.id), ingestedAt: T });
  });

  it('TC24: an upload with an error is ERRORED, and the valid sheets are saved all the same', async () => {
    const content = await generatedWorkbook('LAW_ENFORCEMENT', { invalidSheet: true });
    const { agency, result } = await givenUpload(t, 'LAW_ENFORCEMENT', { fileName: 'le.xlsx', content });
    const [row] = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, result.spreadsheet_id));
    expect(row).toMatchObject({ status: 'ERRORED', ingestedBy: null, ingestedAt: null });
    expect((await writtenRows(t.database.db, [agency.id])).reports).toBe(9);
  });
});

describe('GET /api/template/:agencyId/:system (TC26)', () => {
  it('TC26: a custom template holds only enabled metrics and members, with an agency column for children', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS', 'SUPERAGENCY'], isSuperagency: true });
    const children = [
      await givenChild(t.database.db, agency, 'Child Agency Prison A'),
      await givenChild(t.database.db, agency, 'Child Agency Prison B'),
    ];
    const offenses = emptyStoredBreakdown();
    offenses.dimension_to_enabled_status = {
      PERSON: false,
      PROPERTY: false,
      DRUG: false,
      PUBLIC_ORDER: false,
      OTHER: false,
      UNKNOWN: false,
    };
    const releases = emptyStoredBreakdown();
    releases.dimension_to_enabled_status = { TO_PAROLE_SUPERVISION: true };
    const db = t.database.db;
    // A superagency's child sector follows the child agencies' settings (issue 11, item 6).
    for (const child of children) {
      await givenMetricSetting(db, child, 'PRISONS_FUNDING', { is_metric_enabled: false });
      await givenMetricSetting(db, child, 'PRISONS_TOTAL_STAFF', { contexts: { INCLUDES_EXCLUDES_DESCRIPTION: 'x' } });
      await givenMetricSetting(db, child, 'PRISONS_READMISSIONS', { contexts: { INCLUDES_EXCLUDES_DESCRIPTION: 'y' } });
      await givenMetricSetting(db, child, 'PRISONS_ADMISSIONS', {
        is_metric_enabled: true,
        custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 2 },
        aggregated_dimensions: { 'metric/offense/type': offenses },
      });
      await givenMetricSetting(db, child, 'PRISONS_RELEASES', {
        aggregated_dimensions: { 'metric/prisons/release/type': releases },
      });
    }

    const multi = await t.app.inject({
      method: 'GET',
      url: `/api/template/${agency.id}/PRISONS?singlePage=false&isGeneric=false`,
      headers,
    });
    expect(multi.statusCode).toBe(200);
    expect(multi.headers['content-disposition']).toContain('filename="PRISONS.xlsx"');
    const [instructions, admissions, ...others] = await readWorkbook(multi.rawPayload);
    expect(instructions!.name).toBe('Instructions');
    expect(others).toEqual([]);
    expect(admissions!.name).toBe('admissions');
    expect(admissions!.rows[0]).toEqual(['year', 'agency', 'value']);
    expect(new Set(admissions!.rows.slice(1).map((row) => row[1]))).toEqual(
      new Set(['Child Agency Prison A', 'Child Agency Prison B']),
    );

    const single = await t.app.inject({
      method: 'GET',
      url: `/api/template/${agency.id}/PRISONS?singlePage=true&isGeneric=false`,
      headers,
    });
    const sheets = await readWorkbook(single.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['Instructions', 'Sheet 1']);
    const header = sheets[1]!.rows[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['metric', 'agency']));
    const agencies = new Set(sheets[1]!.rows.slice(1).map((row) => row[header.indexOf('agency')]));
    expect(agencies).toEqual(new Set(['Child Agency Prison A', 'Child Agency Prison B']));
  });

  it('a filled-in default template uploads without any message', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    t.clock.set(new Date('2024-07-15T12:00:00Z'));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/template/${agency.id}/PRISONS?isGeneric=true`,
      headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(1 + 19);
    expect(workbook.worksheets[0]!.name).toBe('Instructions');
    for (const sheet of workbook.worksheets.slice(1)) {
      const valueColumn = sheet.getRow(1).cellCount;
      sheet.eachRow((row, number) => {
        if (number > 1) row.getCell(valueColumn).value = 0;
      });
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'PRISONS',
      fileName: 'filled.xlsx',
      content,
    });
    t.clock.set(new Date());
    expect(messageMap(result).size).toBe(0);
    // Periods that have ended by mid-July 2024: the year 2023 and January 2023 – June 2024.
    expect(result.new_reports).toHaveLength(1 + 18);
  });

  it("is for members only, and for the agency's own sectors", async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const other = await givenUploader(t, { systems: ['JAILS'] });
    const outsider = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/api/template/${other.agency.id}/JAILS`, headers }),
    );
    expect(outsider.statusCode).toBe(404);
    const wrong = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/api/template/${agency.id}/JAILS`, headers }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().description).toContain('system: must be one of the agency\'s sectors: PRISONS (got "JAILS")');
  });
});

describe('uploaded files (TC30)', () => {
  it("TC30a: lists the agency's files, processed first, newest first, with the uploader", async () => {
    const { agency: sup, user } = await givenUploader(
      t,
      { systems: ['SUPERVISION', 'PAROLE', 'PROBATION'] },
      'CONTRIBUTOR',
    );
    const le = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const colleague = await givenUser(t.database.db, { agency: sup });
    await givenFile(le.agency, 'LAW_ENFORCEMENT', le.user, { uploaded: T });
    await givenFile(sup, 'SUPERVISION', user, { uploaded: T });
    await givenFile(sup, 'PAROLE', user, { uploaded: new Date(T.getTime() + 25 * DAY) });
    await givenFile(sup, 'PROBATION', user, { uploaded: T, ingested: new Date(T.getTime() + 50 * DAY) });
    const headers = await signIn(t.app, t.database.db, colleague);

    const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${sup.id}/spreadsheets`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([
      {
        name: 'PROBATION_metrics.xlsx',
        status: 'INGESTED',
        ingested_at: T.getTime() + 50 * DAY,
        num_new_datapoints: 12,
      },
      { name: 'PAROLE_metrics.xlsx', status: 'UPLOADED', ingested_at: null, uploaded_at: T.getTime() + 25 * DAY },
      {
        name: 'SUPERVISION_metrics.xlsx',
        status: 'UPLOADED',
        uploaded_by_v2: { name: user.name, role: 'CONTRIBUTOR' },
      },
    ]);
    const outsider = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'GET',
        url: `/api/agencies/${sup.id}/spreadsheets`,
        headers: le.headers,
      }),
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('TC30b: members download the original file; outsiders learn nothing', async () => {
    const { agency, user, headers } = await givenUploader(t, { systems: ['PAROLE'] });
    const file = await givenFile(agency, 'PAROLE', user, { uploaded: T });
    const res = await t.app.inject({ method: 'GET', url: `/api/spreadsheets/${file.id}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('PAROLE\n');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="PAROLE_metrics.xlsx"; filename*=UTF-8''PAROLE_metrics.xlsx`,
    );
    const stranger = await givenUploader(t, { systems: ['PAROLE'] });
    const refused = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'GET',
        url: `/api/spreadsheets/${file.id}`,
        headers: stranger.headers,
      }),
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.json().description).toBe(`Uploaded file ${file.id} was not found.`);
  });

  it('TC30c–d: Justice Counts admins re-status and delete files; the data stays, others are refused', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'le.xlsx',
      content: await generatedWorkbook('LAW_ENFORCEMENT', { invalidSheet: true }),
    });
    const id = result.spreadsheet_id;
    const url = `/api/spreadsheets/${id}`;
    const shared = await t.app.inject({ method: 'GET', url: `/api/${id}/bulk-upload-json`, headers });
    expect(shared.json()).toEqual(result);
    const stored = (await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, id)))[0]!;
    const metrics = (stored.ingestResult as { metrics: object[] }).metrics;
    // Before values were tuples, a metric listed them as objects.
    const olderMetric = { ...metrics[0], values: undefined, datapoints: [{ id: 1 }] };
    const olderShape = { ...(stored.ingestResult as object), metrics: [olderMetric] };
    await t.database.db.update(spreadsheet).set({ ingestResult: olderShape }).where(eq(spreadsheet.id, id));
    const older = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/api/${id}/bulk-upload-json`, headers }),
    );
    expect([older.statusCode, older.json().description]).toEqual([404, expect.stringContaining('older format')]);
    await t.database.db.update(spreadsheet).set({ ingestResult: stored.ingestResult }).where(eq(spreadsheet.id, id));
    // The result is written as JSON text by hand (presenters/uploads.ts): it must still fit the contract.
    expect(uploadResultSchema.strict().safeParse(result).error).toBeUndefined();
    expect(result.metrics.some((metric) => metric.datapoints.length > 0)).toBe(true);

    const notAllowed = await expectNoWrites(t.database.db, () => t.app.inject({ method: 'DELETE', url, headers }));
    expect(notAllowed.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url, headers, payload: { status: 'INGESTED' } })).statusCode).toBe(
      403,
    );
    expect((await writtenRows(t.database.db, [agency.id])).spreadsheets).toBe(1);

    const admin = await givenUser(t.database.db, { agency, role: 'JUSTICE_COUNTS_ADMIN' });
    const adminHeaders = await signIn(t.app, t.database.db, admin);
    t.clock.set(T);
    const patched = await t.app.inject({
      method: 'PATCH',
      url,
      headers: adminHeaders,
      payload: { status: 'INGESTED' },
    });
    t.clock.set(new Date());
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id, status: 'INGESTED', ingested_at: T.getTime() });
    const [row] = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, id));
    expect(row).toMatchObject({ ingestedBy: String(admin.id), ingestedAt: T });

    const datapointsBefore = (await t.database.db.select().from(datapoint).where(eq(datapoint.sourceId, agency.id)))
      .length;
    expect((await t.app.inject({ method: 'DELETE', url, headers: adminHeaders })).json()).toEqual({
      status: 'ok',
      status_code: 200,
    });
    expect(await t.database.db.select().from(spreadsheetFile).where(eq(spreadsheetFile.spreadsheetId, id))).toEqual([]);
    expect(await writtenRows(t.database.db, [agency.id])).toMatchObject({
      spreadsheets: 0,
      datapoints: datapointsBefore,
    });
    expect((await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url, headers }))).statusCode).toBe(
      404,
    );
  });
});
