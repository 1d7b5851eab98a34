/**
 * "Select Child Agency": for members of a superagency, switches between the superagency and its
 * child agencies while staying on this page. Nothing is shown to anyone else.
 */
import { useNavigate } from 'react-router';
import { useChildAgencies, type AgencySimple } from '../api/child-agencies.ts';
import { useUser, type SessionAgency } from '../api/session.ts';
import { Select } from './index.ts';
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

export function ChildAgencySelect({ current, section }: { current: SessionAgency; section: string }) {
  const user = useUser();
  const navigate = useNavigate();
  const parent = superagencyOf(user.agencies, current);
  const children = useChildAgencies(parent?.id ?? null);
  if (!parent || !children.data || children.data.length === 0) return null;
  return (
    <Select
      label="Select Child Agency"
      className="child-agency-select"
      value={current.id}
      onChange={(event) => navigate(agencyPath(Number(event.target.value), section))}
    >
      <option value={parent.id}>{parent.name} (Superagency)</option>
      {bySector(children.data).map(([sector, agencies]) => (
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
}
