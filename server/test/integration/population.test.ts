/**
 * The jurisdiction's population by year (issue 18 item 6): an agency gives it in Settings, staff
 * load it for many agencies by CSV, and the public payloads carry it for rates per 100,000.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyPopulation } from '../../src/db/schema.ts';
import { givenColleague, givenMember, type Member } from '../support/given-metric-settings.ts';
import { givenDashboardAgency } from '../support/given-public-data.ts';
import { givenAgency, givenUser, signIn, type SignedIn } from '../support/given.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
const staff = await signIn(t.app, t.database.db, await givenUser(t.database.db, { isPlatformAdmin: true }));

const patch = (headers: SignedIn, agencyId: number, population: unknown) =>
  t.app.inject({ method: 'PATCH', url: `/api/agencies/${agencyId}`, headers, payload: { population } });
const read = async (headers: SignedIn, agencyId: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}`, headers: { cookie: headers.cookie } })).json()
    .population;
const importCsv = (headers: SignedIn, csv: string) =>
  t.app.inject({ method: 'PUT', url: '/admin/population', headers, payload: { csv } });
const stored = (agencyIds: number[]) =>
  t.database.db
    .select({
      agencyId: agencyPopulation.agencyId,
      year: agencyPopulation.year,
      population: agencyPopulation.population,
    })
    .from(agencyPopulation)
    .where(inArray(agencyPopulation.agencyId, agencyIds))
    .orderBy(agencyPopulation.agencyId, agencyPopulation.year);

describe('PATCH /api/agencies/:agencyId with population', () => {
  let admin: Member;
  beforeAll(async () => {
    admin = await givenMember(t, ['LAW_ENFORCEMENT']);
  });

  it('saves the years given, answers them oldest first, and replaces the list on the next save', async () => {
    const years = [
      { year: 2024, population: 125_000 },
      { year: 2022, population: 120_000 },
    ];
    expect((await patch(admin.headers, admin.agency.id, years)).statusCode).toBe(200);
    expect(await read(admin.headers, admin.agency.id)).toEqual([years[1], years[0]]);
    expect((await patch(admin.headers, admin.agency.id, [{ year: 2023, population: 122_000 }])).statusCode).toBe(200);
    expect(await read(admin.headers, admin.agency.id)).toEqual([{ year: 2023, population: 122_000 }]);
  });

  it('lets every member read it, and a newer answer follows a change (no stale 304)', async () => {
    const member = await givenColleague(t, admin.agency, 'READ_ONLY');
    const first = await t.app.inject({ method: 'GET', url: `/api/agencies/${admin.agency.id}`, headers: member });
    expect(first.headers.etag).toBeTruthy();
    await patch(admin.headers, admin.agency.id, [{ year: 2021, population: 1 }]);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${admin.agency.id}`,
      headers: { ...member, 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().population).toEqual([{ year: 2021, population: 1 }]);
  });

  it.each([
    [
      'a year given twice',
      [
        { year: 2024, population: 1 },
        { year: 2024, population: 2 },
      ],
      'population.1.year: 2024 is listed twice',
    ],
    ['a year before 1900', [{ year: 1850, population: 1 }], 'population.0.year'],
    ['no people', [{ year: 2024, population: 0 }], 'population.0.population'],
    ['a fraction of a person', [{ year: 2024, population: 10.5 }], 'population.0.population'],
    ['a figure as text', [{ year: 2024, population: '1000' }], 'population.0.population'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, population, field) => {
    await patch(admin.headers, admin.agency.id, [{ year: 2020, population: 99 }]);
    const res = await expectNoWrites(t.database.db, () => patch(admin.headers, admin.agency.id, population));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain(field);
    expect(await read(admin.headers, admin.agency.id)).toEqual([{ year: 2020, population: 99 }]);
  });

  it('refuses members who may not edit the agency with 403, and writes nothing', async () => {
    const contributor = await givenColleague(t, admin.agency, 'CONTRIBUTOR');
    const res = await expectNoWrites(t.database.db, () =>
      patch(contributor, admin.agency.id, [{ year: 2024, population: 5 }]),
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('PUT /admin/population', () => {
  it('sets the years the CSV gives for agencies named by id or name, keeping their other years', async () => {
    const lake = await givenAgency(t.database.db, { name: 'Lake County Sheriff Population Test' });
    const river = await givenAgency(t.database.db);
    await t.database.db.insert(agencyPopulation).values({ agencyId: lake.id, year: 2020, population: 7 });
    const csv = [
      'agency,year,population',
      `lake county sheriff population test,2023,"48,000"`,
      `${river.id},2023,9100`,
      `${river.id},2024,9200`,
    ].join('\r\n');
    const res = await importCsv(staff, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ agencies: 2, years: 3 });
    expect(await stored([lake.id, river.id])).toEqual([
      { agencyId: lake.id, year: 2020, population: 7 },
      { agencyId: lake.id, year: 2023, population: 48_000 },
      { agencyId: river.id, year: 2023, population: 9100 },
      { agencyId: river.id, year: 2024, population: 9200 },
    ]);
    expect((await importCsv(staff, `agency,year,population\n${river.id},2024,9300\n`)).statusCode).toBe(200);
    expect((await stored([river.id])).at(-1)).toEqual({ agencyId: river.id, year: 2024, population: 9300 });
  });

  it.each([
    ['a bad year', (id: number) => `${id},2024,100\n${id},twenty,100`, 'line 3: year "twenty" must be a whole year'],
    ['an unknown agency id', () => '2147480000,2024,100', 'line 2: no agency has the id 2147480000'],
    ['an unknown agency name', () => 'Nowhere Police,2024,100', 'line 2: no agency is named "Nowhere Police"'],
    ['a year twice', (id: number) => `${id},2024,1\n${id},2024,2`, 'line 3: 2024 is given twice for this agency'],
  ])('refuses a file with %s, naming the line, and writes nothing', async (_name, lines, message) => {
    const agency = await givenAgency(t.database.db);
    const res = await expectNoWrites(t.database.db, () =>
      importCsv(staff, `agency,year,population\n${lines(agency.id)}\n`),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_input');
    expect(res.json().description).toContain(message);
  });

  it('refuses two agencies of the same name, asking for the id', async () => {
    await givenAgency(t.database.db, { name: 'Twin Town Police' });
    await givenAgency(t.database.db, { name: 'Twin Town Police' });
    const res = await expectNoWrites(t.database.db, () =>
      importCsv(staff, 'agency,year,population\nTwin Town Police,2024,5'),
    );
    expect(res.json().description).toContain('2 agencies are named "Twin Town Police"; give the id');
  });

  it('is for Justice Counts staff only', async () => {
    const admin = await givenMember(t, ['LAW_ENFORCEMENT']);
    const res = await expectNoWrites(t.database.db, () =>
      importCsv(admin.headers, `agency,year,population\n${admin.agency.id},2024,5`),
    );
    expect(res.statusCode).toBe(403);
    expect(await stored([admin.agency.id])).toEqual([]);
  });
});

describe('population in the public payloads', () => {
  it('carries the population by year in v2 published data and in the dashboard data', async () => {
    const agency = await givenDashboardAgency(t.database.db);
    await t.database.db.insert(agencyPopulation).values([
      { agencyId: agency.id, year: 2023, population: 50_000 },
      { agencyId: agency.id, year: 2024, population: 51_000 },
    ]);
    const v2 = (await t.app.inject({ method: 'GET', url: `/api/v2/agencies/${agency.id}/published_data` })).json();
    expect(v2.agency.population).toEqual({ total: { 2023: 50_000, 2024: 51_000 } });
    const v1 = (await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/published_data` })).json();
    expect(v1.agency.population).toEqual({ total: { 2023: 50_000, 2024: 51_000 } });
    await t.database.db.delete(agencyPopulation).where(eq(agencyPopulation.agencyId, agency.id));
    const none = (await t.app.inject({ method: 'GET', url: `/api/v2/agencies/${agency.id}/published_data` })).json();
    expect(none.agency.population).toEqual({ total: {} });
  });
});
