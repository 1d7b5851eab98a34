import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client.ts';
import { INVALID_LINK } from '../api/errors.ts';
import { Button, ErrorState, Page } from '../components/index.ts';
import { ForbiddenPage } from '../components/ForbiddenPage.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';

/**
 * What a route shows when its page throws: the 404 or 403 page for those API answers, otherwise
 * the error in words with a way to reload. Pages may simply let a failed query's error escape.
 */
/** What a loader throws (as 404 data) for an address whose id is not an id at all. */
export const INVALID_LINK_ROUTE = 'invalid-link';

export function RouteError() {
  const error = useRouteError();
  const status = error instanceof ApiError ? error.status : isRouteErrorResponse(error) ? error.status : undefined;
  if (isRouteErrorResponse(error) && error.data === INVALID_LINK_ROUTE) {
    return <NotFoundPage title="This link is not valid" description={INVALID_LINK} />;
  }
  if (status === 404) return <NotFoundPage />;
  if (status === 403) return <ForbiddenPage what="page" />;
  console.error(error);
  return (
    <Page title="Something went wrong">
      <ErrorState title="This page could not be shown" error={error} />
      <Button variant="primary" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </Page>
  );
}
