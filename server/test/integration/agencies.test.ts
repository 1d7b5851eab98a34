import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencySetting, source } from '../../src/db/schema.ts';
import { givenAgency, givenMembership, givenUser, signIn, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const get = async (url: string, user: UserRow) =>
  t.app.inject({ method: 'GET', url, headers: await signIn(t.app, t.database.db, user) });

async function family() {
  const parent = await givenAgency(t.database.db, {
    name: 'State DOC',
    isSuperagency: true,
    systems: ['SUPERAGENCY', 'PRISONS'],
  });
  const child = await givenAgency(t.database.db, {
    name: 'North Prison',
    superAgencyId: parent.id,
    systems: ['PRISONS'],
  });
  return { parent, child };
}

describe('GET /api/agency/:agencyId', () => {
  it('returns the agency with settings and team, in the reference shape', async () => {
    const agency = await givenAgency(t.database.db, {
      name: 'Agency Alpha',
      stateCode: 'us_ca',
      systems: ['PRISONS', 'LAW_ENFORCEMENT'],
      fipsCountyCode: 'us_ca_alameda',
    });
    await t.database.db
      .insert(agencySetting)
      .values({ sourceId: agency.id, settingType: 'HOMEPAGE_URL', value: 'www.agency.gov' });
    const user = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN', name: 'Jane Doe' });
    const res = await get(`/api/agency/${agency.id}`, user);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      agencies: [
        {
          created_at: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
          custom_child_agency_name: null,
          fips_county_code: 'us_ca_alameda',
          id: agency.id,
          is_dashboard_enabled: null,
          is_stepping_up_agency: null,
          is_superagency: false,
          name: 'Agency Alpha',
          settings: [{ setting_type: 'HOMEPAGE_URL', value: 'www.agency.gov' }],
          state: 'California',
          state_code: 'us_ca',
          super_agency_id: null,
          systems: ['LAW_ENFORCEMENT', 'PRISONS'],
          team: [
            {
              auth0_user_id: null,
              // An admin may neither demote nor remove themselves.
              can: { change_role: false, remove: false },
              email: user.email,
              grantable_roles: [],
              invitation_status: 'ACCEPTED',
              name: 'Jane Doe',
              role: 'AGENCY_ADMIN',
              user_account_id: user.id,
            },
          ],
        },
      ],
    });
  });

  it('adds the superagency only for members of both', async () => {
    const { parent, child } = await family();
    const both = await givenUser(t.database.db, { agency: child, role: 'CONTRIBUTOR' });
    await givenMembership(t.database.db, both, parent, 'CONTRIBUTOR');
    const childOnly = await givenUser(t.database.db, { agency: child, role: 'CONTRIBUTOR' });
    const ids = async (user: UserRow) =>
      (await get(`/api/agency/${child.id}`, user)).json().agencies.map((a: AgencyRow) => a.id);
    expect(await ids(both)).toEqual([child.id, parent.id]);
    expect(await ids(childOnly)).toEqual([child.id]);
  });

  it('answers outsiders 404 without data', async () => {
    const agency = await givenAgency(t.database.db);
    const outsider = await givenUser(t.database.db, { agency: await givenAgency(t.database.db) });
    const res = await expectNoWrites(t.database.db, () => get(`/api/agency/${agency.id}`, outsider));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', description: `Agency ${agency.id} was not found.` });
  });
});

describe('GET /api/agencies/:agencyId/children', () => {
  it('lists the child agencies of a superagency, and none otherwise', async () => {
    const { parent, child } = await family();
    const user = await givenUser(t.database.db, { agency: parent, role: 'READ_ONLY' });
    const res = await get(`/api/agencies/${parent.id}/children`, user);
    expect(res.json()).toEqual({
      child_agencies: [{ id: child.id, name: 'North Prison', custom_child_agency_name: null, systems: ['PRISONS'] }],
    });
    expect((await get(`/api/agencies/${child.id}/children`, user)).json()).toEqual({ child_agencies: [] });
  });
});

describe('PUT /api/agency/:agencyId/custom-name', () => {
  const rename = async (agency: AgencyRow, user: UserRow, name: string | null) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/agency/${agency.id}/custom-name`,
      headers: await signIn(t.app, t.database.db, user),
      payload: { custom_child_agency_name: name },
    });
  const customName = async (agency: AgencyRow) =>
    (await t.database.db.select().from(source).where(eq(source.id, agency.id)))[0]?.customChildAgencyName;

  it('lets editors of the superagency and admins of the child set it, and null clear it', async () => {
    const { parent, child } = await family();
    const superContributor = await givenUser(t.database.db, { agency: parent, role: 'CONTRIBUTOR' });
    const childAdmin = await givenUser(t.database.db, { agency: child, role: 'AGENCY_ADMIN' });
    const res = await rename(child, superContributor, '  NORTH-01 ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: child.id,
      name: 'North Prison',
      custom_child_agency_name: 'NORTH-01',
      systems: ['PRISONS'],
    });
    expect((await rename(child, childAdmin, null)).statusCode).toBe(200);
    expect(await customName(child)).toBeNull();
  });

  it('refuses read-only members, child contributors and agencies without a superagency', async () => {
    const { parent, child } = await family();
    const reader = await givenUser(t.database.db, { agency: parent, role: 'READ_ONLY' });
    const childContributor = await givenUser(t.database.db, { agency: child, role: 'CONTRIBUTOR' });
    expect((await expectNoWrites(t.database.db, () => rename(child, reader, 'X'))).statusCode).toBe(403);
    expect((await expectNoWrites(t.database.db, () => rename(child, childContributor, 'X'))).statusCode).toBe(403);
    const lone = await givenAgency(t.database.db, { name: 'Lone Agency' });
    const loneAdmin = await givenUser(t.database.db, { agency: lone, role: 'AGENCY_ADMIN' });
    const res = await expectNoWrites(t.database.db, () => rename(lone, loneAdmin, 'X'));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toBe(
      `agency_id: agency ${lone.id} ("Lone Agency") is not a child agency, so it has no custom name`,
    );
    expect(await customName(child)).toBeNull();
    expect(await customName(lone)).toBeNull();
  });
});
