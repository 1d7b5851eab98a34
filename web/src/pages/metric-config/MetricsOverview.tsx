import { Link, useSearchParams } from 'react-router';
import type { MetricSettingJson } from '@jc/server/contract';
import type { SessionAgency } from '../../api/session.ts';
import { ChildAgencySelect } from '../../components/ChildAgencySelect.tsx';
import { LearnMoreLink, Page } from '../../components/index.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { overviewOf, sectorsOf, type Availability, type OverviewRow } from '../../rules/overview-rules.ts';
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx';
import { SettingHistoryButton } from './SettingHistory.tsx';

const GROUPS: { availability: Availability; title: string; empty: string }[] = [
  { availability: 'action_required', title: 'Action required', empty: 'Every metric has an availability.' },
  { availability: 'available', title: 'Available', empty: 'No metric is marked available yet.' },
  { availability: 'unavailable', title: 'Unavailable metrics', empty: 'No metric is marked unavailable.' },
];

export interface MetricsOverviewProps {
  metrics: MetricSettingJson[];
  sectorParam: string | null;
  canEdit: boolean;
  agency: SessionAgency;
}

export function MetricsOverview({ metrics, sectorParam, canEdit, agency }: MetricsOverviewProps) {
  const [, setParams] = useSearchParams();
  const sectors = sectorsOf(metrics);
  const sector = sectors.find((s) => s.key === (sectorParam ?? sectors[0]?.key));
  if (sectorParam !== null && !sector) return <NotFoundPage />;
  const groups = sector ? overviewOf(metrics, sector.key) : undefined;
  return (
    <Page
      title="Metric Settings"
      description={
        <>
          Open a metric to say whether your agency reports it, how often, with which breakdowns, and how your agency
          defines it. <LearnMoreLink guide="set-up-metrics" what="setting up metrics" />
        </>
      }
      actions={
        <>
          <SettingHistoryButton agencyId={agency.id} title="all metrics" />
          <ChildAgencySelect current={agency} section="metric-config" />
        </>
      }
    >
      {!canEdit && <ReadOnlyNotice />}
      {agency.isSuperagency && sector && sector.key !== 'SUPERAGENCY' && (
        <p className="mc-notice mc-notice--info" role="note">
          Once settings have been edited, please reach out to justice-counts-support@csg.org to apply these settings to
          the child agencies you manage.
        </p>
      )}
      {sectors.length > 1 && (
        <div className="mc-tabs" role="tablist" aria-label="Sectors">
          {sectors.map((s) => (
            <button
              key={s.key}
              type="button"
              role="tab"
              aria-selected={s.key === sector?.key}
              className="mc-tabs__tab"
              onClick={() => setParams({ system: s.key })}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      {!groups && (
        <p className="mc-hint">Your agency has no sectors with metrics. Agency admins can add sectors in Settings.</p>
      )}
      {groups && (
        <div className="mc-overview">
          {GROUPS.map((group) => (
            <MetricList
              key={group.availability}
              title={group.title}
              empty={group.empty}
              rows={groups[group.availability]}
            />
          ))}
        </div>
      )}
    </Page>
  );
}

function MetricList({ title, empty, rows }: { title: string; empty: string; rows: OverviewRow[] }) {
  const tone = rows[0]?.availability ?? 'empty';
  return (
    <section className={`mc-list mc-list--${tone}`} aria-label={title}>
      <h2 className="mc-list__title">
        {title} <span className="mc-list__count">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="mc-hint">{empty}</p>
      ) : (
        <ul className="mc-list__items">
          {rows.map(({ metric, text, availability }) => (
            <li key={metric.key}>
              <Link
                className="mc-list__link"
                to={`?system=${encodeURIComponent(metric.system.key)}&metric=${encodeURIComponent(metric.key)}`}
              >
                <span className="mc-list__name">{metric.display_name}</span>
                {availability === 'available' && <span className="mc-list__frequency">{text}</span>}
                <span aria-hidden="true" className="mc-list__arrow">
                  →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
