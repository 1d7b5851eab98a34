import { useState } from 'react';
import type { MetricSettingJson } from '@jc/server/contract';
import { RadioGroup, Select } from '../../components/index.ts';
import type { MetricPanelProps } from './metric-panel.ts';
import { monthName } from '@jc/server/contract';
import { isDisaggregated } from '../../rules/overview-rules.ts';

type Availability = 'NONE' | 'MONTHLY' | 'ANNUAL';
type YearStart = 'CALENDAR' | 'FISCAL' | 'OTHER';

const CALENDAR = 1;
const FISCAL = 7;
const OTHER_MONTHS = [2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

function availabilityOf(metric: MetricSettingJson): Availability | null {
  if (metric.enabled === null) return null;
  return metric.enabled ? (metric.custom_frequency ?? metric.frequency) : 'NONE';
}

function yearStartOf(month: number | null): YearStart {
  if (month === null || month === CALENDAR) return 'CALENDAR';
  return month === FISCAL ? 'FISCAL' : 'OTHER';
}

export interface SupervisionProps {
  metrics: MetricSettingJson[];
  /** The combined supervision metric (or the metric itself outside supervision). */
  base: MetricSettingJson;
}

export function MetricAvailability({ metric, canEdit, save, metrics, base }: MetricPanelProps & SupervisionProps) {
  // While split by population, the combined metric is off and only the populations are configured.
  const lockedCombined = isDisaggregated(metrics, base) && metric.key === base.key;
  const [otherChosen, setOtherChosen] = useState(false);
  const availability = availabilityOf(metric);
  const yearStart = otherChosen ? 'OTHER' : yearStartOf(metric.starting_month);

  const choose = (value: Availability) => {
    if (value === 'NONE') return save({ key: metric.key, enabled: false });
    const month = value === 'ANNUAL' ? (metric.starting_month ?? CALENDAR) : null;
    save({ key: metric.key, enabled: true, custom_frequency: value, starting_month: month });
  };
  const chooseStart = (value: YearStart) => {
    setOtherChosen(value === 'OTHER');
    if (value !== 'OTHER') {
      save({ key: metric.key, custom_frequency: 'ANNUAL', starting_month: value === 'FISCAL' ? FISCAL : CALENDAR });
    }
  };

  return (
    <section className="mc-section" aria-labelledby="mc-availability">
      <h2 id="mc-availability" className="mc-section__title">
        Metric Availability
      </h2>
      <RadioGroup
        legend="Select how frequently data will be shared"
        options={[
          { value: 'NONE', label: 'Not Available' },
          { value: 'MONTHLY', label: 'Monthly' },
          { value: 'ANNUAL', label: 'Annually' },
        ]}
        value={availability}
        onChange={choose}
        disabled={!canEdit || lockedCombined}
        disabledReason={
          lockedCombined
            ? "This metric is marked as 'Disaggregated': choose a supervision population above."
            : undefined
        }
      />
      {availability === 'ANNUAL' && !lockedCombined && (
        <div className="mc-subsection">
          <RadioGroup
            legend="Starting month"
            hint="Calendar year: January to December. Fiscal year: July to June. Other: any other twelve months."
            options={[
              { value: 'CALENDAR', label: 'Calendar Year (Jan)' },
              { value: 'FISCAL', label: 'Fiscal Year (Jul)' },
              { value: 'OTHER', label: 'Other' },
            ]}
            value={yearStart}
            onChange={chooseStart}
            disabled={!canEdit}
          />
          {yearStart === 'OTHER' && (
            <Select
              label="Select Month"
              value={yearStartOf(metric.starting_month) === 'OTHER' ? String(metric.starting_month) : ''}
              disabled={!canEdit}
              onChange={(e) =>
                save({ key: metric.key, custom_frequency: 'ANNUAL', starting_month: Number(e.target.value) })
              }
            >
              <option value="" disabled>
                Select Month
              </option>
              {OTHER_MONTHS.map((month) => (
                <option key={month} value={month}>
                  {monthName(month)}
                </option>
              ))}
            </Select>
          )}
        </div>
      )}
    </section>
  );
}
