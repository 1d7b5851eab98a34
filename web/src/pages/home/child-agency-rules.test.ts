import { describe, expect, it } from 'vitest';
import {
  childSectors,
  definitionsWarning,
  differingMetricNames,
  matchingChildren,
  pageRange,
  sectorSummary,
  type ChildQuery,
} from './child-agency-rules.ts';

const child = (id: number, name: string, uploadId: string | null, systems: string[]) => ({
  id,
  name,
  custom_child_agency_name: uploadId,
  systems,
});
const children = [
  child(1, 'Northern State Prison', 'NSP', ['PRISONS']),
  child(2, 'Eastern Parole Office', null, ['SUPERVISION', 'PAROLE']),
  child(3, 'central jail', 'CJ-10', ['JAILS']),
];
const query = (overrides: Partial<ChildQuery> = {}): ChildQuery => ({
  search: '',
  sectors: [],
  sort: { column: 'name', direction: 'ascending' },
  ...overrides,
});
const ids = (list: { id: number }[]) => list.map((c) => c.id);

describe('matchingChildren', () => {
  it('sorts by name whatever the case, either way', () => {
    expect(ids(matchingChildren(children, query()))).toEqual([3, 2, 1]);
    expect(ids(matchingChildren(children, query({ sort: { column: 'name', direction: 'descending' } })))).toEqual([
      1, 2, 3,
    ]);
  });

  it('sorts by Upload ID, agencies without one first', () => {
    expect(ids(matchingChildren(children, query({ sort: { column: 'uploadId', direction: 'ascending' } })))).toEqual([
      2, 3, 1,
    ]);
  });

  it('finds children by words of their name or Upload ID', () => {
    expect(ids(matchingChildren(children, query({ search: 'state  PRISON' })))).toEqual([1]);
    expect(ids(matchingChildren(children, query({ search: 'cj-1' })))).toEqual([3]);
    expect(matchingChildren(children, query({ search: 'courthouse' }))).toEqual([]);
  });

  it('keeps children reporting for any chosen sector', () => {
    expect(ids(matchingChildren(children, query({ sectors: ['PAROLE', 'JAILS'] })))).toEqual([3, 2]);
  });
});

describe('childSectors and sectorSummary', () => {
  it('lists sectors once each and sums them up for the filter button', () => {
    expect(childSectors(children)).toEqual(['PRISONS', 'SUPERVISION', 'PAROLE', 'JAILS']);
    const label = (key: string) => key.toLowerCase();
    expect(sectorSummary([], label)).toBe('All Sectors');
    expect(sectorSummary(['JAILS', 'PRISONS'], label)).toBe('jails, prisons');
    expect(sectorSummary(['JAILS', 'PRISONS', 'PAROLE', 'SUPERVISION'], label)).toBe('jails, prisons, +2');
  });
});

describe('pageRange', () => {
  it('counts the rows shown on a page of fifteen', () => {
    expect(pageRange(0, 40)).toBe('1 – 15 of 40');
    expect(pageRange(2, 40)).toBe('31 – 40 of 40');
    expect(pageRange(0, 0)).toBe('0 of 0');
  });
});

describe('matchingChildren search', () => {
  it('lets the table find children despite small slips', () => {
    expect(ids(matchingChildren(children, query({ search: 'estrn parle' })))).toEqual([2]);
  });
});

describe('definitionsWarning', () => {
  const arrests = { key: 'LAW_ENFORCEMENT_ARRESTS', display_name: 'Arrests' };
  const staff = { key: 'LAW_ENFORCEMENT_TOTAL_STAFF', display_name: 'Staff' };

  it('says nothing when every child counts as Justice Counts defines', () => {
    expect(definitionsWarning([{ agency_id: 1, differing_metrics: [] }])).toBeNull();
    expect(definitionsWarning([])).toBeNull();
  });

  it('names how many children count differently, and which metrics, once each', () => {
    const definitions = [
      { agency_id: 1, differing_metrics: [arrests] },
      { agency_id: 2, differing_metrics: [arrests, staff] },
      { agency_id: 3, differing_metrics: [] },
    ];
    expect(definitionsWarning(definitions)).toBe(
      "2 child agencies count some metrics differently from the Justice Counts definition (Arrests, Staff). Their figures for these metrics are not directly comparable with the other agencies'.",
    );
    expect(differingMetricNames(definitions).get(2)).toEqual(['Arrests', 'Staff']);
  });
});
