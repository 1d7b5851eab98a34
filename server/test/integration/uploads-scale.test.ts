/**
 * Uploads at scale: a 200,000-row file is stored whole, and the asynchronous path stores exactly
 * what the synchronous one does; the merge's SQL compares values as the datapoint writer does.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { UploadJobWire, UploadResultWire } from '../../src/contract/uploads.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { sameStoredValue } from '../../src/domain/datapoints/datapoint-rules.ts';
import { sameValueSql } from '../../src/domain/uploads/merge-upload-values.ts';
import { givenAgency, givenUser, signIn, type SignedIn } from '../support/given.ts';
import { arrestsByRaceCsv, multipart, upload } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

it('compares stored values as numbers where the datapoint writer does', async () => {
  const pairs: [string | null, string][] = [
    ['3', '3'],
    ['3.0', '3'],
    [' 3 ', '3'],
    ['0.1', '0.1'],
    ['1e3', '1000'],
    ['.5', '0.5'],
    ['-0', '0'],
    ['3', '4'],
    [null, '3'],
    ['abc', 'abc'],
    ['abc', '3'],
    ['0x10', '16'],
    ['Infinity', 'Infinity'],
    ['1e400', '1e400'],
    ['1e400', '3'],
    ['1.2345678901234567e-7', '1.2345678901234567e-7'],
  ];
  for (const [a, b] of pairs) {
    const [row] = await queryRows<{ same: boolean }>(
      t.database.db,
      sql`select ${sameValueSql(sql`${a}::text`, sql`${b}::text`)} as same`,
    );
    const expected = a === '0x10' ? false : sameStoredValue(a, b);
    expect([a, b, row!.same === true]).toEqual([a, b, expected]);
  }
});

/** 28 child agencies of 7,200 rows each. */
const CHILDREN = 28;

async function givenTree(prefix: string) {
  const parent = await givenAgency(t.database.db, { isSuperagency: true, systems: ['LAW_ENFORCEMENT'] });
  const names = Array.from({ length: CHILDREN }, (_, i) => `${prefix} Child ${i + 1}`);
  for (const name of names) await givenAgency(t.database.db, { name, superAgencyId: parent.id });
  const user = await givenUser(t.database.db, { agency: parent, role: 'AGENCY_ADMIN' });
  return { parent, names, headers: await signIn(t.app, t.database.db, user) };
}

/** Every stored value under a superagency, by child number, period, metric and member. */
async function storedUnder(parentId: number) {
  return queryRows<Record<string, unknown>>(
    t.database.db,
    sql`select substring(s.name from ' Child [0-9]+$') as child, r.date_range_start::text as start,
          r.type, d.metric_definition_key as metric, d.dimension_identifier_to_member::text as member, d.value
        from datapoint d join report r on r.id = d.report_id join source s on s.id = r.source_id
        where s.super_agency_id = ${parentId}
        order by child, start, r.type, metric, member nulls first`,
  );
}

async function uploadAsync(headers: SignedIn, agencyId: number, content: Buffer): Promise<UploadJobWire> {
  const body = multipart(
    { agency_id: String(agencyId), system: 'LAW_ENFORCEMENT' },
    { name: 'arrests_by_race.csv', content },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/spreadsheets',
    headers: { ...headers, prefer: 'respond-async', 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(202);
  for (;;) {
    const job = (await t.app.inject({ method: 'GET', url: res.headers.location!, headers })).json() as UploadJobWire;
    if (job.state === 'DONE' || job.state === 'FAILED') return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('stores a 200,000-row upload whole, the asynchronous path exactly as the synchronous one', async () => {
  const sync = await givenTree('Sync');
  const async = await givenTree('Async');
  const syncRes = await upload(t, sync.headers, {
    agencyId: sync.parent.id,
    system: 'LAW_ENFORCEMENT',
    fileName: 'arrests_by_race.csv',
    content: arrestsByRaceCsv(sync.names),
  });
  expect(syncRes.statusCode, syncRes.body.slice(0, 500)).toBe(200);
  const result = syncRes.json() as UploadResultWire;
  const rows = CHILDREN * 7_200;
  expect(result.summary).toMatchObject({ rows_saved: rows, errors: 0 });
  expect(result.metrics.reduce((sum, metric) => sum + metric.datapoints.length, 0)).toBe(rows + CHILDREN * 300);

  const job = await uploadAsync(async.headers, async.parent.id, arrestsByRaceCsv(async.names));
  expect(job).toMatchObject({ state: 'DONE', percent: 100, failure: null });
  const stored = await storedUnder(sync.parent.id);
  expect(stored).toHaveLength(rows + CHILDREN * 300);
  expect(await storedUnder(async.parent.id)).toEqual(stored);
}, 600_000);
