/**
 * Reports built from the endpoint measurements: API latency and throughput on one data set (with
 * each endpoint's throughput as a fraction of /health in the same run), and growth of p99 with the
 * size of the data set.
 */
import type { Engine } from '../../../server/src/db/database.ts';
import type { SizeName } from '../generate/dataset.ts';
import type { BenchmarkReport, Row, TargetCheck } from '../results.ts';
import { CONNECTIONS, type EndpointName, type EndpointResult } from './reads.ts';

export const API_TARGETS = { readP99Ms: 25, saveP99Ms: 50, growthRatio: 1.5 };
const READS: EndpointName[] = ['report', 'records', 'metrics'];

export interface SizeMeasurement {
  engine: Engine;
  size: SizeName;
  values: number;
  results: EndpointResult[];
}

export function apiReport(measured: SizeMeasurement): BenchmarkReport {
  const health = measured.results.find((r) => r.endpoint === 'health');
  const rows: Row[] = measured.results.map((r) => ({
    endpoint: r.label,
    'p50 (ms)': r.p50,
    'p99 (ms)': r.p99,
    'req/s': Math.round(r.rps),
    'of /health': health && r.endpoint !== 'health' ? Number((r.rps / health.rps).toFixed(2)) : null,
    'server CPU ms/req': Number(r.serverCpuMs.toFixed(2)),
    failures: r.failures,
  }));
  const targets: TargetCheck[] = measured.results
    .filter((r) => r.endpoint !== 'health')
    .map((r) => {
      const limit = r.endpoint === 'save' ? API_TARGETS.saveP99Ms : API_TARGETS.readP99Ms;
      // No request answered is a miss, not a p99 of 0 ms.
      return {
        target: `${r.label}: p99 under ${limit} ms`,
        measured: r.requests === 0 ? `no request completed (${r.failures} failed)` : `${r.p99} ms`,
        met: r.requests > 0 && r.p99 < limit && r.failures === 0,
      };
    });
  return {
    benchmark: `api-${measured.engine}`,
    rows,
    targets,
    notes: [
      `${measured.size} data set (${measured.values.toLocaleString('en-US')} values), ${CONNECTIONS} connections on loopback; the save spreads over the probe jail's 120 monthly records.`,
      `server CPU ms/req is the server process's CPU time over the requests served; with ${CONNECTIONS} requests in flight on one Node thread, p99 cannot be below about ${CONNECTIONS} x that.`,
    ],
  };
}

export function growthReport(engine: Engine, sizes: readonly SizeMeasurement[]): BenchmarkReport {
  const rows: Row[] = sizes.flatMap((m) =>
    m.results
      .filter((r) => READS.includes(r.endpoint))
      .map((r) => ({
        size: m.size,
        values: m.values,
        endpoint: r.label,
        'p50 (ms)': r.p50,
        'p99 (ms)': r.p99,
        'req/s': Math.round(r.rps),
        'server CPU ms/req': Number(r.serverCpuMs.toFixed(2)),
      })),
  );
  const smallest = sizes[0];
  const largest = sizes.at(-1);
  const targets: TargetCheck[] = [];
  if (smallest && largest && largest !== smallest) {
    for (const endpoint of READS) {
      const small = smallest.results.find((r) => r.endpoint === endpoint);
      const large = largest.results.find((r) => r.endpoint === endpoint);
      if (!small || !large) continue;
      const ratio = large.p99 / Math.max(small.p99, 1);
      const cpuRatio = large.serverCpuMs / Math.max(small.serverCpuMs, 0.01);
      targets.push({
        target: `${large.label}: p99 on ${largest.size} at most 1.5 x ${smallest.size}`,
        measured: `${large.p99} ms / ${small.p99} ms = ${ratio.toFixed(2)} (server CPU per request: ${cpuRatio.toFixed(2)})`,
        met: ratio <= API_TARGETS.growthRatio,
      });
    }
  }
  return {
    benchmark: `growth-${engine}`,
    rows,
    targets,
    notes: largest?.size === 'large' ? [] : [`largest data set on this engine: ${largest?.size ?? 'none'}`],
  };
}
