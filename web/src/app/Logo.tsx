/** The Publisher mark: rising bars in a rounded square, then the wordmark (hidden on phones). */
export function Logo() {
  return (
    <span className="logo">
      <svg className="logo__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--color-navy)" />
        <rect x="7" y="17" width="4" height="8" rx="1.5" fill="#7cc4ff" />
        <rect x="14" y="12" width="4" height="13" rx="1.5" fill="#4aa3ff" />
        <rect x="21" y="7" width="4" height="18" rx="1.5" fill="#ffffff" />
      </svg>
      <span className="logo__text">
        <span className="logo__name">Justice Counts</span>
        <span className="logo__product">Publisher</span>
      </span>
    </span>
  );
}
