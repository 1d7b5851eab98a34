/**
 * An upload is all or nothing: a failure half-way through leaves the database as it was, and the
 * same file uploaded again gives the same end state. Broken, oversized and hostile files get a clear
 * 4xx answer, never a 500 or a hung request, and write nothing.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../src/contract/uploads.ts';
import { datapoint, datapointHistory, report } from '../../src/db/schema.ts';
import {
  csv,
  generatedWorkbook,
  givenUploader,
  multipart,
  upload,
  uploadArrests,
  uploadOk,
  writtenRows,
  xlsx,
  zipOf,
  type Cell,
} from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

/** Everything the upload wrote for the agency, in a form two states can be compared by. */
async function snapshot(agencyId: number) {
  const values = await t.database.db
    .select({
      instance: report.instance,
      status: report.status,
      key: datapoint.metricDefinitionKey,
      dim: datapoint.dimensionIdentifierToMember,
      value: datapoint.value,
    })
    .from(datapoint)
    .innerJoin(report, eq(report.id, datapoint.reportId))
    .where(eq(report.sourceId, agencyId));
  const history = await t.database.db
    .select({ id: datapointHistory.id })
    .from(datapointHistory)
    .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
    .where(eq(datapoint.sourceId, agencyId));
  const rows = values.map((v) => `${v.instance}|${v.status}|${v.key}|${JSON.stringify(v.dim)}|${v.value}`).sort();
  return { rows, history: history.length, counts: await writtenRows(t.database.db, [agencyId]) };
}

describe('all or nothing', () => {
  const failOn = String(310_000 + Math.floor(Math.random() * 9_999));

  it('a failure after half the rows are written leaves the database unchanged; a retry gives the clean end state', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const rows: Cell[][] = [['year', 'month', 'value']];
    for (let month = 1; month <= 12; month += 1) rows.push([2022, month, month === 7 ? Number(failOn) : month * 10]);
    const content = await xlsx({ arrests: rows });
    const send = () =>
      upload(t, headers, { agencyId: agency.id, system: 'LAW_ENFORCEMENT', fileName: 'a.xlsx', content });
    await uploadArrests(t, headers, agency.id, [[2022, 1, 1]], 'earlier.xlsx');
    const before = await snapshot(agency.id);

    const db = t.database.db;
    const fn = `fail_${randomUUID().replace(/-/g, '')}`;
    await db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
      begin if new.value = '${failOn}' then raise exception 'injected failure'; end if; return new; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger ${fn} before insert or update on datapoint for each row execute function ${fn}()`),
    );
    try {
      const failed = await send();
      expect(failed.statusCode).toBe(500);
      expect(await snapshot(agency.id)).toEqual(before);
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on datapoint`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }

    expect((await send()).statusCode).toBe(200);
    const afterRetry = await snapshot(agency.id);
    expect(afterRetry.counts).toEqual({ reports: 12, datapoints: 12, spreadsheets: 2 });
    expect((await send()).statusCode).toBe(200);
    const again = await snapshot(agency.id);
    expect(again.rows).toEqual(afterRetry.rows);
    expect(again.history).toBe(afterRetry.history);
  });

  it('a failure at the very end (saving the file record) rolls back every record and value', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const fileName = `crash-${randomUUID()}.xlsx`;
    const fn = `fail_${randomUUID().replace(/-/g, '')}`;
    const db = t.database.db;
    await db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
      begin if new.original_name = '${fileName}' then raise exception 'injected failure'; end if; return new; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger ${fn} before insert on spreadsheet for each row execute function ${fn}()`),
    );
    try {
      const res = await upload(t, headers, {
        agencyId: agency.id,
        system: 'PRISONS',
        fileName,
        content: await generatedWorkbook('PRISONS'),
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on spreadsheet`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
    expect(await writtenRows(db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });

  it('uploading the same workbook twice changes nothing the second time', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['PRISONS'] });
    const content = await generatedWorkbook('PRISONS');
    const send = () => uploadOk(t, headers, { agencyId: agency.id, system: 'PRISONS', fileName: 'p.xlsx', content });
    await send();
    const first = await snapshot(agency.id);
    const second = await send();
    expect(await snapshot(agency.id)).toEqual({ ...first, counts: { ...first.counts, spreadsheets: 2 } });
    expect(second.metrics.flatMap((m) => m.datapoints).every((d) => d.old_value === null)).toBe(true);
    expect([second.new_reports.length, second.updated_reports.length]).toEqual([0, 0]);
  });
});

