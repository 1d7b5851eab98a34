/**
 * The extra cases of 04-bulk-upload §7.2 (X1–X3, X5, X6, X8–X11) and the messages the reference
 * never gave: a missing sheet for an enabled metric, data for a disabled metric.
 */
import { and, eq, isNull, not, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datapoint, datapointHistory, report } from '../../src/db/schema.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { uploadSpreadsheet } from '../../src/domain/uploads/upload-spreadsheet.ts';
import { DEFAULT_PUBLISH_CHECKS } from '../../src/domain/reports/publish-check-rules.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import {
  givenChild,
  givenUpload,
  givenUploader,
  messageMap,
  publishAll,
  reportsOf,
  uploadOk,
  valuesOf,
  xlsx,
  type Cell,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

async function lawEnforcement(sheets: Record<string, Cell[][]>) {
  const { agency, headers, result } = await givenUpload(t, 'LAW_ENFORCEMENT', {
    fileName: 'le.xlsx',
    content: await xlsx(sheets),
  });
  return { agency, headers, result, messages: messageMap(result) };
}

const descriptions = (messages: { description: string }[] | undefined) => (messages ?? []).map((m) => m.description);

describe('rows (X1, X5, X6, X8)', () => {
  it('X1: two rows for one period are "Too Many Rows" and neither is saved', async () => {
    const { agency, messages } = await lawEnforcement({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 1, 5],
        [2023, 1, 7],
        [2023, 2, 9],
      ],
    });
    expect(messages.get('LAW_ENFORCEMENT_ARRESTS')).toMatchObject([{ type: 'ERROR', title: 'Too Many Rows' }]);
    expect(descriptions(messages.get('LAW_ENFORCEMENT_ARRESTS'))[0]).toContain(
      'for the time period 1/2023. Rows 2, 3 all give data',
    );
    expect(await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).toEqual({});
    expect(await valuesOf(t.database.db, agency.id, '02 2023 Metrics')).toEqual({ LAW_ENFORCEMENT_ARRESTS: 9 });
  });

  it('X5: negative and non-numeric values are one error each; a blank one is skipped; other rows are saved', async () => {
    const { agency, messages } = await lawEnforcement({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 1, -1],
        [2023, 2, null],
        [2023, 3, 'abc'],
        [2023, 4, 4],
      ],
    });
    const arrests = messages.get('LAW_ENFORCEMENT_ARRESTS')!;
    expect(arrests.map((m) => m.title)).toEqual(["Invalid 'value' Column Value", "Invalid 'value' Column Value"]);
    expect(arrests[0]!.description).toMatch(
      /^Row 2: The 'value' column has an invalid value: -1\. Values cannot be negative/,
    );
    expect(arrests[1]!.description).toContain("Row 4: The 'value' column has an invalid value: abc.");
    expect((await reportsOf(t.database.db, agency.id)).map((r) => r.instance)).toEqual(['04 2023 Metrics']);
  });

  it('X6: month 13 and "Jan" are refused; "march" is March', async () => {
    const { agency, messages } = await lawEnforcement({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 13, 1],
        [2023, 'march', 3],
        [2023, 'Jan', 1],
      ],
    });
    expect(descriptions(messages.get('LAW_ENFORCEMENT_ARRESTS'))).toEqual([
      expect.stringContaining("Row 2: The 'month' column has an invalid value: 13."),
      expect.stringContaining("Row 4: The 'month' column has an invalid value: Jan."),
    ]);
    expect((await valuesOf(t.database.db, agency.id, '03 2023 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(3);
  });

  it('X8: breakdown values match in any case; a short form gives one error listing the options', async () => {
    const { agency, messages } = await lawEnforcement({
      arrests_by_type: [
        ['year', 'month', 'offense_type', 'value'],
        [2023, 1, 'person offenses', 4],
        [2023, 2, 'Person', 5],
      ],
    });
    const problems = messages.get('LAW_ENFORCEMENT_ARRESTS')!;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ type: 'ERROR', title: "Invalid 'offense_type' Column Value" });
    expect(problems[0]!.description).toContain(
      "Row 3: The 'offense_type' column has an invalid value: Person. Valid options for this column are: Person Offenses, Property Offenses",
    );
    expect(await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).toEqual({
      'LAW_ENFORCEMENT_ARRESTS/Person Offenses': 4,
      LAW_ENFORCEMENT_ARRESTS: 4,
    });
  });
});

describe('fiscal years (X2, X3)', () => {
  async function fundingRecord(year: Cell) {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    await givenMetricSetting(t.database.db, agency, 'LAW_ENFORCEMENT_FUNDING', {
      custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 7 },
    });
    const content = await xlsx({
      funding: [
        ['year', 'value'],
        [year, 1000],
      ],
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'f.xlsx',
      content,
    });
    expect(messageMap(result).size).toBe(0);
    return (await reportsOf(t.database.db, agency.id)).map((r) => [r.instance, r.dateRangeStart, r.dateRangeEnd]);
  }

  it('X2: with a fiscal year starting in July, year 2023 is July 2022 to June 2023', async () => {
    expect(await fundingRecord(2023)).toEqual([['2022 Annual Metrics', '2022-07-01', '2023-07-01']]);
  });

  it('X3: fiscal-year text 2023-2024 is the fiscal year ending in 2024', async () => {
    expect(await fundingRecord('2023-2024')).toEqual([['2023 Annual Metrics', '2023-07-01', '2024-07-01']]);
  });
});

