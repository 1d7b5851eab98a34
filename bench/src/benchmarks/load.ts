/**
 * The mixed load test (`--only load`, PostgreSQL): agency users doing the real journeys (sign in,
 * open the records list and a record, save a value with the record's version, now and then publish
 * a draft), public dashboard readers, and one large upload, all at once against one server with
 * rate limits off. Reports throughput and p99 per action and every error (a 409 is an expected
 * answer to two people saving the same record), then audits that every save answered 200 is in
 * the database with its history row.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../server/src/db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../../server/src/db/schema.ts';
import { intArray, textArray } from '../../../server/src/db/sql-arrays.ts';
import { queryRows } from '../../../server/src/db/query-rows.ts';
import { hashPassword } from '../../../server/src/lib/password.ts';
import { withDatasetServer, type DatasetServer } from '../dataset-server.ts';
import { createBenchUser, type BenchUser } from '../generate/bench-user.ts';
import type { DatasetSize } from '../generate/dataset.ts';
import { copyAgencies, type LoadedDataset } from '../generate/load.ts';
import { jailWorkbook } from '../generate/workbook.ts';
import type { BenchmarkReport, Row } from '../results.ts';
import { Session, ActionStats, pause } from './load-session.ts';

export interface LoadOptions {
  size: DatasetSize;
  seconds: number;
  users: number;
  readers: number;
  /** Child jails and years of the one upload (2,362 value rows a jail-year). */
  upload: { children: number; years: number };
}

const PASSWORD = 'load-test-password';
const RATE_LIMITS_OFF = { PUBLIC_RATE_LIMIT: '0', API_RATE_LIMIT: '0', AUTH_RATE_LIMIT: '0' };
const THINK_MS = 500;

interface Prepared {
  emails: string[];
  uploader: BenchUser;
  superagencyId: number;
  childNames: string[];
}

interface SavedValue {
  reportId: number;
  metricKey: string;
  value: string;
}

/** Agency admins spread over the data set's agencies, a superagency for the upload, dashboards on. */
async function prepare(database: Database, dataset: LoadedDataset, options: LoadOptions): Promise<Prepared> {
  const { db } = database;
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: options.users }, (_, i) => `load-${i}@bench.test`);
  const users = await db
    .insert(userAccount)
    .values(emails.map((email, i) => ({ email, name: `Load User ${i}`, passwordHash, emailVerifiedAt: new Date() })))
    .returning({ id: userAccount.id });
  await db.insert(agencyUserAccountAssociation).values(
    users.map((user, i) => ({
      agencyId: dataset.agencies[i % dataset.agencies.length]!.id,
      userAccountId: user.id,
      role: 'AGENCY_ADMIN' as const,
      invitationStatus: 'ACCEPTED' as const,
    })),
  );
  await db.update(source).set({ isDashboardEnabled: true });
  const superagencyId = Math.max(...dataset.agencies.map((a) => a.id)) + 1;
  const childNames = Array.from({ length: options.upload.children }, (_, i) => `Load Child Jail ${i + 1}`);
  await copyAgencies(database, [
    { id: superagencyId, name: 'Load State Jails', system: 'JAILS', isSuperagency: true },
    ...childNames.map((name, i) => ({
      id: superagencyId + 1 + i,
      name,
      system: 'JAILS' as const,
      superAgencyId: superagencyId,
    })),
  ]);
  await db.execute(sql`select setval('source_id_seq', (select max(id) from source))`);
  return { emails, uploader: await createBenchUser(database, [superagencyId]), superagencyId, childNames };
}

interface RecordSummary {
  id: number;
  status: string;
}

interface RecordPage {
  status: string;
  last_modified_at_timestamp: number | null;
  metrics: { key: string; enabled: boolean | null }[];
}

