/** Words for a release: what changed in a sentence, and the text to cite it with. */
import type { ReleaseResponse } from '@jc/server/contract';
import { longDate } from '../../rules/record-names.ts';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "3 figures added, 1 changed", "1 figure changed" or "No figures changed": the noun comes once, first. */
export function changeSummary({ added, changed, removed }: { added: number; changed: number; removed: number }) {
  const parts = (
    [
      [added, 'added'],
      [changed, 'changed'],
      [removed, 'withdrawn'],
    ] as const
  ).filter(([n]) => n > 0);
  if (parts.length === 0) return 'No figures changed';
  return parts
    .map(([n, verb], i) =>
      i === 0 ? `${count(n, 'figure', 'figures')} ${verb}` : `${n.toLocaleString('en-US')} ${verb}`,
    )
    .join(', ');
}

/** "Harbor County Sheriff. Arrests, release 3 (December 5, 2026). Justice Counts Publisher. <url>" */
export function citation(release: ReleaseResponse, url: string, metricName?: string): string {
  const what = metricName ? `${metricName}, release ${release.number}` : `Published figures, release ${release.number}`;
  return `${release.agency.name}. ${what} (${longDate(release.released_at)}). Justice Counts Publisher. ${url}`;
}

/** The metrics the release holds, by name, each once. */
export function releaseMetrics(release: ReleaseResponse): { key: string; name: string }[] {
  const names = new Map(release.values.map((v) => [v.metric, v.metric_name]));
  return [...names].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));
}
