/** Reading records and values: the record page, the datapoints listings and the value history. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datapoint, report } from '../../src/db/schema.ts';
import { givenAgency, givenSuperagencyWithChild, type SignedIn } from '../support/given.ts';
import {
  ARRESTS,
  arrests,
  getJson,
  givenMetricSetting,
  givenReport,
  givenSignedIn,
  OFFENSE,
  patchReport,
} from '../support/given-reports.ts';
import { givenUploader, uploadArrests } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, given } = await testFile();

describe('GET /api/reports/:reportId', () => {
  it("shows the record's metrics in catalogue order with their values, for any member", async () => {
    const { agency, headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      metrics: [arrests(12, [{ key: 'Other Offenses - Littering', value: 2 }])],
    });
    const viewer = await givenSignedIn(t, { agency, role: 'READ_ONLY' });
    const res = await getJson(t, viewer.headers, `/api/reports/${record.id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ id: record.id, status: 'DRAFT', frequency: 'MONTHLY' });
    expect(page.metrics.map((m: { key: string }) => m.key)).toEqual([
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE',
      ARRESTS,
      'LAW_ENFORCEMENT_REPORTED_CRIME',
    ]);
    const metric = page.metrics[1];
    expect(metric).toMatchObject({
      value: 12,
      enabled: null,
      unit: 'Arrest Events',
      system: { key: 'LAW_ENFORCEMENT' },
    });
    const other = metric.disaggregations[0].dimensions.find((d: { key: string }) => d.key === 'Other Offenses');
    expect(other).toMatchObject({
      value: null,
      sub_dimensions: [{ display_name: 'Littering', value: 2, enabled: true }],
    });
  });

  it('follows the agency’s frequencies, but keeps a metric that already has values on the record', async () => {
    const { agency, headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(4)] });
    const annualInFebruary = { custom_reporting_frequency: { custom_frequency: 'ANNUAL' as const, starting_month: 2 } };
    await givenMetricSetting(db(), agency, ARRESTS, annualInFebruary);
    await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', annualInFebruary);
    const keysOf = async (id: number) =>
      (await getJson(t, headers, `/api/reports/${id}`)).json().metrics.map((m: { key: string }) => m.key);
    expect(await keysOf(record.id)).toEqual([ARRESTS, 'LAW_ENFORCEMENT_REPORTED_CRIME']);
    const february = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2024, month: 2 });
    expect(await keysOf(february.id)).toEqual(['LAW_ENFORCEMENT_CALLS_FOR_SERVICE', ARRESTS]);

    // A save follows the same rule: the metric with values stays, the other is no longer on the record.
    expect((await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(5)] })).statusCode).toBe(200);
    const calls = { status: 'DRAFT', metrics: [{ key: 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', value: 9 }] };
    const refused = await expectNoWrites(db(), () => patchReport(t, headers, record.id, calls));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().description).toMatch(/"LAW_ENFORCEMENT_CALLS_FOR_SERVICE" is not a metric of this record/);
  });

  it("shows only a superagency's own metrics on its own records", async () => {
    const superagency = await givenAgency(db(), { isSuperagency: true, systems: ['SUPERAGENCY', 'LAW_ENFORCEMENT'] });
    const { headers } = await givenSignedIn(t, { agency: superagency });
    const annual = await givenReport(db(), superagency, { frequency: 'ANNUAL', year: 2023, month: 1 });
    const res = await getJson(t, headers, `/api/reports/${annual.id}`);
    expect(res.json().metrics.map((m: { key: string }) => m.key)).toEqual([
      'SUPERAGENCY_FUNDING',
      'SUPERAGENCY_EXPENSES',
      'SUPERAGENCY_TOTAL_STAFF',
    ]);
  });
});

describe('GET /api/agencies/:agencyId/datapoints and /api/reports?report_ids', () => {
  it('lists values with their period, names and publication, and the breakdown names', async () => {
    const { agency, headers, record } = await given.agencyWithRecords({ role: 'AGENCY_ADMIN' });
    const saved = await patchReport(t, headers, record.id, {
      status: 'PUBLISHED',
      metrics: [
        {
          ...arrests(5000, [{ key: 'Drug Offenses', value: 12 }]),
          contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: 'x' }],
        },
      ],
      // 12 drug offenses of 5,000 arrests do not add up: publishing needs an explanation.
      explanations: [{ flag: `breakdown_sum:${ARRESTS}:${OFFENSE}`, text: 'Other offenses are entered later.' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await getJson(t, headers, `/api/agencies/${agency.id}/datapoints`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.datapoints).toEqual([
      expect.objectContaining({
        report_id: record.id,
        start_date: 'Fri, 01 Mar 2024 00:00:00 GMT',
        end_date: 'Mon, 01 Apr 2024 00:00:00 GMT',
        frequency: 'MONTHLY',
        metric_definition_key: ARRESTS,
        metric_display_name: 'Arrests',
        disaggregation_display_name: null,
        value: 5000,
        is_published: true,
      }),
      expect.objectContaining({
        disaggregation_display_name: 'Offense Types',
        dimension_display_name: 'Drug Offenses',
        value: 12,
      }),
    ]);
    expect(body.dimension_names_by_metric_and_disaggregation[ARRESTS]['Offense Types']).toContain('Drug Offenses');
    const review = await getJson(t, headers, `/api/reports?agency_id=${agency.id}&report_ids=${record.id}`);
    expect(review.json()).toEqual([expect.objectContaining({ id: record.id, datapoints: body.datapoints })]);
  });

  it("refuses another agency's record in the review list with 404", async () => {
    const { agency, headers } = await given.agencyWithRecords();
    const elsewhere = await given.agencyWithRecords();
    const res = await expectNoWrites(db(), () =>
      getJson(t, headers, `/api/reports?agency_id=${agency.id}&report_ids=${elsewhere.record.id}`),
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/reports/:reportId/history', () => {
  const historyOf = async (headers: SignedIn, reportId: number) =>
    (await getJson(t, headers, `/api/reports/${reportId}/history?metric_key=${ARRESTS}`)).json().history;

  it('says who changed which value, newest first, after each value’s first entry', async () => {
    const { user, headers, record } = await given.agencyWithRecords();
    const firstSave = t.clock.now();
    await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      metrics: [arrests(1, [{ key: 'Drug Offenses', value: 1 }])],
    });
    t.clock.advance(1000);
    await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      metrics: [arrests(2, [{ key: 'Drug Offenses', value: 3 }])],
    });
    const editor = { name: user.name, role: 'CONTRIBUTOR' };
    expect(await historyOf(headers, record.id)).toEqual([
      expect.objectContaining({ dimension_display_name: null, old_value: 1, new_value: 2, user: editor }),
      expect.objectContaining({ dimension_display_name: 'Drug Offenses', old_value: 1, new_value: 3 }),
      expect.objectContaining({
        dimension_display_name: null,
        old_value: null,
        new_value: 1,
        new_upload_method: 'MANUAL_ENTRY',
        user: editor,
        timestamp: firstSave.toISOString(),
        first_entry: true,
      }),
      expect.objectContaining({ dimension_display_name: 'Drug Offenses', new_value: 1, first_entry: true }),
    ]);
  });

  it('shows a value first entered by an upload as uploaded by its uploader, before the change typed in', async () => {
    const { agency, user, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    await uploadArrests(t, headers, agency.id, [[2024, 3, 120]]);
    const [record] = await db().select().from(report).where(eq(report.sourceId, agency.id));
    t.clock.advance(1000);
    await patchReport(t, headers, record!.id, { status: 'DRAFT', metrics: [arrests(125)] });
    const uploader = { name: user.name, role: 'AGENCY_ADMIN' };
    expect(await historyOf(headers, record!.id)).toEqual([
      expect.objectContaining({
        old_value: 120,
        new_value: 125,
        new_upload_method: 'MANUAL_ENTRY',
        first_entry: false,
      }),
      expect.objectContaining({
        old_value: null,
        new_value: 120,
        new_upload_method: 'BULK_UPLOAD',
        user: uploader,
        first_entry: true,
      }),
    ]);
  });

  it('shows a value entered before first entries were recorded with no one and no method', async () => {
    const { headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(7)] });
    // As migration 0006 leaves every datapoint written before it.
    await db()
      .update(datapoint)
      .set({ createdBy: null, createdUploadMethod: null })
      .where(eq(datapoint.reportId, record.id));
    expect(await historyOf(headers, record.id)).toEqual([
      expect.objectContaining({
        old_value: null,
        new_value: 7,
        new_upload_method: null,
        user: null,
        first_entry: true,
      }),
    ]);
  });
});

describe("a superagency's members", () => {
  it("read and save a child agency's records with their superagency role", async () => {
    const { superagency, child } = await givenSuperagencyWithChild(db());
    const record = await givenReport(db(), child);
    const { user, headers } = await givenSignedIn(t, { agency: superagency, role: 'CONTRIBUTOR' });
    expect((await getJson(t, headers, `/api/reports/${record.id}`)).statusCode).toBe(200);
    const res = await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(3)] });
    expect(res.statusCode).toBe(200);
    expect(res.json().editors).toEqual([{ name: user.name, role: 'CONTRIBUTOR' }]);
    const reader = await givenSignedIn(t, { agency: superagency, role: 'READ_ONLY' });
    expect(
      (
        await expectNoWrites(db(), () =>
          patchReport(t, reader.headers, record.id, { status: 'DRAFT', metrics: [arrests(4)] }),
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('supervision records', () => {
  const keysAndEnabled = async (systems: string[]) => {
    const { agency, headers } = await givenSignedIn(t, { systems });
    const record = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2023, month: 1 });
    const page = (await getJson(t, headers, `/api/reports/${record.id}`)).json();
    return page.metrics.map((m: { key: string; enabled: boolean | null }) => [m.key, m.enabled]) as [
      string,
      boolean | null,
    ][];
  };

  it('show only the metrics of the agency’s own systems', async () => {
    const parole = await keysAndEnabled(['PAROLE']);
    expect(parole.length).toBeGreaterThan(0);
    expect(parole.every(([key]) => key.startsWith('PAROLE_'))).toBe(true);
    const supervision = await keysAndEnabled(['SUPERVISION']);
    expect(supervision.every(([key]) => key.startsWith('SUPERVISION_'))).toBe(true);
  });

  it('show sub-population copies switched off while the agency reports supervision combined', async () => {
    const metrics = await keysAndEnabled(['SUPERVISION', 'PAROLE', 'PROBATION']);
    const copies = metrics.filter(([key]) => key.startsWith('PAROLE_') || key.startsWith('PROBATION_'));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every(([, enabled]) => enabled === false)).toBe(true);
    expect(metrics.filter(([key]) => key.startsWith('SUPERVISION_')).every(([, enabled]) => enabled === null)).toBe(
      true,
    );
  });
});
