/**
 * Upload throughput: a superagency uploads jail metrics for its child agencies through
 * POST /api/spreadsheets (parse, validate, write, history, response), timed end to end, in
 * cases each on a new database and server: a workbook of every jail sheet, one sheet as a large
 * CSV, and (full PostgreSQL run) the largest such CSV the upload limits accept, for peak memory.
 * Then the same datapoint rows are COPYed into a table shaped like `datapoint` (same indexes) in
 * the same database, as the floor any upload is compared with.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import type { Database, Engine } from '../../../server/src/db/database.ts';
import { UPLOAD_LIMITS } from '../../../server/src/contract/uploads.ts';
import { withScratch } from '../engines.ts';
import { createBenchUser, type BenchUser } from '../generate/bench-user.ts';
import { copyRows, type CsvCell } from '../generate/copy.ts';
import { copyAgencies, VALUE_COLUMNS } from '../generate/load.ts';
import { jailCsv, jailWorkbook } from '../generate/workbook.ts';
import type { BenchmarkReport } from '../results.ts';
import { startServer } from '../../../server/test/support/server-process.ts';
import { queryRows } from '../../../server/src/db/query-rows.ts';
import { probeWhile, type ProbeResult } from './concurrent-probe.ts';

export const UPLOAD_TARGETS = {
  rowsPerSecond: 20_000,
  copyFraction: 0.2,
  peakRssBytes: 512 * 2 ** 20,
  concurrentP99Ms: 100,
};

export interface UploadSize {
  children: number;
  years: number;
}

const SUPERAGENCY_ID = 1;
/** Child agencies' names: long, as in a state's list, or short, to fit the most rows in a file. */
const childName = (i: number) => `Bench Child Jail ${i + 1}`;
const shortChildName = (i: number) => `J${i + 1}`;

async function setUp(database: Database, { size, nameOf }: UploadCase): Promise<BenchUser> {
  await copyAgencies(database, [
    { id: SUPERAGENCY_ID, name: 'Bench State Jails', system: 'JAILS', isSuperagency: true },
    ...Array.from({ length: size.children }, (_, i) => ({
      id: i + 2,
      name: nameOf(i),
      system: 'JAILS' as const,
      superAgencyId: SUPERAGENCY_ID,
    })),
  ]);
  await database.db.execute(sql`select setval('source_id_seq', (select max(id) from source))`);
  return createBenchUser(database, [SUPERAGENCY_ID]);
}

/** A file the benchmark posts. */
interface UploadFile {
  name: string;
  content: Buffer;
  /** Value rows (header rows not counted). */
  rows: number;
}

/** What one case uploads: files posted one after the other, for `size.children` child jails. */
export interface UploadCase {
  /** Names the case in the report: `upload-<name>-<engine>`. */
  name: string;
  size: UploadSize;
  /** The name of child agency `i`, in the database and in the files. */
  nameOf: (i: number) => string;
  files: UploadFile[];
  /**
   * Which targets the case is held to: every one, or only peak memory (a file at an upload limit,
   * there to show memory stays bounded; its rate and latencies are reported, not judged).
   */
  targets: 'all' | 'memory';
}

const children = (first: number, count: number, nameOf = childName) =>
  Array.from({ length: count }, (_, i) => ({ name: nameOf(first + i) }));

/** Every jail sheet, the children spread over as few workbooks as the upload row limit allows. */
export async function workbookCase(size: UploadSize): Promise<UploadCase> {
  const one = await jailWorkbook(children(0, 1), size.years);
  const perFile = Math.max(1, Math.floor(UPLOAD_LIMITS.maxRows / one.rows));
  const files: UploadFile[] = [];
  for (let first = 0; first < size.children; first += perFile) {
    const book = await jailWorkbook(children(first, Math.min(perFile, size.children - first)), size.years);
    files.push({ name: `bench-jails-${files.length + 1}.xlsx`, ...book });
  }
  return { name: 'workbook', size, nameOf: childName, files, targets: 'all' };
}

/** One jail sheet (population by race, 288 rows a child and year) as one CSV file. */
export function csvCase(size: UploadSize): UploadCase {
  const { fileName, ...csv } = jailCsv(children(0, size.children), size.years);
  return { name: 'csv', size, nameOf: childName, files: [{ name: fileName, ...csv }], targets: 'all' };
}

/**
 * The largest CSV of that kind the upload accepts: short agency names and as many years for
 * `childCount` children as fit within both the file size and the row limits (UPLOAD_LIMITS), for
 * the memory target.
 */
export function csvAtLimitCase(childCount: number): UploadCase {
  const oneYear = jailCsv(children(0, childCount, shortChildName), 1);
  const years = Math.min(
    Math.floor(UPLOAD_LIMITS.maxFileBytes / oneYear.content.length),
    Math.floor(UPLOAD_LIMITS.maxRows / oneYear.rows),
  );
  const size = { children: childCount, years };
  const { fileName, ...csv } = jailCsv(children(0, childCount, shortChildName), years);
  const file = { name: fileName, ...csv };
  return { name: 'csv-at-limit', size, nameOf: shortChildName, files: [file], targets: 'memory' };
}

