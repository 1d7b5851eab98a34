import { Checkbox, RadioGroup } from '../../components/index.ts';
import type { SupervisionProps } from './MetricAvailability.tsx';
import type { MetricPanelProps } from './metric-panel.ts';
import { isDisaggregated, subpopulationCopies } from '../../rules/overview-rules.ts';

/** Supervision only: one combined figure, or one per population (parole, probation, …). */
export function MetricDisaggregation({
  canEdit,
  save,
  metrics,
  base,
}: Omit<MetricPanelProps, 'metric'> & SupervisionProps) {
  const copies = subpopulationCopies(metrics, base);
  const disaggregated = isDisaggregated(metrics, base);
  if (copies.length === 0) return null;
  return (
    <section className="mc-section" aria-labelledby="mc-disaggregation">
      <h2 id="mc-disaggregation" className="mc-section__title">
        Metric Disaggregation
      </h2>
      <RadioGroup
        legend="Disaggregated by supervision type"
        hint="Combined: one figure for all supervision. Disaggregated: a figure for each supervision population."
        options={[
          { value: 'COMBINED', label: 'Combined' },
          { value: 'DISAGGREGATED', label: 'Disaggregated' },
        ]}
        value={base.disaggregated_by_supervision_subsystems ? 'DISAGGREGATED' : 'COMBINED'}
        onChange={(value) =>
          save({ key: base.key, disaggregated_by_supervision_subsystems: value === 'DISAGGREGATED' })
        }
        disabled={!canEdit}
      />
      {disaggregated && (
        <fieldset className="mc-checks" disabled={!canEdit}>
          <legend className="radio-group__legend">Subpopulations</legend>
          <p className="mc-hint">Tick each population whose figures your agency reports for this metric.</p>
          {copies.map((copy) => (
            <Checkbox
              key={copy.key}
              label={copy.system.display_name}
              checked={copy.enabled === true}
              onChange={(e) => save({ key: copy.key, enabled: e.target.checked })}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}
