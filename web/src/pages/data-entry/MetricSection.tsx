/** One metric of the record: its total, its breakdowns and a note, with a link to its change history. */
import { useId } from 'react';
import type { ReportMetric } from '@jc/server/contract';
import { Button, FieldHint, NumberInput, useFieldIds } from '../../components/index.ts';
import { BreakdownTabs, type FieldProps } from './BreakdownTabs.tsx';
import { metricSectionId } from './metric-in-view.ts';
import { MISMATCH_ADVICE, mismatchSentence } from '../../rules/breakdown-sum-words.ts';
import { contextField, formMismatches, totalField, TOTAL_REQUIRED, type FormValues } from './form-rules.ts';

function ContextNote({ metric, values, onChange, disabled }: FieldProps & { metric: ReportMetric }) {
  const context = metric.contexts[0];
  const ids = useFieldIds(undefined, { hint: context?.display_name });
  if (!context) return null;
  const field = contextField(metric.key, context.key);
  return (
    <div className="field">
      <label htmlFor={ids.controlId} className="field__label">
        Notes about this record’s {metric.display_name} figures (optional)
      </label>
      <FieldHint id={ids.hintId}>{context.display_name}</FieldHint>
      <textarea
        className="input de-note"
        rows={2}
        maxLength={5000}
        disabled={disabled}
        data-field={field}
        value={values[field] ?? ''}
        onChange={(event) => onChange(field, event.target.value)}
        {...ids.controlProps}
      />
    </div>
  );
}

/** Beside the breakdowns: which of them do not add up to the total as typed. A warning: saving goes on. */
function SumWarning({ metric, values }: { metric: ReportMetric; values: FormValues }) {
  const mismatches = formMismatches(metric, values);
  if (mismatches.length === 0) return null;
  return (
    <div className="alert alert--warning de-metric__sums">
      <p className="de-metric__sums-title">Breakdowns that do not add up</p>
      <ul>
        {mismatches.map((mismatch) => (
          <li key={mismatch.breakdown}>{mismatchSentence(mismatch)}</li>
        ))}
      </ul>
      <p>{MISMATCH_ADVICE}</p>
    </div>
  );
}

/** `autoFocus`: the record's first metric, so the cursor is in its total when the form opens. */
export function MetricSection(
  props: FieldProps & { metric: ReportMetric; onShowHistory: () => void; autoFocus?: boolean },
) {
  const { metric, values, errors, onChange, disabled } = props;
  const headingId = useId();
  const field = totalField(metric.key);
  return (
    <section id={metricSectionId(metric.key)} className="de-metric" aria-labelledby={headingId}>
      <div className="de-metric__header">
        <h3 id={headingId} className="de-metric__title">
          {metric.display_name}
        </h3>
        <Button size="sm" variant="ghost" onClick={props.onShowHistory}>
          Change history
        </Button>
      </div>
      <p className="de-metric__description">{metric.description}</p>
      <NumberInput
        label={metric.label}
        hint={`Unit: ${metric.unit}`}
        placeholder="Enter value"
        autoFocus={props.autoFocus}
        disabled={disabled}
        data-field={field}
        value={values[field] ?? ''}
        error={errors[field]}
        onChange={(event) => onChange(field, event.target.value)}
      />
      {errors[field] === TOTAL_REQUIRED && (
        <p className="de-metric__why">
          Because you have entered data for this metric, its total is needed too. If you do not have it, leave every
          field of this metric empty.
        </p>
      )}
      <BreakdownTabs {...props} />
      <SumWarning metric={metric} values={values} />
      <ContextNote {...props} />
    </section>
  );
}
