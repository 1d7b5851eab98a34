/**
 * Explain before publish (issue 18 item 2): a value flagged against the agency's own history, or a
 * breakdown that does not add up, is published only with an explanation; the explanation is kept
 * and published with the figure as a data note, in the public JSON (v1 and v2), the CSV feed, the
 * release and the change feed.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import type { SignedIn } from '../support/given.ts';
import {
  ARRESTS,
  changesOf as changesOfAgency,
  givenRecordWithValues,
  givenUnusualArrests,
  OFFENSE,
} from '../support/given-public-data.ts';
import { bulkBody, getJson, patchReport, reportById } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import type { PublishFlagsResponse } from '../../src/contract/reports.ts';
import type { PublishedDataResponse } from '../../src/contract/public-data.ts';
import type { PublishedDataV2Response } from '../../src/contract/public-data-v2.ts';
import type { ReleaseResponse } from '../../src/contract/releases.ts';

const { t, db } = await testFile();

const UNUSUAL = `unusual:${ARRESTS}`;
const SENTENCE = 'Arrests is 400, 4 times the usual January (median 100).';

const givenUnusualJanuary = () => givenUnusualArrests(t.app, db());

const changesOf = (agencyId: number) => changesOfAgency(t.app, agencyId);

const JANUARY = { metric: ARRESTS, metric_name: 'Arrests', period_start: '2024-01-01', period_end: '2024-02-01' };
const januaryNote = (before: string | null, after: string | null) => ({ ...JANUARY, before, after });

const flagsOf = async (headers: SignedIn, agencyId: number, ids: number[]) =>
  (
    await getJson(t, headers, `/api/reports/flags?agency_id=${agencyId}&report_ids=${ids.join(',')}`)
  ).json<PublishFlagsResponse>().flags;

describe('GET /api/reports/flags', () => {
  it('lists each flagged value of the records in a sentence, not yet explained', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    expect(await flagsOf(headers, agency.id, [january.id])).toEqual([
      {
        report_id: january.id,
        flag: UNUSUAL,
        kind: 'unusual',
        metric_key: ARRESTS,
        sentence: SENTENCE,
        explanation: null,
      },
    ]);
  });

  it('flags a breakdown that does not add up to the total', async () => {
    const { agency, headers } = await givenUnusualJanuary();
    const march = await givenRecordWithValues(db(), agency, { year: 2024, month: 3, status: 'DRAFT' }, [
      { metric: ARRESTS, value: '100' },
      { metric: ARRESTS, value: '30', dimension: { [OFFENSE]: 'PERSON' } },
    ]);
    expect((await flagsOf(headers, agency.id, [march.id])).map((flag) => flag.sentence)).toEqual([
      'The Offense Types breakdown of Arrests adds up to 30, less than the total of 100.',
    ]);
  });

  it('answers 400 naming report_ids when they are not record ids, and 404 for a record of another agency', async () => {
    const { agency, headers } = await givenUnusualJanuary();
    const bad = await expectNoWrites(t.database.db, () =>
      getJson(t, headers, `/api/reports/flags?agency_id=${agency.id}&report_ids=abc`),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('report_ids');
    const other = await givenUnusualJanuary();
    const res = await expectNoWrites(t.database.db, () =>
      getJson(t, headers, `/api/reports/flags?agency_id=${agency.id}&report_ids=${other.january.id}`),
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('PATCH /api/reports/:reportId (publishing)', () => {
  it('refuses to publish a flagged value without an explanation, naming it, and writes nothing', async () => {
    const { january, headers } = await givenUnusualJanuary();
    const res = await expectNoWrites(db(), () => patchReport(t, headers, january.id, { status: 'PUBLISHED' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input', details: [{ field: 'explanations' }] });
    expect(res.json<{ description: string }>().description).toContain(SENTENCE);
  });

  it('refuses an explanation of a value that is not flagged, or a blank one, and writes nothing', async () => {
    const { january, headers } = await givenUnusualJanuary();
    const stray = await expectNoWrites(db(), () =>
      patchReport(t, headers, january.id, {
        status: 'PUBLISHED',
        explanations: [
          { flag: UNUSUAL, text: 'New bookings desk' },
          { flag: 'unusual:PRISONS_ADMISSIONS', text: 'x' },
        ],
      }),
    );
    expect(stray.statusCode).toBe(400);
    expect(stray.json<{ details: { message: string }[] }>().details).toEqual([
      { field: 'explanations', message: `record ${january.id} has no flag "unusual:PRISONS_ADMISSIONS"` },
    ]);
    const blank = await expectNoWrites(db(), () =>
      patchReport(t, headers, january.id, { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: '  ' }] }),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('write a short explanation');
  });

  it('publishes with an explanation, which goes out with the figure in the public JSON and the CSV feed', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    const note = 'A second precinct began reporting in January.';
    const res = await patchReport(t, headers, january.id, {
      status: 'PUBLISHED',
      explanations: [{ flag: UNUSUAL, text: ` ${note} ` }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await reportById(db(), january.id))?.status).toBe('PUBLISHED');
    expect((await flagsOf(headers, agency.id, [january.id]))[0]?.explanation).toBe(note);

    const feed = await t.app.inject({ method: 'GET', url: `/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests` });
    expect(feed.body.split('\n').slice(0, 3)).toEqual([
      'year,month,value,note',
      `2024,January,400,${note}`,
      '2023,December,100,',
    ]);
    const data = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/published_data` });
    const arrests = data.json<PublishedDataResponse>().metrics.find((metric) => metric.key === ARRESTS);
    expect(arrests?.data_notes).toEqual([{ start_date: '2024-01-01', end_date: '2024-02-01', note }]);
    const v2 = await t.app.inject({ method: 'GET', url: `/api/v2/agencies/${agency.id}/published_data` });
    const arrestsV2 = v2.json<PublishedDataV2Response>().metrics.find((metric) => metric.display_name === 'Arrests');
    expect(arrestsV2?.data_notes).toEqual(arrests?.data_notes);
  });

  it('puts the explanation in the release and the change feed, and takes it back there on unpublish', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    const note = 'A second precinct began reporting in January.';
    const explained = { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: note }] };
    expect((await patchReport(t, headers, january.id, explained)).statusCode).toBe(200);
    const [published] = await changesOf(agency.id);
    expect(published?.note_changes).toEqual([januaryNote(null, note)]);

    const release = (await t.app.inject({ method: 'GET', url: published!.url })).json<ReleaseResponse>();
    expect(release.data_notes).toEqual([{ ...JANUARY, note }]);
    const csv = await t.app.inject({ method: 'GET', url: published!.csv_url });
    expect(csv.body.split('\n')[0]).toMatch(/,value,note$/);
    expect(csv.body).toContain(`,400,${note}`);

    expect((await patchReport(t, headers, january.id, { status: 'DRAFT' })).statusCode).toBe(200);
    expect((await changesOf(agency.id)).at(-1)?.note_changes).toEqual([januaryNote(note, null)]);
  });

  it('takes back the note from the public side when the record is unpublished', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    const explained = { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: 'Late bookings' }] };
    expect((await patchReport(t, headers, january.id, explained)).statusCode).toBe(200);
    expect((await patchReport(t, headers, january.id, { status: 'DRAFT' })).statusCode).toBe(200);
    const feed = await t.app.inject({ method: 'GET', url: `/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests` });
    expect(feed.body).not.toContain('Late bookings');
    // Published again with the same value: the stored explanation still answers the flag.
    expect((await patchReport(t, headers, january.id, { status: 'PUBLISHED' })).statusCode).toBe(200);
  });

  it('gives members the same note column in their feed, drafts included, the note kept with an unpublished record', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    await givenRecordWithValues(db(), agency, { year: 2024, month: 2, status: 'DRAFT' }, [
      { metric: ARRESTS, value: '104' },
    ]);
    const note = 'A second precinct began reporting in January.';
    const explained = { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: note }] };
    expect((await patchReport(t, headers, january.id, explained)).statusCode).toBe(200);
    const query = `${agency.id}?system=LAW_ENFORCEMENT&metric=arrests`;
    const lines = async (url: string, cookie?: string) =>
      (await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })).body.split('\n').slice(0, 4);

    const members = await lines(`/api/feed/${query}`, headers.cookie);
    expect(members).toEqual([
      'year,month,value,note',
      '2024,February,104,',
      `2024,January,400,${note}`,
      '2023,December,100,',
    ]);
    expect((await lines(`/feed/${query}`)).slice(0, 3)).toEqual([members[0], members[2], members[3]]);

    expect((await patchReport(t, headers, january.id, { status: 'DRAFT' })).statusCode).toBe(200);
    expect(await lines(`/feed/${query}`)).not.toContain(`2024,January,400,${note}`);
    expect(await lines(`/api/feed/${query}`, headers.cookie)).toEqual(members);
  });

  it('publishes a record with nothing unusual without asking', async () => {
    const { agency, headers } = await givenUnusualJanuary();
    const february = await givenRecordWithValues(db(), agency, { year: 2024, month: 2, status: 'DRAFT' }, [
      { metric: ARRESTS, value: '104' },
    ]);
    expect((await patchReport(t, headers, february.id, { status: 'PUBLISHED' })).statusCode).toBe(200);
  });
});

describe('PATCH /api/reports (publishing several)', () => {
  const bulk = async (headers: SignedIn, payload: object) =>
    t.app.inject({ method: 'PATCH', url: '/api/reports', headers, payload });

  it('refuses the whole publish while a record has an unexplained flag, and writes nothing', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    const body = await bulkBody(db(), agency.id, [january.id], { status: 'PUBLISHED' });
    const res = await expectNoWrites(db(), () => bulk(headers, body));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`record ${january.id}: ${SENTENCE}`);
  });

  it('publishes with an explanation per flag naming its record', async () => {
    const { agency, january, headers } = await givenUnusualJanuary();
    const explanations = [{ report_id: january.id, flag: UNUSUAL, text: 'Jail moved into the county' }];
    const body = await bulkBody(db(), agency.id, [january.id], { status: 'PUBLISHED', explanations });
    const res = await bulk(headers, body);
    expect(res.statusCode, res.body).toBe(200);
    const feed = await t.app.inject({ method: 'GET', url: `/feed/${agency.id}?system=LAW_ENFORCEMENT&metric=arrests` });
    expect(feed.body).toContain('2024,January,400,Jail moved into the county');
  });
});
