/** The release the server runs (package version + commit), from GET /health, for the footer. */
import { useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '@jc/server/contract';
import { api } from './client.ts';

export function useServerVersion(): string | undefined {
  const { data } = useQuery({
    queryKey: ['server-version'],
    queryFn: () => api.get<HealthResponse>('/health'),
    // A new release reloads the page anyway; no need to ask again.
    staleTime: Infinity,
    retry: false,
  });
  return data?.version;
}
