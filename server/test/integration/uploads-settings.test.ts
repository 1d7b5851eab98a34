/**
 * Bulk upload acceptance cases that depend on metric settings, supervision sub-systems and
 * superagencies: TC10–TC13, TC18, TC22, TC25, TC27 and TC29 of 04-bulk-upload §7.
 */
import { getMetric } from '@jc/catalogue';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { spreadsheet } from '../../src/db/schema.ts';
import { emptyStoredBreakdown } from '../../src/domain/metric-settings/stored-setting-rules.ts';
import { metricFilesFor } from '../../src/domain/uploads/metric-files.ts';
import { loadUploadContext } from '../../src/domain/uploads/load-upload-context.ts';
import { monthExpected } from '../../src/domain/uploads/validate-upload.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import {
  generatedWorkbook,
  givenChild,
  givenUploader,
  messageMap,
  reportsOf,
  uploadOk,
  valuesOf,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

const frequency = (custom_frequency: 'MONTHLY' | 'ANNUAL', starting_month: number | null = null) => ({
  custom_reporting_frequency: { custom_frequency, starting_month },
});
const PRISON_SHEETS = [
  'funding',
  'expenses',
  'staff',
  'admissions',
  'population',
  'releases',
  'readmissions',
  'use_of_force',
  'grievances_upheld',
];

async function givenSuperagency() {
  const uploader = await givenUploader(t, {
    name: 'Super Agency Prison',
    systems: ['PRISONS', 'SUPERAGENCY'],
    isSuperagency: true,
  });
  const childA = await givenChild(t.database.db, uploader.agency, 'Child Agency Prison A');
  return { ...uploader, childA };
}

describe('metric settings (TC10, TC12, TC13)', () => {
  it('TC10: a disabled metric may be left out without any message', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const calls = emptyStoredBreakdown();
    calls.dimension_to_enabled_status = { EMERGENCY: false, NON_EMERGENCY: false, UNKNOWN: false };
    await givenMetricSetting(t.database.db, agency, 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', {
      is_metric_enabled: false,
      aggregated_dimensions: { 'metric/law_enforcement/calls_for_service/type': calls },
    });
    const content = await generatedWorkbook('LAW_ENFORCEMENT', {
      skip: ['calls_for_service', 'calls_for_service_by_type'],
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'l.xlsx',
      content,
    });
    expect(messageMap(result).size).toBe(0);
    expect(result.metrics.find((m) => m.key === 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE')?.enabled).toBe(false);
  });

  it('TC12: an unexpected month is a warning; other unexpected columns skip their sheet', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const content = await generatedWorkbook('PRISONS', {
      unexpectedMonth: 'staff',
      unexpectedSystem: 'admissions',
      unexpectedDisagg: 'population_by_type',
    });
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'p.xlsx', content });

    const map = messageMap(result);
    expect([...map.keys()].sort()).toEqual(['PRISONS_ADMISSIONS', 'PRISONS_POPULATION', 'PRISONS_TOTAL_STAFF']);
    expect(map.get('PRISONS_TOTAL_STAFF')).toMatchObject([{ type: 'WARNING', title: "Unexpected 'month' Column" }]);
    expect(map.get('PRISONS_ADMISSIONS')).toMatchObject([{ type: 'ERROR', title: "Unexpected 'system' Column" }]);
    expect(map.get('PRISONS_POPULATION')).toMatchObject([{ type: 'ERROR', title: "Unexpected 'bloop_type' Column" }]);
    const january = await valuesOf(t.database.db, agency.id, '01 2021 Metrics');
    expect(january.PRISONS_TOTAL_STAFF).toBe(10);
    expect(january.PRISONS_ADMISSIONS).toBe(10);
    expect(january['PRISONS_POPULATION/Person Offenses']).toBeUndefined();
  });

  it('TC13: each breakdown sheet that does not add up gives its own warning per period', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const breakdowns = metricFilesFor('PRISONS')
      .filter((f) => f.dimension !== null)
      .map((f) => f.sheetName);
    expect(breakdowns).toHaveLength(10);
    const content = await generatedWorkbook('PRISONS', { vary: breakdowns });
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'p.xlsx', content });

    const counts = Object.fromEntries(
      [...messageMap(result)].map(([key, messages]) => {
        expect(messages.every((m) => m.title === 'Breakdown Total Warning')).toBe(true);
        return [String(key).replace('PRISONS_', ''), messages.length];
      }),
    );
    expect(counts).toEqual({
      ADMISSIONS: 4,
      EXPENSES: 2,
      FUNDING: 2,
      GRIEVANCES_UPHELD: 2,
      POPULATION: 12,
      READMISSIONS: 2,
      RELEASES: 4,
      TOTAL_STAFF: 2,
    });
  });
});

