export interface SpinnerProps {
  /** Read by screen readers; pass '' when a surrounding element already says what is happening. */
  label?: string;
  size?: 'sm' | 'md' | 'lg';
}

export function Spinner({ label = 'Loading…', size = 'md' }: SpinnerProps) {
  return (
    <span className={`spinner spinner--${size}`} role={label ? 'status' : undefined}>
      <span className="spinner__circle" aria-hidden="true" />
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}

/** Fills the content area while a page's data loads. */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-loading" role="status">
      <Spinner size="lg" label="" />
      <span>{label}</span>
    </div>
  );
}
