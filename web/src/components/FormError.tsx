/**
 * A form's failure in words, above the form, unless the server pinned it on one of the form's
 * own fields (those show under their field instead). `children` follow the message, e.g. a link.
 */
import type { ReactNode } from 'react';
import { fieldErrors, messageFor } from '../api/errors.ts';

export interface FormErrorProps {
  error: unknown;
  /** Request fields the form shows problems under. */
  fields?: readonly string[];
  children?: ReactNode;
}

export function FormError({ error, fields = [], children }: FormErrorProps) {
  if (!error) return null;
  const byField = fieldErrors(error);
  if (fields.some((field) => byField[field])) return null;
  return (
    <div className="alert alert--error" role="alert">
      {messageFor(error)}
      {children}
    </div>
  );
}