describe('supervision sub-systems (TC11, TC25)', () => {
  it('TC11 and TC25: a split metric goes to its sub-systems; the result lists metrics by the settings', async () => {
    const { agency, headers } = await givenUploader(t, {
      name: 'Agency Parole and Probation',
      systems: ['SUPERVISION', 'PAROLE', 'PROBATION'],
    });
    await givenMetricSetting(t.database.db, agency, 'SUPERVISION_FUNDING', {
      disaggregated_by_supervision_subsystems: true,
    });
    await givenMetricSetting(t.database.db, agency, 'SUPERVISION_EXPENSES', { is_metric_enabled: true });
    await givenMetricSetting(t.database.db, agency, 'SUPERVISION_SUPERVISION_TERMINATIONS', {
      is_metric_enabled: false,
    });
    const content = await generatedWorkbook('SUPERVISION', {
      subsystems: { SUPERVISION_FUNDING: ['PAROLE', 'PROBATION'] },
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'SUPERVISION',
      fileName: 's.xlsx',
      content,
    });

    const byKey = new Map(result.metrics.map((m) => [m.key, m]));
    expect(byKey.has('SUPERVISION_FUNDING')).toBe(false);
    expect(byKey.get('PAROLE_FUNDING')!.datapoints.length).toBeGreaterThan(0);
    expect(byKey.get('PROBATION_FUNDING')!.datapoints.length).toBeGreaterThan(0);
    const datapoints = result.metrics.flatMap((m) => m.datapoints);
    expect(datapoints.every((d) => d.agency_name === 'Agency Parole and Probation')).toBe(true);
    expect(datapoints.some((d) => d.metric_definition_key === 'SUPERVISION_FUNDING')).toBe(false);
    expect([...byKey.keys()].filter((key) => !key.startsWith('SUPERVISION_'))).toEqual([
      'PAROLE_FUNDING',
      'PROBATION_FUNDING',
    ]);

    expect(byKey.get('SUPERVISION_EXPENSES')!.enabled).toBe(true);
    expect(byKey.get('SUPERVISION_SUPERVISION_TERMINATIONS')!.enabled).toBe(false);
    const others = [...byKey.values()].filter(
      (m) =>
        m.key.startsWith('SUPERVISION_') &&
        !['SUPERVISION_EXPENSES', 'SUPERVISION_SUPERVISION_TERMINATIONS'].includes(m.key),
    );
    expect(others).toHaveLength(8);
    expect(others.every((m) => m.enabled === null)).toBe(true);
    // Every sheet of a metric that is not split carries a `system` column it should not have.
    const unexpected = others.flatMap((m) => m.metric_errors.flatMap((g) => g.messages));
    expect(unexpected.every((m) => m.type === 'ERROR' && m.title === "Unexpected 'system' Column")).toBe(true);
    expect(unexpected.length).toBeGreaterThan(8);
  });
});

