/**
 * Light requests sent one after another while something heavy runs (an upload), to see whether
 * the server keeps answering other people: each path's latencies, and their 99th percentile.
 */

export interface ProbeResult {
  path: string;
  count: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** Asks for each path in turn, with a short pause between rounds, until `work` settles; then returns its answer too. */
export async function probeWhile<T>(
  baseUrl: string,
  cookie: string,
  paths: readonly string[],
  work: Promise<T>,
): Promise<{ value: T; probes: ProbeResult[] }> {
  let done = false;
  const settled = work.finally(() => (done = true));
  const times = new Map(paths.map((path) => [path, [] as number[]]));
  const probing = (async () => {
    while (!done) {
      for (const path of paths) {
        const started = performance.now();
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`bench: ${path} answered ${response.status} during the upload`);
        times.get(path)!.push(performance.now() - started);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const [value] = await Promise.all([settled, probing]);
  const probes = paths.map((path) => {
    const sorted = [...times.get(path)!].sort((a, b) => a - b);
    return { path, count: sorted.length, p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0 };
  });
  return { value, probes };
}
