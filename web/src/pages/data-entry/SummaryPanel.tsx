/** The record summary beside the form: each metric's state (jump to it), the dates, who edited and when. */
import type { ReportMetric, ReportOverview } from '@jc/server/contract';
import { dateRangeLabel, distinctEditors, relativeDay } from '../../rules/record-names.ts';
import { EditorName } from '../../components/index.ts';
import { metricSectionId } from './metric-in-view.ts';
import { metricStatus, type FormValues, type MetricStatus } from './form-rules.ts';

const STATUS_LABEL: Record<MetricStatus, string> = { error: 'has errors', complete: 'filled in', empty: 'empty' };

function details(overview: ReportOverview): string | null {
  if (overview.last_modified_at_timestamp === null) return null;
  const when = relativeDay(new Date(overview.last_modified_at_timestamp * 1000), new Date());
  const who = overview.editors[0]?.name;
  return `Last modified ${when}${who ? ` by ${who}` : ''}`;
}

export function SummaryPanel({
  overview,
  metrics,
  values,
  activeKey,
  onGoToMetric,
}: {
  overview: ReportOverview;
  metrics: ReportMetric[];
  values: FormValues;
  /** The metric the reader is on, shown in bold. */
  activeKey: string | undefined;
  onGoToMetric: (key: string) => void;
}) {
  const editors = distinctEditors(overview.editors);
  const modified = details(overview);
  return (
    <aside className="de-summary" aria-label="Record summary">
      <h2 className="de-summary__title">Record Summary</h2>
      <ul className="de-summary__metrics">
        {metrics.map((metric) => {
          const status = metricStatus(metric, values);
          return (
            <li key={metric.key}>
              <a
                href={`#${metricSectionId(metric.key)}`}
                className={`de-summary__metric de-summary__metric--${status}`}
                aria-current={metric.key === activeKey ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onGoToMetric(metric.key);
                }}
              >
                <span className="de-summary__dot" aria-hidden="true" />
                {metric.display_name}
                <span className="visually-hidden"> ({STATUS_LABEL[status]})</span>
              </a>
            </li>
          );
        })}
      </ul>
      <dl className="de-summary__facts">
        <dt>Date Range</dt>
        <dd>{dateRangeLabel(overview)}</dd>
        <dt>Editors</dt>
        <dd>
          {editors.length === 0
            ? 'Nobody yet'
            : editors.map((editor, i) => (
                <span key={`${editor.name}-${i}`}>
                  {i > 0 && ', '}
                  <EditorName editor={editor} />
                </span>
              ))}
        </dd>
        {modified && (
          <>
            <dt>Details</dt>
            <dd>{modified}</dd>
          </>
        )}
      </dl>
    </aside>
  );
}
