import type { ButtonHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

interface ButtonLook {
  /** primary: the one main action; secondary: the rest; danger: destroys data; ghost: low emphasis. */
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function buttonClass({ variant = 'secondary', size = 'md' }: ButtonLook, extra?: string): string {
  return ['btn', `btn--${variant}`, size === 'sm' && 'btn--sm', extra].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonLook {
  /** Shows a spinner and blocks clicks while an action runs. */
  loading?: boolean;
}

export function Button({ variant, size, loading = false, disabled, className, children, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={buttonClass({ variant, size }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner size="sm" label="" />}
      {children}
    </button>
  );
}

/** A link that looks like a button, for actions that go somewhere. */
export function ButtonLink({ variant, size, className, ...rest }: LinkProps & ButtonLook) {
  return <Link className={buttonClass({ variant, size }, className)} {...rest} />;
}
