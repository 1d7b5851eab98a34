import type { ReactNode } from 'react';

export interface PageProps {
  /** The page's h1 and the browser tab's title. */
  title: string;
  description?: ReactNode;
  /** Buttons shown beside the title, e.g. "New Record". */
  actions?: ReactNode;
  children?: ReactNode;
}

/** The heading block and body every screen uses, so pages line up and titles stay consistent. */
export function Page({ title, description, actions, children }: PageProps) {
  return (
    <div className="page">
      <title>{`${title} · Justice Counts Publisher`}</title>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            {title}
          </h1>
          {description && <p className="page__description">{description}</p>}
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
