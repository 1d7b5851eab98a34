/**
 * The recurring records job (01-data-model §4.1, §10 items 3–4): which records it creates, that a
 * second run creates nothing, that several instances run a period once, and the CLI command.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { jobRun, report } from '../../src/db/schema.ts';
import { createRecurringReports } from '../../src/domain/reports/create-recurring-reports.ts';
import { runRecurringReportsJob } from '../../src/jobs/create-recurring-reports.ts';
import { runOncePerPeriod } from '../../src/db/queries/job-runs.ts';
import { openPrivateDatabase } from '../support/empty-database.ts';
import { givenAgency, givenSuperagencyWithChild } from '../support/given.ts';
import { givenMetricSetting } from '../support/given-reports.ts';
import { jcOn } from '../support/run-jc.ts';
import { testFile } from '../support/test-file.ts';

const { t, db } = await testFile();

const LAW_ENFORCEMENT = [
  'LAW_ENFORCEMENT_FUNDING',
  'LAW_ENFORCEMENT_EXPENSES',
  'LAW_ENFORCEMENT_TOTAL_STAFF',
  'LAW_ENFORCEMENT_CALLS_FOR_SERVICE',
  'LAW_ENFORCEMENT_ARRESTS',
  'LAW_ENFORCEMENT_REPORTED_CRIME',
  'LAW_ENFORCEMENT_USE_OF_FORCE_INCIDENTS',
  'LAW_ENFORCEMENT_COMPLAINTS_SUSTAINED',
];

const periodsOf = async (agencyId: number) =>
  (await db().select().from(report).where(eq(report.sourceId, agencyId)).orderBy(report.dateRangeStart)).map((r) => [
    r.type,
    r.dateRangeStart,
    r.dateRangeEnd,
  ]);

describe('createRecurringReports', () => {
  it('in January creates last December and last calendar year, with no editors, and nothing on a second run', async () => {
    const agency = await givenAgency(db());
    const created = await createRecurringReports(db(), { today: '2022-01-01', agencies: [agency] });
    expect(created).toHaveLength(2);
    expect(await periodsOf(agency.id)).toEqual([
      ['ANNUAL', '2021-01-01', '2022-01-01'],
      ['MONTHLY', '2021-12-01', '2022-01-01'],
    ]);
    const [row] = await db().select().from(report).where(eq(report.id, created[0]!.id));
    expect(row).toMatchObject({
      modifiedBy: [],
      status: 'NOT_STARTED',
      lastModifiedAt: null,
      instance: expect.any(String),
    });
    expect(await createRecurringReports(db(), { today: '2022-01-20', agencies: [agency] })).toEqual([]);
  });

  it('creates nothing when every metric is annual from February, until February', async () => {
    const agency = await givenAgency(db());
    for (const key of LAW_ENFORCEMENT) {
      await givenMetricSetting(db(), agency, key, {
        custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 2 },
      });
    }
    expect(await createRecurringReports(db(), { today: '2022-01-01', agencies: [agency] })).toEqual([]);
    await createRecurringReports(db(), { today: '2022-02-01', agencies: [agency] });
    expect(await periodsOf(agency.id)).toEqual([['ANNUAL', '2021-02-01', '2022-02-01']]);
  });

  it('creates the fiscal year that has just ended, not the one before it', async () => {
    const agency = await givenAgency(db());
    await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_FUNDING', {
      custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 7 },
    });
    await createRecurringReports(db(), { today: '2024-07-01', agencies: [agency] });
    expect(await periodsOf(agency.id)).toEqual([
      ['ANNUAL', '2023-07-01', '2024-07-01'],
      ['MONTHLY', '2024-06-01', '2024-07-01'],
    ]);
  });

  it('ignores switched-off metrics, and counts only its own metrics for a superagency', async () => {
    const agency = await givenAgency(db());
    for (const key of [
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE',
      'LAW_ENFORCEMENT_ARRESTS',
      'LAW_ENFORCEMENT_REPORTED_CRIME',
    ]) {
      await givenMetricSetting(db(), agency, key, { is_metric_enabled: false });
    }
    const superagency = await givenAgency(db(), { isSuperagency: true, systems: ['SUPERAGENCY', 'LAW_ENFORCEMENT'] });
    await createRecurringReports(db(), { today: '2023-03-01', agencies: [agency, superagency] });
    expect(await periodsOf(agency.id)).toEqual([]);
    expect(await periodsOf(superagency.id)).toEqual([]);
  });
});

class Rollback extends Error {}

describe('runRecurringReportsJob', () => {
  it('serves every top-level agency once a month, skipping child agencies', async () => {
    const { child } = await givenSuperagencyWithChild(db());
    const agency = await givenAgency(db());
    // Inside a transaction that is rolled back, so agencies of tests running alongside are untouched.
    await db()
      .transaction(async (tx) => {
        const now = new Date('1971-02-01T06:00:00Z');
        const first = await runRecurringReportsJob(tx, now);
        expect(first.ran && first.result.map((r) => r.agencyId)).toContain(agency.id);
        expect(first.ran && first.result.some((r) => r.agencyId === child.id)).toBe(false);
        expect(await runRecurringReportsJob(tx, new Date('1971-02-20T06:00:00Z'))).toEqual({ ran: false });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });
});

describe('runOncePerPeriod', () => {
  it('runs a period once even when two instances start it together', async () => {
    const job = { name: `test-${randomUUID()}`, periodKey: '2024-07', now: new Date('2024-07-01T00:05:00Z') };
    let runs = 0;
    // The first claim holds its transaction open until the second has started its own claim.
    let secondStarted!: () => void;
    const second = new Promise<void>((resolve) => (secondStarted = resolve));
    const work = async () => {
      runs += 1;
      await second;
      return runs;
    };
    const first = runOncePerPeriod(db(), job, work);
    const other = runOncePerPeriod(db(), job, work);
    secondStarted();
    const outcomes = await Promise.all([first, other]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    const [row] = await db().select().from(jobRun).where(eq(jobRun.jobName, job.name));
    expect(row!.finishedAt).not.toBeNull();
  });

  it('gives the period back when the work fails, so the next attempt runs it', async () => {
    const job = { name: `test-${randomUUID()}`, periodKey: '2024-07', now: new Date('2024-07-01T00:05:00Z') };
    await expect(runOncePerPeriod(db(), job, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await runOncePerPeriod(db(), job, async () => 'done')).toEqual({ ran: true, result: 'done' });
  });
});

describe('jc create-recurring-reports', () => {
  const jc = (database: Database, ...argv: string[]) => jcOn(database)(...argv);

  it('refuses an impossible date with exit code 2', async () => {
    const result = await jc(t.database, 'create-recurring-reports', '--date', '2024-02-30');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('--date must be a day written YYYY-MM-DD (got "2024-02-30")');
  });

  it('creates the records for the given day, and nothing when run again', async () => {
    // A database of its own, since the command serves every agency there is.
    const database = await openPrivateDatabase();
    try {
      const agency = await givenAgency(database.db);
      const first = await jc(database, 'create-recurring-reports', '--date', '2024-07-01');
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toBe('Created 1 record for the month starting 2024-06-01 and the year starting 2023-07-01.');
      const rows = await database.db.select().from(report).where(eq(report.sourceId, agency.id));
      expect(rows.map((r) => r.dateRangeStart)).toEqual(['2024-06-01']);
      const again = await jc(database, 'create-recurring-reports', '--date', '2024-07-01', '--json');
      expect(JSON.parse(again.stdout)).toEqual({ today: '2024-07-01', created: [] });
    } finally {
      await database.close();
    }
  });
});
