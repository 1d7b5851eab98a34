/**
 * Metrics of several server processes (WEB_CONCURRENCY): each worker answers the primary's request
 * for its registry over the cluster's IPC channel, and the primary's /metrics serves their sum
 * (counters and histograms added up, per prom-client's aggregation rules).
 */
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsSource } from './metrics-server.ts';

/** In a worker: answer the primary with this registry. */
export function shareWithPrimary(registry: Registry): void {
  new AggregatorRegistry(); // installs the worker's IPC listener
  AggregatorRegistry.setRegistries([registry]);
}

/** In the primary: every worker's metrics, added up. */
export function workersMetrics(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType };
}
