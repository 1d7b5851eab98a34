/**
 * Asynchronous uploads (`Prefer: respond-async`): 202 with the status resource's Location, the
 * resource as the job goes (and any instance on the database answering for it), the same stored
 * result as the synchronous answer, refusals before acceptance with nothing written, failures
 * after acceptance with nothing of the file saved, and abandoned jobs marked failed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { UploadJobWire, UploadResultWire } from '../../src/contract/uploads.ts';
import { uploadJob } from '../../src/db/schema.ts';
import { buildApp } from '../../src/app.ts';
import { ABANDONED } from '../../src/domain/uploads/upload-job-rules.ts';
import type { App } from '../../src/http/app-types.ts';
import { givenUser, signIn, type SignedIn } from '../support/given.ts';
import {
  generatedWorkbook,
  givenUploader,
  multipart,
  reportsOf,
  upload,
  valuesOf,
  writtenRows,
  type UploadRequest,
} from '../support/given-uploads.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { recordingMailer, testClock, testConfig } from '../support/test-app.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
/** A second instance of the app on the same database, as a second server would be. */
const other = await buildApp({
  database: t.database,
  config: testConfig(),
  mailer: recordingMailer(),
  clock: testClock(),
});
// Closed before the app, whose database it shares: hooks after the tests run last-registered first.
afterAll(() => other.close());

function uploadAsync(app: App, headers: SignedIn, request: UploadRequest, prefer = 'respond-async') {
  const body = multipart(
    { agency_id: String(request.agencyId), system: request.system },
    { name: request.fileName, content: request.content },
  );
  return app.inject({
    method: 'POST',
    url: '/api/spreadsheets',
    headers: { ...headers, prefer, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function statusOf(app: App, headers: SignedIn, location: string): Promise<UploadJobWire> {
  const res = await app.inject({ method: 'GET', url: location, headers });
  if (res.statusCode !== 200) throw new Error(`status answered ${res.statusCode}: ${res.body}`);
  return res.json() as UploadJobWire;
}

/** Polls the status resource, on the given instance, until the job has ended. */
async function endOf(app: App, headers: SignedIn, location: string): Promise<UploadJobWire> {
  for (;;) {
    const job = await statusOf(app, headers, location);
    if (job.state === 'DONE' || job.state === 'FAILED') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function resultOf(headers: SignedIn, spreadsheetId: number): Promise<UploadResultWire> {
  const res = await t.app.inject({ method: 'GET', url: `/api/${spreadsheetId}/bulk-upload-json`, headers });
  return res.json() as UploadResultWire;
}

/** Every value of every record of the agency, by record instance. */
async function storedValues(agencyId: number) {
  const values: Record<string, Record<string, number | null>> = {};
  for (const row of await reportsOf(t.database.db, agencyId)) {
    values[row.instance] = await valuesOf(t.database.db, agencyId, row.instance);
  }
  return values;
}

describe('an upload with Prefer: respond-async', () => {
  it('answers 202 with the status resource, which ends DONE with the same result as a synchronous upload', async () => {
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    const sync = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const async = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const request = { system: 'LAW_ENFORCEMENT', fileName: 'law.xlsx', content };

    const syncRes = await upload(t, sync.headers, { ...request, agencyId: sync.agency.id });
    expect(syncRes.statusCode, syncRes.body).toBe(200);
    const res = await uploadAsync(t.app, async.headers, { ...request, agencyId: async.agency.id });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers['preference-applied']).toBe('respond-async');
    const accepted = res.json() as UploadJobWire;
    expect(res.headers.location).toBe(`/api/upload-jobs/${accepted.id}`);
    expect(accepted).toMatchObject({ state: 'READING', percent: 0, file_name: 'law.xlsx', spreadsheet_id: null });

    const job = await endOf(t.app, async.headers, res.headers.location!);
    const expected = syncRes.json() as UploadResultWire;
    const rows = expected.metrics.reduce((sum, metric) => sum + metric.datapoints.length, 0);
    expect(job).toMatchObject({ state: 'DONE', percent: 100, rows_written: rows, failure: null });
    expect(job.rows_read).toBeGreaterThanOrEqual(rows);
    expect(job.finished_at).not.toBeNull();
    const result = await resultOf(async.headers, job.spreadsheet_id!);
    expect(result.summary).toEqual(expected.summary);
    expect(await storedValues(async.agency.id)).toEqual(await storedValues(sync.agency.id));
  }, 60_000);

  it('is answered by every instance on the database, and only for members of the agency', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    const res = await uploadAsync(t.app, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'a.xlsx',
      content,
    });
    const location = res.headers.location!;
    const ended = await endOf(other, headers, location);
    expect(ended.state).toBe('DONE');
    expect(await statusOf(t.app, headers, location)).toEqual(ended);

    const reader = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    expect((await statusOf(other, await signIn(t.app, t.database.db, reader), location)).state).toBe('DONE');
    const outsider = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const refused = await expectNoWrites(t.database.db, () =>
      other.inject({ method: 'GET', url: location, headers: outsider.headers }),
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.json().description).toBe(`Upload ${ended.id} was not found.`);
  }, 60_000);

  it('answers synchronously, as before, to other preferences', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    const request = { agencyId: agency.id, system: 'LAW_ENFORCEMENT', fileName: 'a.xlsx', content };
    const res = await uploadAsync(t.app, headers, request, 'return=minimal, wait=5');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as UploadResultWire).spreadsheet_id).toBeGreaterThan(0);
  }, 60_000);
});

