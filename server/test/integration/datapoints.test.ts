/** Entering values by hand: storage, history and validation (01-data-model §5, §10). */
import { describe, expect, it } from 'vitest';
import { datapoint } from '../../src/db/schema.ts';
import {
  ARRESTS,
  arrests,
  datapointsOf,
  OFFENSE,
  givenMetricSetting,
  historyOf,
  patchReport,
  snapshotReport,
} from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';

const { t, db, given } = await testFile();

describe('PATCH /api/reports/:reportId values', () => {
  it('stores a total, breakdown members, a custom sub-category and a context note, as manual entry', async () => {
    const { user, headers, record } = await given.agencyWithRecords();
    const metric = {
      ...arrests(110, [
        { key: 'Person Offenses', value: 100 },
        { key: 'Drug Offenses', value: null },
        { key: 'Other Offenses', value: 10 },
        { key: 'Other Offenses - littering ', value: 4 },
      ]),
      contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: 'Includes citations.' }],
    };
    const res = await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [metric] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'DRAFT', editors: [{ name: user.name, role: 'CONTRIBUTOR' }] });
    const rows = await datapointsOf(db(), record.id);
    const stored = rows.map((r) => [r.dimensionIdentifierToMember, r.subDimensionName, r.contextKey, r.value]);
    expect(stored).toEqual([
      [null, null, null, '110'],
      [null, null, 'INCLUDES_EXCLUDES_DESCRIPTION', 'Includes citations.'],
      [{ [OFFENSE]: 'PERSON' }, null, null, '100'],
      [{ [OFFENSE]: 'DRUG' }, null, null, null],
      [{ [OFFENSE]: 'OTHER' }, null, null, '10'],
      [{ [OFFENSE]: 'OTHER' }, 'LITTERING', null, '4'],
    ]);
    expect(rows.every((r) => r.uploadMethod === 'MANUAL_ENTRY' && r.sourceId === record.sourceId)).toBe(true);
    expect(rows[0]).toMatchObject({ startDate: record.dateRangeStart, endDate: record.dateRangeEnd });
    expect(await historyOf(db(), record.id)).toEqual([]);
  });

  it('stores an empty total as a row with no value', async () => {
    const { headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(null)] });
    expect((await datapointsOf(db(), record.id)).map((r) => r.value)).toEqual([null]);
  });

  it('writes nothing when the values are unchanged: no rows, no history, same version', async () => {
    const { headers, record } = await given.agencyWithRecords();
    const body = { status: 'DRAFT', metrics: [arrests(5, [{ key: 'Drug Offenses', value: 2 }])] };
    await patchReport(t, headers, record.id, body);
    const before = await snapshotReport(db(), record.id);
    t.clock.advance(60_000);
    const res = await patchReport(t, headers, record.id, body);
    expect(res.statusCode).toBe(200);
    expect(await snapshotReport(db(), record.id)).toEqual(before);
  });

  it('records each change in the history, keeping created_at and moving last_updated', async () => {
    const { user, headers, record } = await given.agencyWithRecords();
    for (const value of [100000, 1000, 100, 10]) {
      t.clock.advance(1000);
      await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(value)] });
    }
    const history = await historyOf(db(), record.id);
    expect(history.map((h) => [h.history.oldValue, h.history.newValue])).toEqual([
      ['100000', '1000'],
      ['1000', '100'],
      ['100', '10'],
    ]);
    expect(history[0]!.history).toMatchObject({
      userAccountId: user.id,
      oldUploadMethod: 'MANUAL_ENTRY',
      newUploadMethod: 'MANUAL_ENTRY',
    });
    const [row] = await datapointsOf(db(), record.id);
    expect(row!.lastUpdated).toEqual(t.clock.now());
    expect(row!.createdAt!.getTime()).toBe(t.clock.now().getTime() - 3000);
  });

  it('keeps breakdowns when only the total is cleared, and clears breakdowns sent as empty', async () => {
    const { headers, record } = await given.agencyWithRecords();
    const members = ['Person Offenses', 'Property Offenses', 'Drug Offenses'];
    await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      metrics: [
        arrests(
          9,
          members.map((key) => ({ key, value: 3 })),
        ),
      ],
    });
    const nonEmpty = async () => (await datapointsOf(db(), record.id)).filter((r) => r.value !== null).length;
    expect(await nonEmpty()).toBe(4);
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(null)] });
    expect(await nonEmpty()).toBe(3);
    await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      metrics: [
        arrests(
          null,
          members.map((key) => ({ key, value: null })),
        ),
      ],
    });
    expect(await nonEmpty()).toBe(0);
  });

  it('leaves the total alone when a save sends only breakdowns', async () => {
    const { headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(7)] });
    const onlyBreakdown = {
      key: ARRESTS,
      disaggregations: [{ key: OFFENSE, dimensions: [{ key: 'Drug Offenses', value: 7 }] }],
    };
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [onlyBreakdown] });
    expect((await datapointsOf(db(), record.id)).map((r) => r.value)).toEqual(['7', '7']);
  });
});

