/** The newer public dashboard payload (02-http-api §2.8 route 35) and where agencies are: no sign-in. */
import { describe, expect, it } from 'vitest';
import type { DashboardAgencyJson } from '../../src/contract/public-data.ts';
import type { PublishedDataV2Response, PublishedMetricV2Json } from '../../src/contract/public-data-v2.ts';
import { agencyJurisdictions, source } from '../../src/db/schema.ts';
import { givenAgency } from '../support/given.ts';
import {
  breakdownSetting,
  givenAgencySetting,
  givenCensusPopulation,
  givenDashboardAgency,
  givenRecordWithValues,
} from '../support/given-public-data.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, get } = await testFile();

const POPULATION = 'JAILS_TOTAL_POPULATION';
const RACE = 'global/race_and_ethnicity';
const HEALTH = 'metric/jails/behavioral_health/type';
const SAN_MATEO = '0500000US06081';
const HALF_MOON_BAY = '1600000US0631708';

/**
 * A county jail reported by a vendor: population in January 2024 published with race figures (two
 * Hispanic groups and two others switched on, one switched off), February in draft; it serves San
 * Mateo County less one city, with Census figures for both.
 */
async function givenJail(): Promise<AgencyRow> {
  const [vendor] = await db().insert(source).values({ name: 'Jail Data Co', type: 'vendor' }).returning();
  await givenAgencySetting(db(), vendor!, 'HOMEPAGE_URL', 'https://jaildata.example');
  const jail = await givenDashboardAgency(db(), {
    name: 'San Mateo County Jail',
    systems: ['JAILS'],
    fipsCountyCode: 'us_ca_san_mateo',
  });
  await givenAgencySetting(db(), jail, 'PURPOSE_AND_FUNCTIONS', 'Holds people awaiting trial.');
  await givenMetricSetting(db(), jail, POPULATION, {
    is_metric_enabled: true,
    reporting_agency_id: vendor!.id,
    is_self_reported: false,
    aggregated_dimensions: {
      [RACE]: breakdownSetting({
        HISPANIC_WHITE: true,
        HISPANIC_BLACK: true,
        NOT_HISPANIC_WHITE: true,
        NOT_HISPANIC_BLACK: true,
        NOT_HISPANIC_ASIAN: false,
      }),
      [HEALTH]: breakdownSetting({ MENTAL_HEALTH: true }),
    },
  });
  await givenRecordWithValues(db(), jail, { year: 2024, month: 1, status: 'PUBLISHED' }, [
    { metric: POPULATION, value: '500' },
    { metric: POPULATION, value: '40', dimension: { [RACE]: 'HISPANIC_WHITE' } },
    { metric: POPULATION, value: '20', dimension: { [RACE]: 'HISPANIC_BLACK' } },
    { metric: POPULATION, value: '200', dimension: { [RACE]: 'NOT_HISPANIC_WHITE' } },
    { metric: POPULATION, value: '100', dimension: { [RACE]: 'NOT_HISPANIC_BLACK' } },
    { metric: POPULATION, value: '30', dimension: { [RACE]: 'NOT_HISPANIC_ASIAN' } },
    { metric: POPULATION, value: '90', dimension: { [HEALTH]: 'MENTAL_HEALTH' } },
  ]);
  await givenRecordWithValues(db(), jail, { year: 2024, month: 2, status: 'DRAFT' }, [
    { metric: POPULATION, value: '999' },
  ]);
  await db()
    .insert(agencyJurisdictions)
    .values([
      { sourceId: jail.id, membership: 'INCLUDE', geoid: SAN_MATEO },
      { sourceId: jail.id, membership: 'EXCLUDE', geoid: HALF_MOON_BAY },
    ]);
  await givenCensusPopulation(db(), [
    { geoid: SAN_MATEO, year: 2023, sex: 'FEMALE', population: 380_000 },
    { geoid: HALF_MOON_BAY, year: 2023, sex: 'FEMALE', population: 6_000 },
    { geoid: SAN_MATEO, year: 2023, raceEthnicity: 'WHITE', population: 300_000 },
    { geoid: '0500000US06075', year: 2023, sex: 'FEMALE', population: 400_000 },
  ]);
  return jail;
}

const metricOf = (body: PublishedDataV2Response, key: string) => body.metrics.find((m) => m.key === key)!;
const breakdownOf = (metric: PublishedMetricV2Json, key: string) => metric.disaggregations.find((d) => d.key === key);

