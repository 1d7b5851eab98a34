/** Searching, filtering, sorting and paging the superagency's child-agency table. */
import type { AgencySimple, HomeResponse } from '@jc/server/contract';
import { matchesEveryWord, typedWords } from '../../rules/fuzzy-search.ts';

export const CHILDREN_PER_PAGE = 15;

export type ChildSort = { column: 'name' | 'uploadId'; direction: 'ascending' | 'descending' };

export interface ChildQuery {
  search: string;
  /** Sector keys to keep; empty keeps every sector. */
  sectors: readonly string[];
  sort: ChildSort;
}

/** Children whose name or Upload ID matches every word typed, and who report for a chosen sector. */
export function matchingChildren(children: readonly AgencySimple[], query: ChildQuery): AgencySimple[] {
  const words = typedWords(query.search);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const sortValue = (child: AgencySimple) =>
    query.sort.column === 'name' ? child.name : (child.custom_child_agency_name ?? '');
  const sign = query.sort.direction === 'ascending' ? 1 : -1;
  return children
    .filter((child) => {
      const text = `${child.name} ${child.custom_child_agency_name ?? ''}`;
      return matchesEveryWord(words, text);
    })
    .filter((child) => query.sectors.length === 0 || child.systems.some((s) => query.sectors.includes(s)))
    .sort((a, b) => sign * collator.compare(sortValue(a), sortValue(b)) || collator.compare(a.name, b.name));
}

/** Every sector any child reports for, in first-seen order. */
export function childSectors(children: readonly AgencySimple[]): string[] {
  return [...new Set(children.flatMap((child) => child.systems))];
}

/** "All Sectors", "Jails, Prisons" or "Jails, Prisons, +2", for the filter's button. */
export function sectorSummary(chosen: readonly string[], label: (key: string) => string): string {
  if (chosen.length === 0) return 'All Sectors';
  const names = chosen.slice(0, 2).map(label).join(', ');
  return chosen.length > 2 ? `${names}, +${chosen.length - 2}` : names;
}

/** "1 – 15 of 40". */
export function pageRange(page: number, total: number): string {
  if (total === 0) return '0 of 0';
  const first = page * CHILDREN_PER_PAGE + 1;
  return `${first} – ${Math.min(first + CHILDREN_PER_PAGE - 1, total)} of ${total}`;
}

export type ChildDefinitions = HomeResponse['child_definitions'];

/** Child agency id → names of the metrics it counts differently from the Justice Counts definition. */
export function differingMetricNames(definitions: ChildDefinitions): Map<number, string[]> {
  return new Map(definitions.map((d) => [d.agency_id, d.differing_metrics.map((m) => m.display_name)]));
}

/**
 * The warning above the table when children's definitions differ, so their figures are not
 * directly comparable side by side; null when every child counts as Justice Counts defines.
 */
export function definitionsWarning(definitions: ChildDefinitions): string | null {
  const differing = definitions.filter((d) => d.differing_metrics.length > 0);
  if (differing.length === 0) return null;
  const names = [...new Set(differing.flatMap((d) => d.differing_metrics.map((m) => m.display_name)))];
  const agencies = differing.length === 1 ? '1 child agency counts' : `${differing.length} child agencies count`;
  return `${agencies} some metrics differently from the Justice Counts definition (${names.join(', ')}). Their figures for these metrics are not directly comparable with the other agencies'.`;
}
