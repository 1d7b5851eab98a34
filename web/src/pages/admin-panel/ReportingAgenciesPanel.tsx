/**
 * Metrics Reporting Agency: for each of the agency's metrics, who reports it: the agency itself,
 * a vendor, or its superagency. Only changed metrics are sent.
 */
import { useState } from 'react';
import type { ReportingAgenciesResponse } from '@jc/server/contract';
import { useReportingAgencies, useSaveReportingAgencies } from '../../api/admin.ts';
import { messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Select, Spinner, useToast } from '../../components/index.ts';
import { sectorLabel } from '../../rules/sector-label.ts';

const SELF = 'self';

/** The select's value for a stored choice: '' not set, 'self', or the reporting agency's id. */
function choiceValue(choice: { reporting_agency_id: number | null; is_self_reported: boolean | null }): string {
  if (choice.is_self_reported) return SELF;
  return choice.reporting_agency_id === null ? '' : String(choice.reporting_agency_id);
}

function initialChoices(data: ReportingAgenciesResponse): Record<string, string> {
  const entries = Object.values(data.reporting_agencies).flatMap((choices) =>
    choices.map((choice) => [choice.metric_key, choiceValue(choice)] as const),
  );
  return Object.fromEntries(entries);
}

export function ReportingAgenciesPanel({ agencyId }: { agencyId: number }) {
  const data = useReportingAgencies(agencyId);
  if (data.isPending) return <Spinner label="Loading reporting agencies…" />;
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  return <ReportingAgenciesForm agencyId={agencyId} data={data.data} />;
}

function ReportingAgenciesForm({ agencyId, data }: { agencyId: number; data: ReportingAgenciesResponse }) {
  const save = useSaveReportingAgencies(agencyId);
  const toast = useToast();
  const [loaded, setLoaded] = useState(() => initialChoices(data));
  const [choices, setChoices] = useState(loaded);
  const changed = Object.keys(choices).filter((key) => choices[key] !== loaded[key]);

  const onSave = () => {
    const reporting_agencies = changed.map((key) => ({
      metric_key: key,
      reporting_agency_id: choices[key] && choices[key] !== SELF ? Number(choices[key]) : null,
      is_self_reported: choices[key] === SELF ? true : choices[key] ? false : null,
    }));
    save.mutate(
      { reporting_agencies },
      {
        onSuccess: () => {
          // What was saved is the new starting point, so Save waits for the next change.
          setLoaded(choices);
          toast.show(`Reporting agencies saved for ${changed.length} ${changed.length === 1 ? 'metric' : 'metrics'}.`, {
            tone: 'success',
          });
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  };

  return (
    <div className="admin-form">
      <p className="field__hint">Assign a reporting agency for each metric.</p>
      {Object.entries(data.metrics).map(([system, metrics]) => (
        <section key={system} aria-label={sectorLabel(system)}>
          <h3 className="admin-subtitle">{sectorLabel(system)}</h3>
          <div className="admin-metric-grid">
            {metrics.map((metric) => (
              <Select
                key={metric.key}
                label={metric.name}
                value={choices[metric.key] ?? ''}
                onChange={(event) => setChoices({ ...choices, [metric.key]: event.target.value })}
              >
                <option value="">Not set</option>
                <option value={SELF}>Current agency (self-reported)</option>
                {data.reporting_agency_options.map((option) => (
                  <option key={option.reporting_agency_id} value={option.reporting_agency_id}>
                    {option.reporting_agency_name} ({option.category === 'VENDOR' ? 'vendor' : 'superagency'})
                  </option>
                ))}
              </Select>
            ))}
          </div>
        </section>
      ))}
      <div>
        <Button variant="primary" onClick={onSave} disabled={changed.length === 0} loading={save.isPending}>
          Save reporting agencies
        </Button>
      </div>
    </div>
  );
}
