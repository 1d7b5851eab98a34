/**
 * The security events trail: every agency's for Justice Counts staff (/admin/security-events),
 * one agency's for its admins (/api/agencies/:id/security-events), a page at a time, and the
 * same filters as a CSV download.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { securityEventsResponse, type AdminSecurityEventsQuery } from '@jc/server/contract';
import { api } from './client.ts';

export { SECURITY_EVENT_KINDS } from '@jc/server/contract';

/** Whose events: every agency's (staff), or one agency's. */
export type EventScope = { staff: true } | { agencyId: number };

/** The filters people choose; paging is separate. */
export type SecurityEventFilter = Partial<Omit<AdminSecurityEventsQuery, 'limit' | 'offset' | 'user_id'>>;

export const EVENTS_PER_PAGE = 50;

export const securityEventKeys = {
  all: ['security-events'] as const,
  page: (scope: EventScope, filter: SecurityEventFilter, offset: number) =>
    [...securityEventKeys.all, scope, filter, offset] as const,
};

const basePath = (scope: EventScope) =>
  'staff' in scope ? '/admin/security-events' : `/api/agencies/${scope.agencyId}/security-events`;

function queryString(scope: EventScope, filter: SecurityEventFilter, extra: Record<string, number> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, ...extra })) {
    // One agency's list is that agency's already; the server refuses the filter there.
    if (name === 'agency_id' && !('staff' in scope)) continue;
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useSecurityEvents(scope: EventScope, filter: SecurityEventFilter, offset: number) {
  return useQuery({
    queryKey: securityEventKeys.page(scope, filter, offset),
    queryFn: async () =>
      securityEventsResponse.parse(
        await api.get<unknown>(`${basePath(scope)}${queryString(scope, filter, { limit: EVENTS_PER_PAGE, offset })}`),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The address of the CSV of every event the filters match (the server caps it). */
export function securityEventsCsvPath(scope: EventScope, filter: SecurityEventFilter): string {
  return `${basePath(scope)}/csv${queryString(scope, filter)}`;
}
