/**
 * Prometheus metrics: the app counts what it does, and the metrics server answers a scrape with
 * every metric docs/operations.md lists, after a few requests, an upload and two job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.ts';
import { type MetricsServer, startMetricsServer } from '../../src/metrics/metrics-server.ts';
import { systemClock } from '../../src/ports.ts';
import { csv, givenUploader, uploadOk } from '../support/given-uploads.ts';
import { declares, documentedMetrics, sampleOf } from '../support/scraped-metrics.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let metrics: Metrics;
let server: MetricsServer;
let scrape: string;

const quietLog = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp({
    metricsFor: (database) => (metrics = createMetrics({ database, processMetrics: true })),
  });
  server = await startMetricsServer(metrics.registry, 0, '127.0.0.1');

  for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/health' });
  await t.app.inject({ method: 'GET', url: '/no/such/page' });
  const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
  const rows = [
    ['year', 'month', 'value'],
    [2023, 1, 10],
    [2023, 2, 12],
  ];
  await uploadOk(t, headers, {
    agencyId: agency.id,
    system: 'LAW_ENFORCEMENT',
    fileName: 'arrests.csv',
    content: csv(rows),
  });
  const jobs = [
    { name: 'works', run: async () => 'done' },
    { name: 'breaks', run: async () => Promise.reject(new Error('mail server down')) },
  ];
  await startScheduler({ jobs, clock: systemClock, log: quietLog, onRun: metrics.jobRun }).stop();

  scrape = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const valueOf = (series: string) => sampleOf(scrape, series);

describe('GET /metrics on the metrics port', () => {
  it('counts and times requests by route pattern and status', () => {
    expect(valueOf('jc_http_requests_total{method="GET",route="/health",status="200"}')).toBe(3);
    expect(valueOf('jc_http_request_duration_seconds_count{method="GET",route="/health",status="200"}')).toBe(3);
    expect(valueOf('jc_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(scrape).not.toContain('/no/such/page');
  });

  it('counts uploads with their time and the rows they saved', () => {
    expect(valueOf('jc_upload_duration_seconds_count{outcome="saved"}')).toBe(1);
    expect(valueOf('jc_upload_rows_total')).toBe(2);
  });

  it('counts job runs and failures', () => {
    expect(valueOf('jc_job_runs_total{job="works"}')).toBe(1);
    expect(valueOf('jc_job_runs_total{job="breaks"}')).toBe(1);
    expect(valueOf('jc_job_failures_total{job="breaks"}')).toBe(1);
    expect(valueOf('jc_job_failures_total{job="works"}')).toBeUndefined();
  });

  it('reports the database pool on PostgreSQL, event-loop lag and memory', () => {
    const total = valueOf('jc_db_pool_connections{state="total"}');
    if (t.database.engine === 'postgres') expect(total).toBeGreaterThan(0);
    else expect(total, 'the embedded engine has no pool').toBeUndefined();
    expect(valueOf('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('has every metric docs/operations.md lists', () => {
    const listed = documentedMetrics();
    expect(listed.length).toBeGreaterThan(8);
    const poolOnly = t.database.engine === 'postgres' ? [] : ['jc_db_pool_connections'];
    for (const name of listed.filter((n) => !poolOnly.includes(n))) {
      expect(declares(scrape, name), `${name} is scraped`).toBe(true);
    }
  });

  it('answers 404 for anything but GET /metrics', async () => {
    const answer = await expectNoWrites(t.database.db, () => fetch(`http://127.0.0.1:${server.port}/health`));
    expect(answer.status).toBe(404);
  });
});