describe('PATCH /api/reports/:reportId refused values', () => {
  async function expectRefused(metrics: unknown[], status: number, message: string | RegExp) {
    const { headers, record, agency } = await given.agencyWithRecords();
    await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_REPORTED_CRIME', { is_metric_enabled: false });
    await givenMetricSetting(db(), agency, ARRESTS, {
      is_metric_enabled: true,
      aggregated_dimensions: {
        [OFFENSE]: { dimension_to_enabled_status: { DRUG: false } },
      } as never,
    });
    const before = await snapshotReport(db(), record.id);
    const res = await patchReport(t, headers, record.id, { status: 'DRAFT', metrics });
    expect(res.statusCode).toBe(status);
    expect(res.json().description).toMatch(message);
    expect(await snapshotReport(db(), record.id)).toEqual(before);
  }

  it('refuses negative numbers, naming the metric and the value', () =>
    expectRefused([arrests(-5)], 400, 'Arrests must be 0 or more (got -5)'));

  it('refuses text where a number belongs', () =>
    expectRefused([{ key: ARRESTS, value: '12a' }], 400, /metrics\.0\.value/));

  it('refuses a member that does not exist, naming it and the choices', () =>
    expectRefused(
      [arrests(1, [{ key: 'Jaywalking', value: 1 }])],
      400,
      /"Jaywalking" is not a category of this breakdown \(choose from Person Offenses/,
    ));

  it('refuses a value for a member the agency switched off, naming it', () =>
    expectRefused(
      [arrests(1, [{ key: 'Drug Offenses', value: 1 }])],
      400,
      'Arrests, Offense Types: "Drug Offenses" is switched off for this agency; turn it on in Set Up Metrics, or leave it empty',
    ));

  it('refuses a value for a metric the agency switched off', () =>
    expectRefused([{ key: 'LAW_ENFORCEMENT_REPORTED_CRIME', value: 3 }], 400, /Reported Crime is switched off/));

  it('refuses a metric that is not on this record, and an unknown breakdown', async () => {
    await expectRefused(
      [{ key: 'LAW_ENFORCEMENT_FUNDING', value: 3 }],
      400,
      /"LAW_ENFORCEMENT_FUNDING" is not a metric of this record/,
    );
    await expectRefused(
      [{ key: ARRESTS, value: 1, disaggregations: [{ key: 'metric/nope', dimensions: [] }] }],
      400,
      /Arrests has no breakdown "metric\/nope"/,
    );
  });

  it('refuses every problem of a save at once, writing none of its good values', () =>
    expectRefused(
      [
        arrests(-1),
        { key: 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', value: 20 },
        { key: 'LAW_ENFORCEMENT_REPORTED_CRIME', value: 3 },
      ],
      400,
      /must be 0 or more.*switched off/,
    ));
});

describe('the database', () => {
  it('refuses a second row for the same datapoint, whatever the code does', async () => {
    const { headers, record } = await given.agencyWithRecords();
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(1)] });
    const twin = { reportId: record.id, sourceId: record.sourceId, metricDefinitionKey: ARRESTS, value: '2' };
    await expect(db().insert(datapoint).values(twin)).rejects.toThrow();
    expect(await datapointsOf(db(), record.id)).toHaveLength(1);
  });
});
