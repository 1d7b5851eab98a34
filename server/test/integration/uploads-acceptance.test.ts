/**
 * Bulk upload acceptance cases TC01–TC09 and TC14–TC17 of 04-bulk-upload §7: full workbooks of
 * each sector, totals against breakdowns, and what re-uploads do to records.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datapoint, datapointHistory } from '../../src/db/schema.ts';
import {
  generatedSheets,
  generatedWorkbook,
  givenUpload,
  givenUploader,
  messageMap,
  metricsOf,
  publishAll,
  reportsOf,
  statuses,
  uploadOk,
  valuesOf,
  xlsx,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

const MONTHLY_ROWS = [
  ['year', 'month', 'value'],
  [2021, 'January', 10],
  [2021, 'February', 10],
  [2022, 'January', 20],
  [2022, 'February', 20],
  [2023, 'January', 30],
  [2023, 'February', 30],
];

describe('full workbooks (TC01, TC03–TC05)', () => {
  it('TC01: a prisons workbook creates nine draft records with every value, and no messages', async () => {
    const content = await generatedWorkbook('PRISONS');
    const { agency, result } = await givenUpload(t, 'PRISONS', { fileName: 'prisons.xlsx', content });

    expect(messageMap(result).size).toBe(0);
    const reports = await reportsOf(t.database.db, agency.id);
    expect(reports).toHaveLength(9);
    expect(reports.every((r) => r.status === 'DRAFT')).toBe(true);
    expect(result.new_reports).toHaveLength(9);
    expect(await metricsOf(t.database.db, agency.id, '01 2022 Metrics')).toEqual([
      'PRISONS_ADMISSIONS',
      'PRISONS_POPULATION',
      'PRISONS_RELEASES',
    ]);
    const january2022 = await valuesOf(t.database.db, agency.id, '01 2022 Metrics');
    expect(january2022).toMatchObject({
      PRISONS_ADMISSIONS: 20,
      'PRISONS_ADMISSIONS/Drug Offenses': 0,
      PRISONS_POPULATION: 20,
    });
  });

  it('TC03: a prosecution workbook fills annual and monthly metrics with their breakdowns', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PROSECUTION'] });
    const content = await generatedWorkbook('PROSECUTION');
    await uploadOk(t, headers, { agencyId: agency.id, system: 'PROSECUTION', fileName: 'pros.xlsx', content });

    expect(await metricsOf(t.database.db, agency.id, '2021 Annual Metrics')).toEqual([
      'PROSECUTION_EXPENSES',
      'PROSECUTION_FUNDING',
      'PROSECUTION_TOTAL_STAFF',
      'PROSECUTION_VIOLATIONS_WITH_DISCIPLINARY_ACTION',
    ]);
    expect(await valuesOf(t.database.db, agency.id, '2021 Annual Metrics')).toMatchObject({
      PROSECUTION_EXPENSES: 10,
      PROSECUTION_FUNDING: 10,
      'PROSECUTION_FUNDING/State Appropriations': 10,
      PROSECUTION_TOTAL_STAFF: 10,
      PROSECUTION_VIOLATIONS_WITH_DISCIPLINARY_ACTION: 10,
    });
    expect(await metricsOf(t.database.db, agency.id, '01 2021 Metrics')).toHaveLength(7);
    expect(await valuesOf(t.database.db, agency.id, '01 2021 Metrics')).toMatchObject({
      PROSECUTION_CASELOADS_PEOPLE: 10,
      'PROSECUTION_CASELOADS_PEOPLE/Felony Caseload': 10,
      PROSECUTION_CASES_DECLINED: 10,
      'PROSECUTION_CASES_DECLINED/Felony Cases Declined': 10,
      'PROSECUTION_CASES_DECLINED/Male Biological Sex': 10,
      'PROSECUTION_CASES_DECLINED/American Indian or Alaska Native / Hispanic or Latino': 10,
    });
  });

  it('TC04: a law enforcement workbook fills every breakdown member it lists', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    await uploadOk(t, headers, { agencyId: agency.id, system: 'LAW_ENFORCEMENT', fileName: 'le.xlsx', content });

    const annual = await valuesOf(t.database.db, agency.id, '2021 Annual Metrics');
    expect(await metricsOf(t.database.db, agency.id, '2021 Annual Metrics')).toEqual([
      'LAW_ENFORCEMENT_COMPLAINTS_SUSTAINED',
      'LAW_ENFORCEMENT_EXPENSES',
      'LAW_ENFORCEMENT_FUNDING',
      'LAW_ENFORCEMENT_TOTAL_STAFF',
      'LAW_ENFORCEMENT_USE_OF_FORCE_INCIDENTS',
    ]);
    const force = Object.entries(annual).filter(([key]) => key.startsWith('LAW_ENFORCEMENT_USE_OF_FORCE_INCIDENTS/'));
    expect(Object.fromEntries(force.map(([key, value]) => [key.split('/')[1], value]))).toEqual({
      'Physical Force': 10,
      Restraint: 0,
      Firearm: 0,
      'Other Weapon': 0,
      'Other Force': 0,
      'Unknown Force': 0,
    });
    expect(await valuesOf(t.database.db, agency.id, '01 2021 Metrics')).toMatchObject({
      LAW_ENFORCEMENT_ARRESTS: 10,
      LAW_ENFORCEMENT_CALLS_FOR_SERVICE: 10,
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE/Emergency Calls': 10,
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE/Non-emergency Calls': 0,
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE/Other Calls': 0,
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE/Unknown Calls': 0,
      LAW_ENFORCEMENT_REPORTED_CRIME: 10,
      'LAW_ENFORCEMENT_REPORTED_CRIME/Person Offenses': 10,
      'LAW_ENFORCEMENT_REPORTED_CRIME/Drug Offenses': 0,
    });
  });

  it('TC05: a supervision workbook without a system column fills the supervision metrics only', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['SUPERVISION', 'PAROLE', 'PROBATION'] });
    const content = await generatedWorkbook('SUPERVISION');
    await uploadOk(t, headers, { agencyId: agency.id, system: 'SUPERVISION', fileName: 'sup.xlsx', content });

    const annual2021 = await valuesOf(t.database.db, agency.id, '2021 Annual Metrics');
    expect(annual2021).toMatchObject({
      SUPERVISION_FUNDING: 10,
      SUPERVISION_EXPENSES: 10,
      SUPERVISION_TOTAL_STAFF: 10,
      SUPERVISION_RECONVICTIONS: 10,
      'SUPERVISION_TOTAL_STAFF/Supervision Staff': 10,
      'SUPERVISION_TOTAL_STAFF/Management and Operations Staff': 0,
    });
    expect(Object.keys(annual2021).filter((key) => /^(PAROLE|PROBATION)_/.test(key))).toEqual([]);
    expect(await valuesOf(t.database.db, agency.id, '2022 Annual Metrics')).toMatchObject({
      SUPERVISION_FUNDING: 20,
      SUPERVISION_EXPENSES: 20,
      SUPERVISION_TOTAL_STAFF: 20,
      SUPERVISION_RECONVICTIONS: 20,
    });
  });
});

describe('totals and breakdowns (TC02, TC06–TC09)', () => {
  it('TC02: one monthly total sheet creates six monthly records', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const content = await xlsx({ admissions: MONTHLY_ROWS });
    await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'admissions.xlsx', content });

    const reports = (await reportsOf(t.database.db, agency.id)).reverse();
    expect(reports.map((r) => r.instance)).toEqual([
      '02 2023 Metrics',
      '01 2023 Metrics',
      '02 2022 Metrics',
      '01 2022 Metrics',
      '02 2021 Metrics',
      '01 2021 Metrics',
    ]);
    expect(reports.every((r) => r.type === 'MONTHLY')).toBe(true);
    const values = await Promise.all(reports.map((r) => valuesOf(t.database.db, agency.id, r.instance)));
    expect(values.map((v) => v.PRISONS_ADMISSIONS)).toEqual([30, 30, 20, 20, 10, 10]);
  });

  it('TC06: an invalid month and an invalid sheet are reported; the dropped row then breaks the sum', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PROSECUTION'] });
    const content = await generatedWorkbook('PROSECUTION', {
      invalidMonth: 'cases_disposed_by_type',
      invalidSheet: true,
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'PROSECUTION',
      fileName: 'p.xlsx',
      content,
    });

    const map = messageMap(result);
    expect([...map.keys()]).toEqual([null, 'PROSECUTION_CASES_DISPOSED']);
    expect(map.get(null)).toMatchObject([{ type: 'ERROR', title: 'Invalid Sheet Name' }]);
    expect(map.get(null)![0]!.description).toContain(
      'The following sheet names do not correspond to a metric for your agency: gender.',
    );
    const disposed = map.get('PROSECUTION_CASES_DISPOSED')!;
    expect(disposed).toHaveLength(2);
    expect(disposed[0]).toMatchObject({ type: 'ERROR', title: "Invalid 'month' Column Value" });
    expect(disposed[0]!.description).toContain("Row 2: The 'month' column has an invalid value: Marchuary.");
    expect(disposed[1]).toMatchObject({
      type: 'WARNING',
      title: 'Breakdown Total Warning',
      description:
        'The sum of all values (0.0) in the cases_disposed_by_type sheet for 01/01/2021-02/01/2021 does not equal the total value provided in the aggregate sheet (10.0).',
    });
    const sheetGroup = result.metrics.find((m) => m.key === 'PROSECUTION_CASES_DISPOSED')!.metric_errors[0]!;
    expect(sheetGroup).toMatchObject({ sheet_name: 'cases_disposed_by_type', display_name: 'Cases Disposed By Type' });
  });

  it('TC07: an explicit total wins over its breakdowns; a missing total is inferred from them', async () => {
    const content = await generatedWorkbook('LAW_ENFORCEMENT', { skip: ['reported_crime'], vary: ['arrests'] });
    const { agency, result } = await givenUpload(t, 'LAW_ENFORCEMENT', { fileName: 'l.xlsx', content });

    expect(await metricsOf(t.database.db, agency.id, '02 2023 Metrics')).toEqual([
      'LAW_ENFORCEMENT_ARRESTS',
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE',
      'LAW_ENFORCEMENT_REPORTED_CRIME',
    ]);
    const february2023 = await valuesOf(t.database.db, agency.id, '02 2023 Metrics');
    expect(february2023.LAW_ENFORCEMENT_ARRESTS).toBe(30);
    expect(february2023.LAW_ENFORCEMENT_REPORTED_CRIME).toBe(30);
    expect(await valuesOf(t.database.db, agency.id, '01 2021 Metrics')).toMatchObject({ LAW_ENFORCEMENT_ARRESTS: 12 });
    const warnings = messageMap(result).get('LAW_ENFORCEMENT_ARRESTS') ?? [];
    expect(warnings).toHaveLength(12);
    expect(warnings.every((w) => w.title === 'Breakdown Total Warning')).toBe(true);
  });

  it('TC08: a workbook with only a total sheet gives no "missing breakdown" message', async () => {
    const content = await xlsx({ arrests: MONTHLY_ROWS });
    const { result } = await givenUpload(t, 'LAW_ENFORCEMENT', { fileName: 'a.xlsx', content });
    expect(messageMap(result).size).toBe(0);
  });

  it('TC09: a workbook with only a breakdown sheet gives no "missing total" message and infers the totals', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const sheets = generatedSheets('LAW_ENFORCEMENT');
    const content = await xlsx({ arrests_by_type: sheets.arrests_by_type! });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'b.xlsx',
      content,
    });

    expect(messageMap(result).size).toBe(0);
    for (const [instance, total] of [
      ['01 2021 Metrics', 10],
      ['02 2022 Metrics', 20],
      ['01 2023 Metrics', 30],
    ] as const) {
      expect((await valuesOf(t.database.db, agency.id, instance)).LAW_ENFORCEMENT_ARRESTS).toBe(total);
    }
  });
});

describe('re-uploads and record status (TC14–TC17)', () => {
  const options = { skip: ['funding', 'funding_by_type'], nulls: ['use_of_force'] };

  it('TC14–TC16: identical data keeps records published; changed and new values demote only their records', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const send = async (content: Buffer) =>
      uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'p.xlsx', content });

    const first = await send(await generatedWorkbook('PRISONS', options));
    // A sheet without a single figure is skipped as blank rows, not refused (issue 11, item 5).
    expect(messageMap(first).has('PRISONS_USE_OF_FORCE_INCIDENTS')).toBe(false);
    expect(first.summary.rows_blank).toBe(3);
    expect(await reportsOf(t.database.db, agency.id)).toHaveLength(9);
    await publishAll(t.database.db, agency.id);
    await send(await generatedWorkbook('PRISONS', options));
    expect(Object.values(await statuses(t.database.db, agency.id))).toEqual(Array(9).fill('PUBLISHED'));

    const varied = await send(await generatedWorkbook('PRISONS', { ...options, vary: ['admissions'] }));
    const drafts = Object.entries(await statuses(t.database.db, agency.id)).filter(([, status]) => status === 'DRAFT');
    expect(drafts.map(([instance]) => instance).sort()).toEqual([
      '01 2021 Metrics',
      '01 2022 Metrics',
      '02 2021 Metrics',
      '02 2022 Metrics',
    ]);
    const history = await t.database.db
      .select({
        old: datapointHistory.oldValue,
        new: datapointHistory.newValue,
        method: datapointHistory.newUploadMethod,
      })
      .from(datapointHistory)
      .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
      .where(
        and(
          eq(datapoint.sourceId, agency.id),
          eq(datapoint.metricDefinitionKey, 'PRISONS_ADMISSIONS'),
          isNull(datapoint.dimensionIdentifierToMember),
        ),
      );
    expect(history).toHaveLength(4);
    expect(history).toContainEqual({ old: '10', new: '12', method: 'BULK_UPLOAD' });
    const admissions = varied.metrics.find((m) => m.key === 'PRISONS_ADMISSIONS')!.datapoints;
    expect(admissions.find((d) => d.dimension_display_name === null && d.old_value !== null)).toMatchObject({
      old_value: 10,
      value: 12,
    });

    await publishAll(t.database.db, agency.id);
    await send(await generatedWorkbook('PRISONS', { nulls: ['use_of_force'], vary: ['admissions'] }));
    const annualDrafts = (await reportsOf(t.database.db, agency.id)).filter((r) => r.status === 'DRAFT');
    expect(annualDrafts.map((r) => r.instance).sort()).toEqual([
      '2021 Annual Metrics',
      '2022 Annual Metrics',
      '2023 Annual Metrics',
    ]);

    await publishAll(t.database.db, agency.id);
    await send(await generatedWorkbook('PRISONS', { vary: ['admissions'] }));
    const againDrafts = (await reportsOf(t.database.db, agency.id)).filter((r) => r.status === 'DRAFT');
    expect(againDrafts.map((r) => r.instance).sort()).toEqual([
      '2021 Annual Metrics',
      '2022 Annual Metrics',
      '2023 Annual Metrics',
    ]);
  });

  it('TC17: the result lists new, updated and unchanged records', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const send = async (content: Buffer) =>
      uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'p.xlsx', content });
    const base = { skip: ['funding'], nulls: ['use_of_force'] };

    const first = await send(await generatedWorkbook('PRISONS', base));
    expect([first.new_reports.length, first.updated_reports.length, first.unchanged_reports.length]).toEqual([9, 0, 0]);
    const again = await send(await generatedWorkbook('PRISONS', base));
    expect([again.new_reports.length, again.updated_reports.length, again.unchanged_reports.length]).toEqual([0, 0, 9]);
    const third = await send(await generatedWorkbook('PRISONS', { vary: ['funding'], nulls: ['use_of_force'] }));
    expect([third.new_reports.length, third.updated_reports.length, third.unchanged_reports.length]).toEqual([0, 2, 7]);
    expect(third.updated_reports.map((r) => r.year).sort()).toEqual([2021, 2022]);
    expect(third.updated_reports.every((r) => r.frequency === 'ANNUAL' && r.status === 'DRAFT')).toBe(true);
  });
});
