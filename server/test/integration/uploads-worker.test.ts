/**
 * An upload is read and checked in a worker thread (check-upload-in-worker.ts): while a large file
 * is read, the event loop keeps running timers between the worker's progress reports.
 */
import { getMetric } from '@jc/catalogue';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { prepareUpload } from '../../src/domain/uploads/upload-spreadsheet.ts';
import { DEFAULT_PUBLISH_CHECKS } from '../../src/domain/reports/publish-check-rules.ts';
import { givenAgency } from '../support/given.ts';
import { arrestsByRaceCsv } from '../support/given-uploads.ts';
import { openTestDatabase } from '../support/test-database.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Seven child agencies, 25 years of months, every race member: 50,400 rows. */
const CHILDREN = 7;
const PERIODS = 25 * 12;
const MEMBERS = getMetric('LAW_ENFORCEMENT_ARRESTS')!.dimensions.find((d) => d.identifier.includes('race'))!.members
  .length;

it('keeps the event loop turning while a large file is read and checked', async () => {
  const { db } = database;
  const parent = await givenAgency(db, { isSuperagency: true, systems: ['LAW_ENFORCEMENT'] });
  const names = Array.from({ length: CHILDREN }, (_, i) => `Worker Test Child ${i + 1}`);
  for (const name of names) await givenAgency(db, { name, superAgencyId: parent.id });
  const content = arrestsByRaceCsv(names);

  // What happened, in order: a timer's tick every 5 ms, and each progress report of the upload.
  const timeline: string[] = [];
  const timer = setInterval(() => timeline.push('tick'), 5);
  const prepared = await prepareUpload(db, systemActor, {
    agencyId: parent.id,
    system: 'LAW_ENFORCEMENT',
    fileName: 'arrests_by_race.csv',
    content,
    checks: DEFAULT_PUBLISH_CHECKS,
    now: new Date(),
    onProgress: (progress) => timeline.push(progress.phase),
  }).finally(() => clearInterval(timer));

  // Every row, plus a total inferred for each agency and month.
  expect(prepared.planned.length).toBe(CHILDREN * PERIODS * (MEMBERS + 1));
  const reading = timeline.flatMap((entry, index) => (entry === 'reading' ? [index] : []));
  // Reports come every 5,000 rows; reading on the event loop would let no timer run between them.
  expect(reading.length).toBeGreaterThanOrEqual(10);
  const ticksWhileReading = timeline.slice(reading[0], reading.at(-1)).filter((entry) => entry === 'tick').length;
  expect(ticksWhileReading, timeline.join(' ')).toBeGreaterThanOrEqual(3);
}, 120_000);
