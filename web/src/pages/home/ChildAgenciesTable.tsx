/**
 * A superagency's child agencies: search, sector filter, sorting and pages of fifteen. Each row
 * links to the child's Home; its Upload ID (the name the superagency's spreadsheets use for it)
 * can be copied and edited; the metrics it counts differently from the Justice Counts definition
 * are listed, with a warning above the table that such figures do not compare side by side.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { AgencySimple } from '@jc/server/contract';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, EmptyState, TextInput } from '../../components/index.ts';
import {
  CHILDREN_PER_PAGE,
  childSectors,
  definitionsWarning,
  differingMetricNames,
  matchingChildren,
  pageRange,
  type ChildDefinitions,
  type ChildSort,
} from './child-agency-rules.ts';
import { sectorLabel } from '../../rules/sector-label.ts';
import { SectorFilter } from './SectorFilter.tsx';
import { UploadIdCell } from './UploadIdCell.tsx';

const MAX_PILLS = 3;

function SortButton({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: ChildSort['column'];
  sort: ChildSort;
  onSort: (s: ChildSort) => void;
}) {
  const active = sort.column === column;
  const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
  return (
    <button type="button" className="child-table__sort" onClick={() => onSort({ column, direction: next })}>
      {label}
      <svg viewBox="0 0 12 12" aria-hidden="true" className={active ? 'child-table__sort-icon--active' : undefined}>
        <path d="M3 5l3-3 3 3M3 7l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    </button>
  );
}

function SectorPills({ systems }: { systems: string[] }) {
  const hidden = systems.slice(MAX_PILLS);
  return (
    <span className="child-table__pills">
      {systems.slice(0, MAX_PILLS).map((system) => (
        <span key={system} className="pill">
          {sectorLabel(system)}
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="pill pill--more" title={hidden.map(sectorLabel).join(', ')}>
          +{hidden.length} more
        </span>
      )}
    </span>
  );
}

function DefinitionCell({ differing }: { differing: string[] }) {
  if (differing.length === 0) return <span className="child-table__same">Justice Counts definitions</span>;
  return <span className="pill pill--warning">Differs: {differing.join(', ')}</span>;
}

interface ChildAgenciesTableProps {
  childAgencies: AgencySimple[];
  definitions: ChildDefinitions;
}

export function ChildAgenciesTable({ childAgencies, definitions }: ChildAgenciesTableProps) {
  // The server's rule (agency.rename_children): the superagency's editors set Upload IDs.
  const canRename = useCurrentAgency().can['agency.rename_children'];
  const [search, setSearch] = useState('');
  const [sectors, setSectors] = useState<string[]>([]);
  const [sort, setSort] = useState<ChildSort>({ column: 'name', direction: 'ascending' });
  const [page, setPage] = useState(0);
  if (childAgencies.length === 0) {
    return (
      <EmptyState title="No child agencies yet">
        Justice Counts staff connect the agencies your superagency reports for. Email justice-counts-support@csg.org to
        add them.
      </EmptyState>
    );
  }
  const rows = matchingChildren(childAgencies, { search, sectors, sort });
  const pages = Math.max(1, Math.ceil(rows.length / CHILDREN_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * CHILDREN_PER_PAGE, (current + 1) * CHILDREN_PER_PAGE);
  const differing = differingMetricNames(definitions);
  const warning = definitionsWarning(definitions);
  const ariaSort = (column: ChildSort['column']) => (sort.column === column ? sort.direction : undefined);
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
    };

  return (
    <section className="child-table" aria-label="Child agencies">
      {warning && (
        <p className="child-table__warning" role="note">
          <strong>Definitions differ.</strong> {warning}
        </p>
      )}
      <div className="child-table__tools">
        <TextInput
          label="Search child agencies"
          hideLabel
          type="search"
          placeholder="Search…"
          value={search}
          onChange={(event) => refine(setSearch)(event.target.value)}
        />
        <SectorFilter
          options={childSectors(childAgencies)}
          chosen={sectors}
          onChange={refine(setSectors)}
          label={sectorLabel}
        />
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Child agencies</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                <SortButton label="Child Agency" column="name" sort={sort} onSort={setSort} />
              </th>
              <th scope="col" aria-sort={ariaSort('uploadId')}>
                <SortButton label="Upload ID" column="uploadId" sort={sort} onSort={setSort} />
              </th>
              <th scope="col">Sectors</th>
              <th scope="col">Definitions</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={4} className="table__empty">
                  No Results Found
                </td>
              </tr>
            )}
            {shown.map((child) => (
              <tr key={child.id}>
                <td>
                  <Link to={agencyPath(child.id)}>{child.name}</Link>
                </td>
                <td>
                  <UploadIdCell child={child} canEdit={canRename} />
                </td>
                <td>
                  <SectorPills systems={child.systems} />
                </td>
                <td>
                  <DefinitionCell differing={differing.get(child.id) ?? []} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > CHILDREN_PER_PAGE && (
        <nav className="child-table__pages" aria-label="Pages of child agencies">
          <span>{pageRange(current, rows.length)}</span>
          <Button size="sm" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </Button>
          <Button size="sm" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </Button>
        </nav>
      )}
    </section>
  );
}
