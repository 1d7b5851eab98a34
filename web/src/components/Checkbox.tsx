import type { InputHTMLAttributes } from 'react';
import { FieldError, FieldHint, useFieldIds, type FieldTextProps } from './Field.tsx';

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & Omit<FieldTextProps, 'hideLabel'>;

export function Checkbox({ label, hint, error, id, className, ...input }: CheckboxProps) {
  const ids = useFieldIds(id, { hint, error });
  return (
    <div className={['checkbox', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <input type="checkbox" className="checkbox__input" {...input} {...ids.controlProps} />
      <div>
        <label htmlFor={ids.controlId} className="checkbox__label">
          {label}
        </label>
        <FieldHint id={ids.hintId}>{hint}</FieldHint>
        <FieldError id={ids.errorId}>{error}</FieldError>
      </div>
    </div>
  );
}
