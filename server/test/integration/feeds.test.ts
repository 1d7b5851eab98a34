/** The CSV feeds (02-http-api §2.9): the public one of published figures, and the members' one with drafts. */
import { describe, expect, it } from 'vitest';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import {
  ARRESTS,
  FUNDING,
  FUNDING_TYPE,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
  OFFENSE,
} from '../support/given-public-data.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, get } = await testFile();

/** Published January and February 2024, a draft March, two published years of funding. */
async function givenFeedAgency(overrides: Partial<AgencyRow> = {}): Promise<AgencyRow> {
  const agency = await givenDashboardAgency(db(), overrides);
  await givenUsualSettings(db(), agency);
  await givenRecordWithValues(db(), agency, { year: 2024, month: 1, status: 'PUBLISHED' }, [
    { metric: ARRESTS, value: '100' },
    { metric: ARRESTS, value: '60', dimension: { [OFFENSE]: 'PERSON' } },
    { metric: ARRESTS, value: '25', dimension: { [OFFENSE]: 'DRUG' } },
    { metric: ARRESTS, value: '15', dimension: { [OFFENSE]: 'PROPERTY' } },
  ]);
  await givenRecordWithValues(db(), agency, { year: 2024, month: 2, status: 'PUBLISHED' }, [
    { metric: ARRESTS, value: '90.0' },
    { metric: ARRESTS, value: '50', dimension: { [OFFENSE]: 'PERSON' } },
  ]);
  await givenRecordWithValues(db(), agency, { year: 2024, month: 3, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '999' },
  ]);
  for (const [year, total, grants] of [
    [2022, '2000000', '300000'],
    [2023, '2500000', '400000'],
  ] as const) {
    await givenRecordWithValues(db(), agency, { frequency: 'ANNUAL', year, month: 1, status: 'PUBLISHED' }, [
      { metric: FUNDING, value: total },
      { metric: FUNDING, value: grants, dimension: { [FUNDING_TYPE]: 'GRANTS' } },
      { metric: FUNDING, value: '5', dimension: { [FUNDING_TYPE]: 'OTHER' } },
    ]);
  }
  return agency;
}

describe('GET /feed/:agencyId', () => {
  it('writes a monthly file of published figures, newest first, as a CSV download', async () => {
    const agency = await givenFeedAgency();
    const res = await get(`/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`agency-${agency.id}-law_enforcement-arrests.csv`);
    expect(res.headers['cache-control']).toContain('public');
    expect(res.body).toBe('year,month,value\n2024,February,90.0\n2024,January,100\n');
  });

  it('writes an annual file without a month column', async () => {
    const agency = await givenFeedAgency();
    const res = await get(`/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=funding`);
    expect(res.body).toBe('year,value\n2023,2500000\n2022,2000000\n');
  });

  it('writes breakdown files with only the members the agency switched on', async () => {
    const agency = await givenFeedAgency();
    const arrests = await get(`/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests_by_type`);
    expect(arrests.body).toBe(
      'year,month,offense_type,value\n2024,February,PERSON,50\n2024,January,PERSON,60\n2024,January,DRUG,25\n',
    );
    const funding = await get(`/feed/${agency.id}?metric=funding_by_type`);
    expect(funding.body).toBe('year,funding_type,value\n2023,GRANTS,400000\n2022,GRANTS,300000\n');
  });

  it('lists the files that have figures when asked without a metric', async () => {
    const agency = await givenFeedAgency();
    const res = await get(`/feed/${agency.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      [
        'system,metric,title,rows',
        'LAW_ENFORCEMENT,funding,Funding,2',
        'LAW_ENFORCEMENT,funding_by_type,Funding by Funding Types,2',
        'LAW_ENFORCEMENT,arrests,Arrests,2',
        'LAW_ENFORCEMENT,arrests_by_type,Arrests by Offense Types,3',
        '',
      ].join('\n'),
    );
  });

  it('has only a header for a file with nothing published yet', async () => {
    const agency = await givenDashboardAgency(db());
    expect((await get(`/feed/${agency.id}?metric=arrests`)).body).toBe('year,value\n');
  });

  it('refuses a bad query with 400 naming the parameter', async () => {
    const agency = await givenFeedAgency();
    const cases: [string, string][] = [
      ['system=NOPE&metric=arrests', 'querystring.system'],
      ['metric=Arrests;drop', 'querystring.metric'],
      ['metric=arrests&metric=funding', 'querystring.metric'],
      ['metric=prison_admissions', 'metric'],
      ['system=PRISONS&metric=admissions', 'system'],
    ];
    for (const [query, field] of cases) {
      const res = await expectNoWrites(t.database.db, () => get(`/feed/${agency.id}?${query}`));
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ field })] });
    }
  });

  it('answers 404 for an agency whose dashboard is off and for one that does not exist', async () => {
    const hidden = await givenFeedAgency({ isDashboardEnabled: false });
    for (const id of [hidden.id, 2_000_000_000]) {
      const res = await expectNoWrites(t.database.db, () => get(`/feed/${id}?metric=arrests`));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
  });
});

describe('GET /api/feed/:agencyId', () => {
  it('gives members every record, drafts included, never to be cached by others', async () => {
    const agency = await givenFeedAgency({ isDashboardEnabled: false });
    const member = await givenUser(db(), { agency, role: 'READ_ONLY' });
    const headers = await signIn(t.app, db(), member);
    const res = await get(`/api/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests`, { cookie: headers.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toBe('year,month,value\n2024,March,999\n2024,February,90.0\n2024,January,100\n');
    const breakdown = await get(`/api/feed/${agency.id}?metric=arrests_by_type`, { cookie: headers.cookie });
    expect(breakdown.body).toContain('2024,January,PROPERTY,15\n');
  });

  it('refuses the signed-out with 401 and outsiders with 404', async () => {
    const agency = await givenFeedAgency();
    expect((await expectNoWrites(t.database.db, () => get(`/api/feed/${agency.id}?metric=arrests`))).statusCode).toBe(
      401,
    );
    const outsider = await givenUser(db(), { agency: await givenAgency(db()), role: 'AGENCY_ADMIN' });
    const headers = await signIn(t.app, db(), outsider);
    expect(
      (
        await expectNoWrites(t.database.db, () =>
          get(`/api/feed/${agency.id}?metric=arrests`, { cookie: headers.cookie }),
        )
      ).statusCode,
    ).toBe(404);
  });
});