describe('agencies and earlier data (X9–X11)', () => {
  it('X9: a superagency row naming an unknown agency is refused', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS', 'SUPERAGENCY'], isSuperagency: true });
    const child = await givenChild(t.database.db, agency, 'Child Agency Prison A');
    const content = await xlsx({
      funding: [
        ['year', 'agency', 'value'],
        [2023, 'Nowhere County Jail', 5],
        [2023, child.name, 6],
      ],
    });
    const result = await uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 's.xlsx', content });
    const problems = messageMap(result).get('PRISONS_FUNDING')!;
    expect(problems).toMatchObject([{ type: 'ERROR', title: "Invalid 'agency' Column Value" }]);
    expect(problems[0]!.description).toBe(
      "Row 2: The 'agency' column has an invalid value: Nowhere County Jail. Your agency does not have permissions to report for Nowhere County Jail.",
    );
    expect(await valuesOf(t.database.db, child.id, '2023 Annual Metrics')).toEqual({ PRISONS_FUNDING: 6 });
  });

  it('X10: breakdowns never replace a total already stored, and are compared only with totals in the upload', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const send = async (sheets: Record<string, Cell[][]>) =>
      uploadOk(t, headers, {
        agencyId: agency.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'x.xlsx',
        content: await xlsx(sheets),
      });
    await send({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 1, 50],
      ],
    });
    const result = await send({
      arrests_by_type: [
        ['year', 'month', 'offense_type', 'value'],
        [2023, 1, 'Drug Offenses', 40],
      ],
    });
    expect(messageMap(result).size).toBe(0);
    expect(await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).toEqual({
      LAW_ENFORCEMENT_ARRESTS: 50,
      'LAW_ENFORCEMENT_ARRESTS/Drug Offenses': 40,
    });
  });

  it('X11: an automated upload keeps published records published and records who changed what', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const sheet = (value: number) =>
      xlsx({
        arrests: [
          ['year', 'month', 'value'],
          [2023, 1, value],
        ],
      });
    await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'a.xlsx',
      content: await sheet(5),
    });
    await publishAll(t.database.db, agency.id);
    const input = {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'a.xlsx',
      content: await sheet(8),
      checks: DEFAULT_PUBLISH_CHECKS,
      now: new Date(),
    };
    await uploadSpreadsheet(t.database.db, systemActor, input);

    const [record] = await reportsOf(t.database.db, agency.id);
    expect(record).toMatchObject({ status: 'PUBLISHED' });
    const history = await t.database.db
      .select()
      .from(datapointHistory)
      .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
      .where(and(eq(datapoint.reportId, record!.id)));
    expect(history.map((h) => h.datapoint_history)).toMatchObject([
      {
        userAccountId: null,
        oldValue: '5',
        newValue: '8',
        oldUploadMethod: 'BULK_UPLOAD',
        newUploadMethod: 'AUTOMATED_BULK_UPLOAD',
      },
    ]);
  });
});

describe("the result's values", () => {
  it('lists each value with the stored value it replaced, read as a number where it is one, and keeps that result', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const send = async (total: number, drug: number) =>
      uploadOk(t, headers, {
        agencyId: agency.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'le.xlsx',
        content: await xlsx({
          arrests: [
            ['year', 'month', 'value'],
            [2023, 1, total],
          ],
          arrests_by_type: [
            ['year', 'month', 'offense_type', 'value'],
            [2023, 1, 'Drug Offenses', drug],
          ],
        }),
      });
    await send(50, 40);
    // Values another writer stored as text: the same number written differently, and no number.
    const total = isNull(datapoint.dimensionIdentifierToMember);
    const ofAgency = (which: SQL) => and(eq(datapoint.sourceId, agency.id), which);
    await t.database.db.update(datapoint).set({ value: ' 50.0 ' }).where(ofAgency(total));
    await t.database.db
      .update(datapoint)
      .set({ value: 'n/a' })
      .where(ofAgency(not(total)));

    const result = await send(51, 41);
    const values = result.metrics
      .flatMap((metric) => metric.datapoints)
      .map((d) => [d.dimension_display_name, d.value, d.old_value]);
    expect(values).toEqual([
      [null, 51, 50],
      ['Drug Offenses', 41, 'n/a'],
    ]);
    expect(result.summary).toMatchObject({ rows_saved: 2, records_changed: 1, records_created: 0 });
    const kept = await t.app.inject({ method: 'GET', url: `/api/${result.spreadsheet_id}/bulk-upload-json`, headers });
    expect(kept.json()).toEqual(result);
  });
});

describe('metric settings the reference ignored', () => {
  it('warns when a metric turned on has no sheet, and when data comes for a metric turned off', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    await givenMetricSetting(t.database.db, agency, 'LAW_ENFORCEMENT_REPORTED_CRIME', { is_metric_enabled: true });
    await givenMetricSetting(t.database.db, agency, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: false });
    const content = await xlsx({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 1, 5],
        [2023, 2, 6],
      ],
    });
    const result = await uploadOk(t, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'a.xlsx',
      content,
    });

    const messages = messageMap(result);
    expect(messages.get('LAW_ENFORCEMENT_REPORTED_CRIME')).toMatchObject([
      { type: 'WARNING', title: 'Missing Metric' },
    ]);
    expect(descriptions(messages.get('LAW_ENFORCEMENT_REPORTED_CRIME'))[0]).toContain(
      "expected a sheet named 'reported_crime'",
    );
    expect(messages.get('LAW_ENFORCEMENT_ARRESTS')).toMatchObject([{ type: 'WARNING', title: 'Disabled Metric' }]);
    expect(result.metrics.find((m) => m.key === 'LAW_ENFORCEMENT_ARRESTS')).toMatchObject({ enabled: false });
    expect(result.metrics.find((m) => m.key === 'LAW_ENFORCEMENT_ARRESTS')!.datapoints).toHaveLength(2);
    const saved = await t.database.db.select().from(report).where(eq(report.sourceId, agency.id));
    expect(saved).toHaveLength(2);
  });
});
