/**
 * Counters shared by every server instance through the database: one statement adds a hit and
 * returns the count, so concurrent requests each see a different number and none slips past a
 * limit between counting and checking. A window starts at a key's first hit and lasts `windowMs`.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { rateCounter } from '../schema.ts';

export interface Hit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends and the count starts again. */
  resetAt: Date;
}

export async function countHit(db: Executor, key: string, windowMs: number, now: Date): Promise<Hit> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${rateCounter.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateCounter)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateCounter.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateCounter.hits} + 1 end`,
        windowStart: sql`case when ${expired} then ${at} else ${rateCounter.windowStart} end`,
      },
    })
    .returning({ hits: rateCounter.hits, windowStart: rateCounter.windowStart });
  return { hits: row!.hits, resetAt: new Date(row!.windowStart.getTime() + windowMs) };
}

export async function forgetCounter(db: Executor, key: string): Promise<void> {
  await db.delete(rateCounter).where(eq(rateCounter.key, key));
}

/** Drops counters whose window ended before `before` (the daily job). */
export async function purgeCounters(db: Executor, before: Date): Promise<number> {
  const gone = await db
    .delete(rateCounter)
    .where(lt(rateCounter.windowStart, before))
    .returning({ key: rateCounter.key });
  return gone.length;
}
