/**
 * Every write to a record names the version it was read at (`time_loaded`: the record's
 * `last_modified_at_timestamp` as the caller loaded it, epoch seconds), so nobody overwrites a
 * change they have not seen: without a version the write is refused (428 version_required), a
 * version the server cannot have given out is refused (400), and a record changed since is a
 * conflict (409).
 */
import { DomainError } from '../errors.ts';
import { changedSince, periodLabel } from './report-rules.ts';

export interface RecordVersion {
  id: number;
  /** Epoch seconds of the version the caller loaded. */
  timeLoaded: number;
}

interface VersionedRecord {
  id: number;
  lastModifiedAt: Date | null;
  dateRangeStart: string;
  dateRangeEnd: string;
}

const HOW = "send the record's last_modified_at_timestamp as you loaded it (0 if it has never been saved)";

/** The version a save names; refused (428) when left out. */
export function requireVersion(timeLoaded: number | undefined, field: string): number {
  if (timeLoaded !== undefined) return timeLoaded;
  throw new DomainError('version_required', `${field}: ${HOW}, so that a change made since is not overwritten.`, [
    { field, message: `is required: ${HOW}` },
  ]);
}

/**
 * True when the record changed after the version the caller loaded. A version later than both
 * now and the record's last change was never given out (saves in the same millisecond step the
 * version past the clock, so the clock alone is not the bound): refused as bad input.
 */
export function isStale(record: VersionedRecord, timeLoaded: number, field: string, now: Date): boolean {
  const latest = Math.max(now.getTime(), record.lastModifiedAt?.getTime() ?? 0);
  if (Math.round(timeLoaded * 1000) > latest) {
    const message = `is later than any version of the record (${new Date(latest).toISOString()}); ${HOW}`;
    throw new DomainError('invalid_input', `${field}: ${message}`, [{ field, message }]);
  }
  return changedSince(record.lastModifiedAt, timeLoaded);
}

/** The versions of a bulk action's records; refused (428) when left out. */
export function requireVersions(versions: readonly RecordVersion[] | undefined): readonly RecordVersion[] {
  if (versions !== undefined) return versions;
  const message =
    'is required: list each record as {id, time_loaded}, where time_loaded is its last_modified_at_timestamp ' +
    'as you loaded it (0 if it has never been saved)';
  throw new DomainError('version_required', `reports: ${message}.`, [{ field: 'reports', message }]);
}

/**
 * Refuses a bulk action when any record changed since the version sent for it, naming every such
 * record (409), so nothing is written.
 */
export function refuseStaleRecords(
  records: readonly VersionedRecord[],
  versions: readonly RecordVersion[],
  now: Date,
): void {
  const stale = records.filter((record) =>
    versions
      .map((version, index) => ({ version, index }))
      .filter(({ version }) => version.id === record.id)
      .some(({ version, index }) => isStale(record, version.timeLoaded, `reports.${index}.time_loaded`, now)),
  );
  if (stale.length === 0) return;
  const names = stale.map((r) => `${periodLabel({ start: r.dateRangeStart, end: r.dateRangeEnd })} (record ${r.id})`);
  const one = stale.length === 1;
  throw new DomainError(
    'version_conflict',
    `${one ? 'This record has' : 'These records have'} changed since you loaded ${one ? 'it' : 'them'}: ` +
      `${names.join(', ')}. Nothing was changed; reload the list to see the changes, then try again.`,
  );
}
