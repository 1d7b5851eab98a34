import type { SecurityEventItem, SecurityEventKind, SecurityEventOutcome } from '../../contract/security-events.ts';
import { toCsv } from '../../domain/csv.ts';
import type { SecurityEventRow } from '../../domain/security-events/find-security-events.ts';

export function presentSecurityEvent(row: SecurityEventRow): SecurityEventItem {
  const { event } = row;
  return {
    id: event.id,
    occurred_at: event.occurredAt.toISOString(),
    kind: event.kind as SecurityEventKind,
    outcome: event.outcome as SecurityEventOutcome,
    user_id: event.userId,
    user_email: row.actorEmail,
    subject_user_id: event.subjectUserId,
    subject_email: row.subjectEmail,
    agency_id: event.agencyId,
    agency_name: row.agencyName,
    client_ip: event.clientIp,
    details: event.details,
  };
}

const CSV_HEADER = [
  'time',
  'kind',
  'outcome',
  'user_id',
  'user_email',
  'subject_user_id',
  'subject_email',
  'agency_id',
  'agency_name',
  'client_address',
  'details',
];

export function securityEventsCsv(rows: readonly SecurityEventRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows
      .map(presentSecurityEvent)
      .map((e) => [
        e.occurred_at,
        e.kind,
        e.outcome,
        e.user_id,
        e.user_email,
        e.subject_user_id,
        e.subject_email,
        e.agency_id,
        e.agency_name,
        e.client_ip,
        JSON.stringify(e.details),
      ]),
  );
}
