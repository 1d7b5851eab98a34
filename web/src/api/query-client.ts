/**
 * The app's TanStack Query client. Server data is cached briefly; 4xx answers are not retried
 * (they will not change on their own); a 401 anywhere means the session ended, so the session is
 * reloaded and the route guard sends the person to the sign-in page.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { sessionKeys } from './session.ts';

const MAX_RETRIES = 2;

/**
 * Retry network failures and server errors a couple of times; never retry a client error, nor
 * maintenance (it lasts minutes: the page says so at once).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.status < 500 || error.code === 'maintenance')) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onUnauthenticated(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(error, []) }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });

  function onUnauthenticated(error: unknown, queryKey: readonly unknown[]): void {
    const isSessionQuery = queryKey[0] === sessionKeys.all[0];
    if (error instanceof ApiError && error.status === 401 && !isSessionQuery) {
      void queryClient.refetchQueries({ queryKey: sessionKeys.all });
    }
  }

  return queryClient;
}
