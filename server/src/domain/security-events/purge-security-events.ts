/** The daily clean-up: security events past their retention period, and finished rate counters. */
import { lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { securityEvent } from '../../db/schema.ts';
import { purgeCounters } from '../../db/queries/rate-counters.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeSecurityEvents(
  db: Executor,
  input: { now: Date; retentionDays: number },
): Promise<{ events: number; counters: number }> {
  const before = new Date(input.now.getTime() - input.retentionDays * DAY_MS);
  const gone = await db
    .delete(securityEvent)
    .where(lt(securityEvent.occurredAt, before))
    .returning({ id: securityEvent.id });
  // Every counter's window (a minute, or 15 minutes for sign-in) has long ended a day later.
  const counters = await purgeCounters(db, new Date(input.now.getTime() - DAY_MS));
  return { events: gone.length, counters };
}
