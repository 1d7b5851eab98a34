import { useState } from 'react';
import type { DimensionJson } from '@jc/server/contract';
import { needsDefinition, RACE_AND_ETHNICITY } from './breakdown-rules.ts';
import { Button } from '../../components/index.ts';
import { DefinitionModal, type DefinitionTarget } from './DefinitionModal.tsx';
import type { MetricPanelProps } from './metric-panel.ts';

interface RowProps {
  label: string;
  description: string | null;
  configured: boolean;
  actionRequired: boolean;
  canEdit: boolean;
  onEdit: () => void;
}

function DefinitionRow({ label, description, configured, actionRequired, canEdit, onEdit }: RowProps) {
  return (
    <li className={actionRequired ? 'mc-def-row mc-def-row--action' : 'mc-def-row'} title={description ?? undefined}>
      <span className="mc-def-row__label">{label}</span>
      <span className={configured ? 'mc-def-row__status mc-def-row__status--done' : 'mc-def-row__status'}>
        {configured ? '(Configuration Complete)' : '(Configuration Incomplete)'}
      </span>
      <Button
        size="sm"
        variant="ghost"
        onClick={onEdit}
        aria-label={`${canEdit ? 'Edit' : 'View'} definition of ${label}`}
      >
        {canEdit ? 'Edit' : 'View'}
      </Button>
    </li>
  );
}

const dimensionRow = (dimension: DimensionJson) => ({
  label: dimension.label,
  description: dimension.description,
  configured: dimension.is_dimension_includes_excludes_configured === 'YES',
  actionRequired: needsDefinition(dimension.includes_excludes, dimension.contexts[0]?.value),
});

/** Define Metrics: the metric's total and each reported breakdown member, each opening the definition modal. */
export function MetricDefinitions(panel: MetricPanelProps) {
  const { metric, canEdit } = panel;
  const [editing, setEditing] = useState<DefinitionTarget | null>(null);
  const breakdowns = metric.disaggregations.filter((d) => d.enabled === true && d.key !== RACE_AND_ETHNICITY);
  return (
    <section className="mc-section" aria-labelledby="mc-definitions">
      <h2 id="mc-definitions" className="mc-section__title">
        Primary Metric
      </h2>
      <ul className="mc-def-list">
        <DefinitionRow
          label={`${metric.display_name} (Total)`}
          description={metric.description}
          configured={metric.is_includes_excludes_configured === 'YES'}
          actionRequired={needsDefinition(metric.includes_excludes, metric.contexts[0]?.value)}
          canEdit={canEdit}
          onEdit={() => setEditing({})}
        />
      </ul>
      {breakdowns.map((disaggregation) => (
        <div key={disaggregation.key}>
          <h3 className="mc-breakdown__title">{disaggregation.display_name}</h3>
          <ul className="mc-def-list">
            {disaggregation.dimensions
              .filter((d) => d.enabled === true)
              .map((dimension) => (
                <DefinitionRow
                  key={dimension.key}
                  {...dimensionRow(dimension)}
                  canEdit={canEdit}
                  onEdit={() => setEditing({ disaggregation, dimension })}
                />
              ))}
          </ul>
        </div>
      ))}
      {editing && <DefinitionModal panel={panel} target={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
