/**
 * Choosing a metric: a list by sector on wide screens, a drop-down on narrow ones (CSS shows one
 * of the two), and a note on where the list comes from.
 */
import { Link } from 'react-router';
import type { MetricSettingJson } from '@jc/server/contract';
import { agencyPath } from '../../app/paths.ts';
import { Badge, Select } from '../../components/index.ts';
import { frequencyOf } from '../../rules/metric-rules.ts';
import type { MetricGroup } from './metric-groups.ts';

interface MetricPickerProps {
  groups: MetricGroup[];
  current: MetricSettingJson;
  agencyId: number;
  hrefFor: (metric: MetricSettingJson) => string;
  onChoose: (metric: MetricSettingJson) => void;
}

export function FrequencyBadge({ metric }: { metric: MetricSettingJson }) {
  return frequencyOf(metric) === 'MONTHLY' ? (
    <Badge tone="success">Monthly</Badge>
  ) : (
    <Badge tone="warning">Annually</Badge>
  );
}

export function MetricPicker({ groups, current, agencyId, hrefFor, onChoose }: MetricPickerProps) {
  const all = groups.flatMap((g) => g.metrics);
  return (
    <aside className="explore-picker" aria-label="Metrics">
      <nav className="explore-picker__list" aria-label="Metrics by sector">
        {groups.map((group) => (
          <section key={group.sector} className="explore-picker__group">
            <h2 className="explore-picker__sector">{group.label}</h2>
            {group.metrics.length === 0 ? (
              <p className="explore-picker__none">No enabled metrics</p>
            ) : (
              <ul>
                {group.metrics.map((metric) => (
                  <li key={metric.key}>
                    <Link
                      to={hrefFor(metric)}
                      className="explore-picker__metric"
                      aria-current={metric.key === current.key ? 'page' : undefined}
                    >
                      {metric.display_name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </nav>
      <div className="explore-picker__select">
        <Select
          label="Metric"
          value={current.key}
          onChange={(event) => {
            const chosen = all.find((m) => m.key === event.target.value);
            if (chosen) onChoose(chosen);
          }}
        >
          {groups
            .filter((group) => group.metrics.length > 0)
            .map((group) => (
              <optgroup key={group.sector} label={group.label}>
                {group.metrics.map((metric) => (
                  <option key={metric.key} value={metric.key}>
                    {metric.display_name} ({frequencyOf(metric) === 'MONTHLY' ? 'Monthly' : 'Annually'})
                  </option>
                ))}
              </optgroup>
            ))}
        </Select>
      </div>
      <p className="explore-picker__note">
        <strong>Note:</strong> these are the metrics your agency has said it reports. To change them, go to{' '}
        <Link to={agencyPath(agencyId, 'metric-config')}>Set Up Metrics</Link>.
      </p>
    </aside>
  );
}