/** Longest a single upload request may take before the benchmark gives up on it. */
const UPLOAD_TIMEOUT_MS = 10 * 60 * 1000;

/** An upload's multipart form, encoded before the clock starts: the client's work is not the server's. */
interface EncodedForm {
  body: Buffer;
  contentType: string;
}

async function encodeForm(book: UploadFile): Promise<EncodedForm> {
  const form = new FormData();
  form.set('agency_id', String(SUPERAGENCY_ID));
  form.set('system', 'JAILS');
  form.set('file', new Blob([new Uint8Array(book.content)]), book.name);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? '' };
}

/**
 * POSTs a multipart form with node:http rather than fetch, whose five-minute header timeout would
 * cut a slow upload short before it could be measured. Answers when the last byte is received.
 */
async function postForm(url: string, headers: Record<string, string>, form: EncodedForm) {
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': form.contentType } },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (chunk: Buffer) => parts.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts) }));
        response.on('error', reject);
      },
    );
    request.setTimeout(UPLOAD_TIMEOUT_MS, () =>
      request.destroy(new Error(`bench: the upload did not finish within ${UPLOAD_TIMEOUT_MS / 1000} s`)),
    );
    request.on('error', reject);
    request.end(form.body);
  });
}

/**
 * The warnings an upload's answer reports (errors stop the benchmark). Read after the uploads, not
 * while the probe runs: parsing a big answer would hold up this process's probe, not the server.
 */
function warningsOf(text: string, index: number): string[] {
  const result = JSON.parse(text) as {
    non_metric_errors: unknown[];
    metrics: { metric_errors: { messages: { type: string; description: string }[] }[] }[];
  };
  const messages = result.metrics.flatMap((m) => m.metric_errors.flatMap((e) => e.messages));
  const errors = messages.filter((m) => m.type === 'ERROR');
  if (errors.length > 0 || result.non_metric_errors.length > 0) {
    throw new Error(
      `bench: upload ${index + 1} reported problems: ${JSON.stringify([...result.non_metric_errors, ...errors].slice(0, 3))}`,
    );
  }
  return messages.map((m) => m.description);
}

/** The datapoint columns an upload writes (the id comes from the copy's default). */
const COPIED_COLUMNS = [...VALUE_COLUMNS, 'created_by'];

/** Seconds to COPY the rows into a new table shaped like `datapoint`, after `alter` (if any). */
async function timedCopy(database: Database, rows: CsvCell[][], alter?: string): Promise<number> {
  await database.db.execute(sql`create table bench_copy (like datapoint including defaults including indexes)`);
  if (alter) await database.db.execute(sql.raw(`alter table bench_copy ${alter}`));
  const started = performance.now();
  await copyRows(database, 'bench_copy', COPIED_COLUMNS, rows);
  const seconds = (performance.now() - started) / 1000;
  await database.db.execute(sql`drop table bench_copy`);
  return seconds;
}

/**
 * Seconds to COPY the uploaded datapoint rows again: into a copy of the table with the same
 * indexes (the floor of the target), and into one that also has datapoint's foreign key (its
 * record), which every row an upload inserts pays for and the floor does not (docs/performance.md).
 */
async function plainCopySeconds(database: Database) {
  const rows = await queryRows<Record<string, unknown>>(
    database.db,
    sql.raw(`select ${COPIED_COLUMNS.join(', ')} from datapoint order by id`),
  );
  const cells = rows.map((row) =>
    COPIED_COLUMNS.map((c): CsvCell => {
      const v = row[c];
      if (v === null || v === undefined) return null;
      if (v instanceof Date) return v.toISOString();
      return typeof v === 'object' ? JSON.stringify(v) : (v as CsvCell);
    }),
  );
  const seconds = await timedCopy(database, cells);
  const withForeignKeys = await timedCopy(database, cells, 'add foreign key (report_id) references report (id)');
  return { seconds, withForeignKeys, rows: cells.length };
}

