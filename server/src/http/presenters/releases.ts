/** Releases on the wire: names from the catalogue beside the keys, and each release's addresses. */
import { getDimension, getMetric } from '@jc/catalogue';
import type { ReleaseResponse, ReleaseSummaryJson } from '../../contract/releases.ts';
import type { Release, ReleaseSummary } from '../../domain/public-data/find-releases.ts';
import type { ReleaseRow, ValueChange } from '../../domain/public-data/release-rules.ts';

export const releasePath = (agencyId: number, number: number) => `/api/public/agencies/${agencyId}/releases/${number}`;

export function presentReleaseSummary(agencyId: number, release: ReleaseSummary): ReleaseSummaryJson {
  const url = releasePath(agencyId, release.number);
  return {
    number: release.number,
    released_at: release.createdAt.toISOString(),
    ...release.diff,
    content_sha256: release.contentHash,
    previous_chain_sha256: release.previousHash,
    chain_sha256: release.chainHash,
    url,
    csv_url: `${url}/csv`,
  };
}

function valueJson(change: Omit<ValueChange, 'before' | 'after'>) {
  const breakdown = change.breakdown ? getDimension(change.breakdown) : undefined;
  return {
    metric: change.metric,
    metric_name: getMetric(change.metric)?.displayName ?? change.metric,
    period_start: change.start,
    period_end: change.end,
    breakdown: change.breakdown,
    breakdown_name: change.breakdown ? (breakdown?.displayName ?? change.breakdown) : null,
    member: change.member,
    member_name: change.member
      ? (breakdown?.members.find((m) => m.name === change.member)?.value ?? change.member)
      : null,
    sub_category: change.subCategory,
  };
}

const asChange = ([metric, start, end, breakdown, member, subCategory]: ReleaseRow) => ({
  metric,
  start,
  end,
  breakdown,
  member,
  subCategory,
});

export function presentRelease(release: Release): ReleaseResponse {
  return {
    ...presentReleaseSummary(release.agency.id, release),
    agency: release.agency,
    changes: release.diff.changes.map((c) => ({ ...valueJson(c), before: c.before, after: c.after })),
    values: release.content.map((row) => ({ ...valueJson(asChange(row)), value: row[6] })),
  };
}

export const RELEASE_CSV_HEADER = [
  'metric',
  'metric_name',
  'period_start',
  'period_end',
  'breakdown',
  'breakdown_name',
  'member',
  'member_name',
  'sub_category',
  'value',
];

export const releaseCsvRows = (release: ReleaseResponse) =>
  release.values.map((v) => RELEASE_CSV_HEADER.map((column) => v[column as keyof typeof v] as string | null));
