/**
 * The security events trail, newest first: staff see every agency's, an agency admin their own
 * agency's (events recorded with that agency). Filters: person, email, kind, days.
 */
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AdminSecurityEventsQuery } from '../../contract/security-events.ts';
import type { Executor } from '../../db/database.ts';
import { securityEvent, source, userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { assertPlatformAdmin, getAgencyForAction, type AgencyOrId } from '../permissions.ts';

export type SecurityEventFilter = Omit<AdminSecurityEventsQuery, 'limit' | 'offset'>;
export interface Page {
  limit: number;
  offset: number;
}

const subject = alias(userAccount, 'subject');
const actor = alias(userAccount, 'actor');
/**
 * The acting person's email: as the event kept it (the email a failed sign-in tried), or else
 * their account's, for events recorded with only who they are (code checks, sign-outs).
 */
const actorEmail = sql<string | null>`coalesce(${securityEvent.userEmail}, ${actor.email})`;
const DAY_MS = 24 * 60 * 60 * 1000;

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(filter: SecurityEventFilter): SQL | undefined {
  const e = securityEvent;
  return and(
    filter.user_id === undefined ? undefined : or(eq(e.userId, filter.user_id), eq(e.subjectUserId, filter.user_id)),
    filter.email ? ilike(actorEmail, likeText(filter.email)) : undefined,
    filter.kind === undefined ? undefined : eq(e.kind, filter.kind),
    filter.agency_id === undefined ? undefined : eq(e.agencyId, filter.agency_id),
    filter.from === undefined ? undefined : gte(e.occurredAt, new Date(`${filter.from}T00:00:00Z`)),
    filter.to === undefined ? undefined : lt(e.occurredAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)),
  );
}

async function readEvents(db: Executor, filter: SecurityEventFilter, page: Page) {
  const where = conditions(filter);
  const rows = await db
    .select({
      event: securityEvent,
      actorEmail,
      subjectEmail: subject.email,
      agencyName: source.name,
    })
    .from(securityEvent)
    .leftJoin(actor, eq(actor.id, securityEvent.userId))
    .leftJoin(subject, eq(subject.id, securityEvent.subjectUserId))
    .leftJoin(source, eq(source.id, securityEvent.agencyId))
    .where(where)
    .orderBy(desc(securityEvent.occurredAt), desc(securityEvent.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(securityEvent)
    .leftJoin(actor, eq(actor.id, securityEvent.userId))
    .where(where);
  return { events: rows, total: total?.n ?? 0 };
}

export type SecurityEventRow = Awaited<ReturnType<typeof readEvents>>['events'][number];

export async function findSecurityEventsForStaff(
  db: Executor,
  actor: Actor,
  filter: SecurityEventFilter,
  page: Page,
): Promise<{ events: SecurityEventRow[]; total: number }> {
  assertPlatformAdmin(actor);
  return readEvents(db, filter, page);
}

export async function findAgencySecurityEvents(
  db: Executor,
  actor: Actor,
  agencyOrId: AgencyOrId,
  filter: Omit<SecurityEventFilter, 'agency_id'>,
  page: Page,
): Promise<{ events: SecurityEventRow[]; total: number }> {
  const agency = await getAgencyForAction(db, actor, 'security_events.view', agencyOrId);
  return readEvents(db, { ...filter, agency_id: agency.id }, page);
}
