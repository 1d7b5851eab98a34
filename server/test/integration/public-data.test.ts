/** The public dashboards' data and the lists of agencies (02-http-api §2.8, §3.8): no sign-in. */
import { describe, expect, it } from 'vitest';
import type {
  DashboardAgencyJson,
  PublishedDataResponse,
  PublishedMetricJson,
} from '../../src/contract/public-data.ts';
import { givenAgency } from '../support/given.ts';
import {
  ARRESTS,
  FUNDING,
  FUNDING_TYPE,
  givenAgencySetting,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
  OFFENSE,
} from '../support/given-public-data.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, get } = await testFile();

/** A police department with a published March and a draft April, and settings that hide some of it. */
async function givenPublishingAgency(): Promise<AgencyRow> {
  const agency = await givenDashboardAgency(db(), { name: 'Riverside Police Department', stateCode: 'us_ca' });
  await givenUsualSettings(db(), agency);
  await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', { is_metric_enabled: false });
  await givenRecordWithValues(db(), agency, { year: 2024, month: 3, status: 'PUBLISHED' }, [
    { metric: ARRESTS, value: '100' },
    { metric: ARRESTS, value: '60', dimension: { [OFFENSE]: 'PERSON' } },
    { metric: ARRESTS, value: '30', dimension: { [OFFENSE]: 'PROPERTY' } },
    { metric: ARRESTS, value: '10', dimension: { [OFFENSE]: 'OTHER' } },
    { metric: ARRESTS, value: 'Counts citations too.', context: 'INCLUDES_EXCLUDES_DESCRIPTION' },
    { metric: 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', value: '5000' },
  ]);
  await givenRecordWithValues(db(), agency, { year: 2024, month: 4, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '999' },
  ]);
  await givenRecordWithValues(db(), agency, { frequency: 'ANNUAL', year: 2023, month: 1, status: 'PUBLISHED' }, [
    { metric: FUNDING, value: '2500000' },
    { metric: FUNDING, value: '400000', dimension: { [FUNDING_TYPE]: 'GRANTS' } },
  ]);
  await givenAgencySetting(db(), agency, 'PURPOSE_AND_FUNCTIONS', 'We keep Riverside safe.');
  await givenAgencySetting(db(), agency, 'HOMEPAGE_URL', 'https://police.riverside.example');
  await givenAgencySetting(db(), agency, 'SECTOR_INCLUDES_EXCLUDES', [{ sector: 'LAW_ENFORCEMENT', settings: [] }]);
  return agency;
}

const metricOf = (body: PublishedDataResponse, key: string) => body.metrics.find((m) => m.key === key)!;
const values = (list: PublishedMetricJson['datapoints']) => list?.map((d) => d.value) ?? null;
const member = (metric: PublishedMetricJson, breakdown: string, key: string) =>
  metric.disaggregations.find((d) => d.key === breakdown)!.dimensions.find((d) => d.key === key)!;

