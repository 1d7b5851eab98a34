/** The server's OpenAPI description (GET /api/openapi.json), for the API reference page. */
import { useQuery } from '@tanstack/react-query';
import type { OpenApiDocument } from '../pages/api-docs/api-docs-rules.ts';
import { api } from './client.ts';

export const API_DESCRIPTION_PATH = '/api/openapi.json';

export function useApiDescription() {
  return useQuery({
    queryKey: ['api-description'],
    queryFn: () => api.get<OpenApiDocument>(API_DESCRIPTION_PATH),
    staleTime: Infinity,
  });
}
