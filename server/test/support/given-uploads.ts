/**
 * Builders for bulk-upload tests: workbooks made with ExcelJS, the reference tests' generated
 * workbook G(system, options) (04-bulk-upload §7.0), the multipart upload request, and readers of
 * what an upload wrote.
 */
import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getMetric, type SystemName } from '@jc/catalogue';
import { MONTH_NAMES } from '../../src/contract/report-periods.ts';
import type { UploadResultWire } from '../../src/contract/uploads.ts';
import type { Db } from '../../src/db/database.ts';
import { zipContainer } from './zip-container.ts';
import type { source } from '../../src/db/schema.ts';
import { datapoint, report, spreadsheet } from '../../src/db/schema.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { metricFilesFor, type MetricFile } from '../../src/domain/uploads/metric-files.ts';
import { givenAgency, givenUser, signIn, type SignedIn } from './given.ts';
import type { TestApp } from './test-app.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

export type Cell = string | number | null;
/** Sheet name → rows, the first row being the header. */
export type Sheets = Record<string, Cell[][]>;

export async function xlsx(sheets: Sheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csv(rows: Cell[][]): Buffer {
  const quote = (cell: Cell) =>
    cell === null ? '' : /[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell);
  return Buffer.from(rows.map((row) => row.map(quote).join(',')).join('\n') + '\n');
}

export interface GeneratedOptions {
  skip?: string[];
  vary?: string[];
  nulls?: string[];
  invalidMonth?: string;
  invalidSheet?: boolean;
  unexpectedMonth?: string;
  unexpectedSystem?: string;
  unexpectedDisagg?: string;
  /** The `agency` cell of each child, in order. */
  children?: string[];
  /** Metric key → sub-systems its rows are split between; every other sheet gets `system` = all. */
  subsystems?: Record<string, string[]>;
  /** Sheet → whether it has a month column, overriding the metric's default frequency. */
  freq?: Record<string, 'M' | 'A'>;
}

const YEARS = [2021, 2022, 2023];
const BASE: Record<number, number> = { 2021: 10, 2022: 20, 2023: 30 };
const VARIED: Record<number, number> = { 2021: 12, 2022: 45, 2023: 30 };

interface GeneratedRow {
  year: number;
  month: string | null;
  member: string | null;
  value: number;
}

function baseRows(file: MetricFile, monthly: boolean, varied: boolean): GeneratedRow[] {
  const values = varied ? VARIED : BASE;
  const months = monthly ? ['January', 'February'] : [null];
  const members = file.dimension ? file.dimension.members.map((m) => m.value) : [null];
  return YEARS.flatMap((year) =>
    members.flatMap((member, index) =>
      months.map((month) => ({ year, month, member, value: index === 0 ? values[year]! : 0 })),
    ),
  );
}

function sheetOf(file: MetricFile, options: GeneratedOptions): Cell[][] {
  const name = file.sheetName;
  const override = options.freq?.[name];
  const monthly = override
    ? override === 'M'
    : file.metric.defaultFrequency === 'MONTHLY' || options.unexpectedMonth === name;
  const children = options.children ?? [null];
  const split = options.subsystems?.[file.metric.key];
  const withSystem = options.subsystems !== undefined || options.unexpectedSystem === name;
  const header: Cell[] = ['year', ...(monthly ? ['month'] : []), ...(options.children ? ['agency'] : []), 'value'];
  header.push(...(file.column ? [file.column] : []), ...(options.unexpectedDisagg === name ? ['bloop_type'] : []));
  header.push(...(withSystem ? ['system'] : []));
  const rows: Cell[][] = [];
  for (const row of baseRows(file, monthly, options.vary?.includes(name) ?? false)) {
    for (const child of children) {
      for (const system of split ?? (withSystem ? ['all'] : [null])) {
        const value = options.nulls?.includes(name) ? null : row.value;
        const cells: Cell[] = [row.year, ...(monthly ? [row.month] : []), ...(options.children ? [child] : []), value];
        cells.push(...(file.column ? [row.member] : []), ...(options.unexpectedDisagg === name ? [rows.length] : []));
        rows.push([...cells, ...(withSystem ? [system] : [])]);
      }
    }
  }
  if (options.invalidMonth === name && rows[0]) rows[0][1] = 'Marchuary';
  return [header, ...rows];
}

/** G(system, options): one sheet per sheet of the system, named canonically, built as §7.0 describes. */
export function generatedSheets(system: SystemName, options: GeneratedOptions = {}): Sheets {
  const sheets: Sheets = {};
  for (const file of metricFilesFor(system)) {
    if (!options.skip?.includes(file.sheetName)) sheets[file.sheetName] = sheetOf(file, options);
  }
  if (options.invalidSheet) sheets.gender = [['foobar'], [123]];
  return sheets;
}

export function generatedWorkbook(system: SystemName, options: GeneratedOptions = {}): Promise<Buffer> {
  return xlsx(generatedSheets(system, options));
}

/** A multipart/form-data body with the file first, as the web app sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----jc${randomUUID()}`;
  const parts: Buffer[] = [];
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadRequest {
  agencyId: number;
  system: string;
  fileName: string;
  content: Buffer;
}

export function upload(t: TestApp, headers: SignedIn, request: UploadRequest) {
  const body = multipart(
    { agency_id: String(request.agencyId), system: request.system },
    { name: request.fileName, content: request.content },
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/spreadsheets',
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Uploads and expects 200, returning the result. */
export async function uploadOk(t: TestApp, headers: SignedIn, request: UploadRequest): Promise<UploadResultWire> {
  const res = await upload(t, headers, request);
  if (res.statusCode !== 200) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json() as UploadResultWire;
}

/** Uploads, expecting 200, a law-enforcement workbook whose one arrests sheet has these [year, month, value] rows. */
export async function uploadArrests(
  t: TestApp,
  headers: SignedIn,
  agencyId: number,
  rows: Cell[][],
  fileName = 'arrests.xlsx',
): Promise<UploadResultWire> {
  const content = await xlsx({ arrests: [['year', 'month', 'value'], ...rows] });
  return uploadOk(t, headers, { agencyId, system: 'LAW_ENFORCEMENT', fileName, content });
}

type Message = UploadResultWire['non_metric_errors'][number];

/** Metric key (null for file-level messages) → every message, as the reference tests' message map. */
export function messageMap(result: UploadResultWire): Map<string | null, Message[]> {
  const map = new Map<string | null, Message[]>();
  if (result.non_metric_errors.length > 0) map.set(null, result.non_metric_errors);
  for (const metric of result.metrics) {
    const messages = metric.metric_errors.flatMap((group) => group.messages);
    if (messages.length > 0) map.set(metric.key, messages);
  }
  return map;
}

/** Someone signed in to a new agency, allowed to upload. */
export async function givenUploader(
  t: TestApp,
  agency: Partial<typeof source.$inferInsert>,
  role: AgencyRole = 'AGENCY_ADMIN',
) {
  const created = await givenAgency(t.database.db, agency);
  const user = await givenUser(t.database.db, { agency: created, role });
  return { agency: created, user, headers: await signIn(t.app, t.database.db, user) };
}

/** An uploader of a new agency of one system who has uploaded this file, which the upload accepted. */
export async function givenUpload(t: TestApp, system: SystemName, file: { fileName: string; content: Buffer }) {
  const uploader = await givenUploader(t, { systems: [system] });
  const result = await uploadOk(t, uploader.headers, { agencyId: uploader.agency.id, system, ...file });
  return { ...uploader, result };
}

export async function givenChild(db: Db, parent: AgencyRow, name: string, customName: string | null = null) {
  return givenAgency(db, { name, systems: ['PRISONS'], superAgencyId: parent.id, customChildAgencyName: customName });
}

export async function publishAll(db: Db, agencyId: number): Promise<void> {
  await db.update(report).set({ status: 'PUBLISHED' }).where(eq(report.sourceId, agencyId));
}

/** Record instance → status. */
export async function statuses(db: Db, agencyId: number): Promise<Record<string, string>> {
  return Object.fromEntries((await reportsOf(db, agencyId)).map((row) => [row.instance, row.status]));
}

export async function reportsOf(db: Db, agencyId: number) {
  return db
    .select()
    .from(report)
    .where(eq(report.sourceId, agencyId))
    .orderBy(asc(report.dateRangeEnd), asc(report.id));
}

function memberLabel(metricKey: string, dimension: Record<string, string> | null): string | undefined {
  const [identifier, name] = Object.entries(dimension ?? {})[0] ?? [];
  if (identifier === undefined) return undefined;
  const breakdown = getMetric(metricKey)?.dimensions.find((d) => d.identifier === identifier);
  return breakdown?.members.find((m) => m.name === name)?.value ?? name;
}

/** Values of one record as numbers, by `METRIC` or `METRIC/Member display name`. */
export async function valuesOf(db: Db, agencyId: number, instance: string): Promise<Record<string, number | null>> {
  const rows = await db
    .select({
      key: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
      value: datapoint.value,
    })
    .from(datapoint)
    .innerJoin(report, eq(report.id, datapoint.reportId))
    .where(and(eq(report.sourceId, agencyId), eq(report.instance, instance)));
  return Object.fromEntries(
    rows.map((row) => {
      const member = memberLabel(row.key, row.dimension);
      return [member === undefined ? row.key : `${row.key}/${member}`, row.value === null ? null : Number(row.value)];
    }),
  );
}

/** The metrics of one record that have a total or any breakdown value. */
export async function metricsOf(db: Db, agencyId: number, instance: string): Promise<string[]> {
  const values = await valuesOf(db, agencyId, instance);
  return [...new Set(Object.keys(values).map((key) => key.split('/')[0]!))].sort();
}

/** Everything an upload may write for these agencies, to show that a refused upload wrote nothing. */
export async function writtenRows(db: Db, agencyIds: number[]) {
  const reports = await db
    .select({ id: report.id, status: report.status })
    .from(report)
    .where(inArray(report.sourceId, agencyIds));
  const datapoints = await db
    .select({ id: datapoint.id, value: datapoint.value })
    .from(datapoint)
    .where(inArray(datapoint.sourceId, agencyIds));
  const spreadsheets = await db
    .select({ id: spreadsheet.id })
    .from(spreadsheet)
    .where(inArray(spreadsheet.agencyId, agencyIds));
  return { reports: reports.length, datapoints: datapoints.length, spreadsheets: spreadsheets.length };
}

export interface FakeEntry {
  name: string;
  data: Buffer;
  /** Defaults to the real size of the inflated data. */
  declaredSize?: number;
}

/** A minimal zip container whose headers may lie about sizes. */
export function zipOf(entries: FakeEntry[]): Buffer {
  return zipContainer(
    entries.map((entry) => ({
      name: entry.name,
      compressed: deflateRawSync(entry.data),
      size: entry.declaredSize ?? entry.data.length,
    })),
  );
}

/** Arrests by race for every child, year, month and member: 7,200 rows a child over 25 years. */
export function arrestsByRaceCsv(children: readonly string[], years = 25): Buffer {
  const members = getMetric('LAW_ENFORCEMENT_ARRESTS')!.dimensions.find((d) => d.identifier.includes('race'))!.members;
  const rows: Cell[][] = [['year', 'month', 'agency', 'value', 'race/ethnicity']];
  for (const child of children) {
    for (let year = 2000; year < 2000 + years; year += 1) {
      for (const month of MONTH_NAMES) {
        members.forEach((member, i) => rows.push([year, month, child, i + 1, member.value]));
      }
    }
  }
  return csv(rows);
}
