/**
 * Participation across every agency (Admin Panel): how much of what agencies switched on they
 * reported over the last 12 months and 3 years, on a map and by state, sector and agency, with a
 * CSV of every agency.
 */
import type { StaffCompletenessResponse } from '@jc/server/contract';
import { completenessPaths, useStaffCompleteness } from '../../api/completeness.ts';
import { CompletenessFigures, ShareCell } from '../../components/completeness/CompletenessFigures.tsx';
import { days } from '../../components/completeness/completeness-words.ts';
import { ErrorState, Spinner, Table, type Column } from '../../components/index.ts';
import { sectorLabel } from '../../rules/sector-label.ts';
import { ParticipationMap } from './ParticipationMap.tsx';

type Group = { agencies: number; reporting_agencies: number; summary: StaffCompletenessResponse['summary'] };

function groupColumns<Row extends Group>(key: string, header: string, name: (row: Row) => string): Column<Row>[] {
  return [
    { key, header, cell: name },
    { key: 'agencies', header: 'Agencies', cell: (g) => g.agencies, align: 'end' },
    { key: 'reporting', header: 'Reporting', cell: (g) => g.reporting_agencies, align: 'end' },
    { key: 'reported', header: 'Reported', cell: (g) => <ShareCell share={g.summary.share_reported} /> },
    { key: 'published', header: 'Published', cell: (g) => <ShareCell share={g.summary.share_published} /> },
    { key: 'days', header: 'Time to publish', cell: (g) => days(g.summary.median_days_to_publish), align: 'end' },
  ];
}

type AgencyRow = StaffCompletenessResponse['agencies'][number];

const agencyColumns: Column<AgencyRow>[] = [
  { key: 'agency', header: 'Agency', cell: (a) => a.name },
  {
    key: 'place',
    header: 'Place',
    cell: (a) => [a.county_name, a.state_code?.slice(3).toUpperCase()].filter(Boolean).join(', '),
  },
  { key: 'sectors', header: 'Sectors', cell: (a) => a.systems.map(sectorLabel).join(', ') },
  { key: 'reported', header: 'Reported', cell: (a) => <ShareCell share={a.summary.share_reported} /> },
  { key: 'published', header: 'Published', cell: (a) => <ShareCell share={a.summary.share_published} /> },
  { key: 'days', header: 'Time to publish', cell: (a) => days(a.summary.median_days_to_publish), align: 'end' },
];

export function ParticipationPanel() {
  const found = useStaffCompleteness();
  if (found.isPending) return <Spinner label="Loading participation…" />;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  const data = found.data;
  return (
    <section aria-label="Participation" className="completeness participation">
      <p className="completeness__intro">
        How many of the metrics each agency switched on have a figure for the last 12 months and 3 years, and the median
        time from the end of a period to publishing it.
      </p>
      <CompletenessFigures
        summary={data.summary}
        csvHref={`${completenessPaths.staff()}/csv`}
        csvName="completeness-all-agencies.csv"
      />
      <ParticipationMap data={data} />
      <Table
        caption="By state"
        columns={groupColumns('state', 'State', (s: StaffCompletenessResponse['states'][number]) => s.state_name)}
        rows={data.states}
        rowKey={(s) => s.state_code}
        empty="No agency has a state yet."
      />
      <Table
        caption="By sector"
        columns={groupColumns('sector', 'Sector', (s: StaffCompletenessResponse['sectors'][number]) => s.sector_name)}
        rows={data.sectors}
        rowKey={(s) => s.sector}
      />
      <Table caption="Agencies" columns={agencyColumns} rows={data.agencies} rowKey={(a) => a.agency_id} />
    </section>
  );
}
