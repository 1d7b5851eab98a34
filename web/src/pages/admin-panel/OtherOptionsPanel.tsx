/**
 * Breakdown Settings: the custom sub-categories agencies may report under each breakdown's
 * "Other" category (e.g. Other Funding → Gifts). Only changed categories are sent; each list
 * replaces the stored one, and sub-categories that stay keep the agency's on/off choice.
 */
import { useState } from 'react';
import type { OtherSubDimensionsResponse } from '@jc/server/contract';
import { useOtherOptions, useSaveOtherOptions } from '../../api/admin.ts';
import { messageFor } from '../../api/errors.ts';
import { Button, EmptyState, ErrorState, Spinner, TextInput, useToast } from '../../components/index.ts';
import { sectorLabel } from '../../rules/sector-label.ts';

/** "metric|dimension|member" → the options being edited. */
type Drafts = Record<string, string[]>;
const draftKey = (metric: string, dimension: string, member: string) => [metric, dimension, member].join('|');

function initialDrafts(data: OtherSubDimensionsResponse): Drafts {
  const entries = data.flatMap((sector) =>
    sector.metric_settings.flatMap((metric) =>
      metric.disaggregations.flatMap((breakdown) =>
        breakdown.other_sub_dimensions.map(
          (member) =>
            [draftKey(metric.metric_key, breakdown.dimension_id, member.dimension_key), member.other_options] as const,
        ),
      ),
    ),
  );
  return Object.fromEntries(entries);
}

/** The PUT body for the changed lists, blank entries dropped. */
function changedUpdates(drafts: Drafts, loaded: Drafts) {
  const byMetric = new Map<string, Map<string, { dimension_key: string; other_options: string[] }[]>>();
  for (const [key, options] of Object.entries(drafts)) {
    if (JSON.stringify(options) === JSON.stringify(loaded[key])) continue;
    const [metric = '', dimension = '', member = ''] = key.split('|');
    const breakdowns = byMetric.get(metric) ?? new Map();
    const kept = options.map((option) => option.trim()).filter(Boolean);
    breakdowns.set(dimension, [...(breakdowns.get(dimension) ?? []), { dimension_key: member, other_options: kept }]);
    byMetric.set(metric, breakdowns);
  }
  return [...byMetric].map(([metric_key, breakdowns]) => ({
    metric_key,
    breakdowns: [...breakdowns].map(([dimension_id, sub_dimensions]) => ({ dimension_id, sub_dimensions })),
  }));
}

export function OtherOptionsPanel({ agencyId }: { agencyId: number }) {
  const data = useOtherOptions(agencyId);
  if (data.isPending) return <Spinner label="Loading breakdown settings…" />;
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  if (data.data.length === 0) {
    return (
      <EmptyState title="No “Other” categories">None of this agency's metrics has an “Other” category.</EmptyState>
    );
  }
  return <OtherOptionsForm agencyId={agencyId} data={data.data} />;
}

function OtherOptionsForm({ agencyId, data }: { agencyId: number; data: OtherSubDimensionsResponse }) {
  const save = useSaveOtherOptions(agencyId);
  const toast = useToast();
  const [loaded, setLoaded] = useState(() => initialDrafts(data));
  const [drafts, setDrafts] = useState(loaded);
  const updates = changedUpdates(drafts, loaded);
  const setOptions = (key: string, options: string[]) => setDrafts({ ...drafts, [key]: options });

  const onSave = () =>
    save.mutate(
      { updates },
      {
        onSuccess: () => {
          // What was saved is the new starting point, so Save waits for the next change.
          setLoaded(drafts);
          toast.show('Breakdown settings saved.', { tone: 'success' });
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );

  return (
    <div className="admin-form">
      <p className="field__hint">Customize the sub-categories agencies can report under each “Other” category.</p>
      {data.map((sector) => (
        <section key={sector.system} aria-label={sectorLabel(sector.system)}>
          <h3 className="admin-subtitle">{sectorLabel(sector.system)}</h3>
          {sector.metric_settings.map((metric) =>
            metric.disaggregations.map((breakdown) =>
              breakdown.other_sub_dimensions.map((member) => {
                const key = draftKey(metric.metric_key, breakdown.dimension_id, member.dimension_key);
                const options = drafts[key] ?? [];
                const title = `${metric.metric_display_name}: ${breakdown.disaggregation_display_name} › ${member.dimension_name}`;
                return (
                  <fieldset key={key} className="checklist">
                    <legend className="field__label">{title}</legend>
                    {options.map((option, index) => (
                      <div key={index} className="admin-option">
                        <TextInput
                          label={`${member.dimension_name} sub-category ${index + 1}`}
                          hideLabel
                          value={option}
                          onChange={(event) =>
                            setOptions(
                              key,
                              options.map((old, i) => (i === index ? event.target.value : old)),
                            )
                          }
                        />
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Remove ${option || 'empty sub-category'}`}
                          onClick={() =>
                            setOptions(
                              key,
                              options.filter((_, i) => i !== index),
                            )
                          }
                        >
                          Remove
                        </Button>
                      </div>
                    ))}
                    <Button size="sm" variant="ghost" onClick={() => setOptions(key, [...options, ''])}>
                      + Add sub-category
                    </Button>
                  </fieldset>
                );
              }),
            ),
          )}
        </section>
      ))}
      <div>
        <Button variant="primary" onClick={onSave} disabled={updates.length === 0} loading={save.isPending}>
          Save breakdown settings
        </Button>
      </div>
    </div>
  );
}
