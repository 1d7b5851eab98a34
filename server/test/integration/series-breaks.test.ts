/**
 * Comparability and series breaks (issue 18 item 1): an agency's definition of a metric against
 * the Justice Counts default, and the breaks its changes of definition, frequency or year start
 * make, in the public JSON (both versions), the signed-in metric settings and the CSV feed.
 */
import { describe, expect, it } from 'vitest';
import type { PublishedDataResponse } from '../../src/contract/public-data.ts';
import type { PublishedDataV2Response } from '../../src/contract/public-data-v2.ts';
import type { MetricSettingJson } from '../../src/contract/metric-settings.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { givenUser, signIn, type SignedIn } from '../support/given.ts';
import {
  ARRESTS,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
} from '../support/given-public-data.ts';
import { getMetrics, putMetrics } from '../support/given-metric-settings.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

const { t, db, get } = await testFile();
/** A police department with published February and March 2024 arrests, and its admin signed in. */
async function givenReportingAgency(): Promise<{ agency: AgencyRow; admin: SignedIn }> {
  const agency = await givenDashboardAgency(db(), { name: 'Lakeside Police Department' });
  await givenUsualSettings(db(), agency);
  for (const [month, value] of [
    [2, '40'],
    [3, '25'],
  ] as const) {
    await givenRecordWithValues(db(), agency, { year: 2024, month, status: 'PUBLISHED' }, [{ metric: ARRESTS, value }]);
  }
  const user = await givenUser(db(), { agency, role: 'AGENCY_ADMIN' });
  return { agency, admin: await signIn(t.app, db(), user, t.clock) };
}

async function answer(admin: SignedIn, agency: AgencyRow, at: string, settings: { key: string; included: string }[]) {
  t.clock.set(new Date(at));
  const res = await putMetrics(t, admin, agency.id, [{ key: ARRESTS, settings }]);
  expect(res.statusCode, res.body).toBe(200);
}

const arrestsOf = (metrics: readonly { key: string; comparability: MetricSettingJson['comparability'] }[]) =>
  metrics.find((m) => m.key === ARRESTS)!.comparability;

const EXPECTED_BREAK = {
  start_date: '2024-03-01',
  changed_at: '2024-03-10T15:00:00.000Z',
  changes: [
    {
      kind: 'definition',
      disaggregation: null,
      dimension: null,
      key: 'ON_VIEW',
      before: 'Yes',
      after: 'No',
      description: 'No longer includes on view',
    },
  ],
};

describe('comparability and series breaks', () => {
  it('a changed definition makes a series break from the month of the change, shown in the public JSON', async () => {
    const { agency, admin } = await givenReportingAgency();
    // A first answer (the default) describes the definition: no break.
    await answer(admin, agency, '2024-01-15T12:00:00Z', [{ key: 'ON_VIEW', included: 'Yes' }]);
    let body = (await get(`/api/agencies/${agency.id}/published_data`)).json<PublishedDataResponse>();
    expect(arrestsOf(body.metrics)).toEqual({ matches_default: true, differences: [], series_breaks: [] });

    await answer(admin, agency, '2024-03-10T15:00:00Z', [{ key: 'ON_VIEW', included: 'No' }]);
    const res = await get(`/api/agencies/${agency.id}/published_data`);
    expect(res.statusCode).toBe(200);
    body = res.json<PublishedDataResponse>();
    expect(arrestsOf(body.metrics)).toEqual({
      matches_default: false,
      differences: [
        {
          disaggregation: null,
          dimension: null,
          key: 'ON_VIEW',
          label: 'On view',
          included: 'No',
          default: 'Yes',
          description: 'Leaves out on view, which the Justice Counts definition includes',
        },
      ],
      series_breaks: [EXPECTED_BREAK],
    });

    const v2 = (await get(`/api/v2/agencies/${agency.id}/published_data`)).json<PublishedDataV2Response>();
    expect(arrestsOf(v2.metrics).series_breaks).toEqual([EXPECTED_BREAK]);
    // Explore Data reads the same from the signed-in metric settings.
    const signedIn = (await getMetrics(t, admin, agency.id)).json<MetricSettingJson[]>();
    expect(arrestsOf(signedIn).series_breaks).toEqual([EXPECTED_BREAK]);
  });

  it('the CSV feed flags the definition and gives each figure the start of the definition it was counted under', async () => {
    const { agency, admin } = await givenReportingAgency();
    await answer(admin, agency, '2024-01-15T12:00:00Z', [{ key: 'ON_VIEW', included: 'Yes' }]);
    await answer(admin, agency, '2024-03-10T15:00:00Z', [{ key: 'ON_VIEW', included: 'No' }]);
    const res = await get(`/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      'year,month,value,definition_matches_default,series_since\n' +
        '2024,March,25,no,2024-03-01\n' +
        '2024,February,40,no,\n',
    );
  });

  it('a refused change of definition makes no break and writes nothing', async () => {
    const { agency, admin } = await givenReportingAgency();
    await answer(admin, agency, '2024-01-15T12:00:00Z', [{ key: 'ON_VIEW', included: 'Yes' }]);
    t.clock.set(new Date('2024-03-10T15:00:00Z'));
    const res = await expectNoWrites(db(), () =>
      putMetrics(t, admin, agency.id, [{ key: ARRESTS, settings: [{ key: 'ON_VIEW', included: 'Sometimes' }] }]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ description: string }>().description).toMatch(/included.*"Yes", "No" or null/);
    const body = (await get(`/api/agencies/${agency.id}/published_data`)).json<PublishedDataResponse>();
    expect(arrestsOf(body.metrics).series_breaks).toEqual([]);
  });
});
