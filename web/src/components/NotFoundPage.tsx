import { SUPPORT_EMAIL } from '../api/errors.ts';
import { ButtonLink, Page } from './index.ts';

export interface NotFoundPageProps {
  title?: string;
  description?: string;
}

export function NotFoundPage({
  title = 'Page not found',
  description = 'The address may be mistyped, or the page may have been moved or deleted.',
}: NotFoundPageProps) {
  return (
    <Page title={title} description={description}>
      <div className="status-page">
        <p className="status-page__code" aria-hidden="true">
          404
        </p>
        <p>
          If you followed a link inside Publisher, tell us at <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
        </p>
        <ButtonLink variant="primary" to="/">
          Go to Home
        </ButtonLink>
      </div>
    </Page>
  );
}
