import type { Metrics } from '../../metrics/metrics.ts';
import type { App } from '../app-types.ts';

/** Counts and times every answered request by route pattern and status. */
export function registerRequestMetrics(app: App, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched paths share one label, so probing random URLs cannot grow the series without end.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.request({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
  });
}
