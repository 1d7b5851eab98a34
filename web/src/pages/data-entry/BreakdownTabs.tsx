/** A metric's breakdowns as tabs, one panel of member inputs each; race and ethnicity grouped by ethnicity. */
import { useId, useState } from 'react';
import type { ReportDimension, ReportDisaggregation, ReportMetric } from '@jc/server/contract';
import { NumberInput } from '../../components/index.ts';
import {
  dimensionField,
  isMemberOn,
  parseNumberInput,
  visibleBreakdowns,
  type FieldErrors,
  type FormValues,
} from './form-rules.ts';

export interface FieldProps {
  /** Shown but not editable (read-only members, published records, after a conflict). */
  disabled: boolean;
  values: FormValues;
  errors: FieldErrors;
  onChange: (field: string, text: string) => void;
}

function MemberInput({
  metric,
  breakdown,
  dimension,
  values,
  errors,
  onChange,
  label,
  disabled,
}: FieldProps & {
  metric: ReportMetric;
  breakdown: ReportDisaggregation;
  dimension: ReportDimension;
  label: string;
}) {
  const field = dimensionField(metric.key, breakdown.key, dimension.key);
  const off = !isMemberOn(dimension);
  return (
    <NumberInput
      label={label}
      hint={off ? 'Switched off in Set Up Metrics: this category’s data is not available.' : undefined}
      placeholder={off ? undefined : 'Enter value'}
      disabled={off || disabled}
      data-field={field}
      value={values[field] ?? ''}
      error={errors[field]}
      onChange={(event) => onChange(field, event.target.value)}
    />
  );
}

const ETHNICITIES = ['Hispanic or Latino', 'Not Hispanic or Latino', 'Unknown Ethnicity'];

function Members(props: FieldProps & { metric: ReportMetric; breakdown: ReportDisaggregation }) {
  const { breakdown } = props;
  const isRace = breakdown.dimensions.some((d) => d.ethnicity !== undefined);
  if (!isRace) {
    return (
      <div className="de-members">
        {breakdown.dimensions.map((dimension) => (
          <MemberInput key={dimension.key} {...props} dimension={dimension} label={dimension.label} />
        ))}
      </div>
    );
  }
  return (
    <>
      {ETHNICITIES.map((ethnicity) => {
        const members = breakdown.dimensions.filter((d) => d.ethnicity === ethnicity && isMemberOn(d));
        if (members.length === 0) return null;
        return (
          <fieldset key={ethnicity} className="de-members de-members--group">
            <legend>{ethnicity}</legend>
            {members.map((dimension) => (
              <MemberInput
                key={dimension.key}
                {...props}
                dimension={dimension}
                label={dimension.race ?? dimension.label}
              />
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

function tabStatus(
  metric: ReportMetric,
  breakdown: ReportDisaggregation,
  props: FieldProps,
): 'error' | 'filled' | 'empty' {
  const fields = breakdown.dimensions.map((d) => dimensionField(metric.key, breakdown.key, d.key));
  if (fields.some((field) => props.errors[field])) return 'error';
  return fields.some((field) => parseNumberInput(props.values[field]) !== null) ? 'filled' : 'empty';
}

const STATUS_TEXT = { error: ' (has errors)', filled: ' (filled in)', empty: '' };

export function BreakdownTabs(props: FieldProps & { metric: ReportMetric }) {
  const breakdowns = visibleBreakdowns(props.metric);
  const [active, setActive] = useState(0);
  const id = useId();
  const current = breakdowns[Math.min(active, breakdowns.length - 1)];
  if (!current) return null;
  return (
    <div className="de-breakdowns">
      <h4 className="de-breakdowns__title">Breakdowns</h4>
      <div role="tablist" aria-label={`${props.metric.display_name} breakdowns`} className="de-tabs">
        {breakdowns.map((breakdown, index) => {
          const status = tabStatus(props.metric, breakdown, props);
          return (
            <button
              key={breakdown.key}
              type="button"
              role="tab"
              id={`${id}-tab-${index}`}
              aria-controls={`${id}-panel`}
              aria-selected={breakdown === current}
              className={`de-tab de-tab--${status}`}
              onClick={() => setActive(index)}
            >
              {breakdown.display_name}
              <span className="visually-hidden">{STATUS_TEXT[status]}</span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${breakdowns.indexOf(current)}`}>
        <Members {...props} breakdown={current} />
      </div>
    </div>
  );
}