describe('GET /api/v2/agencies/:id/published_data', () => {
  it('describes the agency with where it is, the places it serves and the people living there', async () => {
    const jail = await givenJail();
    const res = await get(`/api/v2/agencies/${jail.id}/published_data`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    expect(res.json<PublishedDataV2Response>().agency).toEqual({
      id: jail.id,
      name: 'San Mateo County Jail',
      settings: [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'Holds people awaiting trial.' }],
      sectors: ['JAILS'],
      is_v0_dashboard_enabled: true,
      state_name: 'California',
      state_abbreviation: 'CA',
      methodology: 'https://justicecounts.csgjusticecenter.org/methodology',
      state_geoid: '0400000US06',
      county_geoid: SAN_MATEO,
      county_name: 'San Mateo',
      jurisdictions: { included: [SAN_MATEO], excluded: [HALF_MOON_BAY] },
      population: {
        total: {},
        biological_sex: { FEMALE: { '2023': 374_000 } },
        race_and_ethnicity: { WHITE: { '2023': 300_000 } },
      },
    });
  });

  it('gives published values only, slim, under the dashboard’s keys, with the reporting agency', async () => {
    const jail = await givenJail();
    const body = (await get(`/api/v2/agencies/${jail.id}/published_data`)).json<PublishedDataV2Response>();
    const metric = metricOf(body, POPULATION);
    expect(metric).toMatchObject({
      sector: 'JAILS',
      enabled: true,
      is_self_reported: false,
      reporting_agency_name: 'Jail Data Co',
      reporting_agency_url: 'https://jaildata.example',
      reporting_agency_category: 'VENDOR',
      additional_description: null,
    });
    for (const field of ['system', 'reporting_note', 'value', 'filenames', 'label']) {
      expect(metric).not.toHaveProperty(field);
    }
    expect(metric.datapoints).toEqual([
      {
        id: expect.any(Number),
        start_date: 'Mon, 01 Jan 2024 00:00:00 GMT',
        end_date: 'Thu, 01 Feb 2024 00:00:00 GMT',
        value: 500,
        frequency: 'MONTHLY',
      },
    ]);
    // The behavioural-health breakdown is never public.
    expect(breakdownOf(metric, HEALTH)).toBeUndefined();
    const race = breakdownOf(metric, RACE)!;
    for (const field of ['helper_text', 'required', 'should_sum_to_total', 'contexts']) {
      expect(race).not.toHaveProperty(field);
    }
    const member = (key: string) => race.dimensions.find((d) => d.key === key)!;
    expect(member('White / Hispanic or Latino').datapoints).toEqual([
      expect.objectContaining({
        value: 40,
        disaggregation_display_name: 'Race / Ethnicities',
        dimension_display_name: 'White / Hispanic or Latino',
      }),
    ]);
    // Switched off: kept private.
    expect(member('Asian / Not Hispanic or Latino').datapoints).toBeNull();
    expect(race.consolidated_race_ethnicity?.data).toEqual({
      'Mon, 01 Jan 2024 00:00:00 GMT': { 'Hispanic or Latino': 60, White: 200, Black: 100 },
    });
    expect(Object.keys(race.consolidated_race_ethnicity!.descriptions)).toContain('Hispanic or Latino');
  });

  it('renames the three metrics whose dashboard key differs', async () => {
    const supervision = await givenDashboardAgency(db(), { systems: ['SUPERVISION'] });
    const keys = (await get(`/api/v2/agencies/${supervision.id}/published_data`))
      .json<PublishedDataV2Response>()
      .metrics.map((m) => m.key);
    expect(keys).toContain('SUPERVISION_DISCHARGES');
    expect(keys).toContain('SUPERVISION_VIOLATIONS');
    expect(keys).not.toContain('SUPERVISION_SUPERVISION_TERMINATIONS');
  });

  it('answers 404 alike for a private agency and one that does not exist', async () => {
    const hidden = await givenAgency(db(), { isDashboardEnabled: false });
    for (const id of [hidden.id, 2_000_000_000]) {
      const res = await expectNoWrites(t.database.db, () => get(`/api/v2/agencies/${id}/published_data`));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found', description: `Agency ${id} was not found.` });
    }
  });

  it('refuses an id that is not a positive whole number with 400 naming it', async () => {
    for (const id of ['riverside', '-3', '1.5', '99999999999999999999']) {
      const res = await expectNoWrites(t.database.db, () => get(`/api/v2/agencies/${id}/published_data`));
      expect(res.statusCode, id).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'invalid_input',
        details: expect.arrayContaining([expect.objectContaining({ field: 'params.agencyId' })]),
      });
    }
  });
});

describe('GET /api/agencies/dashboard, where each agency is', () => {
  it('gives the county from the agency’s county code, else from the one county it serves', async () => {
    const byCode = await givenDashboardAgency(db(), { fipsCountyCode: 'us_ca_san_mateo' });
    const byPlace = await givenDashboardAgency(db(), { stateCode: 'us_or' });
    await db()
      .insert(agencyJurisdictions)
      .values({ sourceId: byPlace.id, membership: 'INCLUDE', geoid: '0500000US41051' });
    const nowhere = await givenDashboardAgency(db(), { fipsCountyCode: 'us_ca_atlantis' });
    const list = (await get('/api/agencies/dashboard')).json<DashboardAgencyJson[]>();
    const place = (agency: AgencyRow) => {
      const entry = list.find((a) => a.id === agency.id)!;
      return [entry.state_geoid, entry.county_geoid, entry.county_name];
    };
    expect(place(byCode)).toEqual(['0400000US06', SAN_MATEO, 'San Mateo']);
    expect(place(byPlace)).toEqual(['0400000US41', '0500000US41051', 'Multnomah']);
    expect(place(nowhere)).toEqual(['0400000US06', null, null]);
  });
});
