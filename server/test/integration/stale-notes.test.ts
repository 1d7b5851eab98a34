/**
 * An explanation does not outlive the value it explained: when a published value is edited (on the
 * record page or by an upload) so that its flag is gone, or reads another sentence, the note leaves
 * the public JSON, the feeds and the next release, whose change lists it as removed; the release
 * that carried it keeps it.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import type { SignedIn } from '../support/given.ts';
import { ARRESTS, changesOf, givenUnusualArrests } from '../support/given-public-data.ts';
import { arrests, getJson, patchReport, recordSaver } from '../support/given-reports.ts';
import { uploadArrests } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import type { PublishFlagsResponse } from '../../src/contract/reports.ts';
import type { PublishedDataResponse } from '../../src/contract/public-data.ts';
import type { ReleaseResponse } from '../../src/contract/releases.ts';

const { t, db } = await testFile();

const UNUSUAL = `unusual:${ARRESTS}`;
const NOTE = 'A second precinct began reporting in January.';
const JANUARY = { metric: ARRESTS, metric_name: 'Arrests', period_start: '2024-01-01', period_end: '2024-02-01' };

/** January 2024's 400 arrests published with its explanation. */
async function givenExplainedJanuary() {
  const given = await givenUnusualArrests(t.app, db());
  const explained = { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: NOTE }] };
  expect((await patchReport(t, given.headers, given.january.id, explained)).statusCode).toBe(200);
  return given;
}

const feedQuery = (agencyId: number) => `${agencyId}?system=LAW_ENFORCEMENT&metric=arrests`;

/** January's line in the public feed and in the members' feed. */
async function januaryLines(agencyId: number, headers: SignedIn) {
  const line = (body: string) => body.split('\n').find((row) => row.startsWith('2024,January,'));
  const open = await t.app.inject({ method: 'GET', url: `/feed/${feedQuery(agencyId)}` });
  const members = await getJson(t, headers, `/api/feed/${feedQuery(agencyId)}`);
  return { open: line(open.body), members: line(members.body) };
}

async function publicNotes(agencyId: number) {
  const data = await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/published_data` });
  return data.json<PublishedDataResponse>().metrics.find((metric) => metric.key === ARRESTS)?.data_notes;
}

async function flagsOf(headers: SignedIn, agencyId: number, reportId: number) {
  const res = await getJson(t, headers, `/api/reports/flags?agency_id=${agencyId}&report_ids=${reportId}`);
  return res.json<PublishFlagsResponse>().flags;
}

/** The release that first carried the note still carries it; the latest change lists it as removed. */
async function expectNoteRemovedInLatestRelease(agencyId: number) {
  const changes = await changesOf(t.app, agencyId);
  const carried = changes.find((change) => change.note_changes.some((note) => note.after === NOTE));
  const release = (await t.app.inject({ method: 'GET', url: carried!.url })).json<ReleaseResponse>();
  expect(release.data_notes).toEqual([{ ...JANUARY, note: NOTE }]);
  expect(changes.at(-1)?.note_changes).toEqual([{ ...JANUARY, before: NOTE, after: null }]);
}

describe('a published value edited on the record page', () => {
  it('loses its note once it is ordinary: public JSON, both feeds and the next release', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    await recordSaver(t, headers, january.id)({ status: 'PUBLISHED', metrics: [arrests(100)] });
    expect(await publicNotes(agency.id)).toEqual([]);
    expect(await januaryLines(agency.id, headers)).toEqual({ open: '2024,January,100', members: '2024,January,100' });
    await expectNoteRemovedInLatestRelease(agency.id);
  });

  it('loses its note when still flagged in another sentence, until a new explanation is given', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    await recordSaver(t, headers, january.id)({ status: 'PUBLISHED', metrics: [arrests(500)] });
    expect(await publicNotes(agency.id)).toEqual([]);
    await expectNoteRemovedInLatestRelease(agency.id);
    expect(await flagsOf(headers, agency.id, january.id)).toMatchObject([
      { flag: UNUSUAL, sentence: 'Arrests is 500, 5 times the usual January (median 100).', explanation: null },
    ]);

    expect((await patchReport(t, headers, january.id, { status: 'DRAFT' })).statusCode).toBe(200);
    const unexplained = await expectNoWrites(db(), () => patchReport(t, headers, january.id, { status: 'PUBLISHED' }));
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.body).toContain('Arrests is 500');
    const again = { status: 'PUBLISHED', explanations: [{ flag: UNUSUAL, text: 'Two precincts now.' }] };
    expect((await patchReport(t, headers, january.id, again)).statusCode).toBe(200);
    expect(await publicNotes(agency.id)).toEqual([
      { start_date: '2024-01-01', end_date: '2024-02-01', note: 'Two precincts now.' },
    ]);
  });

  it('keeps its note when the edit leaves the flag as it was answered', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    await recordSaver(t, headers, january.id)({ status: 'PUBLISHED', metrics: [arrests(400)] });
    expect(await januaryLines(agency.id, headers)).toEqual({
      open: `2024,January,400,${NOTE}`,
      members: `2024,January,400,${NOTE}`,
    });
  });

  it('keeps its note when the edit is refused, writing nothing', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    const bad = { status: 'PUBLISHED', metrics: [{ key: ARRESTS, value: 'many', disaggregations: [] }] };
    const res = await expectNoWrites(db(), () => patchReport(t, headers, january.id, bad));
    expect(res.statusCode).toBe(400);
    expect(await publicNotes(agency.id)).toEqual([{ start_date: '2024-01-01', end_date: '2024-02-01', note: NOTE }]);
  });
});

describe('a published value changed by an upload', () => {
  it('loses its note, and publishing the record again needs no explanation and carries none', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    await uploadArrests(t, headers, agency.id, [[2024, 1, 100]]);
    expect(await januaryLines(agency.id, headers)).toEqual({ open: undefined, members: '2024,January,100' });
    await expectNoteRemovedInLatestRelease(agency.id);

    expect((await patchReport(t, headers, january.id, { status: 'PUBLISHED' })).statusCode).toBe(200);
    expect(await januaryLines(agency.id, headers)).toEqual({ open: '2024,January,100', members: '2024,January,100' });
    expect(await publicNotes(agency.id)).toEqual([]);
  });

  it('drops, when the record is published again, a note whose flag a change to earlier records removed', async () => {
    const { agency, january, headers } = await givenExplainedJanuary();
    // Earlier Januaries of 400: January 2024 is no longer unusual.
    await uploadArrests(t, headers, agency.id, [
      [2021, 1, 400],
      [2022, 1, 400],
      [2023, 1, 400],
    ]);
    expect(await flagsOf(headers, agency.id, january.id)).toEqual([]);
    expect((await patchReport(t, headers, january.id, { status: 'DRAFT' })).statusCode).toBe(200);
    expect((await patchReport(t, headers, january.id, { status: 'PUBLISHED' })).statusCode).toBe(200);
    expect(await publicNotes(agency.id)).toEqual([]);
    expect((await januaryLines(agency.id, headers)).members).toBe('2024,January,400');
  });
});
