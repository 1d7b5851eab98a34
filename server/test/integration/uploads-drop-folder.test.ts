/**
 * `POST /api/ingest-spreadsheet`: a file dropped in the operator's folder (INGEST_DIR) is uploaded
 * as the upload page would upload it, for the agency (and sector) its path names, by a caller that
 * sends INGEST_SECRET; nothing outside the folder is ever read.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publicRefresh } from '../../src/db/schema.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { publishAll, statuses, valuesOf, writtenRows, xlsx } from '../support/given-uploads.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const dropFolder = mkdtempSync(path.join(tmpdir(), 'jc-drop-'));
const outside = mkdtempSync(path.join(tmpdir(), 'jc-outside-'));
const secret = 'drop-folder-secret-0123456789-abcdef';
const { t } = await testFile({ config: { dropFolder: { path: dropFolder, secret } } });
const { db } = t.database;

const arrests = (value: number) =>
  xlsx({
    arrests: [
      ['year', 'month', 'value'],
      [2023, 1, value],
    ],
  });

/** Puts a file in the drop folder at `relative` (its folders made as needed). */
function drop(relative: string, content: Buffer | string): void {
  const file = path.join(dropFolder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const pendingRefreshes = (agencyId: number) =>
  db
    .select({ agencyId: publicRefresh.agencyId, requestedByUserId: publicRefresh.requestedByUserId })
    .from(publicRefresh)
    .where(eq(publicRefresh.agencyId, agencyId));

const ingest = (file: unknown, authorization = `Bearer ${secret}`) =>
  t.app.inject({
    method: 'POST',
    url: '/api/ingest-spreadsheet',
    headers: authorization ? { authorization } : {},
    payload: { file },
  });

describe('POST /api/ingest-spreadsheet', () => {
  it("uploads the agency's file as an automatic upload, listed with its other uploads, leaving published records published", async () => {
    const agency = await givenAgency(db, { systems: ['LAW_ENFORCEMENT'] });
    drop(`${agency.id}/arrests.xlsx`, await arrests(5));
    const first = await ingest(`${agency.id}/arrests.xlsx`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ file_name: 'arrests.xlsx', spreadsheet_id: expect.any(Number) });
    expect(await valuesOf(db, agency.id, '01 2023 Metrics')).toEqual({ LAW_ENFORCEMENT_ARRESTS: 5 });
    expect(await pendingRefreshes(agency.id)).toEqual([]);

    await publishAll(db, agency.id);
    drop(`${agency.id}/arrests.xlsx`, await arrests(7));
    expect((await ingest(`${agency.id}/arrests.xlsx`)).statusCode).toBe(200);
    expect(await valuesOf(db, agency.id, '01 2023 Metrics')).toEqual({ LAW_ENFORCEMENT_ARRESTS: 7 });
    expect(await statuses(db, agency.id)).toEqual({ '01 2023 Metrics': 'PUBLISHED' });
    // Still published, so the new figure goes public through the refresh a save of a published record asks for.
    expect(await pendingRefreshes(agency.id)).toEqual([{ agencyId: agency.id, requestedByUserId: null }]);

    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
    const headers = await signIn(t.app, db, admin);
    const files = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/spreadsheets`, headers });
    expect(files.json()).toMatchObject([
      { name: 'arrests.xlsx', system: 'LAW_ENFORCEMENT', uploaded_by_v2: { name: 'Automatic Upload', role: null } },
      { name: 'arrests.xlsx', system: 'LAW_ENFORCEMENT', uploaded_by_v2: { name: 'Automatic Upload', role: null } },
    ]);
  });

  it('takes the sector from the folder for an agency of several sectors, and asks for one without it', async () => {
    const agency = await givenAgency(db, { systems: ['JAILS', 'LAW_ENFORCEMENT'] });
    drop(`${agency.id}/LAW_ENFORCEMENT/arrests.xlsx`, await arrests(3));
    expect((await ingest(`${agency.id}/LAW_ENFORCEMENT/arrests.xlsx`)).statusCode).toBe(200);
    expect(await valuesOf(db, agency.id, '01 2023 Metrics')).toEqual({ LAW_ENFORCEMENT_ARRESTS: 3 });

    drop(`${agency.id}/arrests.xlsx`, await arrests(4));
    const refused = await expectNoWrites(db, () => ingest(`${agency.id}/arrests.xlsx`));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().description).toBe(
      `file: agency ${agency.id} reports for JAILS, LAW_ENFORCEMENT; put the file in a folder named after its sector, such as ${agency.id}/JAILS/arrests.xlsx`,
    );
  });

  it('refuses paths that leave the folder: "..", absolute paths and symbolic links, writing nothing', async () => {
    const agency = await givenAgency(db, { systems: ['LAW_ENFORCEMENT'] });
    const content = await arrests(9);
    writeFileSync(path.join(outside, 'arrests.xlsx'), content);
    drop(`${agency.id}/arrests.xlsx`, content);
    symlinkSync(path.join(outside, 'arrests.xlsx'), path.join(dropFolder, `${agency.id}/linked.xlsx`));
    const linkedAgency = await givenAgency(db, { systems: ['LAW_ENFORCEMENT'] });
    symlinkSync(outside, path.join(dropFolder, String(linkedAgency.id)));
    const cases: [string, number, string][] = [
      [`../${path.basename(outside)}/arrests.xlsx`, 400, 'must be a path inside the drop folder'],
      [`${agency.id}/../../${path.basename(outside)}/arrests.xlsx`, 400, 'must be a path inside the drop folder'],
      [path.join(dropFolder, `${agency.id}/arrests.xlsx`), 400, 'must be a path inside the drop folder'],
      [path.join(outside, 'arrests.xlsx'), 400, 'must be a path inside the drop folder'],
      [`${agency.id}/linked.xlsx`, 400, 'leads outside the drop folder (through a link)'],
      [`${linkedAgency.id}/arrests.xlsx`, 400, 'leads outside the drop folder (through a link)'],
    ];
    for (const [file, status, words] of cases) {
      const res = await expectNoWrites(db, () => ingest(file));
      expect([file, res.statusCode, res.json().description]).toEqual([file, status, expect.stringContaining(words)]);
    }
    expect(await writtenRows(db, [agency.id, linkedAgency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });

  it('refuses what the upload page would refuse, and missing files and agencies, naming the problem', async () => {
    const agency = await givenAgency(db, { systems: ['LAW_ENFORCEMENT'] });
    drop(`${agency.id}/notes.xlsx`, 'not a workbook');
    drop(`${agency.id}/JAILS/arrests.xlsx`, await arrests(1));
    mkdirSync(path.join(dropFolder, `${agency.id}/folder.xlsx`));
    const cases: [unknown, number, string][] = [
      ['', 400, 'file: name the file'],
      [42, 400, 'file'],
      [`${agency.id}/notes.xlsx`, 400, 'file'],
      [`${agency.id}/JAILS/arrests.xlsx`, 400, "system: must be one of the agency's sectors: LAW_ENFORCEMENT"],
      [`${agency.id}/Jails/arrests.xlsx`, 400, 'the folder "Jails" is not a sector name'],
      [`${agency.id}/folder.xlsx`, 400, 'is not a file'],
      [`${agency.id}/missing.xlsx`, 404, `The file "${agency.id}/missing.xlsx" in the drop folder was not found.`],
      ['999999/arrests.xlsx', 404, 'not found'],
    ];
    for (const [file, status, words] of cases) {
      const res = await expectNoWrites(db, () => ingest(file));
      expect([file, res.statusCode, res.json().description]).toEqual([file, status, expect.stringContaining(words)]);
    }
  });

  it('answers only callers with the secret: not people, not a wrong secret; and 404 when not set up', async () => {
    const agency = await givenAgency(db, { systems: ['LAW_ENFORCEMENT'] });
    drop(`${agency.id}/arrests.xlsx`, await arrests(2));
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
    const { cookie } = await signIn(t.app, db, admin);
    const asAdmin = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/ingest-spreadsheet',
        headers: { cookie },
        payload: { file: `${agency.id}/arrests.xlsx` },
      });
    for (const request of [
      () => ingest(`${agency.id}/arrests.xlsx`, ''),
      () => ingest(`${agency.id}/arrests.xlsx`, `Bearer ${secret}x`),
      () => ingest(`${agency.id}/arrests.xlsx`, secret),
      asAdmin,
    ]) {
      const res = await expectNoWrites(db, request);
      expect(res.statusCode).toBe(401);
      expect(res.json().description).toContain('Send the ingestion secret (INGEST_SECRET)');
    }
    t.config.dropFolder = undefined;
    try {
      const off = await expectNoWrites(db, () => ingest(`${agency.id}/arrests.xlsx`));
      expect(off.statusCode).toBe(404);
      expect(off.json().description).toContain('Automatic ingestion is not set up on this server');
    } finally {
      t.config.dropFolder = { path: dropFolder, secret };
    }
  });
});
