/** Vendors, reporting agencies and "Other" sub-categories through HTTP (02-http-api §2.10 routes 52–58). */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencySetting, metricSetting, source } from '../../src/db/schema.ts';
import { countRows } from '../support/given-auth.ts';
import { historyRows, storedSettings } from '../support/given-metric-settings.ts';
import { givenAgency, givenSuperagencyWithChild, givenUser, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, requestAs } = await testFile();
const staff = await givenUser(t.database.db, { isPlatformAdmin: true });

type Method = 'GET' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object, as: UserRow | null = staff) =>
  requestAs(as, { method, url, payload });
const givenVendor = (name: string) =>
  givenAgency(t.database.db, { name, type: 'vendor', systems: null, stateCode: null });
const vendorsNamed = (name: string) =>
  countRows(t.database.db, sql`select 1 from ${source} where name = ${name} and type = 'vendor'`);
const FUNDING = 'LAW_ENFORCEMENT_FUNDING';
const FUNDING_TYPE = 'metric/law_enforcement/funding/type';

describe('who may call them', () => {
  it('refuses the signed-out with 401 and agency admins with 403, writing nothing', async () => {
    const agency = await givenAgency(t.database.db);
    const admin = await givenUser(t.database.db, { agency });
    expect((await expectNoWrites(t.database.db, () => call('GET', '/admin/vendors', undefined, null))).statusCode).toBe(
      401,
    );
    expect(
      (await expectNoWrites(t.database.db, () => call('PUT', '/admin/vendors', { name: 'Sneaky', url: '' }, admin)))
        .statusCode,
    ).toBe(403);
    const body = { reporting_agencies: [{ metric_key: FUNDING, reporting_agency_id: null, is_self_reported: true }] };
    expect(
      (
        await expectNoWrites(t.database.db, () =>
          call('PUT', `/admin/agency/${agency.id}/reporting-agency`, body, admin),
        )
      ).statusCode,
    ).toBe(403);
    expect(await vendorsNamed('Sneaky')).toBe(0);
    expect(await storedSettings(t, agency.id)).toEqual({});
  });
});

describe('vendors', () => {
  it('adds, lists newest first, renames and deletes a vendor', async () => {
    const added = await call('PUT', '/admin/vendors', { name: ' Data Co ', url: 'https://data.example.com' });
    expect(added.statusCode).toBe(200);
    const { id } = added.json();
    expect(added.json()).toEqual({ id, name: 'Data Co', url: 'https://data.example.com' });
    expect((await call('GET', '/admin/vendors')).json()[0]).toEqual({
      id,
      name: 'Data Co',
      url: 'https://data.example.com',
    });
    const renamed = await call('PUT', '/admin/vendors', { id, name: 'Data Company', url: '' });
    expect(renamed.json()).toEqual({ id, name: 'Data Company', url: null });
    expect((await call('DELETE', `/admin/vendors/${id}`)).json()).toEqual({ status: 'ok' });
    expect(await vendorsNamed('Data Company')).toBe(0);
    expect(await countRows(t.database.db, sql`select 1 from ${agencySetting} where source_id = ${id}`)).toBe(0);
  });

  it('answers 404 for an unknown vendor or an agency id, and 400 naming the field', async () => {
    const agency = await givenAgency(t.database.db);
    expect(
      (await expectNoWrites(t.database.db, () => call('PUT', '/admin/vendors', { id: 999999, name: 'X', url: '' })))
        .statusCode,
    ).toBe(404);
    expect((await expectNoWrites(t.database.db, () => call('DELETE', '/admin/vendors/999999'))).statusCode).toBe(404);
    expect((await expectNoWrites(t.database.db, () => call('DELETE', `/admin/vendors/${agency.id}`))).statusCode).toBe(
      404,
    );
    const bad = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/vendors', { name: 'Bad Url Vendor', url: 'ftp://x' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body.url');
    expect((await call('PUT', '/admin/vendors', { name: '', url: '' })).json().details[0].field).toBe('body.name');
    expect(await vendorsNamed('Bad Url Vendor')).toBe(0);
  });
});