/** One agency user until the deadline: sign in, then open a record and save it, again and again. */
async function agencyUser(site: DatasetServer, email: string, stats: ActionStats, run: Run): Promise<void> {
  // People arrive over the first half of the run: 200 password checks at the same instant is not a day at work.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * (run.deadline - Date.now()) * 0.5));
  const session = new Session(site.server.url, stats);
  const init = await session.signIn(email, PASSWORD);
  const agencyId = init?.user?.agencies[0]?.id;
  // Each person works for half the run after signing in, however long their sign-in waited.
  const leaveAt = Math.max(run.deadline, Date.now() + run.workMs);
  while (agencyId !== undefined && Date.now() < leaveAt) {
    await pause(THINK_MS);
    const records = await session.getJson<RecordSummary[]>('open records', `/api/agencies/${agencyId}/reports`);
    const record = records?.[Math.floor(Math.random() * records.length)];
    if (!record) continue;
    const page = await session.getJson<RecordPage>('open a record', `/api/reports/${record.id}`);
    const metric = page?.metrics.find((m) => m.enabled !== false);
    if (!page || !metric) continue;
    await pause(THINK_MS);
    const value = String(run.nextValue++);
    const body = {
      status: page.status,
      time_loaded: page.last_modified_at_timestamp ?? 0,
      metrics: [{ key: metric.key, value: Number(value) }],
    };
    const saved = await session.sendJson<Saved>('save', 'PATCH', `/api/reports/${record.id}`, body);
    if (!saved.answer) continue;
    run.saved.push({ reportId: record.id, metricKey: metric.key, value });
    if (page.status !== 'PUBLISHED' && Math.random() < 0.1) await publish(session, agencyId, record.id, saved.answer);
  }
  run.working--;
}

interface Saved {
  last_modified_at_timestamp: number | null;
}

/**
 * Reviews a record's checks and publishes it, explaining each flagged value as the Review page
 * makes a person do (the test's values are far above any agency's usual figures, so they are flagged).
 */
async function publish(session: Session, agencyId: number, reportId: number, saved: Saved): Promise<void> {
  const flagsUrl = `/api/reports/flags?agency_id=${agencyId}&report_ids=${reportId}`;
  const review = await session.getJson<{ flags: { flag: string }[] }>('review checks', flagsUrl);
  if (!review) return;
  await session.send('publish', 'PATCH', `/api/reports/${reportId}`, {
    status: 'PUBLISHED',
    time_loaded: saved.last_modified_at_timestamp ?? 0,
    metrics: [],
    explanations: review.flags.map(({ flag }) => ({ flag, text: 'A figure of the load test.' })),
  });
}

/** One reader of the public dashboards until the deadline. */
async function publicReader(site: DatasetServer, stats: ActionStats, run: Run): Promise<void> {
  const session = new Session(site.server.url, stats);
  const agencies = site.dataset.agencies;
  while (Date.now() < run.deadline || run.working > 0) {
    await session.getJson('dashboards list', '/api/agencies/dashboard');
    await pause(THINK_MS);
    const agency = agencies[Math.floor(Math.random() * agencies.length)]!;
    await session.getJson('agency dashboard', `/api/agencies/${agency.id}/published_data`);
    await pause(THINK_MS);
  }
}

async function upload(site: DatasetServer, prepared: Prepared, options: LoadOptions, stats: ActionStats) {
  const book = await jailWorkbook(
    prepared.childNames.map((name) => ({ name })),
    options.upload.years,
  );
  const session = new Session(site.server.url, stats, prepared.uploader.sessionToken);
  const form = new FormData();
  form.set('agency_id', String(prepared.superagencyId));
  form.set('system', 'JAILS');
  form.set('file', new Blob([new Uint8Array(book.content)]), 'load-jails.xlsx');
  await session.postForm(`upload (${book.rows.toLocaleString('en-US')} rows)`, '/api/spreadsheets', form);
  return book.rows;
}

interface Run {
  deadline: number;
  /** How long each agency user works after signing in. */
  workMs: number;
  /** Agency users not yet gone (signing in or working). */
  working: number;
  nextValue: number;
  saved: SavedValue[];
}

