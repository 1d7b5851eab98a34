import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { metricSetting, source } from '../../src/db/schema.ts';
import {
  getMetrics,
  givenColleague,
  givenMember,
  historyRows,
  putMetrics,
  settingRowCounts,
  storedSettings,
} from '../support/given-metric-settings.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const STAFF = 'metric/prisons/staff/type';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function metricsOf(member: Awaited<ReturnType<typeof givenMember>>): Promise<Json[]> {
  const res = await getMetrics(t, member.headers, member.agency.id);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const find = (metrics: Json[], key: string): Json => metrics.find((m) => m.key === key)!;

describe('GET /api/agencies/:agencyId/metrics', () => {
  it("lists every metric of the agency's sectors in catalogue order, with defaults", async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const metrics = await metricsOf(admin);
    expect(metrics.map((m) => m.key)).toEqual([
      'PRISONS_FUNDING',
      'PRISONS_EXPENSES',
      'PRISONS_TOTAL_STAFF',
      'PRISONS_ADMISSIONS',
      'PRISONS_POPULATION',
      'PRISONS_RELEASES',
      'PRISONS_READMISSIONS',
      'PRISONS_USE_OF_FORCE_INCIDENTS',
      'PRISONS_GRIEVANCES_UPHELD',
    ]);
    const staff = find(metrics, 'PRISONS_TOTAL_STAFF');
    expect(staff).toMatchObject({
      enabled: null,
      frequency: 'ANNUAL',
      custom_frequency: null,
      starting_month: 1,
      system: { key: 'PRISONS', display_name: 'Prisons' },
      datapoints: null,
      disaggregated_by_supervision_subsystems: null,
      contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: null }],
    });
    expect(staff.filenames[0]).toBeTruthy();
    expect(staff.includes_excludes[0].settings).toContainEqual({
      key: 'VOLUNTEER',
      label: 'Volunteer',
      included: null,
      default: 'No',
    });
    expect(staff.disaggregations[0]).toMatchObject({ key: STAFF, enabled: null, is_breakdown_configured: null });
    expect(find(metrics, 'PRISONS_ADMISSIONS').starting_month).toBeNull();
  });

  it('gives every breakdown member exactly one context: what Other/Unknown hold, else what else counts', async () => {
    const admin = await givenMember(t, ['LAW_ENFORCEMENT']);
    const metrics = await metricsOf(admin);
    const dimensions = metrics.flatMap((m) => m.disaggregations.flatMap((d: Json) => d.dimensions as Json[]));
    const contextOf = (key: string) => dimensions.find((d) => d.key === key)!.contexts;
    for (const dimension of dimensions) expect(dimension.contexts).toHaveLength(1);
    expect(contextOf('Other Calls')).toEqual([{ key: 'ADDITIONAL_CONTEXT', label: expect.any(String), value: null }]);
    expect(contextOf('Unknown Calls')[0].key).toBe('ADDITIONAL_CONTEXT');
    expect(contextOf('Emergency Calls')[0].key).toBe('INCLUDES_EXCLUDES_DESCRIPTION');
  });

  it('shows supervision metrics combined by default and sub-system copies switched off', async () => {
    const admin = await givenMember(t, ['SUPERVISION', 'PAROLE', 'PROBATION', 'PRISONS']);
    const metrics = await metricsOf(admin);
    expect(metrics).toHaveLength(9 + 3 * 11);
    expect(find(metrics, 'SUPERVISION_FUNDING')).toMatchObject({
      enabled: null,
      disaggregated_by_supervision_subsystems: false,
    });
    expect(find(metrics, 'PAROLE_FUNDING')).toMatchObject({
      enabled: false,
      disaggregated_by_supervision_subsystems: false,
    });
    expect(find(metrics, 'PRISONS_FUNDING').disaggregated_by_supervision_subsystems).toBeNull();
  });

  it('ignores stored settings of metrics no longer in the catalogue', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await t.database.db.insert(metricSetting).values({
      agencyId: admin.agency.id,
      metricDefinitionKey: 'PRISONS_RESIDENTS',
      metricInterface: { key: 'PRISONS_RESIDENTS' },
    });
    expect((await metricsOf(admin)).map((m) => m.key)).not.toContain('PRISONS_RESIDENTS');
  });

  it('shows a change made outside this server (another instance, or by hand) on the next read', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: true }]);
    expect(find(await metricsOf(admin), 'PRISONS_FUNDING').enabled).toBe(true);
    const other = await givenMember(t, ['PRISONS']);
    expect(find(await metricsOf(other), 'PRISONS_FUNDING').enabled).toBeNull();

    await t.database.db
      .update(metricSetting)
      .set({ metricInterface: { key: 'PRISONS_FUNDING', is_metric_enabled: false } })
      .where(
        and(eq(metricSetting.agencyId, admin.agency.id), eq(metricSetting.metricDefinitionKey, 'PRISONS_FUNDING')),
      );
    expect(find(await metricsOf(admin), 'PRISONS_FUNDING').enabled).toBe(false);
    await t.database.db.delete(metricSetting).where(eq(metricSetting.agencyId, admin.agency.id));
    expect(find(await metricsOf(admin), 'PRISONS_FUNDING').enabled).toBeNull();
    await t.database.db
      .update(source)
      .set({ systems: ['JAILS'] })
      .where(eq(source.id, admin.agency.id));
    expect((await metricsOf(admin)).map((m) => m.key)).toContain('JAILS_FUNDING');
  });

  it('lets read-only members read, hides the agency from outsiders and asks the signed-out to sign in', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const readOnly = await givenColleague(t, admin.agency, 'READ_ONLY');
    expect((await getMetrics(t, readOnly, admin.agency.id)).statusCode).toBe(200);
    const outsider = await givenMember(t, ['PRISONS']);
    const res = await expectNoWrites(t.database.db, () => getMetrics(t, outsider.headers, admin.agency.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toContain(`Agency ${admin.agency.id}`);
    const signedOut = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/api/agencies/${admin.agency.id}/metrics` }),
    );
    expect(signedOut.statusCode).toBe(401);
  });
});

describe('PUT /api/agencies/:agencyId/metrics', () => {
  it("stores exactly the reference's document: NAMEs, YES/NO, no nulls", async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const res = await putMetrics(t, admin.headers, admin.agency.id, [
      {
        key: 'PRISONS_TOTAL_STAFF',
        enabled: true,
        is_includes_excludes_configured: 'YES',
        settings: [
          { key: 'VOLUNTEER', included: 'Yes' },
          { key: 'INTERN', included: null },
        ],
        disaggregations: [
          {
            key: STAFF,
            is_breakdown_configured: 'YES',
            dimensions: [
              { key: 'Security Staff', enabled: false, settings: [{ key: 'VACANT', included: 'No' }] },
              {
                key: 'Other Staff',
                enabled: true,
                contexts: [{ key: 'ADDITIONAL_CONTEXT', value: 'Chaplains' }],
                sub_dimensions: [{ name: 'Chaplains', enabled: true }],
              },
            ],
          },
        ],
      },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', status_code: 200 });
    expect((await storedSettings(t, admin.agency.id)).PRISONS_TOTAL_STAFF).toEqual({
      key: 'PRISONS_TOTAL_STAFF',
      version: 'v1',
      is_metric_enabled: true,
      contexts: {},
      aggregated_dimensions: {
        [STAFF]: {
          dimension_to_enabled_status: { SECURITY: false, OTHER: true },
          dimension_to_includes_excludes_member_to_setting: { SECURITY: { VACANT: 'NO' } },
          contexts: {},
          dimension_to_contexts: { OTHER: { ADDITIONAL_CONTEXT: 'Chaplains' } },
          is_breakdown_configured: 'YES',
          dimension_to_includes_excludes_configured_status: {},
          dimension_to_other_sub_dimension_to_enabled_status: { OTHER: { CHAPLAINS: true } },
        },
      },
      disaggregated_by_supervision_subsystems: null,
      includes_excludes_member_to_setting: { VOLUNTEER: 'YES' },
      custom_reporting_frequency: { custom_frequency: null, starting_month: null },
      is_includes_excludes_configured: 'YES',
      reporting_agency_id: null,
      is_self_reported: null,
    });
  });

  it('keeps false after enabling then disabling, and a null never resets an answer', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: true }]);
    await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: false }]);
    await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: null }]);
    expect(find(await metricsOf(admin), 'PRISONS_FUNDING').enabled).toBe(false);
  });

  it('stores a fiscal year, and switching to monthly clears the starting month', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const key = 'PRISONS_ADMISSIONS';
    await putMetrics(t, admin.headers, admin.agency.id, [{ key, custom_frequency: 'ANNUAL', starting_month: 2 }]);
    expect(find(await metricsOf(admin), key)).toMatchObject({
      frequency: 'MONTHLY',
      custom_frequency: 'ANNUAL',
      starting_month: 2,
    });
    await putMetrics(t, admin.headers, admin.agency.id, [{ key, custom_frequency: 'MONTHLY' }]);
    expect(find(await metricsOf(admin), key)).toMatchObject({ custom_frequency: 'MONTHLY', starting_month: null });
    expect(((await storedSettings(t, admin.agency.id))[key] as Json).custom_reporting_frequency).toEqual({
      custom_frequency: 'MONTHLY',
      starting_month: null,
    });
  });

  it('round-trips breakdowns, definitions, contexts, sub-categories and completion flags', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await putMetrics(t, admin.headers, admin.agency.id, [
      { key: 'PRISONS_FUNDING', disaggregations: [{ key: 'metric/prisons/funding/type', enabled: false }] },
      {
        key: 'PRISONS_TOTAL_STAFF',
        contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: 'Also contractors' }],
        disaggregations: [
          {
            key: STAFF,
            dimensions: [
              {
                key: 'Security Staff',
                is_dimension_includes_excludes_configured: 'NO',
                settings: [{ key: 'VACANT', included: 'Yes' }],
              },
              {
                key: 'Other Staff',
                sub_dimensions: [
                  { name: 'chaplains', enabled: true },
                  { name: 'Cooks', enabled: null },
                ],
              },
            ],
          },
        ],
      },
    ]);
    const metrics = await metricsOf(admin);
    expect(find(metrics, 'PRISONS_FUNDING').disaggregations[0].enabled).toBe(false);
    const staff = find(metrics, 'PRISONS_TOTAL_STAFF');
    expect(staff.contexts[0].value).toBe('Also contractors');
    const [security, , , , other] = staff.disaggregations[0].dimensions;
    expect(security.is_dimension_includes_excludes_configured).toBe('NO');
    expect(security.includes_excludes[0].settings.find((s: Json) => s.key === 'VACANT').included).toBe('Yes');
    expect(other.sub_dimensions).toEqual([
      { name: 'CHAPLAINS', enabled: true },
      { name: 'COOKS', enabled: null },
    ]);
    expect(security.sub_dimensions).toBeUndefined();
  });

  it('writes one history row per metric per call, with the update, the agency and the user', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const body = [
      { key: 'PRISONS_FUNDING', enabled: false },
      { key: 'PRISONS_TOTAL_STAFF', settings: [{ key: 'VOLUNTEER', included: 'Yes' as const }] },
      { key: 'PRISONS_GRIEVANCES_UPHELD', custom_frequency: 'ANNUAL' as const, starting_month: 7 },
    ];
    await putMetrics(t, admin.headers, admin.agency.id, body);
    expect(await settingRowCounts(t, admin.agency.id)).toEqual({ settings: 3, history: 3 });
    await putMetrics(t, admin.headers, admin.agency.id, body);
    expect(await settingRowCounts(t, admin.agency.id)).toEqual({ settings: 3, history: 6 });
    const [first] = await historyRows(t, admin.agency.id);
    expect(first).toMatchObject({ metricDefinitionKey: 'PRISONS_FUNDING', userAccountId: admin.userId });
    expect(first!.updates).toMatchObject({ key: 'PRISONS_FUNDING', is_metric_enabled: false, contexts: {} });
    expect(first!.timestamp).toBeInstanceOf(Date);
  });

  it('overwrites definitions with the defaults when sent again, and [] clears sub-categories', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const staff = (
      settings: { key: string; included: 'Yes' | 'No' }[],
      subs: { name: string; enabled: boolean | null }[],
    ) => [
      {
        key: 'PRISONS_TOTAL_STAFF',
        settings,
        disaggregations: [{ key: STAFF, dimensions: [{ key: 'Other Staff', sub_dimensions: subs }] }],
      },
    ];
    await putMetrics(
      t,
      admin.headers,
      admin.agency.id,
      staff([{ key: 'VOLUNTEER', included: 'Yes' }], [{ name: 'Cooks', enabled: null }]),
    );
    await putMetrics(t, admin.headers, admin.agency.id, staff([], [{ name: 'Cooks', enabled: false }]));
    let other = find(await metricsOf(admin), 'PRISONS_TOTAL_STAFF').disaggregations[0].dimensions[4];
    expect(other.sub_dimensions).toEqual([{ name: 'COOKS', enabled: false }]);
    await putMetrics(t, admin.headers, admin.agency.id, staff([{ key: 'VOLUNTEER', included: 'No' }], []));
    const metric = find(await metricsOf(admin), 'PRISONS_TOTAL_STAFF');
    other = metric.disaggregations[0].dimensions[4];
    expect(other.sub_dimensions).toEqual([]);
    expect(metric.includes_excludes[0].settings.find((s: Json) => s.key === 'VOLUNTEER').included).toBe('No');
  });

  it('disaggregating supervision switches the sub-system copies on and the combined metric off, and back', async () => {
    const admin = await givenMember(t, ['SUPERVISION', 'PAROLE', 'PROBATION']);
    const flags = async () =>
      (await metricsOf(admin))
        .filter((m) => m.key.endsWith('_FUNDING'))
        .map((m) => [m.key, m.enabled, m.disaggregated_by_supervision_subsystems]);
    await putMetrics(t, admin.headers, admin.agency.id, [
      { key: 'PAROLE_FUNDING', disaggregated_by_supervision_subsystems: true },
    ]);
    expect(await flags()).toEqual([
      ['SUPERVISION_FUNDING', false, true],
      ['PAROLE_FUNDING', true, true],
      ['PROBATION_FUNDING', true, true],
    ]);
    expect((await historyRows(t, admin.agency.id)).map((row) => row.metricDefinitionKey)).toEqual([
      'SUPERVISION_FUNDING',
      'PAROLE_FUNDING',
      'PROBATION_FUNDING',
      'PAROLE_FUNDING',
    ]);
    await putMetrics(t, admin.headers, admin.agency.id, [
      { key: 'PAROLE_FUNDING', disaggregated_by_supervision_subsystems: false },
    ]);
    expect(await flags()).toEqual([
      ['SUPERVISION_FUNDING', true, false],
      ['PAROLE_FUNDING', false, false],
      ['PROBATION_FUNDING', false, false],
    ]);
  });

  it.each(['READ_ONLY', 'CONTRIBUTOR'] as const)('refuses %s members with 403 and writes nothing', async (role) => {
    const admin = await givenMember(t, ['PRISONS']);
    await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: true }]);
    const before = await storedSettings(t, admin.agency.id);
    const member = await givenColleague(t, admin.agency, role);
    const res = await expectNoWrites(t.database.db, () =>
      putMetrics(t, member, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: false }]),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().description).toContain('metrics.edit');
    expect(await storedSettings(t, admin.agency.id)).toEqual(before);
    expect(await settingRowCounts(t, admin.agency.id)).toEqual({ settings: 1, history: 1 });
  });

  it('answers outsiders 404 and writes nothing', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const outsider = await givenMember(t, ['PRISONS']);
    const res = await expectNoWrites(t.database.db, () =>
      putMetrics(t, outsider.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: false }]),
    );
    expect(res.statusCode).toBe(404);
    expect(await settingRowCounts(t, admin.agency.id)).toEqual({ settings: 0, history: 0 });
  });
});
