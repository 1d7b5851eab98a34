/**
 * What an integration test file starts from: the app, built while the file loads and closed after
 * its last test, and the builders bound to it. `given.agencyWithRecords()` is the set-up most
 * record tests begin with: a member signed in to a fresh agency that has records; `requestAs`
 * sends a request as a given person, or signed out; `get` sends a GET with the headers given.
 */
import type { InjectOptions } from 'fastify';
import { afterAll } from 'vitest';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { givenReport, givenSignedIn, type ReportOptions } from './given-reports.ts';
import { signIn, type UserRow } from './given.ts';
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
  /** Sends the request signed in as `user` (a session of its own), or signed out when `user` is null. */
  const requestAs = async (user: UserRow | null, request: Pick<InjectOptions, 'method' | 'url' | 'payload'>) => {
    const headers = user ? await signIn(t.app, db(), user) : {};
    return t.app.inject({ ...request, headers });
  };
  /** A GET with these headers (none: signed out). */
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  return { t, db, given, requestAs, get };
}
