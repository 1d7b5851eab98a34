/** The server's OpenAPI description (GET /api/openapi.json), for the API reference page. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface OpenApiOperation {
  'x-access'?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export const API_DESCRIPTION_PATH = '/api/openapi.json';

export function useApiDescription() {
  return useQuery({
    queryKey: ['api-description'],
    queryFn: () => api.get<OpenApiDocument>(API_DESCRIPTION_PATH),
    staleTime: Infinity,
  });
}
