/**
 * "Select Child Agency": for members of a superagency, switches between the superagency and its
 * child agencies while staying on this page. With many children, a search box above it narrows
 * the list, forgiving small slips. Nothing is shown to anyone else.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AgencySimple } from '@jc/server/contract';
import { useChildAgencies } from '../api/child-agencies.ts';
import { useUser, type SessionAgency } from '../api/session.ts';
import { Select, TextInput } from './index.ts';
import { matchesEveryWord, typedWords } from '../rules/fuzzy-search.ts';
import { sectorLabel } from '../rules/sector-label.ts';
import { agencyPath } from '../app/paths.ts';

/** The superagency whose children the person can switch between, if any. */
function superagencyOf(agencies: readonly SessionAgency[], current: SessionAgency): SessionAgency | undefined {
  if (current.isSuperagency) return current;
  return agencies.find((a) => a.id === current.superAgencyId && a.isSuperagency);
}

/** Children grouped by their first sector, groups and names in alphabetical order. */
function bySector(children: readonly AgencySimple[]): [string, AgencySimple[]][] {
  const groups = new Map<string, AgencySimple[]>();
  for (const child of [...children].sort((a, b) => a.name.localeCompare(b.name))) {
    const sector = sectorLabel(child.systems[0] ?? 'OTHER');
    const group = groups.get(sector);
    if (group) group.push(child);
    else groups.set(sector, [child]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Past this many children, the list gets a search box. */
export const CHILD_SEARCH_FROM = 8;

/** Children matching the search; the agency shown now always stays, so the list can show it. */
function shownChildren(children: readonly AgencySimple[], search: string, currentId: number): AgencySimple[] {
  const words = typedWords(search);
  return children.filter(
    (child) =>
      child.id === currentId || matchesEveryWord(words, `${child.name} ${child.custom_child_agency_name ?? ''}`),
  );
}

export function ChildAgencySelect({ current, section }: { current: SessionAgency; section: string }) {
  const user = useUser();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const parent = superagencyOf(user.agencies, current);
  const children = useChildAgencies(parent?.id ?? null);
  if (!parent || !children.data || children.data.length === 0) return null;
  const searchable = children.data.length > CHILD_SEARCH_FROM;
  const shown = searchable ? shownChildren(children.data, search, current.id) : children.data;
  const select = (
    <Select
      label="Select Child Agency"
      className="child-agency-select"
      value={current.id}
      onChange={(event) => navigate(agencyPath(Number(event.target.value), section))}
    >
      <option value={parent.id}>{parent.name} (Superagency)</option>
      {bySector(shown).map(([sector, agencies]) => (
        <optgroup key={sector} label={sector}>
          {agencies.map((child) => (
            <option key={child.id} value={child.id}>
              {child.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
  if (!searchable) return select;
  return (
    <div className="child-agency-search">
      <TextInput
        label="Find a child agency"
        type="search"
        value={search}
        placeholder="Type part of a name"
        onChange={(event) => setSearch(event.target.value)}
      />
      {select}
      <p className="visually-hidden" aria-live="polite">
        {shown.length} of {children.data.length} child agencies listed
      </p>
    </div>
  );
}
