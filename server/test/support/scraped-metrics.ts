/** Reading a Prometheus scrape in tests, against the metrics docs/operations.md promises operators. */
import { readFileSync } from 'node:fs';

/** The metric names in the first column of docs/operations.md's metrics table. */
export function documentedMetrics(): string[] {
  const docs = readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8');
  return [...docs.matchAll(/^\| `((?:jc|nodejs|process)_\w+)`/gm)].map((m) => m[1]!);
}

/** The value of one series in the scrape, such as `jc_job_runs_total{job="works"}`; undefined when absent. */
export function sampleOf(scrape: string, series: string): number | undefined {
  const line = scrape.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Whether the scrape declares the metric (a labelled one shows no sample until something is counted). */
export function declares(scrape: string, name: string): boolean {
  return new RegExp(`^# TYPE ${name} `, 'm').test(scrape);
}