describe('reporting agencies', () => {
  it('offers vendors and the superagency, saves choices with history, and clears them on vendor deletion', async () => {
    const { superagency: parent, child: agency } = await givenSuperagencyWithChild(t.database.db);
    const vendor = await givenVendor('Reporting Vendor');
    const before = (await call('GET', `/admin/agency/${agency.id}/reporting-agency`)).json();
    expect(before.reporting_agency_options).toEqual(
      expect.arrayContaining([
        { reporting_agency_id: vendor.id, reporting_agency_name: 'Reporting Vendor', category: 'VENDOR' },
        { reporting_agency_id: parent.id, reporting_agency_name: parent.name, category: 'AGENCY' },
      ]),
    );
    expect(before.metrics.LAW_ENFORCEMENT).toContainEqual({ key: FUNDING, name: 'Funding' });
    const choices = [
      { metric_key: FUNDING, reporting_agency_id: vendor.id, is_self_reported: false },
      { metric_key: 'LAW_ENFORCEMENT_TOTAL_STAFF', reporting_agency_id: null, is_self_reported: true },
    ];
    const saved = await call('PUT', `/admin/agency/${agency.id}/reporting-agency`, { reporting_agencies: choices });
    expect(saved.json()).toEqual({ status: 'ok', status_code: 200 });
    const after = (await call('GET', `/admin/agency/${agency.id}/reporting-agency`)).json();
    expect(after.reporting_agencies.LAW_ENFORCEMENT).toContainEqual({
      metric_key: FUNDING,
      reporting_agency_id: vendor.id,
      reporting_agency_name: 'Reporting Vendor',
      is_self_reported: false,
    });
    expect((await historyRows(t, agency.id)).length).toBe(2);
    await call('DELETE', `/admin/vendors/${vendor.id}`);
    expect((await storedSettings(t, agency.id))[FUNDING]).toMatchObject({
      reporting_agency_id: null,
      is_self_reported: null,
    });
  });

  it('answers 400 naming the field for a foreign metric, a stranger or a repeat, and 404 for an unknown agency', async () => {
    const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
    const stranger = await givenAgency(t.database.db);
    const put = (reporting_agencies: object[]) =>
      call('PUT', `/admin/agency/${agency.id}/reporting-agency`, { reporting_agencies });
    const fieldOf = async (items: object[]) => (await put(items)).json().details.map((d: { field: string }) => d.field);
    expect(await fieldOf([{ metric_key: 'JAILS_FUNDING', reporting_agency_id: null, is_self_reported: true }])).toEqual(
      ['reporting_agencies.0.metric_key'],
    );
    expect(await fieldOf([{ metric_key: FUNDING, reporting_agency_id: stranger.id, is_self_reported: false }])).toEqual(
      ['reporting_agencies.0.reporting_agency_id'],
    );
    const twice = { metric_key: FUNDING, reporting_agency_id: null, is_self_reported: true };
    expect(await fieldOf([twice, twice])).toEqual(['reporting_agencies.1.metric_key']);
    expect(await fieldOf([{ metric_key: FUNDING, is_self_reported: true }])).toEqual([
      'body.reporting_agencies.0.reporting_agency_id',
    ]);
    expect(await storedSettings(t, agency.id)).toEqual({});
    expect(
      (await expectNoWrites(t.database.db, () => call('GET', '/admin/agency/999999/reporting-agency'))).statusCode,
    ).toBe(404);
  });
});

describe('"Other" sub-categories', () => {
  const update = (options: string[], memberKey = 'OTHER', dimensionId = FUNDING_TYPE) => ({
    updates: [
      {
        metric_key: FUNDING,
        breakdowns: [
          { dimension_id: dimensionId, sub_dimensions: [{ dimension_key: memberKey, other_options: options }] },
        ],
      },
    ],
  });

  it('lists Other members, replaces their labels keeping earlier choices, with history', async () => {
    const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
    const url = `/admin/agency/${agency.id}/metric-setting`;
    expect((await call('PUT', url, update(['gifts', 'grants']))).json()).toEqual({ status: 'ok', status_code: 200 });
    const row = await t.database.db.select().from(metricSetting).where(eq(metricSetting.agencyId, agency.id));
    const doc = row[0]!.metricInterface as {
      aggregated_dimensions: Record<string, Record<string, Record<string, unknown>>>;
    };
    doc.aggregated_dimensions[FUNDING_TYPE]!.dimension_to_other_sub_dimension_to_enabled_status!.OTHER = {
      GIFTS: true,
      GRANTS: null,
    };
    await t.database.db.update(metricSetting).set({ metricInterface: doc }).where(eq(metricSetting.id, row[0]!.id));
    await call('PUT', url, update([' Gifts', 'Bake sales ']));
    const listed = (await call('GET', url)).json();
    const funding = listed[0].metric_settings.find((m: { metric_key: string }) => m.metric_key === FUNDING);
    expect(funding.disaggregations).toEqual([
      {
        disaggregation_display_name: expect.any(String),
        dimension_id: FUNDING_TYPE,
        other_sub_dimensions: [
          { dimension_key: 'OTHER', dimension_name: expect.any(String), other_options: ['Bake Sales', 'Gifts'] },
        ],
      },
    ]);
    expect((await storedSettings(t, agency.id))[FUNDING]).toMatchObject({
      aggregated_dimensions: {
        [FUNDING_TYPE]: {
          dimension_to_other_sub_dimension_to_enabled_status: { OTHER: { GIFTS: true, 'BAKE SALES': null } },
        },
      },
    });
    expect((await historyRows(t, agency.id)).length).toBe(2);
  });

  it('answers 400 naming the field for unknown metrics, breakdowns and members, writing nothing', async () => {
    const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
    const url = `/admin/agency/${agency.id}/metric-setting`;
    const fieldOf = async (body: object) => (await call('PUT', url, body)).json().details[0].field;
    expect(await fieldOf(update(['x'], 'STATE_APPROPRIATION'))).toBe(
      'updates.0.breakdowns.0.sub_dimensions.0.dimension_key',
    );
    expect(await fieldOf(update(['x'], 'OTHER', 'global/race_and_ethnicity'))).toBe(
      'updates.0.breakdowns.0.dimension_id',
    );
    expect(await fieldOf({ updates: [{ ...update(['x']).updates[0], metric_key: 'JAILS_FUNDING' }] })).toBe(
      'updates.0.metric_key',
    );
    expect(await fieldOf(update(['']))).toBe('body.updates.0.breakdowns.0.sub_dimensions.0.other_options.0');
    expect(await storedSettings(t, agency.id)).toEqual({});
    expect(
      (await expectNoWrites(t.database.db, () => call('GET', '/admin/agency/999999/metric-setting'))).statusCode,
    ).toBe(404);
  });
});
