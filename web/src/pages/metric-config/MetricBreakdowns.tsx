import { useState } from 'react';
import type { DimensionJson, DisaggregationJson, DisaggregationUpdate } from '@jc/server/contract';
import { Button, Checkbox } from '../../components/index.ts';
import { isOtherDimension, RACE_AND_ETHNICITY } from './breakdown-rules.ts';
import { DefinitionModal, type DefinitionTarget } from './DefinitionModal.tsx';
import type { MetricPanelProps } from './metric-panel.ts';
import { RaceEthnicityGrid } from './RaceEthnicityGrid.tsx';

export function MetricBreakdowns(panel: MetricPanelProps) {
  const { metric } = panel;
  const [shown, setShown] = useState<string>('ALL');
  const [defining, setDefining] = useState<DefinitionTarget | null>(null);
  if (metric.disaggregations.length === 0) return null;
  const visible = metric.disaggregations.filter((d) => shown === 'ALL' || d.key === shown);
  const disabled = !panel.canEdit || metric.enabled !== true;

  return (
    <section className="mc-section" aria-labelledby="mc-breakdowns">
      <h2 id="mc-breakdowns" className="mc-section__title">
        Metric Breakdowns
      </h2>
      <p className="mc-hint">
        Select the categories that your agency will share as breakdowns of {metric.display_name}.
      </p>
      {metric.enabled !== true && <p className="mc-hint">Make the metric available to choose its breakdowns.</p>}
      {metric.disaggregations.length > 1 && (
        <div className="mc-tabs mc-tabs--small" role="tablist" aria-label="Breakdowns">
          {[{ key: 'ALL', display_name: 'Show All' }, ...metric.disaggregations].map((d) => (
            <button
              key={d.key}
              type="button"
              role="tab"
              className="mc-tabs__tab"
              aria-selected={shown === d.key}
              onClick={() => setShown(d.key)}
            >
              {d.display_name}
            </button>
          ))}
        </div>
      )}
      {visible.map((disaggregation) => (
        <Breakdown
          key={disaggregation.key}
          panel={panel}
          disaggregation={disaggregation}
          disabled={disabled}
          onDefine={setDefining}
        />
      ))}
      {defining && <DefinitionModal panel={panel} target={defining} onClose={() => setDefining(null)} />}
    </section>
  );
}

interface BreakdownProps {
  panel: MetricPanelProps;
  disaggregation: DisaggregationJson;
  disabled: boolean;
  onDefine: (target: DefinitionTarget) => void;
}

function Breakdown({ panel, disaggregation, disabled, onDefine }: BreakdownProps) {
  const { metric, save } = panel;
  const configured = disaggregation.is_breakdown_configured === 'YES';
  const saveBreakdown = (changes: Omit<DisaggregationUpdate, 'key'>) =>
    save({ key: metric.key, disaggregations: [{ key: disaggregation.key, ...changes }] });
  const toggle = (dimension: DimensionJson, checked: boolean) => {
    const description = dimension.contexts.find((c) => c.key === 'ADDITIONAL_CONTEXT')?.value?.trim();
    if (checked && isOtherDimension(dimension) && !description) {
      onDefine({ disaggregation, dimension });
      return;
    }
    saveBreakdown({ dimensions: [{ key: dimension.key, enabled: checked }] });
  };
  const allOn = disaggregation.dimensions.every((d) => d.enabled === true);

  return (
    <div className="mc-breakdown">
      <div className="mc-breakdown__header">
        <h3 className="mc-breakdown__title">{disaggregation.display_name}</h3>
        <Button
          size="sm"
          variant={configured ? 'ghost' : 'secondary'}
          disabled={disabled}
          title="Mark this breakdown's choices as final, so your team knows it is done."
          onClick={() => saveBreakdown({ is_breakdown_configured: configured ? 'NO' : 'YES' })}
        >
          {configured ? 'Undo Complete Configuration' : 'Complete Configuration'}
        </Button>
      </div>
      {disaggregation.key === RACE_AND_ETHNICITY ? (
        <RaceEthnicityGrid panel={panel} disaggregation={disaggregation} disabled={disabled} />
      ) : (
        <fieldset className="mc-checks mc-checks--grid" disabled={disabled}>
          <legend className="visually-hidden">{disaggregation.display_name}</legend>
          <Checkbox label="Select All" checked={allOn} onChange={(e) => saveBreakdown({ enabled: e.target.checked })} />
          {disaggregation.dimensions.map((dimension) => (
            <div key={dimension.key}>
              <Checkbox
                label={dimension.label}
                checked={dimension.enabled === true}
                onChange={(e) => toggle(dimension, e.target.checked)}
              />
              <SubCategories
                dimension={dimension}
                onChange={(subs) => saveBreakdown({ dimensions: [{ key: dimension.key, sub_dimensions: subs }] })}
              />
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

type SubCategory = NonNullable<DimensionJson['sub_dimensions']>[number];

/** The agency's own categories under "Other" (set up by Justice Counts staff), each switched on or off. */
function SubCategories({ dimension, onChange }: { dimension: DimensionJson; onChange: (subs: SubCategory[]) => void }) {
  const subs = dimension.sub_dimensions ?? [];
  if (subs.length === 0 || dimension.enabled !== true) return null;
  return (
    <div className="mc-subcategories">
      {subs.map((sub) => (
        <Checkbox
          key={sub.name}
          label={sub.name.charAt(0) + sub.name.slice(1).toLowerCase()}
          checked={sub.enabled === true}
          onChange={(e) => onChange(subs.map((s) => (s.name === sub.name ? { ...s, enabled: e.target.checked } : s)))}
        />
      ))}
    </div>
  );
}
