/**
 * One release of an agency's public figures (/dashboards/:agencyId/releases/:number), open to
 * anyone: when it was made, what changed since the release before (figures, and the agency's notes
 * on them), its downloads at permanent
 * addresses, the text to cite it with, and the hashes that let anyone check it was not altered.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { ReleaseResponse } from '@jc/server/contract';
import { useRelease } from '../../api/releases.ts';
import { publicDashboardPath, releasePath } from '../../app/paths.ts';
import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  Page,
  PageLoading,
  Select,
  Table,
} from '../../components/index.ts';
import { longDate } from '../../rules/record-names.ts';
import { changeSummary, citation, releaseMetrics } from './release-rules.ts';
import './public-dashboard.css';

type Change = ReleaseResponse['changes'][number];
type NoteChange = ReleaseResponse['note_changes'][number];

const figure = (value: string | null) => (value === null ? '—' : Number(value).toLocaleString('en-US'));
const what = (c: Change) => [c.breakdown_name, c.member_name, c.sub_category].filter(Boolean).join(' › ') || 'Total';

const CHANGE_COLUMNS = [
  { key: 'metric', header: 'Metric', cell: (c: Change) => c.metric_name },
  { key: 'period', header: 'Period starting', cell: (c: Change) => longDate(c.period_start) },
  { key: 'what', header: 'Figure', cell: what },
  { key: 'before', header: 'Before', cell: (c: Change) => figure(c.before), align: 'end' as const },
  { key: 'after', header: 'Now', cell: (c: Change) => figure(c.after), align: 'end' as const },
];

const NOTE_COLUMNS = [
  { key: 'metric', header: 'Metric', cell: (n: NoteChange) => n.metric_name },
  { key: 'period', header: 'Period starting', cell: (n: NoteChange) => longDate(n.period_start) },
  { key: 'before', header: 'Before', cell: (n: NoteChange) => n.before ?? '—' },
  { key: 'after', header: 'Now', cell: (n: NoteChange) => n.after ?? 'Taken back' },
];

export default function ReleasePage() {
  const params = useParams();
  const [agencyId, number] = [Number(params.agencyId), Number(params.number)];
  const release = useRelease(agencyId, number);

  if (!Number.isSafeInteger(number) || (release.error instanceof ApiError && release.error.status === 404)) {
    return (
      <Page title="Release not found">
        <EmptyState
          title="There is no such release"
          action={<ButtonLink to={publicDashboardPath(agencyId)}>Open the agency dashboard</ButtonLink>}
        >
          The address may be mistyped, or the agency's dashboard is not public.
        </EmptyState>
      </Page>
    );
  }
  if (release.isPending) return <PageLoading label="Loading the release…" />;
  if (release.error) {
    return (
      <Page title="Release">
        <ErrorState error={release.error} onRetry={() => void release.refetch()} />
      </Page>
    );
  }
  return <ReleaseView release={release.data} />;
}

function ReleaseView({ release }: { release: ReleaseResponse }) {
  const [search, setSearch] = useSearchParams();
  const metrics = releaseMetrics(release);
  const metric = metrics.find((m) => m.key === search.get('metric'));
  const changes = release.changes.filter((c) => !metric || c.metric === metric.key);
  const notes = release.note_changes.filter((n) => !metric || n.metric === metric.key);
  const { agency } = release;
  return (
    <Page
      title={`Release ${release.number}`}
      description={
        <>
          <Link to={publicDashboardPath(agency.id)}>{agency.name}</Link>, published {longDate(release.released_at)}.{' '}
          {changeSummary(release)} since {release.number > 1 ? `release ${release.number - 1}` : 'the start'}.
        </>
      }
    >
      <ul className="public-links">
        <li>
          <a href={release.csv_url} download>
            Download this release (CSV)
          </a>
        </li>
        <li>
          <a href={release.url}>This release as JSON</a>
        </li>
        {release.number > 1 && (
          <li>
            <Link to={releasePath(agency.id, release.number - 1)}>Release {release.number - 1}</Link>
          </li>
        )}
      </ul>
      <div className="release-metric">
        <Select
          label="Metric"
          value={metric?.key ?? ''}
          onChange={(e) => setSearch(e.target.value ? { metric: e.target.value } : {}, { replace: true })}
        >
          <option value="">All metrics</option>
          {metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name}
            </option>
          ))}
        </Select>
      </div>
      <CiteThis release={release} metric={metric} />
      <Table
        caption="What changed in this release"
        columns={CHANGE_COLUMNS}
        rows={changes}
        rowKey={(c) => `${c.metric} ${c.period_start} ${c.period_end} ${what(c)}`}
        empty="No figures of this metric changed in this release."
      />
      {notes.length > 0 && (
        <Table
          caption="Notes from the agency that changed in this release"
          columns={NOTE_COLUMNS}
          rows={notes}
          rowKey={(n) => `${n.metric} ${n.period_start} ${n.period_end}`}
        />
      )}
      <p className="release-hashes">
        SHA-256 of the content: <code>{release.content_sha256}</code>
        <br />
        Chain hash (covers release {release.number > 1 ? release.number - 1 : 'none'} too):{' '}
        <code>{release.chain_sha256}</code>
      </p>
    </Page>
  );
}

function CiteThis({
  release,
  metric,
}: {
  release: ReleaseResponse;
  metric: { key: string; name: string } | undefined;
}) {
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${releasePath(release.agency.id, release.number, metric?.key)}`;
  const text = citation(release, url, metric?.name);
  return (
    <section className="release-cite" aria-labelledby="cite-this">
      <h2 id="cite-this">Cite this</h2>
      <p>{text}</p>
      <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
        {copied ? 'Copied' : 'Copy citation'}
      </Button>
    </section>
  );
}