/**
 * Saves answered 200 that the database does not hold: a changed value has a history row with it as
 * the new value; a first entry is the datapoint itself (created_by), then the old value of the
 * next change. Each with what is stored instead.
 */
async function unrecorded(database: Database, saved: readonly SavedValue[]): Promise<string[]> {
  const rows = await queryRows<{ report_id: number; metric_key: string; value: string; stored: string | null }>(
    database.db,
    sql`
    select s.report_id, s.metric_key, s.value,
      (select d.value || ' (' || d.id || ')' from datapoint d where d.report_id = s.report_id
        and d.metric_definition_key = s.metric_key and d.dimension_identifier_to_member is null
        and d.context_key is null) as stored
    from unnest(${intArray(saved.map((s) => s.reportId))}, ${textArray(saved.map((s) => s.metricKey))},
                ${textArray(saved.map((s) => s.value))}) as s(report_id, metric_key, value)
    where not exists (
      select 1 from datapoint d left join datapoint_history h on h.datapoint_id = d.id
      where d.report_id = s.report_id and d.metric_definition_key = s.metric_key
        and d.dimension_identifier_to_member is null and d.context_key is null
        and (h.new_value = s.value or (d.created_by is not null and (d.value = s.value or h.old_value = s.value))))`,
  );
  return rows.map((r) => `record ${r.report_id} ${r.metric_key} = ${r.value}: stored ${r.stored ?? 'nothing'}`);
}

export async function loadBenchmark(options: LoadOptions): Promise<BenchmarkReport> {
  let prepared: Prepared | undefined;
  return withDatasetServer(
    'postgres',
    options.size,
    async (site) => {
      const stats = new ActionStats();
      const run: Run = {
        deadline: Date.now() + options.seconds * 1000,
        workMs: (options.seconds * 1000) / 2,
        working: options.users,
        nextValue: 900_000_000,
        saved: [],
      };
      const cpuBefore = await site.server.cpuMs();
      const [rows] = await Promise.all([
        upload(site, prepared!, options, stats),
        ...prepared!.emails.map((email) => agencyUser(site, email, stats, run)),
        ...Array.from({ length: options.readers }, () => publicReader(site, stats, run)),
      ]);
      const cpuSeconds = ((await site.server.cpuMs()) - cpuBefore) / 1000;
      const database = await openDatabase({ url: site.databaseUrl! });
      const missing = await unrecorded(database, run.saved).finally(() => database.close());
      return loadReport(stats, { options, rows, missing, saves: run.saved.length, cpuSeconds });
    },
    {
      env: RATE_LIMITS_OFF,
      prepare: async (database, dataset) => {
        prepared = await prepare(database, dataset, options);
      },
    },
  );
}

function loadReport(
  stats: ActionStats,
  run: { options: LoadOptions; rows: number; missing: string[]; saves: number; cpuSeconds: number },
): BenchmarkReport {
  const rows: Row[] = stats.summary();
  const errors = rows.reduce((sum, row) => sum + Number(row.errors), 0);
  const { options } = run;
  return {
    benchmark: 'load-postgres',
    rows,
    targets: [
      { target: 'load: no error apart from 409 conflicts', measured: `${errors} errors`, met: errors === 0 },
      {
        target: 'load: every save answered 200 is stored with its history row',
        measured: `${run.missing.length} of ${run.saves} missing`,
        met: run.missing.length === 0 && run.saves > 0,
      },
    ],
    notes: [
      `${options.users} agency users, ${options.readers} public readers and one upload of ${run.rows.toLocaleString('en-US')} value rows for ${options.seconds} s on the ${options.size.name} data set; rate limits off; think time ${THINK_MS} ms between a user's steps.`,
      `server CPU ${run.cpuSeconds.toFixed(1)} s over the run.`,
      ...stats.firstErrors(),
      ...run.missing.slice(0, 5).map((line) => `not stored: ${line}`),
    ],
  };
}
