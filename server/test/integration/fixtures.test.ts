/**
 * The demo data: what it contains, that its breakdowns add up, and that loading it twice (in the
 * same month) gives exactly the same rows. It wipes everything, so it runs on a database of its own.
 */
import { getBreakdown } from '@jc/catalogue';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import {
  agencySetting,
  agencyUserAccountAssociation,
  datapoint,
  metricSetting,
  report,
  source,
  userAccount,
} from '../../src/db/schema.ts';
import { AGENCY_ROLES } from '../../src/domain/actor.ts';
import { resolveMetricSettings } from '../../src/db/queries/settings.ts';
import { loadFixtures, type LoadedFixtures } from '../../src/fixtures/load-fixtures.ts';
import { openPrivateDatabase } from '../support/empty-database.ts';
import { jcOn } from '../support/run-jc.ts';

const NOW = new Date('2025-03-17T10:30:00Z');
const TABLES = { source, userAccount, agencyUserAccountAssociation, report, datapoint, metricSetting, agencySetting };

let database: Database;
let loaded: LoadedFixtures;
beforeAll(async () => {
  database = await openPrivateDatabase();
  loaded = await loadFixtures(database.db, { now: NOW });
}, 120_000);
afterAll(async () => {
  await database.close();
});

/** Every row of the demo tables, without timestamps and password hashes (salted, so never equal). */
async function digest(): Promise<string[]> {
  const excluded = sql.raw(
    `array['created_at', 'last_updated', 'last_modified_at', 'email_verified_at', 'password_hash']`,
  );
  const digests = [];
  for (const table of Object.values(TABLES)) {
    const row = sql`(to_jsonb(t) - ${excluded})::text`;
    const rows = await queryRows<{ digest: string }>(
      database.db,
      sql`select count(*) || ' ' || md5(string_agg(${row}, '|' order by ${row})) as digest from ${table} as t`,
    );
    digests.push(`${getTableName(table)} ${rows[0]?.digest}`);
  }
  return digests;
}

async function count(table: (typeof TABLES)[keyof typeof TABLES]): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