describe('a refused asynchronous upload', () => {
  it.each([
    ['a sector the agency does not report for', 'PRISONS', 'law.xlsx', 400, 'system: must be one of'],
    ['an Excel 97-2003 file', 'LAW_ENFORCEMENT', 'law.xls', 415, 'Excel 97-2003'],
    ['a file that is no spreadsheet', 'LAW_ENFORCEMENT', 'law.pdf', 415, 'is not a spreadsheet'],
    ['an .xlsx that is not a workbook', 'LAW_ENFORCEMENT', 'text.xlsx', 400, 'is not an .xlsx workbook'],
  ])('is refused at once, with nothing written, for %s', async (_what, system, fileName, status, words) => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content =
      fileName === 'text.xlsx' ? Buffer.from('year,value\n2021,3\n') : await generatedWorkbook('LAW_ENFORCEMENT');
    const res = await expectNoWrites(t.database.db, () =>
      uploadAsync(t.app, headers, { agencyId: agency.id, system, fileName, content }),
    );
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().description).toContain(words);
    expect(res.headers.location).toBeUndefined();
  });

  it('fails after acceptance for a workbook that cannot be read, naming the problem and saving nothing', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const content = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const res = await uploadAsync(t.app, headers, {
      agencyId: agency.id,
      system: 'LAW_ENFORCEMENT',
      fileName: 'broken.xlsx',
      content,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await endOf(t.app, headers, res.headers.location!);
    expect(job.state).toBe('FAILED');
    expect(job.failure?.code).toBe('invalid_input');
    expect(job.failure?.description).toMatch(/^file: /);
    expect(job.spreadsheet_id).toBeNull();
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });
});

describe('an abandoned asynchronous upload', () => {
  /** An uploader's job whose instance last reported `silentMs` ago. */
  async function givenJobHeardFrom(
    silentMs: number,
    fields: Pick<typeof uploadJob.$inferInsert, 'state' | 'percent' | 'instanceId'>,
  ) {
    const { agency, user, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const lastHeard = new Date(t.clock.now().getTime() - silentMs);
    const [row] = await t.database.db
      .insert(uploadJob)
      .values({
        agencyId: agency.id,
        userAccountId: user.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'big.xlsx',
        createdAt: lastHeard,
        heartbeatAt: lastHeard,
        ...fields,
      })
      .returning();
    return { headers, job: row! };
  }

  it('is marked failed, saying nothing was saved, once its instance stopped reporting', async () => {
    const { headers, job: row } = await givenJobHeardFrom(31_000, {
      state: 'WRITING',
      percent: 70,
      instanceId: 'an instance that was killed',
    });
    const job = await statusOf(t.app, headers, `/api/upload-jobs/${row.id}`);
    expect(job).toMatchObject({ state: 'FAILED', failure: { code: 'server_error', description: ABANDONED } });
    const [stored] = await t.database.db.select().from(uploadJob).where(eq(uploadJob.id, row.id));
    expect(stored!.finishedAt).toEqual(t.clock.now());
  });

  it('is not marked failed while its instance still reports', async () => {
    const { headers, job } = await givenJobHeardFrom(29_000, { state: 'READING', instanceId: 'a busy instance' });
    expect((await statusOf(t.app, headers, `/api/upload-jobs/${job.id}`)).state).toBe('READING');
  });
});
