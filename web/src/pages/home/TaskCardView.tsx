/** One task card: what to do, for which metric or record, and the buttons that do it. */
import type { MetricSettingJson } from '../../api/metric-settings.ts';
import type { ReportPage } from '../../api/reports.ts';
import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, ButtonLink } from '../../components/index.ts';
import { recordAbilities } from '../records/record-permissions.ts';
import { recordTitle } from '../records/record-names.ts';
import { frequencyOf, metricSettingsPath } from './metric-rules.ts';
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
      {card.kind === 'add-data' && <AddDataActions metric={card.metric} record={card.record} />}
      {card.kind === 'publish' && <PublishActions record={card.record} metricNames={card.metricNames} />}
    </article>
  );
}

function AddDataActions({ metric, record }: { metric: MetricSettingJson; record: ReportPage | null }) {
  const agency = useCurrentAgency();
  const can = recordAbilities(useUser(), agency);
  const often = frequencyOf(metric) === 'MONTHLY' ? 'monthly' : 'annual';
  const noManualEntry = !record && !can.create;
  return (
    <>
      <p className="task-card__body">
        {record
          ? `No figures yet in the ${recordTitle(record)} record.`
          : `There is no ${often} record for this metric yet.`}
      </p>
      <div className="task-card__actions">
        {can.edit && (
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
            to={agencyPath(agency.id, record ? `records/${record.id}#metric-${metric.key}` : 'records/create')}
            size="sm"
            variant="ghost"
          >
            Manual Entry
          </ButtonLink>
        )}
      </div>
      {noManualEntry && (
        <p className="task-card__note" id={`no-record-${metric.key}`}>
          Ask an agency admin to create the {often} record first.
        </p>
      )}
    </>
  );
}

function PublishActions({ record, metricNames }: { record: ReportPage; metricNames: string[] }) {
  const agency = useCurrentAgency();
  const can = recordAbilities(useUser(), agency);
  return (
    <>
      <p className="task-card__body">
        Publish all the data you have added for {recordTitle(record)}: {metricNames.join(', ')}.
      </p>
      <div className="task-card__actions">
        {can.edit ? (
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