describe('the demo fixtures', () => {
  it('hold a county with an agency per system and a superagency with children', async () => {
    const agencies = await database.db.select().from(source);
    expect(agencies).toHaveLength(10);
    const systems = new Set(agencies.flatMap((a) => a.systems ?? []));
    for (const system of ['SUPERAGENCY', 'LAW_ENFORCEMENT', 'PROSECUTION', 'DEFENSE', 'COURTS_AND_PRETRIAL', 'JAILS']) {
      expect(systems).toContain(system);
    }
    for (const system of ['PRISONS', 'SUPERVISION', 'PAROLE', 'PROBATION']) expect(systems).toContain(system);
    const superagencies = agencies.filter((a) => a.isSuperagency);
    expect(superagencies).toHaveLength(1);
    const children = agencies.filter((a) => a.superAgencyId === superagencies[0]?.id);
    expect(children.length).toBeGreaterThanOrEqual(2);
    expect(children.some((c) => c.systems?.includes('PAROLE') && c.systems.includes('PROBATION'))).toBe(true);
  });

  it('hold users in every role, all able to sign in with the demo password', async () => {
    expect(await count(userAccount)).toBe(loaded.signIns.length);
    const roles = await database.db
      .selectDistinct({ role: agencyUserAccountAssociation.role })
      .from(agencyUserAccountAssociation);
    expect(roles.map((r) => r.role).sort()).toEqual([...AGENCY_ROLES].sort());
    const users = await database.db.select().from(userAccount);
    expect(users.every((u) => u.passwordHash?.startsWith('$argon2id$'))).toBe(true);
    expect(loaded.signIns.map((s) => s.password)).toEqual(loaded.signIns.map(() => 'justice-counts-demo'));
  });

  it('hold three years of named monthly and annual reports, published then draft then not started', async () => {
    const reports = await database.db.select().from(report);
    // Nine agencies report monthly (37 months) and annually (3 years); the superagency only annually.
    expect(reports).toHaveLength(9 * 40 + 3);
    for (const r of reports) {
      const [year, month] = r.dateRangeStart.split('-');
      const instance = r.type === 'MONTHLY' ? `${month} ${year} Metrics` : `${year} Annual Metrics`;
      expect(r.instance).toBe(instance);
    }
    expect(
      reports
        .filter((r) => r.type === 'MONTHLY')
        .map((r) => r.dateRangeStart)
        .sort()
        .at(-1),
    ).toBe('2025-03-01');
    expect(
      reports
        .filter((r) => r.type === 'ANNUAL')
        .map((r) => r.instance)
        .sort()
        .at(-1),
    ).toBe('2024 Annual Metrics');
    const monthly = reports
      .filter((r) => r.type === 'MONTHLY')
      .sort((a, b) => a.dateRangeStart.localeCompare(b.dateRangeStart));
    for (const agencyId of new Set(monthly.map((r) => r.sourceId))) {
      const statuses = monthly.filter((r) => r.sourceId === agencyId).map((r) => r.status);
      expect(statuses.join(',')).toMatch(/^(PUBLISHED,){30,}(DRAFT,)+NOT_STARTED$/);
    }
    expect(reports.every((r) => (r.status === 'PUBLISHED') === (r.publishDate !== null))).toBe(true);
  });

  it('hold datapoints only on started reports, with catalogue members and breakdowns that add up', async () => {
    expect(await count(datapoint)).toBe(loaded.datapoints);
    expect(loaded.datapoints).toBeGreaterThan(10_000);
    const onNotStarted = await queryRows(
      database.db,
      sql`select count(*)::int as n from datapoint d join report r on r.id = d.report_id where r.status = 'NOT_STARTED'`,
    );
    expect(onNotStarted[0]?.n).toBe(0);
    const sums = await queryRows<{ metric: string; dimension: string; members: string[]; total: string; sum: string }>(
      database.db,
      sql`select b.metric_definition_key as metric, k.key as dimension, array_agg(b.dimension_identifier_to_member ->> k.key) as members,
                 min(t.value) as total, sum(b.value::numeric)::text as sum
          from datapoint b cross join lateral jsonb_object_keys(b.dimension_identifier_to_member) as k(key)
          join datapoint t on t.report_id = b.report_id and t.metric_definition_key = b.metric_definition_key
           and t.dimension_identifier_to_member is null
          group by b.report_id, b.metric_definition_key, k.key`,
    );
    expect(sums.length).toBeGreaterThan(1000);
    for (const group of sums) {
      expect(Number(group.sum), `${group.metric} by ${group.dimension}`).toBe(Number(group.total));
      const members = getBreakdown(group.metric, group.dimension)?.members.map((m) => m.name);
      expect(members?.sort()).toEqual([...group.members].sort());
    }
  });

  it('switch on, as the metric settings read them, every metric and breakdown member that has data', async () => {
    const reported = await queryRows<{ agency: number; metric: string; member: Record<string, string> | null }>(
      database.db,
      sql`select distinct source_id as agency, metric_definition_key as metric, dimension_identifier_to_member as member
          from datapoint`,
    );
    for (const agency of await database.db.select().from(source)) {
      const settings = new Map((await resolveMetricSettings(database.db, agency)).map((s) => [s.key, s]));
      for (const { metric, member } of reported.filter((r) => r.agency === agency.id)) {
        const setting = settings.get(metric);
        expect(setting?.enabled, `${agency.name} ${metric}`).toBe(true);
        for (const [dimension, name] of Object.entries(member ?? {})) {
          expect(setting?.dimensions[dimension]?.members[name], `${metric} ${dimension} ${name}`).toBe(true);
        }
      }
    }
    expect(await count(agencySetting)).toBe(10);
  });

  // Loading takes a few seconds, many more on a busy CI machine.
  it('load the same rows again, through jc load-fixtures, later in the same month', { timeout: 120_000 }, async () => {
    const before = await digest();
    const jc = jcOn(database, { now: () => new Date('2025-03-30T23:00:00Z') });
    const result = await jc('load-fixtures');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('admin@demo.justicecounts.test');
    expect(await digest()).toEqual(before);
    const [first] = await database.db.select({ id: source.id }).from(source).orderBy(source.id).limit(1);
    expect(first?.id).toBe(1);
  });
});
