/**
 * Records: every monthly and annual record of the agency, grouped by year, filtered by status.
 * Admins create records and act on many at once (publish, unpublish; delete for Justice Counts staff).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReportOverview } from '@jc/server/contract';
import { useAgencyReports } from '../../api/reports.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import {
  ButtonLink,
  EmptyState,
  ErrorState,
  LearnMoreLink,
  Page,
  PageLoading,
  Select,
} from '../../components/index.ts';
import { BulkBar, BulkMenu, type BulkAction } from './BulkActions.tsx';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import './records.css';

const FILTERS = [
  { status: null, label: 'All Records' },
  { status: 'DRAFT', label: 'Draft' },
  { status: 'PUBLISHED', label: 'Published' },
  { status: 'NOT_STARTED', label: 'Not Started' },
] as const;

type Filter = (typeof FILTERS)[number]['status'];
/** The drop-down's value for All Records (a select's values are text). */
const ALL = 'ALL';

const ELIGIBLE: Record<BulkAction, (record: ReportOverview) => boolean> = {
  publish: (record) => record.status === 'DRAFT',
  unpublish: (record) => record.status === 'PUBLISHED',
  delete: () => true,
};

/** Tabs, or on phones a drop-down (records.css shows one of the two), as the reference has them. */
function StatusFilter({ value, onChange }: { value: Filter; onChange: (filter: Filter) => void }) {
  return (
    <>
      <div role="tablist" aria-label="Show records" className="records__filter">
        {FILTERS.map((filter) => (
          <button
            key={filter.label}
            type="button"
            role="tab"
            aria-selected={value === filter.status}
            className="records__filter-tab"
            onClick={() => onChange(filter.status)}
          >
            {filter.label}
          </button>
        ))}
      </div>
      <div className="records__filter-select">
        <Select
          label="Show records"
          value={value ?? ALL}
          onChange={(event) => onChange(FILTERS.find((f) => (f.status ?? ALL) === event.target.value)?.status ?? null)}
        >
          {FILTERS.map((filter) => (
            <option key={filter.label} value={filter.status ?? ALL}>
              {filter.label}
            </option>
          ))}
        </Select>
      </div>
    </>
  );
}

export default function RecordsPage() {
  const agency = useCurrentAgency();
  const { can } = agency;
  const navigate = useNavigate();
  const reports = useAgencyReports(agency.id);
  const [filter, setFilter] = useState<Filter>(null);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());

  if (reports.isPending) return <PageLoading />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;

  const visible = reports.data.filter((record) => filter === null || record.status === filter);
  const startBulk = (next: BulkAction) => {
    setAction(next);
    setSelected(new Set());
  };
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const newRecord = can['reports.create'] && (
    <ButtonLink variant="primary" to={agencyPath(agency.id, 'records/create')}>
      New Record
    </ButtonLink>
  );

  return (
    <Page
      title="Records"
      description={
        <>
          Monthly and annual records of your agency’s data, as drafts or published.{' '}
          <LearnMoreLink guide="data-entry" what="entering and publishing data" />
        </>
      }
      actions={
        can['reports.create'] &&
        !action && (
          <>
            <BulkMenu onChoose={startBulk} records={visible} canDelete={can['reports.delete']} />
            {newRecord}
          </>
        )
      }
    >
      {agency.isSuperagency && (
        <p className="alert records__banner">
          To view or add data for the child agencies you manage, switch to that agency’s Records page.
        </p>
      )}
      {action ? (
        <BulkBar
          action={action}
          selected={reports.data.filter((record) => selected.has(record.id))}
          onCancel={() => setAction(null)}
          onDeleted={() => setAction(null)}
          onReview={(ids) =>
            navigate(agencyPath(agency.id, `records/bulk-review?action=${action}&ids=${ids.join(',')}`))
          }
        />
      ) : (
        <StatusFilter value={filter} onChange={setFilter} />
      )}
      {visible.length === 0 ? (
        <EmptyState title="No records to display" action={newRecord}>
          {filter === null ? 'Records appear here as each month ends, or create one.' : 'No records have this status.'}
        </EmptyState>
      ) : (
        <RecordsTable
          agencyId={agency.id}
          records={visible}
          selection={action ? { eligible: ELIGIBLE[action], selected, toggle } : undefined}
        />
      )}
    </Page>
  );
}