describe('superagencies (TC18, TC22, TC27, TC29)', () => {
  it('TC18: rows go to the child agencies named in the agency column', async () => {
    const { agency, headers, childA } = await givenSuperagency();
    const childB = await givenChild(t.database.db, agency, 'Child Agency Prison B');
    const content = await generatedWorkbook('PRISONS', { children: [childA.name, childB.name] });
    await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'children.xlsx', content });
    expect(await reportsOf(t.database.db, agency.id)).toHaveLength(0);
    expect(await reportsOf(t.database.db, childA.id)).toHaveLength(9);
    expect(await reportsOf(t.database.db, childB.id)).toHaveLength(9);
  });

  it('TC22: a month column is expected when any agency the rows go to reports the metric monthly', async () => {
    const { agency } = await givenSuperagency();
    const context = async (system: 'SUPERAGENCY' | 'PRISONS') =>
      loadUploadContext(t.database.db, { agency, system, fileKind: 'xlsx', now: new Date() });
    const metric = (key: string) => getMetric(key)!;
    expect(monthExpected(await context('SUPERAGENCY'), [metric('SUPERAGENCY_FUNDING')])).toBe(false);
    const prisons = await context('PRISONS');
    expect(monthExpected(prisons, [metric('PRISONS_FUNDING')])).toBe(false);
    expect(monthExpected(prisons, [metric('PRISONS_ADMISSIONS')])).toBe(true);
    const all = ['FUNDING', 'EXPENSES', 'TOTAL_STAFF', 'ADMISSIONS', 'POPULATION', 'RELEASES', 'READMISSIONS'];
    expect(
      monthExpected(
        prisons,
        all.map((type) => metric(`PRISONS_${type}`)),
      ),
    ).toBe(true);
  });

  it('TC27: a child named by its custom name gets the data under its real name', async () => {
    const { agency, headers, user } = await givenUploader(t, {
      systems: ['PRISONS', 'SUPERAGENCY'],
      isSuperagency: true,
    });
    const child = await givenChild(t.database.db, agency, 'Child Agency Prison A', 'foobar');
    const content = await generatedWorkbook('PRISONS', { children: ['foobar'] });
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'c.xlsx', content });

    const datapoints = result.metrics.flatMap((m) => m.datapoints);
    expect(datapoints.length).toBeGreaterThan(0);
    expect(new Set(datapoints.map((d) => d.agency_name))).toEqual(new Set(['Child Agency Prison A']));
    expect(await reportsOf(t.database.db, child.id)).toHaveLength(9);
    const [record] = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, result.spreadsheet_id));
    expect(record).toMatchObject({ status: 'INGESTED', uploadedByUserId: user.id, ingestedBy: String(user.id) });
  });

  it("TC29: each child's own frequencies decide the month column", async () => {
    const { agency, headers, childA } = await givenSuperagency();
    await givenMetricSetting(t.database.db, agency, 'PRISONS_FUNDING', frequency('ANNUAL'));
    await givenMetricSetting(t.database.db, agency, 'PRISONS_TOTAL_STAFF', frequency('MONTHLY'));
    await givenMetricSetting(t.database.db, agency, 'PRISONS_GRIEVANCES_UPHELD', frequency('ANNUAL'));
    await givenMetricSetting(t.database.db, childA, 'PRISONS_FUNDING', frequency('MONTHLY'));
    await givenMetricSetting(t.database.db, childA, 'PRISONS_TOTAL_STAFF', frequency('ANNUAL'));
    await givenMetricSetting(t.database.db, childA, 'PRISONS_GRIEVANCES_UPHELD', frequency('MONTHLY'));
    const kept = [
      'funding',
      'funding_by_type',
      'staff',
      'staff_by_type',
      'grievances_upheld',
      'grievances_upheld_by_type',
    ];
    const content = await generatedWorkbook('PRISONS', {
      children: [childA.name],
      skip: metricFilesFor('PRISONS')
        .map((f) => f.sheetName)
        .filter((name) => !kept.includes(name)),
      freq: {
        funding: 'M',
        funding_by_type: 'M',
        staff: 'A',
        staff_by_type: 'A',
        grievances_upheld: 'M',
        grievances_upheld_by_type: 'M',
      },
    });
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'f.xlsx', content });

    expect(result.metrics.map((m) => getMetric(m.key)!.sheetNames.total)).toEqual(PRISON_SHEETS);
    for (const index of [0, 2, 8]) expect(result.metrics[index]!.metric_errors).toEqual([]);
    const funding = result.metrics[0]!.datapoints.filter((d) => d.dimension_display_name === null);
    expect(new Set(funding.map((d) => d.frequency))).toEqual(new Set(['MONTHLY']));
  });
});
