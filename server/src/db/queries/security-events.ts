/**
 * Writes one security event. Callers pass the executor they are writing with, so an event
 * recorded inside a transaction is kept only if the change it describes is.
 */
import type { SecurityEventKind, SecurityEventOutcome } from '../../contract/security-events.ts';
import type { Executor } from '../database.ts';
import { securityEvent } from '../schema.ts';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** Defaults to success; a refused sign-in is a failure with `details.reason`. */
  outcome?: SecurityEventOutcome;
  /** The person acting; null for the system or somebody not signed in. */
  userId: number | null;
  /** Their email, or the email a failed sign-in tried. */
  userEmail?: string | null;
  /** The person the event is about, when not the one acting. */
  subjectUserId?: number | null;
  agencyId?: number | null;
  /** Where the request came from (the client address as the server trusts it). */
  clientIp?: string | null;
  /** What happened, in a few fields; never a password, token or code. */
  details?: Record<string, unknown>;
  /** Defaults to the database's clock; tests and jobs pass theirs. */
  at?: Date;
}

export async function recordSecurityEvent(db: Executor, event: SecurityEventInput): Promise<void> {
  await db.insert(securityEvent).values({
    kind: event.kind,
    outcome: event.outcome ?? 'success',
    userId: event.userId,
    userEmail: event.userEmail ?? null,
    subjectUserId: event.subjectUserId ?? null,
    agencyId: event.agencyId ?? null,
    clientIp: event.clientIp ?? null,
    details: event.details ?? {},
    ...(event.at ? { occurredAt: event.at } : {}),
  });
}
