/**
 * Prometheus metrics (prom-client), served on their own port when METRICS_PORT is set
 * (metrics-server.ts). docs/operations.md lists them with suggested alerts. Each app has its own
 * registry, so tests can build many apps in one process; only the server adds the process metrics.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';

export interface Metrics {
  registry: Registry;
  /** One answered HTTP request; `route` is the route pattern (`/api/reports/:id`), never the raw URL. */
  request(labels: { method: string; route: string; status: number }, seconds: number): void;
  upload(outcome: 'saved' | 'refused', seconds: number, rows: number): void;
  jobRun(job: string, ok: boolean): void;
}

/** Seconds; from a 5 ms API read to a 2-minute upload. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** Connections of the PostgreSQL pool (the embedded engine has one, and no pool). */
function poolGauge(registry: Registry, database: Database): void {
  const { driver } = database;
  if (driver.engine !== 'postgres') return;
  new Gauge({
    name: 'jc_db_pool_connections',
    help: 'PostgreSQL pool connections: open (total), idle, and requests waiting for one',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, driver.pool.totalCount);
      this.set({ state: 'idle' }, driver.pool.idleCount);
      this.set({ state: 'waiting' }, driver.pool.waitingCount);
    },
  });
}

export function createMetrics(options: { database?: Database; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  if (options.database) poolGauge(registry, options.database);
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'jc_http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'jc_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const uploadSeconds = new Histogram({
    name: 'jc_upload_duration_seconds',
    help: 'Time to read, check and save a spreadsheet upload, by outcome (saved or refused)',
    labelNames: ['outcome'],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const uploadRows = new Counter({ name: 'jc_upload_rows_total', help: 'Values (rows) saved by uploads', registers });
  const jobRuns = new Counter({
    name: 'jc_job_runs_total',
    help: 'Scheduled job runs',
    labelNames: ['job'],
    registers,
  });
  const jobFailures = new Counter({
    name: 'jc_job_failures_total',
    help: 'Scheduled job runs that failed (retried the next hour)',
    labelNames: ['job'],
    registers,
  });
  return {
    registry,
    request: ({ method, route, status }, seconds) => {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
    upload: (outcome, seconds, rows) => {
      uploadSeconds.observe({ outcome }, seconds);
      uploadRows.inc(rows);
    },
    jobRun: (job, ok) => {
      jobRuns.inc({ job });
      if (!ok) jobFailures.inc({ job });
    },
  };
}
