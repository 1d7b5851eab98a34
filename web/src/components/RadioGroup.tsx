import { useId, type ReactNode } from 'react';

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
}

export interface RadioGroupProps<V extends string> {
  legend: ReactNode;
  /** Shown under the legend. */
  hint?: ReactNode;
  options: readonly RadioOption<V>[];
  /** null: nothing chosen yet. */
  value: V | null;
  onChange: (value: V) => void;
  disabled?: boolean;
  /** Why the choice is disabled, read with the group. */
  disabledReason?: string;
}

/** Native radio buttons in a fieldset, laid out as a row of pills. */
export function RadioGroup<V extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  disabled,
  disabledReason,
}: RadioGroupProps<V>) {
  const name = useId();
  return (
    <fieldset className="radio-group" disabled={disabled} title={disabled ? disabledReason : undefined}>
      <legend className="radio-group__legend">{legend}</legend>
      {hint && <p className="radio-group__hint">{hint}</p>}
      {disabled && disabledReason && <p className="radio-group__hint">{disabledReason}</p>}
      <div className="radio-group__options">
        {options.map((option) => (
          <label
            key={option.value}
            className={option.value === value ? 'radio-pill radio-pill--checked' : 'radio-pill'}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
