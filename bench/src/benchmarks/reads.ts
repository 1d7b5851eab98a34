/**
 * The API endpoints under load, on the probe jail of a data set: its latest full monthly record,
 * its records list (ten years), its metric settings, a one-metric save spread over its monthly
 * records, and /health as the same-run baseline.
 */
import { getMetric, metricsForSystem, type MetricDef } from '@jc/catalogue';
import type { DatasetServer } from '../dataset-server.ts';
import { LAST_YEAR } from '../generate/dataset.ts';
import { loadTest, type LoadTestResult } from '../load-test.ts';

export const CONNECTIONS = 32;

export type EndpointName = 'health' | 'report' | 'records' | 'metrics' | 'save';

export interface EndpointResult extends LoadTestResult {
  endpoint: EndpointName;
  label: string;
  /** Server process CPU time per request: unlike latency, barely affected by other load on the machine. */
  serverCpuMs: number;
}

interface Endpoint {
  name: EndpointName;
  label: string;
  method: 'GET' | 'PATCH';
  path: string;
  nextRequest?: () => { path: string; body: string };
}

/** The jail metric the save benchmark writes: a monthly one with breakdowns. */
function savedMetric(): MetricDef {
  const metric = metricsForSystem('JAILS').find(
    (m) => !m.disabled && m.defaultFrequency === 'MONTHLY' && m.dimensions.length > 0,
  );
  if (!metric) throw new Error('bench: the catalogue has no monthly jail metric with breakdowns');
  return getMetric(metric.key)!;
}

/** A PATCH body writing one metric's total and first breakdown, different on every call. */
function saveRequests(site: DatasetServer): () => { path: string; body: string } {
  const metric = savedMetric();
  const dimension = metric.dimensions[0]!;
  const recordIds = site.dataset.probeMonthlyRecordIds;
  let calls = 0;
  return () => {
    calls++;
    const index = calls % recordIds.length;
    // The generator leaves the last year in draft and publishes the rest; a save keeps the status.
    const status = index >= recordIds.length - 12 ? 'DRAFT' : 'PUBLISHED';
    const total = 1_000 + (calls % 5_000);
    const members = dimension.members.map((member, i) => ({
      key: member.value,
      value: i === 0 ? total - (dimension.members.length - 1) : 1,
    }));
    // Like a client that loaded the record just now: a save made since it was sent is a 409.
    const body = {
      status,
      time_loaded: Date.now() / 1000,
      metrics: [
        { key: metric.key, value: total, disaggregations: [{ key: dimension.identifier, dimensions: members }] },
      ],
    };
    return { path: `/api/reports/${recordIds[index]}`, body: JSON.stringify(body) };
  };
}

export function endpoints(site: DatasetServer, withSave: boolean): Endpoint[] {
  const probe = site.dataset.agencies[0]!;
  const latest = site.dataset.probeMonthlyRecordIds.at(-1)!;
  const list: Endpoint[] = [
    { name: 'health', label: 'GET /health', method: 'GET', path: '/health' },
    {
      name: 'report',
      label: `GET /api/reports/:id (monthly jail record, ${LAST_YEAR}-12)`,
      method: 'GET',
      path: `/api/reports/${latest}`,
    },
    {
      name: 'records',
      label: `GET /api/agencies/:id/reports (${probe.years} years)`,
      method: 'GET',
      path: `/api/agencies/${probe.id}/reports`,
    },
    {
      name: 'metrics',
      label: 'GET /api/agencies/:id/metrics',
      method: 'GET',
      path: `/api/agencies/${probe.id}/metrics`,
    },
  ];
  if (withSave) {
    list.push({
      name: 'save',
      label: 'PATCH /api/reports/:id (one metric)',
      method: 'PATCH',
      path: '/api/reports/0',
      nextRequest: saveRequests(site),
    });
  }
  return list;
}

/** One request first, so a broken endpoint stops the run with its answer instead of a table of failures. */
async function checkEndpoint(site: DatasetServer, endpoint: Endpoint): Promise<void> {
  const request = endpoint.nextRequest?.();
  const response = await fetch(`${site.server.url}${request?.path ?? endpoint.path}`, {
    method: endpoint.method,
    headers: { ...site.headers, ...(request ? { 'content-type': 'application/json' } : {}) },
    body: request?.body,
  });
  if (!response.ok) {
    throw new Error(`bench: ${endpoint.label} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  }
}

/**
 * Waits until the requests autocannon left in flight are answered: the embedded engine runs one
 * query at a time, so without this the next endpoint would start behind the last one's backlog.
 */
async function drained(site: DatasetServer): Promise<void> {
  await fetch(`${site.server.url}/health`);
}

export async function measureEndpoints(
  site: DatasetServer,
  options: { seconds: number; warmupSeconds: number; withSave: boolean },
): Promise<EndpointResult[]> {
  const results: EndpointResult[] = [];
  for (const endpoint of endpoints(site, options.withSave)) {
    await checkEndpoint(site, endpoint);
    const headers = { ...site.headers, ...(endpoint.method === 'PATCH' ? { 'content-type': 'application/json' } : {}) };
    const run = (seconds: number) =>
      loadTest({
        url: site.server.url,
        method: endpoint.method,
        path: endpoint.path,
        headers,
        nextRequest: endpoint.nextRequest,
        connections: CONNECTIONS,
        seconds,
      });
    await run(options.warmupSeconds);
    await drained(site);
    const cpuBefore = await site.server.cpuMs();
    const result = await run(options.seconds);
    const serverCpuMs = (await site.server.cpuMs()) - cpuBefore;
    await drained(site);
    results.push({
      endpoint: endpoint.name,
      label: endpoint.label,
      ...result,
      serverCpuMs: serverCpuMs / Math.max(result.requests, 1),
    });
  }
  return results;
}