describe('GET /api/agencies/:agencyId/published_data', () => {
  it('shows the public projection of the agency and every metric of its sectors, signed out', async () => {
    const agency = await givenPublishingAgency();
    const res = await get(`/api/agencies/${agency.id}/published_data`);
    expect(res.statusCode).toBe(200);
    const body = res.json<PublishedDataResponse>();
    expect(body.agency).toEqual({
      id: agency.id,
      is_dashboard_enabled: true,
      name: 'Riverside Police Department',
      settings: [
        { setting_type: 'HOMEPAGE_URL', value: 'https://police.riverside.example' },
        { setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'We keep Riverside safe.' },
      ],
      systems: ['LAW_ENFORCEMENT'],
      population: { total: {} },
    });
    expect(body.metrics.map((m) => m.key)).toContain('LAW_ENFORCEMENT_REPORTED_CRIME');
    expect(metricOf(body, ARRESTS)).toMatchObject({ enabled: true, filenames: expect.arrayContaining(['arrests']) });
  });

  it('shows values of published records only, as numbers with their periods and names', async () => {
    const agency = await givenPublishingAgency();
    const body = (await get(`/api/agencies/${agency.id}/published_data`)).json<PublishedDataResponse>();
    const arrests = metricOf(body, ARRESTS);
    expect(arrests.datapoints).toEqual([
      expect.objectContaining({
        agency_name: 'Riverside Police Department',
        start_date: 'Fri, 01 Mar 2024 00:00:00 GMT',
        end_date: 'Mon, 01 Apr 2024 00:00:00 GMT',
        frequency: 'MONTHLY',
        metric_definition_key: ARRESTS,
        metric_display_name: 'Arrests',
        disaggregation_display_name: null,
        dimension_display_name: null,
        value: 100,
        is_published: true,
      }),
    ]);
    expect(values(metricOf(body, FUNDING).datapoints)).toEqual([2500000]);
  });

  it('leaves out metrics switched off and breakdown members not switched on', async () => {
    const agency = await givenPublishingAgency();
    const body = (await get(`/api/agencies/${agency.id}/published_data`)).json<PublishedDataResponse>();
    expect(metricOf(body, 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE')).toMatchObject({ enabled: false, datapoints: null });
    const arrests = metricOf(body, ARRESTS);
    const person = member(arrests, OFFENSE, 'Person Offenses');
    expect(person.datapoints).toEqual([
      expect.objectContaining({
        disaggregation_display_name: 'Offense Types',
        dimension_display_name: 'Person Offenses',
        value: 60,
      }),
    ]);
    // Property is switched off, Other was never answered.
    expect(member(arrests, OFFENSE, 'Property Offenses')).toMatchObject({ enabled: false, datapoints: null });
    expect(member(arrests, OFFENSE, 'Other Offenses')).toMatchObject({ enabled: null, datapoints: null });
    expect(values(member(metricOf(body, FUNDING), FUNDING_TYPE, 'Grants').datapoints)).toEqual([400000]);
  });

  it('may be cached by anyone for a minute and answers 304 to a matching ETag', async () => {
    const agency = await givenPublishingAgency();
    const first = await get(`/api/agencies/${agency.id}/published_data`);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^W\/"/);
    expect((await get(`/api/agencies/${agency.id}/published_data`, { 'if-none-match': tag })).statusCode).toBe(304);
    await givenRecordWithValues(db(), agency, { year: 2024, month: 5, status: 'PUBLISHED' }, [
      { metric: ARRESTS, value: '120' },
    ]);
    expect((await get(`/api/agencies/${agency.id}/published_data`, { 'if-none-match': tag })).statusCode).toBe(200);
  });

  it('answers 404 alike for an agency whose dashboard is off and for one that does not exist', async () => {
    const hidden = await givenAgency(db(), { isDashboardEnabled: false });
    const unset = await givenAgency(db(), { isDashboardEnabled: null });
    for (const id of [hidden.id, unset.id, 2_000_000_000]) {
      const res = await expectNoWrites(t.database.db, () => get(`/api/agencies/${id}/published_data`));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found', description: `Agency ${id} was not found.` });
    }
  });

  it('refuses an id that is not a number with 400 naming it', async () => {
    const res = await expectNoWrites(t.database.db, () => get('/api/agencies/riverside/published_data'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ field: 'params.agencyId' })],
    });
  });
});

describe('GET /api/agencies', () => {
  it('lists agencies with their dashboard on and how many records they have published', async () => {
    const agency = await givenPublishingAgency();
    const empty = await givenDashboardAgency(db());
    const hidden = await givenAgency(db(), { isDashboardEnabled: false });
    const res = await get('/api/agencies');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    const { agencies } = res.json<{ agencies: { id: number; name: string; number_of_published_records: number }[] }>();
    expect(agencies).toContainEqual({ id: agency.id, name: agency.name, number_of_published_records: 2 });
    expect(agencies).toContainEqual({ id: empty.id, name: empty.name, number_of_published_records: 0 });
    expect(agencies.map((a) => a.id)).not.toContain(hidden.id);
  });
});

describe('GET /api/agencies/dashboard', () => {
  it('says which sectors, metrics and members each agency with a dashboard has published', async () => {
    const agency = await givenPublishingAgency();
    const res = await get('/api/agencies/dashboard');
    expect(res.statusCode).toBe(200);
    const entry = res.json<DashboardAgencyJson[]>().find((a) => a.id === agency.id);
    expect(entry).toEqual({
      id: agency.id,
      name: 'Riverside Police Department',
      available_sectors: ['LAW_ENFORCEMENT'],
      available_metric_keys: [FUNDING, ARRESTS],
      available_disaggregations: { [FUNDING]: { [FUNDING_TYPE]: ['GRANTS'] }, [ARRESTS]: { [OFFENSE]: ['PERSON'] } },
      is_dashboard_enabled: true,
      is_demo: false,
      state_geoid: '0400000US06',
      county_geoid: null,
      state_name: 'California',
      county_name: null,
    });
  });

  it('lists an agency with nothing published with empty lists, and never one whose dashboard is off', async () => {
    const empty = await givenDashboardAgency(db(), { name: 'Lakeside Jail [DEMO]', fipsCountyCode: 'us_ca_san_mateo' });
    const hidden = await givenAgency(db(), { isDashboardEnabled: false });
    const list = (await get('/api/agencies/dashboard')).json<DashboardAgencyJson[]>();
    expect(list.find((a) => a.id === empty.id)).toMatchObject({
      available_sectors: [],
      available_metric_keys: [],
      available_disaggregations: {},
      is_demo: true,
      county_geoid: '0500000US06081',
      county_name: 'San Mateo',
    });
    expect(list.map((a) => a.id)).not.toContain(hidden.id);
  });
});
