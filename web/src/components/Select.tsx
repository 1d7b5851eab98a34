import type { SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds, type FieldTextProps } from './Field.tsx';

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & FieldTextProps;

/** A native select (keyboard and screen-reader behaviour for free); pass <option> children. */
export function Select({ label, hint, error, hideLabel, id, className, children, ...select }: SelectProps) {
  const ids = useFieldIds(id, { hint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <select className={['input', 'select', className].filter(Boolean).join(' ')} {...select} {...ids.controlProps}>
        {children}
      </select>
    </FieldFrame>
  );
}
