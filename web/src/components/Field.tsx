/**
 * The label, hint and error text around a form control, wired up for assistive technology: the
 * label names the control, the hint and error describe it, and aria-invalid marks a bad value.
 */
import { useId, type ReactNode } from 'react';

export interface FieldTextProps {
  label: ReactNode;
  /** Help shown under the label, e.g. the expected format. */
  hint?: ReactNode;
  /** The problem with the current value; shown in red and announced. */
  error?: string;
  /** Keeps the label for screen readers but hides it on screen (e.g. a search box with an icon). */
  hideLabel?: boolean;
}

export interface FieldIds {
  controlId: string;
  /** Props to spread on the control itself. */
  controlProps: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
  hintId: string;
  errorId: string;
}

export function useFieldIds(id: string | undefined, { hint, error }: Pick<FieldTextProps, 'hint' | 'error'>): FieldIds {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return {
    controlId,
    hintId,
    errorId,
    controlProps: {
      id: controlId,
      'aria-describedby': describedBy || undefined,
      'aria-invalid': error ? true : undefined,
    },
  };
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="field__hint">
      {children}
    </p>
  ) : null;
}

export function FieldError({ id, children }: { id: string; children?: string }) {
  return children ? (
    <p id={id} className="field__error">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="field__error-icon">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4.5v4.2M8 11.2v.3" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {children}
    </p>
  ) : null;
}

/** Label above, control, then hint and error: the layout of text inputs and selects. */
export function FieldFrame({
  ids,
  label,
  hint,
  error,
  hideLabel,
  children,
}: FieldTextProps & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={ids.controlId} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      {children}
      <FieldError id={ids.errorId}>{error}</FieldError>
    </div>
  );
}
