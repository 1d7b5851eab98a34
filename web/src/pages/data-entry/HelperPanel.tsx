/**
 * The help beside the form: what the metric in view means, the agency's note on how it shares the
 * data, and, while a breakdown box has focus, what that category covers.
 */
import { Link } from 'react-router';
import type { ReportMetric } from '@jc/server/contract';
import { agencyPath } from '../../app/paths.ts';
import { fieldParts } from './form-rules.ts';

function focusedMember(metric: ReportMetric, focusedField: string | undefined) {
  if (!focusedField) return undefined;
  const parts = fieldParts(focusedField);
  if (parts.metricKey !== metric.key || !parts.breakdownKey) return undefined;
  const breakdown = metric.disaggregations.find((b) => b.key === parts.breakdownKey);
  const member = breakdown?.dimensions.find((d) => d.key === parts.memberKey);
  return breakdown && member ? { breakdown, member } : undefined;
}

export function HelperPanel({
  metric,
  focusedField,
  agencyId,
}: {
  metric: ReportMetric | undefined;
  focusedField: string | undefined;
  agencyId: number;
}) {
  if (!metric) return null;
  const focused = focusedMember(metric, focusedField);
  return (
    <aside className="de-helper" aria-label="Help for this metric" aria-live="polite">
      <h2 className="de-helper__title">{metric.display_name}</h2>
      <p>{metric.description}</p>
      <dl className="de-helper__facts">
        <dt>Unit</dt>
        <dd>{metric.unit}</dd>
        <dt>Category</dt>
        <dd>{metric.category}</dd>
        {metric.reporting_note && (
          <>
            <dt>Data sharing note</dt>
            <dd>{metric.reporting_note}</dd>
          </>
        )}
      </dl>
      {focused && (
        <section className="de-helper__member" aria-label="The category you are entering">
          <h3>
            {focused.breakdown.display_name}: {focused.member.label}
          </h3>
          <p>{focused.member.description ?? 'Count what your agency records under this category.'}</p>
        </section>
      )}
      <p className="de-helper__more">
        What your agency counts for this metric, and notes that explain its figures, are set in{' '}
        <Link to={`${agencyPath(agencyId, 'metric-config')}?metric=${encodeURIComponent(metric.key)}`}>
          Set Up Metrics
        </Link>
        .
      </p>
    </aside>
  );
}