/** A small pseudo-random generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('broken and hostile files', () => {
  async function expectRefused(fileName: string, content: Buffer, status: number, text: string) {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const res = await upload(t, headers, { agencyId: agency.id, system: 'LAW_ENFORCEMENT', fileName, content });
    expect({ status: res.statusCode, text: res.json().description }).toEqual({
      status,
      text: expect.stringContaining(text),
    });
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  }

  it('refuses truncated workbooks', async () => {
    const content = await generatedWorkbook('LAW_ENFORCEMENT');
    for (const size of [10, 1000, Math.floor(content.length / 2), content.length - 30]) {
      await expectRefused('cut.xlsx', content.subarray(0, size), 400, 'not a readable .xlsx workbook');
    }
  });

  it('refuses files that only pretend to be workbooks', async () => {
    await expectRefused('empty.xlsx', Buffer.alloc(0), 400, 'is empty');
    await expectRefused('text.xlsx', Buffer.from('year,month,value\n2023,1,5\n'), 400, 'is not an .xlsx workbook');
    await expectRefused('nothing.xlsx', zipOf([{ name: 'hello.txt', data: Buffer.from('hi') }]), 400, 'be read');
    await expectRefused(
      'garbage.xlsx',
      zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') }]),
      400,
      'be read',
    );
    await expectRefused('binary.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), 400, 'not a text CSV file');
  });

  it('refuses zip bombs before inflating them', async () => {
    const lying = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20_000_000, 'a'), declaredSize: 4096 },
    ]);
    await expectRefused('lying.xlsx', lying, 413, 'zip bomb');
    const dense = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60_000_000, '<') }]);
    await expectRefused('dense.xlsx', dense, 413, 'zip bomb');
    const huge = zipOf(
      Array.from({ length: 3 }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: Buffer.from('x'),
        declaredSize: 200 * 1024 * 1024,
      })),
    );
    await expectRefused('huge.xlsx', huge, 413, 'expands to');
  });

  it('refuses files over the size, row and column limits', async () => {
    await expectRefused('big.csv', Buffer.alloc(UPLOAD_LIMITS.maxFileBytes + 1, 'a'), 413, 'larger than 25 MB');
    const lines = ['year,month,value', ...Array.from({ length: UPLOAD_LIMITS.maxRows + 1 }, () => '2023,1,5')];
    await expectRefused(
      'arrests.csv',
      Buffer.from(lines.join('\n')),
      413,
      `more than ${UPLOAD_LIMITS.maxRows.toLocaleString('en-US')} data rows`,
    );
    const wide = [Array.from({ length: UPLOAD_LIMITS.maxColumns + 1 }, (_, i) => `c${i}`)];
    await expectRefused('arrests.csv', csv(wide), 413, `at most ${UPLOAD_LIMITS.maxColumns} columns`);
  });

  it(
    'never answers 500 to a workbook with random bytes changed',
    async () => {
      const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
      const original = await xlsx({
        arrests: [
          ['year', 'month', 'value'],
          [2023, 1, 5],
          [2023, 2, 6],
        ],
      });
      const next = random(42);
      for (let round = 0; round < 25; round += 1) {
        const content = Buffer.from(original);
        for (let flips = 0; flips < 1 + (round % 4); flips += 1) {
          content[Math.floor(next() * content.length)] = Math.floor(next() * 256);
        }
        const res = await upload(t, headers, {
          agencyId: agency.id,
          system: 'LAW_ENFORCEMENT',
          fileName: 'fuzz.xlsx',
          content,
        });
        expect([200, 400, 413], `round ${round}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      }
    },
    // Twenty-five uploads, each read by a worker: minutes on a busy machine, not the usual 30 s.
    120_000,
  );

  it('refuses requests that are not a proper upload form', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const json = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/spreadsheets',
        headers,
        payload: { agency_id: agency.id },
      }),
    );
    expect(json.statusCode).toBe(415);
    const noFile = multipart({ agency_id: String(agency.id), system: 'LAW_ENFORCEMENT' });
    const missing = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/spreadsheets',
        headers: { ...headers, 'content-type': noFile.contentType },
        payload: noFile.payload,
      }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().description).toContain('file: attach the spreadsheet');
    const noAgency = multipart(
      { system: 'LAW_ENFORCEMENT' },
      { name: 'a.xlsx', content: await xlsx({ arrests: [['year']] }) },
    );
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/spreadsheets',
        headers: { ...headers, 'content-type': noAgency.contentType },
        payload: noAgency.payload,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('agency_id');
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });
});
