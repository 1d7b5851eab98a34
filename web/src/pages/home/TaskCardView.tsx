/** One task card: what to do, for which metric or record, and the buttons that do it. */
import { parseIsoDate, type DateRange } from '@jc/server/contract';
import type { MetricSettingJson, ReportPage } from '@jc/server/contract';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, ButtonLink } from '../../components/index.ts';
import { recordTitle } from '../../rules/record-names.ts';
import { frequencyOf, metricSettingsPath } from '../../rules/metric-rules.ts';
import type { TaskCard } from './task-rules.ts';

interface TaskCardViewProps {
  card: TaskCard;
  metrics: readonly MetricSettingJson[];
  showSector: boolean;
}

const LABELS = { configure: 'Set up', 'add-data': 'Add data', publish: 'Publish' } as const;

function metricTitle(metric: MetricSettingJson, showSector: boolean): string {
  return showSector ? `${metric.display_name} (${metric.system.display_name})` : metric.display_name;
}

export function TaskCardView({ card, metrics, showSector }: TaskCardViewProps) {
  const agency = useCurrentAgency();
  const title = card.kind === 'publish' ? recordTitle(card.record) : metricTitle(card.metric, showSector);
  return (
    <article className={`task-card task-card--${card.kind}`} aria-label={`${LABELS[card.kind]}: ${title}`}>
      <p className="task-card__kind">{LABELS[card.kind]}</p>
      <h3 className="task-card__title">{title}</h3>
      {card.kind === 'configure' && (
        <>
          <p className="task-card__body">{card.metric.description}</p>
          <div className="task-card__actions">
            <ButtonLink to={agencyPath(agency.id, metricSettingsPath(metrics, card.metric))} size="sm">
              Set Metric Availability
            </ButtonLink>
          </div>
        </>
      )}
      {card.kind === 'add-data' && <AddDataActions metric={card.metric} period={card.period} record={card.record} />}
      {card.kind === 'publish' && <PublishActions record={card.record} metricNames={card.metricNames} />}
    </article>
  );
}

/** "record for November 2026", "Annual Record CY2025": the record a period needs. */
function recordOfPeriod(frequency: 'MONTHLY' | 'ANNUAL', period: DateRange): string {
  const { year, month } = parseIsoDate(period.start);
  const title = recordTitle({ frequency, year, month });
  return frequency === 'MONTHLY' ? `record for ${title}` : title;
}

interface AddDataProps {
  metric: MetricSettingJson;
  /** The most recent period of the metric's frequency that has ended. */
  period: DateRange;
  /** Its record, when there is one. */
  record: ReportPage | null;
}

function AddDataActions({ metric, period, record }: AddDataProps) {
  const agency = useCurrentAgency();
  const { can } = agency;
  const frequency = frequencyOf(metric);
  const wanted = recordOfPeriod(frequency, period);
  const noManualEntry = !record && !can['reports.create'];
  const create = `records/create?${new URLSearchParams({ frequency, start: period.start }).toString()}`;
  const body = (
    <p className="task-card__body">
      {record ? `No figures yet in the ${recordTitle(record)} record.` : `There is no ${wanted} yet.`}
    </p>
  );
  // Read-only members add no figures: nothing to offer but a look at the record.
  if (!can['reports.edit']) {
    return (
      <>
        {body}
        {record && (
          <div className="task-card__actions">
            <ButtonLink to={agencyPath(agency.id, `records/${record.id}`)} size="sm">
              View Record
            </ButtonLink>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      {body}
      <div className="task-card__actions">
        {can['uploads.create'] && (
          <ButtonLink
            to={agencyPath(agency.id, 'upload')}
            size="sm"
            title="You can also upload data for other metrics within the same file."
          >
            Bulk Upload
          </ButtonLink>
        )}
        {noManualEntry ? (
          <Button size="sm" disabled aria-describedby={`no-record-${metric.key}`}>
            Manual Entry
          </Button>
        ) : (
          <ButtonLink
            to={agencyPath(agency.id, record ? `records/${record.id}#metric-${metric.key}` : create)}
            size="sm"
            variant="ghost"
          >
            Manual Entry
          </ButtonLink>
        )}
      </div>
      {noManualEntry && (
        <p className="task-card__note" id={`no-record-${metric.key}`}>
          Ask an agency admin to create the {wanted} first.
        </p>
      )}
    </>
  );
}

function PublishActions({ record, metricNames }: { record: ReportPage; metricNames: string[] }) {
  const agency = useCurrentAgency();
  const { can } = agency;
  return (
    <>
      <p className="task-card__body">
        Publish all the data you have added for {recordTitle(record)}: {metricNames.join(', ')}.
      </p>
      <div className="task-card__actions">
        {can['reports.publish'] ? (
          <ButtonLink to={agencyPath(agency.id, `records/${record.id}/review`)} size="sm" variant="primary">
            Review and Publish
          </ButtonLink>
        ) : (
          <ButtonLink to={agencyPath(agency.id, `records/${record.id}`)} size="sm">
            View Record
          </ButtonLink>
        )}
      </div>
    </>
  );
}
