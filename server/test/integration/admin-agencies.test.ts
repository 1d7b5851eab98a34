/** The admin panel's agency routes through HTTP (02-http-api §2.10 routes 46–51). */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, metricSetting, report, source } from '../../src/db/schema.ts';
import { countRows } from '../support/given-auth.ts';
import { historyRows, storedSettings } from '../support/given-metric-settings.ts';
import { givenAgency, givenSuperagencyWithChild, givenUser, type UserRow } from '../support/given.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const { t, requestAs } = await testFile();
const staff = await givenUser(t.database.db, { isPlatformAdmin: true });

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';
const call = (method: Method, url: string, payload?: object, as: UserRow | null = staff) =>
  requestAs(as, { method, url, payload });
/** A call that must be refused: it also proves no table changed. */
const refused = (...args: Parameters<typeof call>) => expectNoWrites(t.database.db, () => call(...args));
const agenciesNamed = (name: string) => countRows(t.database.db, sql`select 1 from ${source} where name = ${name}`);
const newAgency = (name: string, extra: object = {}) => ({
  name,
  state_code: 'us_ca',
  systems: ['JAILS'],
  super_agency_id: null,
  is_superagency: false,
  is_dashboard_enabled: false,
  ...extra,
});
const roleIn = async (agencyId: number, userId: number) =>
  (
    await t.database.db
      .select({ role: agencyUserAccountAssociation.role })
      .from(agencyUserAccountAssociation)
      .where(
        sql`${agencyUserAccountAssociation.agencyId} = ${agencyId} and ${agencyUserAccountAssociation.userAccountId} = ${userId}`,
      )
  )[0]?.role;

describe('who may call the admin agency routes', () => {
  it('refuses the signed-out with 401 and agency admins with 403, writing nothing', async () => {
    const agency = await givenAgency(t.database.db);
    const admin = await givenUser(t.database.db, { agency });
    expect((await refused('GET', '/admin/agency/overview', undefined, null)).statusCode).toBe(401);
    expect((await refused('GET', `/admin/agency/${agency.id}`, undefined, admin)).statusCode).toBe(403);
    expect((await refused('PUT', '/admin/agency', newAgency('Refused Agency'), admin)).statusCode).toBe(403);
    expect((await refused('DELETE', `/admin/agency/${agency.id}`, undefined, admin)).statusCode).toBe(403);
    expect(await agenciesNamed('Refused Agency')).toBe(0);
    expect(await agenciesNamed(agency.name)).toBe(1);
  });
});

describe('GET /admin/agency/overview, /:id and /:id/team', () => {
  it('lists agencies with children, homepage and description, and the systems to choose from', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(t.database.db, { sectors: ['PRISONS'] });
    const res = await call('GET', '/admin/agency/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.systems).toContain('LAW_ENFORCEMENT');
    expect(body.systems).not.toContain('SUPERAGENCY');
    const listed = body.agencies.find((a: { id: number }) => a.id === parent.id);
    expect(listed).toMatchObject({ child_agency_ids: [child.id], agency_url: null, team: [], is_superagency: true });
  });

  it("shows one agency's metrics and its whole team, staff included", async () => {
    const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
    const member = await givenUser(t.database.db, { agency, role: 'JUSTICE_COUNTS_ADMIN' });
    const one = await call('GET', `/admin/agency/${agency.id}`);
    expect(one.json().agency.id).toBe(agency.id);
    expect(one.json().metrics).toContainEqual({
      key: 'LAW_ENFORCEMENT_FUNDING',
      name: 'Funding',
      sector: 'LAW ENFORCEMENT',
    });
    const team = await call('GET', `/admin/agency/${agency.id}/team`);
    expect(team.json().team).toEqual([
      expect.objectContaining({ user_account_id: member.id, role: 'JUSTICE_COUNTS_ADMIN' }),
    ]);
  });

  it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
    expect((await refused('GET', '/admin/agency/999999')).statusCode).toBe(404);
    expect((await refused('GET', '/admin/agency/999999/team')).statusCode).toBe(404);
    expect((await refused('DELETE', '/admin/agency/999999')).statusCode).toBe(404);
    expect((await refused('GET', '/admin/agency/x1')).json().details[0].field).toBe('params.anyAgencyId');
  });
});

