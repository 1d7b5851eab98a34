/**
 * What an integration test file starts from: the app, built while the file loads and closed after
 * its last test, and the builders bound to it. `given.agencyWithRecords()` is the set-up most
 * record tests begin with: a member signed in to a fresh agency that has records.
 */
import { afterAll } from 'vitest';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { givenReport, givenSignedIn, type ReportOptions } from './given-reports.ts';
import { createTestApp } from './test-app.ts';
import type { ReportRow } from '../../src/db/queries/reports.ts';

export interface AgencyWithRecordsOptions {
  /** The member's role; a contributor unless told. */
  role?: AgencyRole;
  systems?: string[];
  /** One record per entry; one March 2024 monthly record unless told. */
  records?: ReportOptions[];
}

export async function testFile(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  afterAll(() => t.close());
  const db = () => t.database.db;
  const given = {
    async agencyWithRecords(choice: AgencyWithRecordsOptions = {}) {
      const signed = await givenSignedIn(t, { role: choice.role ?? 'CONTRIBUTOR', systems: choice.systems });
      const records: ReportRow[] = [];
      for (const record of choice.records ?? [{}]) records.push(await givenReport(db(), signed.agency, record));
      return { ...signed, records, record: records[0]! };
    },
  };
  return { t, db, given };
}
