/** The drop-downs above the chart: time range, breakdown, count, share or rate, frequency, which data. */
import { Select } from '../../components/index.ts';
import type { Breakdown, FrequencyChoice, TimeRange } from '../../components/charts/series-rules.ts';
import { NO_BREAKDOWN, RANGE_OPTIONS, rangeParam, type Display } from './explore-state.ts';

export interface ExploreControlsProps {
  range: TimeRange;
  breakdowns: Breakdown[];
  breakdown: Breakdown | null;
  display: Display;
  /** Whether "Rate per 100,000 residents" may be chosen. */
  canShowRate: boolean;
  choices: FrequencyChoice[];
  choice: FrequencyChoice;
  publishedOnly: boolean;
  /** Sets one address parameter (null removes it). */
  onChange: (param: string, value: string | null) => void;
}

export function ExploreControls(props: ExploreControlsProps) {
  const { range, breakdowns, breakdown, display, canShowRate, choices, choice, publishedOnly, onChange } = props;
  const ranges = RANGE_OPTIONS.filter((option) => choice.frequency === 'MONTHLY' || option.range !== 6);
  return (
    <div className="explore-controls">
      <Select label="Time range" value={rangeParam(range)} onChange={(e) => onChange('time_range', e.target.value)}>
        {ranges.map((option) => (
          <option key={option.param} value={option.param}>
            {option.label}
          </option>
        ))}
      </Select>
      {breakdowns.length > 0 && (
        <Select
          label="Breakdown"
          value={breakdown?.name ?? NO_BREAKDOWN}
          onChange={(e) => onChange('disaggregation', e.target.value)}
        >
          <option value={NO_BREAKDOWN}>No Breakdown</option>
          {breakdowns.map((b) => (
            <option key={b.name} value={b.name}>
              {b.name}
            </option>
          ))}
        </Select>
      )}
      {(breakdown || canShowRate) && (
        <Select
          label="Show as"
          value={display}
          onChange={(e) => onChange('display', e.target.value === 'count' ? null : e.target.value)}
        >
          <option value="count">Counts</option>
          {breakdown && <option value="percentage">Percentages</option>}
          {canShowRate && <option value="rate">Rate per 100,000 residents</option>}
        </Select>
      )}
      {choices.length > 1 && (
        <Select label="Reporting frequency" value={choice.key} onChange={(e) => onChange('frequency', e.target.value)}>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </Select>
      )}
      <Select
        label="Data"
        value={publishedOnly ? 'published' : 'all'}
        onChange={(e) => onChange('data', e.target.value === 'published' ? 'published' : null)}
      >
        <option value="all">All data (with drafts)</option>
        <option value="published">Published only</option>
      </Select>
    </div>
  );
}
