/** Releases on the wire: names from the catalogue beside the keys, and each release's addresses. */
import { getDimension, getMetric } from '@jc/catalogue';
import type { ReleaseResponse, ReleaseSummaryJson } from '../../contract/releases.ts';
import type { Release, ReleaseSummary } from '../../domain/public-data/find-releases.ts';
import type { NoteRow, ReleaseRow, ValueChange } from '../../domain/public-data/release-rules.ts';

export const releasePath = (agencyId: number, number: number) => `/api/public/agencies/${agencyId}/releases/${number}`;

const metricName = (key: string) => getMetric(key)?.displayName ?? key;

const notePeriodJson = (note: { metric: string; start: string; end: string }) => ({
  metric: note.metric,
  metric_name: metricName(note.metric),
  period_start: note.start,
  period_end: note.end,
});

export function presentReleaseSummary(agencyId: number, release: ReleaseSummary): ReleaseSummaryJson {
  const url = releasePath(agencyId, release.number);
  const { notes, ...counts } = release.diff;
  return {
    number: release.number,
    released_at: release.createdAt.toISOString(),
    ...counts,
    content_sha256: release.contentHash,
    previous_chain_sha256: release.previousHash,
    chain_sha256: release.chainHash,
    url,
    csv_url: `${url}/csv`,
    note_changes: notes.map((note) => ({ ...notePeriodJson(note), before: note.before, after: note.after })),
  };
}

function valueJson(change: Omit<ValueChange, 'before' | 'after'>) {
  const breakdown = change.breakdown ? getDimension(change.breakdown) : undefined;
  return {
    metric: change.metric,
    metric_name: metricName(change.metric),
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
    data_notes: release.notes.map(([metric, start, end, note]: NoteRow) => ({
      ...notePeriodJson({ metric, start, end }),
      note,
    })),
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
  'note',
];

/** Each value with the data note of its metric and period, if any. */
export function releaseCsvRows(release: ReleaseResponse): (string | null)[][] {
  const notes = new Map(release.data_notes.map((n) => [`${n.metric} ${n.period_start} ${n.period_end}`, n.note]));
  return release.values.map((v) => {
    const row = { ...v, note: notes.get(`${v.metric} ${v.period_start} ${v.period_end}`) ?? null };
    return RELEASE_CSV_HEADER.map((column) => row[column as keyof typeof row] as string | null);
  });
}
