import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyJurisdictions, agencySetting, source } from '../../src/db/schema.ts';
import type { SignedIn } from '../support/given.ts';
import { getMetrics, givenColleague, givenMember, type Member } from '../support/given-metric-settings.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

const patch = (headers: SignedIn, agencyId: number, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url: `/api/agencies/${agencyId}`, headers, payload: payload as object });
const read = (headers: SignedIn, agencyId: number) =>
  t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}`, headers: { cookie: headers.cookie } });

/** Everything a PATCH can change, to prove a refused one changed nothing. */
async function agencyState(agencyId: number) {
  const { db } = t.database;
  return {
    settings: await db.select().from(agencySetting).where(eq(agencySetting.sourceId, agencyId)),
    places: await db.select().from(agencyJurisdictions).where(eq(agencyJurisdictions.sourceId, agencyId)),
    systems: (await db.select({ systems: source.systems }).from(source).where(eq(source.id, agencyId)))[0]?.systems,
  };
}

const ALL_SETTINGS = [
  { setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'We keep the county safe.' },
  { setting_type: 'HOMEPAGE_URL', value: 'https://www.example.gov/police' },
  {
    setting_type: 'SECTOR_INCLUDES_EXCLUDES',
    value: [{ sector: 'PAROLE', settings: [{ key: 'PAROLE_EARLY_RELEASE', included: 'Yes' }] }],
  },
  {
    setting_type: 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE',
    value: { biological_sex: { source: { value: 'SELF_REPORTED', other_description: null } } },
  },
  { setting_type: 'STEPPING_UP', value: { identifies_behavioral_needs: true, tools: { PHQ9: true } } },
];

describe('GET /api/agencies/:agencyId', () => {
  it('starts with no settings, no jurisdictions and the default reminder delay', async () => {
    const member = await givenMember(t, ['LAW_ENFORCEMENT'], 'READ_ONLY');
    const res = await read(member.headers, member.agency.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      settings: [],
      jurisdictions: { included: [], excluded: [] },
      is_subscribed_to_emails: false,
      days_after_time_period_to_send_email: 15,
      is_stepping_up_agency: false,
      population: [],
    });
  });

  it('hides the agency from outsiders', async () => {
    const member = await givenMember(t, ['LAW_ENFORCEMENT']);
    const outsider = await givenMember(t, ['LAW_ENFORCEMENT']);
    expect((await expectNoWrites(t.database.db, () => read(outsider.headers, member.agency.id))).statusCode).toBe(404);
  });
});

describe('PATCH /api/agencies/:agencyId', () => {
  let admin: Member;
  beforeAll(async () => {
    admin = await givenMember(t, ['SUPERVISION', 'PAROLE']);
  });

  it('stores every setting type verbatim and upserts by type', async () => {
    expect((await patch(admin.headers, admin.agency.id, { settings: ALL_SETTINGS })).json()).toEqual({
      status: 'ok',
      status_code: 200,
    });
    const changed = { setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'New purpose' };
    expect((await patch(admin.headers, admin.agency.id, { settings: [changed] })).statusCode).toBe(200);
    const { settings } = (await read(admin.headers, admin.agency.id)).json();
    expect(settings).toEqual([changed, ...ALL_SETTINGS.slice(1)]);
  });

  it('keeps a sector definition’s free-text answer beside its Yes/No answers', async () => {
    const definition = {
      setting_type: 'SECTOR_INCLUDES_EXCLUDES',
      value: [
        {
          sector: 'PAROLE',
          settings: [
            { key: 'PAROLE_EARLY_RELEASE', included: 'No' },
            { key: 'ADDITIONAL_CONTEXT', value: 'We also supervise people released from federal prisons.' },
          ],
        },
      ],
    };
    expect((await patch(admin.headers, admin.agency.id, { settings: [definition] })).statusCode).toBe(200);
    const { settings } = (await read(admin.headers, admin.agency.id)).json();
    expect(settings).toContainEqual(definition);
  });

  it('tells Settings whether the agency takes part in Stepping Up', async () => {
    const member = await givenMember(t, ['JAILS']);
    await t.database.db.update(source).set({ isSteppingUpAgency: true }).where(eq(source.id, member.agency.id));
    expect((await read(member.headers, member.agency.id)).json().is_stepping_up_agency).toBe(true);
  });

  it('replaces the jurisdiction lists', async () => {
    await patch(admin.headers, admin.agency.id, {
      jurisdictions: { included: ['0100000000'], excluded: ['0105500000'] },
    });
    await patch(admin.headers, admin.agency.id, {
      jurisdictions: { included: ['0400000US13', '0103100000', '0400000US13'], excluded: [] },
    });
    expect((await read(admin.headers, admin.agency.id)).json().jurisdictions).toEqual({
      included: ['0400000US13', '0103100000'],
      excluded: [],
    });
  });

  it('changes systems, adding SUPERVISION with a sub-population, and the metric list follows', async () => {
    const member = await givenMember(t, ['PRISONS']);
    expect((await patch(member.headers, member.agency.id, { systems: ['probation', 'PRISONS'] })).statusCode).toBe(200);
    expect((await agencyState(member.agency.id)).systems).toEqual(['PRISONS', 'SUPERVISION', 'PROBATION']);
    const keys = (await getMetrics(t, member.headers, member.agency.id)).json().map((m: { key: string }) => m.key);
    expect(keys).toContain('PROBATION_FUNDING');
  });

  it.each(['READ_ONLY', 'CONTRIBUTOR'] as const)('refuses %s members with 403 and writes nothing', async (role) => {
    const before = await agencyState(admin.agency.id);
    const member = await givenColleague(t, admin.agency, role);
    const res = await expectNoWrites(t.database.db, () =>
      patch(member, admin.agency.id, { settings: [{ setting_type: 'HOMEPAGE_URL', value: 'www.x.org' }] }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().description).toContain('agency.edit');
    expect(await agencyState(admin.agency.id)).toEqual(before);
  });

  it('answers outsiders 404 and writes nothing', async () => {
    const before = await agencyState(admin.agency.id);
    const outsider = await givenMember(t, ['PRISONS']);
    const res = await expectNoWrites(t.database.db, () =>
      patch(outsider.headers, admin.agency.id, { jurisdictions: { included: [], excluded: [] } }),
    );
    expect(res.statusCode).toBe(404);
    expect(await agencyState(admin.agency.id)).toEqual(before);
  });

  const bad: [string, unknown, string][] = [
    [
      'an unknown setting type',
      { settings: [{ setting_type: 'ZIP_CODE', value: '12345' }] },
      'setting_type must be one of',
    ],
    [
      'a homepage that is not a web address',
      { settings: [{ setting_type: 'HOMEPAGE_URL', value: 'javascript:alert(1)' }] },
      'must be a web address',
    ],
    [
      'a description over 750 characters',
      { settings: [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'x'.repeat(751) }] },
      'body.settings.0.value: must be at most 750 characters',
    ],
    [
      'a sector without definitions',
      { settings: [{ setting_type: 'SECTOR_INCLUDES_EXCLUDES', value: [{ sector: 'JAILS', settings: [] }] }] },
      '"JAILS" has no agency-wide definitions',
    ],
    [
      'a sector definition key the catalogue lacks',
      {
        settings: [
          {
            setting_type: 'SECTOR_INCLUDES_EXCLUDES',
            value: [{ sector: 'PAROLE', settings: [{ key: 'MOON', included: 'Yes' }] }],
          },
        ],
      },
      '"MOON" is not a PAROLE definition setting',
    ],
    [
      'free-form JSON that is too large',
      { settings: [{ setting_type: 'STEPPING_UP', value: { notes: 'x'.repeat(20_001) } }] },
      'must be JSON of at most 20000 characters',
    ],
    [
      'a setting type listed twice',
      { settings: [ALL_SETTINGS[0], ALL_SETTINGS[0]] },
      'PURPOSE_AND_FUNCTIONS is listed twice',
    ],
    [
      'a jurisdiction both included and excluded',
      { jurisdictions: { included: ['0100000000'], excluded: ['0100000000'] } },
      '"0100000000" is also listed as included',
    ],
    [
      'text on a definition answer',
      {
        settings: [
          {
            setting_type: 'SECTOR_INCLUDES_EXCLUDES',
            value: [{ sector: 'PAROLE', settings: [{ key: 'PAROLE_EARLY_RELEASE', included: 'Yes', value: 'x' }] }],
          },
        ],
      },
      'settings.0.value.0.settings.0.value: must be left out; only ADDITIONAL_CONTEXT takes text',
    ],
    [
      'a Yes/No answer on the free-text answer',
      {
        settings: [
          {
            setting_type: 'SECTOR_INCLUDES_EXCLUDES',
            value: [{ sector: 'PAROLE', settings: [{ key: 'ADDITIONAL_CONTEXT', included: 'Yes' }] }],
          },
        ],
      },
      'settings.0.value.0.settings.0.included: must be left out for the free-text answer',
    ],
    ['a malformed GEOID', { jurisdictions: { included: ['01 00'], excluded: [] } }, 'must be a GEOID'],
    ['an unknown system', { systems: ['PRISONS', 'SPACE_FORCE'] }, '"SPACE_FORCE" is not a system'],
  ];

  it.each(bad)('refuses %s with 400 and writes nothing', async (_name, payload, message) => {
    const before = await agencyState(admin.agency.id);
    const res = await expectNoWrites(t.database.db, () => patch(admin.headers, admin.agency.id, payload));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain(message);
    expect(await agencyState(admin.agency.id)).toEqual(before);
  });
});

describe('GET /api/geographies', () => {
  const get = (headers: SignedIn | undefined, query: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/geographies${query}`,
      headers: headers ? { cookie: headers.cookie } : {},
    });

  it('finds states and counties by name, and names stored GEOIDs', async () => {
    const member = await givenMember(t, ['JAILS'], 'READ_ONLY');
    const found = await get(member.headers, '?search=san%20mat');
    expect(found.statusCode).toBe(200);
    expect(found.json().geographies).toEqual([
      { geoid: '0500000US06081', name: 'San Mateo, California', kind: 'county', county_code: 'us_ca_san_mateo' },
    ]);
    const inState = (await get(member.headers, '?state=US_CA')).json().geographies;
    expect(inState).toHaveLength(58);
    expect(inState).toContainEqual(expect.objectContaining({ name: 'San Mateo, California' }));
    const named = await get(member.headers, '?geoids=0400000US13,0500000US06081');
    expect(named.json().geographies.map((g: { name: string }) => g.name)).toEqual(['Georgia', 'San Mateo, California']);
  });

  it('asks the signed-out to sign in', async () => {
    expect((await expectNoWrites(t.database.db, () => get(undefined, '?search=georgia'))).statusCode).toBe(401);
  });

  it.each([
    ['a search over 100 characters', `?search=${'a'.repeat(101)}`, 'search'],
    ['a malformed GEOID', '?geoids=04%2000', 'must be a GEOID'],
    ['neither a search nor GEOIDs', '', 'give search, geoids or state'],
    ['an unknown state', '?state=us_zz', 'must be a US state code'],
  ])('refuses %s with 400 naming the problem, and writes nothing', async (_name, query, message) => {
    const member = await givenMember(t, ['JAILS']);
    const res = await expectNoWrites(t.database.db, () => get(member.headers, query));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain(message);
  });
});
