/**
 * Home's completeness and timeliness: for an agency, each month and year it owed with what was
 * reported and published and how long publishing took; for a superagency, each child agency's
 * totals. Both download as CSV.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type {
  AgencyCompletenessResponse,
  CompletenessSummaryJson,
  SuperagencyCompletenessResponse,
} from '@jc/server/contract';
import { completenessPaths, useAgencyCompleteness, useChildrenCompleteness } from '../../api/completeness.ts';
import { agencyPath } from '../../app/paths.ts';
import { CompletenessFigures, ShareCell } from '../../components/completeness/CompletenessFigures.tsx';
import { days } from '../../components/completeness/completeness-words.ts';
import { ErrorState, Spinner, Table, type Column } from '../../components/index.ts';

interface SectionProps<T> {
  title: string;
  intro: string;
  found: UseQueryResult<T>;
  csv: { href: string; name: string };
  children: (data: T) => ReactNode;
}

function Section<T extends { summary: CompletenessSummaryJson }>({
  title,
  intro,
  found,
  csv,
  children,
}: SectionProps<T>) {
  return (
    <section className="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{title}</h2>
      <p className="completeness__intro">{intro}</p>
      {found.isPending ? (
        <Spinner label="Loading completeness…" />
      ) : found.isError ? (
        <ErrorState error={found.error} onRetry={() => void found.refetch()} />
      ) : (
        <>
          <CompletenessFigures summary={found.data.summary} csvHref={csv.href} csvName={csv.name} />
          {children(found.data)}
        </>
      )}
    </section>
  );
}

type Period = AgencyCompletenessResponse['periods'][number];

const periodColumns: Column<Period>[] = [
  { key: 'period', header: 'Period', cell: (p) => p.label },
  { key: 'reported', header: 'Reported', cell: (p) => <ShareCell share={p.summary.share_reported} /> },
  { key: 'published', header: 'Published', cell: (p) => <ShareCell share={p.summary.share_published} /> },
  { key: 'days', header: 'Time to publish', cell: (p) => days(p.days_to_publish), align: 'end' },
  { key: 'missing', header: 'Missing', cell: (p) => (p.missing.length === 0 ? 'Nothing' : p.missing.join(', ')) },
];

export function AgencyCompleteness({ agencyId }: { agencyId: number }) {
  return (
    <Section
      title="Completeness and timeliness"
      intro="How many of the metrics you switched on have a figure for each of the last 12 months and 3 years, and how soon after each period ended it was published."
      found={useAgencyCompleteness(agencyId)}
      csv={{ href: `${completenessPaths.agency(agencyId)}/csv`, name: `completeness-${agencyId}.csv` }}
    >
      {(data) => (
        <Table
          caption="Completeness by period, newest first"
          hideCaption
          columns={periodColumns}
          rows={data.periods}
          rowKey={(p) => `${p.frequency}-${p.start}`}
          empty="No metrics are switched on yet. Turn them on in Set Up Metrics."
        />
      )}
    </Section>
  );
}

type Child = SuperagencyCompletenessResponse['children'][number];

const childColumns: Column<Child>[] = [
  { key: 'agency', header: 'Agency', cell: (c) => c.name },
  { key: 'reported', header: 'Reported', cell: (c) => <ShareCell share={c.summary.share_reported} /> },
  { key: 'published', header: 'Published', cell: (c) => <ShareCell share={c.summary.share_published} /> },
  { key: 'days', header: 'Time to publish', cell: (c) => days(c.summary.median_days_to_publish), align: 'end' },
];

export function ChildrenCompleteness({ agencyId }: { agencyId: number }) {
  return (
    <Section
      title="Completeness and timeliness of your agencies"
      intro="How many of the metrics each agency switched on have a figure for the last 12 months and 3 years, and the median time from the end of a period to publishing it."
      found={useChildrenCompleteness(agencyId)}
      csv={{
        href: `${completenessPaths.children(agencyId)}/csv`,
        name: `completeness-child-agencies-${agencyId}.csv`,
      }}
    >
      {(data) => (
        <Table
          caption="Completeness of each child agency"
          hideCaption
          columns={childColumns}
          rows={data.children}
          rowKey={(c) => c.agency_id}
          rowHref={(c) => agencyPath(c.agency_id)}
          empty="This agency has no child agencies."
        />
      )}
    </Section>
  );
}