describe('PUT /admin/agency', () => {
  it('creates a superagency with children, homepage, description and a team that reaches the children', async () => {
    const child = await givenAgency(t.database.db);
    const member = await givenUser(t.database.db);
    const res = await call(
      'PUT',
      '/admin/agency',
      newAgency('Created Superagency', {
        systems: ['PRISONS'],
        is_superagency: true,
        is_dashboard_enabled: true,
        child_agency_ids: [child.id],
        agency_url: 'https://www.example.gov',
        agency_description: 'Runs prisons.',
        team: [{ user_account_id: member.id, role: 'CONTRIBUTOR' }],
      }),
    );
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({
      name: 'Created Superagency',
      systems: ['SUPERAGENCY', 'PRISONS'],
      is_superagency: true,
      is_dashboard_enabled: true,
      child_agency_ids: [child.id],
      agency_url: 'https://www.example.gov',
      agency_description: 'Runs prisons.',
      team: [
        expect.objectContaining({ user_account_id: member.id, role: 'CONTRIBUTOR', invitation_status: 'PENDING' }),
      ],
    });
    expect(await roleIn(child.id, member.id)).toBe('CONTRIBUTOR');
    expect(await countRows(t.database.db, sql`select 1 from ${report} where source_id = ${saved.id}`)).toBeGreaterThan(
      0,
    );
  });

  it('edits an agency: fields, parent, team roles, and removes members left out', async () => {
    const parent = await givenAgency(t.database.db, { isSuperagency: true, systems: ['SUPERAGENCY', 'JAILS'] });
    const agency = await givenAgency(t.database.db);
    const stays = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    const leaves = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const res = await call(
      'PUT',
      '/admin/agency',
      newAgency('Edited Agency', {
        agency_id: agency.id,
        state_code: 'US_NY',
        systems: ['jails', 'PAROLE'],
        super_agency_id: parent.id,
        team: [{ user_account_id: stays.id, role: 'AGENCY_ADMIN' }],
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: agency.id,
      name: 'Edited Agency',
      state_code: 'us_ny',
      state: 'New York',
      systems: ['JAILS', 'SUPERVISION', 'PAROLE'],
      super_agency_id: parent.id,
    });
    expect(await roleIn(agency.id, stays.id)).toBe('AGENCY_ADMIN');
    expect(await roleIn(agency.id, leaves.id)).toBeUndefined();
  });

  it('releases the children of an agency that stops being a superagency', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(t.database.db, { sectors: ['JAILS'] });
    const res = await call('PUT', '/admin/agency', newAgency(parent.name, { agency_id: parent.id }));
    expect(res.statusCode).toBe(200);
    const [released] = await t.database.db.select().from(source).where(eq(source.id, child.id));
    expect(released!.superAgencyId).toBeNull();
  });

  it('refuses a duplicate name, state and systems with 409, writing nothing', async () => {
    const twin = await givenAgency(t.database.db, { systems: ['JAILS'], stateCode: 'us_ca' });
    const res = await refused('PUT', '/admin/agency', newAgency(twin.name));
    expect(res.statusCode).toBe(409);
    expect(res.json().description).toContain(`(id ${twin.id})`);
    expect(await agenciesNamed(twin.name)).toBe(1);
    const other = await givenAgency(t.database.db, { systems: ['JAILS'] });
    const renamed = await refused('PUT', '/admin/agency', newAgency(twin.name, { agency_id: other.id }));
    expect(renamed.statusCode).toBe(409);
  });

  it('keeps a county of the agency’s state, clears it with an empty value, and refuses others with 400', async () => {
    const created = await call(
      'PUT',
      '/admin/agency',
      newAgency('San Mateo County Jail', { fips_county_code: 'US_CA_San_Mateo' }),
    );
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const county = async () => (await t.database.db.select().from(source).where(eq(source.id, id)))[0]!.fipsCountyCode;
    expect(await county()).toBe('us_ca_san_mateo');
    const elsewhere = await refused(
      'PUT',
      '/admin/agency',
      newAgency('San Mateo County Jail', { agency_id: id, fips_county_code: 'us_or_multnomah' }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().details[0]).toMatchObject({ field: 'fips_county_code' });
    expect(elsewhere.json().description).toContain('is not a county of California');
    expect((await call('PUT', '/admin/agency', newAgency('San Mateo County Jail', { agency_id: id }))).statusCode).toBe(
      200,
    );
    expect(await county()).toBe('us_ca_san_mateo');
    await call('PUT', '/admin/agency', newAgency('San Mateo County Jail', { agency_id: id, fips_county_code: '' }));
    expect(await county()).toBeNull();
  });

  it('answers 400 naming the field for bad input, writing nothing', async () => {
    const fieldOf = async (body: object) => {
      const res = await refused('PUT', '/admin/agency', body);
      expect(res.statusCode).toBe(400);
      return res.json().details[0].field;
    };
    expect(await fieldOf(newAgency(''))).toBe('body.name');
    expect(await fieldOf(newAgency('Bad Systems', { systems: ['SPACE'] }))).toBe('body.systems.0');
    expect(await fieldOf(newAgency('Bad Url', { agency_url: 'javascript:alert(1)' }))).toBe('body.agency_url');
    expect(await fieldOf(newAgency('Bad State', { state_code: 'us_zz' }))).toBe('state');
    expect(await fieldOf(newAgency('Both', { is_superagency: true, super_agency_id: 1 }))).toBe('super_agency_id');
    expect(await fieldOf(newAgency('Kids', { child_agency_ids: [1] }))).toBe('child_agency_ids');
    const missing: Record<string, unknown> = newAgency('Missing Flag');
    delete missing.is_dashboard_enabled;
    expect(await fieldOf(missing)).toBe('body.is_dashboard_enabled');
    for (const name of ['Bad Systems', 'Bad Url', 'Bad State', 'Both', 'Kids', 'Missing Flag']) {
      expect(await agenciesNamed(name)).toBe(0);
    }
  });

  it('answers 404 for an unknown agency, parent, child or team member, writing nothing', async () => {
    expect((await refused('PUT', '/admin/agency', newAgency('Ghost', { agency_id: 999999 }))).statusCode).toBe(404);
    expect((await refused('PUT', '/admin/agency', newAgency('Orphan', { super_agency_id: 999999 }))).statusCode).toBe(
      404,
    );
    const lonely = newAgency('Lonely', { is_superagency: true, child_agency_ids: [999999] });
    expect((await refused('PUT', '/admin/agency', lonely)).statusCode).toBe(404);
    const alone = newAgency('Alone', { team: [{ user_account_id: 999999, role: null }] });
    expect((await refused('PUT', '/admin/agency', alone)).statusCode).toBe(404);
    for (const name of ['Ghost', 'Orphan', 'Lonely', 'Alone']) expect(await agenciesNamed(name)).toBe(0);
  });
});

describe('DELETE /admin/agency/:id', () => {
  it('deletes the agency with its data, frees its children and forgets it as a reporting agency', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(t.database.db, {
      sectors: ['JAILS'],
      child: { systems: ['JAILS'] },
    });
    const key = 'JAILS_FUNDING';
    await t.database.db.insert(metricSetting).values({
      agencyId: child.id,
      metricDefinitionKey: key,
      metricInterface: { key, is_metric_enabled: true, reporting_agency_id: parent.id, is_self_reported: false },
    });
    const res = await call('DELETE', `/admin/agency/${parent.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: parent.id, name: parent.name });
    expect(await agenciesNamed(parent.name)).toBe(0);
    const [freed] = await t.database.db.select().from(source).where(eq(source.id, child.id));
    expect(freed!.superAgencyId).toBeNull();
    expect((await storedSettings(t, child.id))[key]).toMatchObject({
      is_metric_enabled: true,
      reporting_agency_id: null,
      is_self_reported: null,
    });
    expect((await historyRows(t, child.id)).length).toBe(1);
  });
});

describe('POST /admin/agency/:id/child-agency/copy', () => {
  async function family() {
    const { superagency: parent, child: jail } = await givenSuperagencyWithChild(t.database.db, {
      sectors: ['JAILS', 'PRISONS'],
      child: { systems: ['JAILS'] },
    });
    const prison = await givenAgency(t.database.db, { superAgencyId: parent.id, systems: ['PRISONS'] });
    const settings = ['JAILS_FUNDING', 'PRISONS_FUNDING'].map((key) => ({
      agencyId: parent.id,
      metricDefinitionKey: key,
      metricInterface: { key, is_metric_enabled: false, version: 'v1' },
    }));
    await t.database.db.insert(metricSetting).values(settings);
    return { parent, jail, prison };
  }

  it("copies the superagency's settings to each child that reports the metric, and says what it did", async () => {
    const { parent, jail, prison } = await family();
    const res = await call('POST', `/admin/agency/${parent.id}/child-agency/copy`, {
      agency_name: parent.name,
      user_email: 'staff@example.test',
      metric_definition_key_subset: ['ALL'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().copied).toEqual(
      expect.arrayContaining([
        {
          agency_id: jail.id,
          agency_name: jail.name,
          metric_keys: ['JAILS_FUNDING'],
          skipped_metric_keys: ['PRISONS_FUNDING'],
        },
        {
          agency_id: prison.id,
          agency_name: prison.name,
          metric_keys: ['PRISONS_FUNDING'],
          skipped_metric_keys: ['JAILS_FUNDING'],
        },
      ]),
    );
    expect((await storedSettings(t, jail.id)).JAILS_FUNDING).toMatchObject({ is_metric_enabled: false });
    expect((await historyRows(t, prison.id)).map((row) => row.metricDefinitionKey)).toEqual(['PRISONS_FUNDING']);
  });

  it('copies to the chosen children only, and refuses strangers and unknown metrics with 400', async () => {
    const { parent, jail, prison } = await family();
    const only = await call('POST', `/admin/agency/${parent.id}/child-agency/copy`, {
      metric_definition_key_subset: ['JAILS_FUNDING'],
      child_agency_id_subset: [String(jail.id)],
    });
    expect(only.json().copied.map((c: { agency_id: number }) => c.agency_id)).toEqual([jail.id]);
    expect(await storedSettings(t, prison.id)).toEqual({});
    const stranger = await givenAgency(t.database.db, { systems: ['JAILS'] });
    const notAChild = await refused('POST', `/admin/agency/${parent.id}/child-agency/copy`, {
      metric_definition_key_subset: ['ALL'],
      child_agency_id_subset: [String(stranger.id)],
    });
    expect(notAChild.statusCode).toBe(400);
    expect(notAChild.json().details[0].field).toBe('child_agency_id_subset.0');
    const unknown = await refused('POST', `/admin/agency/${parent.id}/child-agency/copy`, {
      metric_definition_key_subset: ['NOT_A_METRIC'],
    });
    expect(unknown.json().details[0].field).toBe('metric_definition_key_subset.0');
    expect(await storedSettings(t, stranger.id)).toEqual({});
  });

  it('answers 404 for an unknown superagency and 400 for an ordinary agency', async () => {
    const body = { metric_definition_key_subset: ['ALL'] };
    expect((await refused('POST', '/admin/agency/999999/child-agency/copy', body)).statusCode).toBe(404);
    const plain = await givenAgency(t.database.db);
    expect((await refused('POST', `/admin/agency/${plain.id}/child-agency/copy`, body)).statusCode).toBe(400);
  });
});
