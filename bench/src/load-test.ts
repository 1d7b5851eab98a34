/** One autocannon run against one endpoint: latency percentiles, throughput and failures. */
import autocannon from 'autocannon';

export interface LoadTestOptions {
  url: string;
  method?: 'GET' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  /** Builds each request (path and body), e.g. to spread writes over many records. */
  nextRequest?: () => { path: string; body: string };
  connections: number;
  seconds: number;
}

export interface LoadTestResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
}

export async function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const next = options.nextRequest;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: options.headers,
    requests: [
      next
        ? { method: options.method ?? 'GET', setupRequest: (request) => ({ ...request, ...next() }) }
        : { method: options.method ?? 'GET', path: options.path },
    ],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