export async function uploadBenchmark(
  engine: Engine,
  upload: UploadCase,
  log: (line: string) => void,
  nodeFlags: string[] = [],
): Promise<BenchmarkReport> {
  const { size, files: books } = upload;
  return withScratch(engine, async (scratch) => {
    let database = await scratch.open();
    const user = await setUp(database, upload);
    await database.close();
    const rows = books.reduce((sum, b) => sum + b.rows, 0);
    log(
      `${engine} upload (${upload.name}): ${books.length} file(s), ${rows.toLocaleString('en-US')} value rows, ${(books.reduce((s, b) => s + b.content.length, 0) / 2 ** 20).toFixed(1)} MB`,
    );
    const server = await startServer({ env: scratch.serverEnv, nodeFlags });
    let seconds = 0;
    let peakRss = 0;
    let cpuSeconds = 0;
    let probes: ProbeResult[] = [];
    const warnings: string[] = [];
    try {
      const init = (await (
        await fetch(`${server.url}/api/init`, { headers: { cookie: `jc_session=${user.sessionToken}` } })
      ).json()) as { csrf: string };
      const forms = await Promise.all(books.map(encodeForm));
      const headers = { cookie: `jc_session=${user.sessionToken}`, 'x-csrf-token': init.csrf };
      const started = performance.now();
      const cpuBefore = await server.cpuMs();
      const uploads = (async () => {
        const answers: Buffer[] = [];
        for (const [index, form] of forms.entries()) {
          const { status, body } = await postForm(`${server.url}/api/spreadsheets`, headers, form);
          if (status !== 200) {
            throw new Error(`bench: upload ${index + 1} answered ${status}: ${body.subarray(0, 500)}`);
          }
          answers.push(body);
        }
        return { answers, seconds: (performance.now() - started) / 1000 };
      })();
      // Someone else meanwhile: the health probe and a child agency's records list.
      const light = ['/health', `/api/agencies/${SUPERAGENCY_ID + 1}/reports`];
      const probed = await probeWhile(server.url, `jc_session=${user.sessionToken}`, light, uploads);
      probes = probed.probes;
      seconds = probed.value.seconds;
      cpuSeconds = ((await server.cpuMs()) - cpuBefore) / 1000;
      probed.value.answers.forEach((answer, index) => warnings.push(...warningsOf(answer.toString(), index)));
      peakRss = await server.peakRss();
    } finally {
      await server.stop();
    }
    database = await scratch.open();
    const copy = await plainCopySeconds(database).finally(() => database.close());
    if (copy.rows !== rows) log(`note: the upload stored ${copy.rows} datapoints for ${rows} rows`);
    const uploadRate = rows / seconds;
    const copyRate = copy.rows / copy.seconds;
    return {
      benchmark: `upload-${upload.name}-${engine}`,
      rows: [
        {
          step: `POST /api/spreadsheets (${upload.name}: ${size.children} children x ${size.years} years, ${books.length} file(s))`,
          rows,
          seconds,
          'rows/s': Math.round(uploadRate),
          'server CPU (s)': Math.round(cpuSeconds * 10) / 10,
          'peak server RSS (MB)': Math.round(peakRss / 2 ** 20),
        },
        {
          step: 'plain COPY of the same datapoint rows',
          rows: copy.rows,
          seconds: copy.seconds,
          'rows/s': Math.round(copyRate),
          'server CPU (s)': null,
          'peak server RSS (MB)': null,
        },
        {
          step: 'the same COPY into a table with the foreign keys of datapoint (no target)',
          rows: copy.rows,
          seconds: copy.withForeignKeys,
          'rows/s': Math.round(copy.rows / copy.withForeignKeys),
          'server CPU (s)': null,
          'peak server RSS (MB)': null,
        },
      ],
      targets: [
        {
          target: 'peak server RSS under 512 MB',
          measured: `${Math.round(peakRss / 2 ** 20)} MB`,
          met: peakRss < UPLOAD_TARGETS.peakRssBytes,
        },
        {
          target: 'upload at least 20,000 value rows/s end to end',
          measured: `${Math.round(uploadRate).toLocaleString('en-US')} rows/s`,
          met: uploadRate >= UPLOAD_TARGETS.rowsPerSecond,
        },
        {
          target: 'upload at least 1/5 of the COPY rate',
          measured: `${(uploadRate / copyRate).toFixed(3)} of ${Math.round(copyRate).toLocaleString('en-US')} rows/s`,
          met: uploadRate / copyRate >= UPLOAD_TARGETS.copyFraction,
        },
        ...probes.map((probe) => ({
          target: `p99 of GET ${probe.path} during the upload under ${UPLOAD_TARGETS.concurrentP99Ms} ms`,
          measured: `${Math.round(probe.p99Ms)} ms over ${probe.count} requests (slowest ${Math.round(probe.maxMs)} ms)`,
          met: probe.count > 0 && probe.p99Ms < UPLOAD_TARGETS.concurrentP99Ms,
        })),
      ].filter((target, index) => upload.targets === 'all' || index === 0),
      notes: [
        ...(upload.targets === 'memory'
          ? [
              `Held to the memory target only, as the largest file of its kind the upload limits accept; measured besides: ${Math.round(uploadRate).toLocaleString('en-US')} rows/s, ${(uploadRate / copyRate).toFixed(3)} of COPY, ${probes.map((probe) => `GET ${probe.path} p99 ${Math.round(probe.p99Ms)} ms`).join(', ')}.`,
            ]
          : []),
        ...(warnings.length > 0
          ? [`The upload gave ${warnings.length} warning(s), e.g. ${warnings.slice(0, 2).join(' | ')}`]
          : []),
        ...(books.length > 1
          ? [
              `The upload is sent as ${books.length} files because one file may hold at most ${UPLOAD_LIMITS.maxRows.toLocaleString('en-US')} rows (UPLOAD_LIMITS.maxRows).`,
            ]
          : []),
      ],
    };
  });
}
