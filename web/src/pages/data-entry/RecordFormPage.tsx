/**
 * One record's data entry: a summary of its metrics beside a form of totals, breakdowns and notes
 * that saves itself a moment after each change. Read-only for read-only members and for published
 * records (which editors can unpublish to change), and locked after someone else's edit.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FocusEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import type { ReportOverview, ReportPage } from '@jc/server/contract';
import { cacheSavedRecord, useReportPage, useSetReportStatus } from '../../api/reports.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, EmptyState, ErrorState, PageLoading, useToast } from '../../components/index.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { StatusBadge } from '../../components/RecordsTable.tsx';
import { recordTitle } from '../../rules/record-names.ts';
import {
  fieldParts,
  formatNumberInput,
  hasUnsavedValues,
  initialValues,
  isSavable,
  metricErrors,
  metricChanges,
  metricsWithValues,
  type FormValues,
} from './form-rules.ts';
import { HelperPanel } from './HelperPanel.tsx';
import { HistoryModal } from './HistoryModal.tsx';
import { MetricSection } from './MetricSection.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { useAutosave } from './use-autosave.ts';
import { LeaveModal } from './LeaveModal.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';
import { useMetricNavigation } from './use-metric-navigation.ts';
import './data-entry.css';

function DisabledMetrics({ names, agencyId }: { names: string[]; agencyId: number }) {
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return (
    <p className="de-disabled">
      {list} {names.length === 1 ? 'is' : 'are'} switched off for your agency. To report{' '}
      {names.length === 1 ? 'it' : 'them'}, turn {names.length === 1 ? 'it' : 'them'} on in{' '}
      <Link to={agencyPath(agencyId, 'metric-config')}>Set Up Metrics</Link>.
    </p>
  );
}

function RecordForm({ page }: { page: ReportPage }) {
  const agency = useCurrentAgency();
  const { can } = agency;
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const unpublish = useSetReportStatus(agency.id);
  const [initial] = useState(() => initialValues(page.metrics));
  const [values, setValues] = useState<FormValues>(initial);
  const saved = useRef<FormValues>(initial);
  const [overview, setOverview] = useState<ReportOverview>(page);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const shown = useMemo(() => page.metrics.filter((m) => m.enabled !== false), [page.metrics]);
  const shownKeys = useMemo(() => shown.map((m) => m.key), [shown]);
  const navigation = useMetricNavigation(shownKeys);
  const [focusedField, setFocusedField] = useState<string>();
  const title = recordTitle(page);

  const autosave = useAutosave({
    reportId: page.id,
    loadedVersion: page.last_modified_at_timestamp ?? 0,
    updateFor: (metricKey) => {
      const metric = shown.find((m) => m.key === metricKey);
      const changes = metric && isSavable(metric, values) ? metricChanges(metric, values, saved.current) : null;
      if (!changes) return null;
      const sent = Object.fromEntries(changes.fields.map((field) => [field, values[field] ?? '']));
      return { update: changes.update, commit: () => (saved.current = { ...saved.current, ...sent }) };
    },
    onSaved: (answer) => {
      setOverview(answer);
      cacheSavedRecord(queryClient, answer, (metrics) => metricsWithValues(metrics, saved.current));
    },
  });
  const leaving = useLeaveGuard({
    hasPending: autosave.hasPending,
    hasUnsaved: () => hasUnsavedValues(shown, values, saved.current),
    flush: autosave.flush,
  });
  const readOnly = !can['reports.edit'] || overview.status === 'PUBLISHED' || autosave.isLocked;

  const change = (field: string, text: string) => {
    const isNote = field.includes('|context|');
    setValues((current) => ({ ...current, [field]: isNote ? text : formatNumberInput(text) }));
    autosave.schedule(field.split('|')[0] ?? field);
  };
  const followFocus = (event: FocusEvent<HTMLFormElement>) => {
    const field = event.target.dataset['field'];
    setFocusedField(field);
    if (field) navigation.setActive(fieldParts(field).metricKey);
  };
  const leaveTo = (section: string) => navigate(agencyPath(agency.id, section));
  const unpublishAndEdit = () =>
    unpublish.mutate(
      { reportId: page.id, status: 'DRAFT', timeLoaded: autosave.currentVersion() },
      {
        onSuccess: (saved) => {
          setOverview(saved);
          autosave.adoptVersion(saved);
          toast.show(`The ${title} record has been unpublished and editing is enabled.`, { tone: 'success' });
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );

  return (
    <div className="de-page">
      <title>{`${title} · Justice Counts Publisher`}</title>
      <div className="de-bar">
        <div className="de-bar__title">
          <h1 tabIndex={-1}>{title}</h1>
          <StatusBadge status={overview.status} />
          <SaveIndicator state={autosave.state} />
        </div>
        <div className="de-bar__actions">
          <Button onClick={() => leaveTo('records')}>Records</Button>
          <Button onClick={() => leaveTo('')}>Home</Button>
          {overview.status === 'PUBLISHED' ? (
            can['reports.publish'] && (
              <Button variant="primary" loading={unpublish.isPending} onClick={unpublishAndEdit}>
                Unpublish and Edit
              </Button>
            )
          ) : (
            <Button
              variant="primary"
              disabled={!can['reports.publish'] || autosave.isLocked || autosave.state.kind === 'saving'}
              onClick={() => leaveTo(`records/${page.id}/review`)}
            >
              Review
            </Button>
          )}
        </div>
      </div>
      {autosave.state.kind === 'conflict' && (
        <div className="alert alert--error de-conflict" role="alert">
          <p>{autosave.state.message}</p>
          <Button size="sm" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      )}
      {!can['reports.edit'] && (
        <p className="alert">You have read-only access: you can see this record but not change it.</p>
      )}
      {can['reports.edit'] && overview.status === 'PUBLISHED' && (
        <p className="alert">This record is published. Unpublish it to change its values.</p>
      )}
      <div className="de-layout">
        <SummaryPanel
          overview={overview}
          metrics={shown}
          values={values}
          activeKey={navigation.active}
          onGoToMetric={navigation.goToMetric}
        />
        <form
          className="de-form"
          onSubmit={(event) => event.preventDefault()}
          onFocus={followFocus}
          aria-label={`${title} values`}
        >
          <div className="de-metrics">
            {shown.length === 0 ? (
              <EmptyState title="No metrics for this record">
                No metric is set to be reported for this record’s period.{' '}
                <Link to={agencyPath(agency.id, 'metric-config')}>Set up metrics</Link> to choose what you report.
              </EmptyState>
            ) : (
              shown.map((metric, index) => (
                <MetricSection
                  key={metric.key}
                  autoFocus={index === 0}
                  metric={metric}
                  disabled={readOnly}
                  values={values}
                  errors={metricErrors(metric, values)}
                  onChange={change}
                  onShowHistory={() => setHistoryOf(metric.key)}
                />
              ))
            )}
          </div>
          <DisabledMetrics
            names={page.metrics.filter((m) => m.enabled === false).map((m) => m.display_name)}
            agencyId={agency.id}
          />
        </form>
        <HelperPanel
          metric={shown.find((m) => m.key === navigation.active)}
          focusedField={focusedField}
          agencyId={agency.id}
        />
      </div>
      <LeaveModal open={leaving.asking} onStay={leaving.stay} onLeave={leaving.leave} />
      {historyOf && (
        <HistoryModal
          agencyId={agency.id}
          reportId={page.id}
          metricKey={historyOf}
          title={page.metrics.find((m) => m.key === historyOf)?.display_name ?? historyOf}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </div>
  );
}

/**
 * The form starts from the record as the server has it: a cached copy that a save elsewhere (Review,
 * an upload, a bulk action) made out of date is not shown while its fresh copy is on its way.
 */
export default function RecordFormPage() {
  const agency = useCurrentAgency();
  const reportId = Number(useParams().reportId);
  const page = useReportPage(agency.id, reportId);
  const [started, setStarted] = useState<number>();
  const upToDate = page.isSuccess && !(page.isStale && page.isFetching);
  if (upToDate && started !== reportId) setStarted(reportId);
  if (page.isError) return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  if (page.isPending || (started !== reportId && !upToDate)) return <PageLoading />;
  if (page.data.agency_id !== agency.id) return <NotFoundPage />;
  return <RecordForm key={page.data.id} page={page.data} />;
}
