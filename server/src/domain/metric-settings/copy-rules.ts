/** Pure rules of copying a superagency's metric settings to a child agency. */
import type { StoredMetricSetting } from './stored-setting-rules.ts';

export const ALL_METRICS = 'ALL';

/**
 * Which of the requested metrics a child gets: those the superagency has configured and the child
 * reports (a metric of one of its sectors). The rest are skipped, and said so.
 */
export function planCopy(
  requested: readonly string[],
  configured: ReadonlySet<string>,
  childMetricKeys: ReadonlySet<string>,
): { copy: string[]; skip: string[] } {
  const keys = requested.includes(ALL_METRICS) ? [...configured] : [...new Set(requested)];
  return {
    copy: keys.filter((key) => configured.has(key) && childMetricKeys.has(key)),
    skip: keys.filter((key) => !configured.has(key) || !childMetricKeys.has(key)),
  };
}

/** The child's new document: the superagency's configuration; who reports it stays the child's own. */
export function copiedSetting(from: StoredMetricSetting, child: StoredMetricSetting | undefined): StoredMetricSetting {
  return {
    ...from,
    reporting_agency_id: child?.reporting_agency_id ?? null,
    is_self_reported: child?.is_self_reported ?? null,
  };
}
