/**
 * Pending recomputations of an agency's public figures (`public_refresh`). A save of values in a
 * published record asks for one (`requestPublicRefresh`) instead of recomputing the agency's whole
 * snapshot and release under the agency's lock, which cost 300 ms of CPU and serialised every save
 * of the agency; the refresh then makes one release for a burst of saves.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { publicRefresh } from '../schema.ts';

export interface PendingRefresh {
  agencyId: number;
  requestedByUserId: number | null;
}

/**
 * In the saving transaction. DO UPDATE (not DO NOTHING) locks the row until the save commits, so a
 * refresh taking the row waits for the save and then sees its values: none is ever left out.
 */
export async function requestPublicRefresh(
  tx: Executor,
  input: { agencyId: number; userId: number | null; now: Date },
): Promise<void> {
  await tx
    .insert(publicRefresh)
    .values({ agencyId: input.agencyId, requestedAt: input.now, requestedByUserId: input.userId })
    .onConflictDoUpdate({
      target: publicRefresh.agencyId,
      set: { requestedByUserId: sql`excluded.requested_by_user_id` },
    });
}

/** Takes the oldest request no other transaction holds; it is gone once the caller commits. */
export async function takePublicRefresh(tx: Executor): Promise<PendingRefresh | undefined> {
  const oldest = sql`(select agency_id from public_refresh order by requested_at, agency_id limit 1 for update skip locked)`;
  const [row] = await tx
    .delete(publicRefresh)
    .where(eq(publicRefresh.agencyId, oldest))
    .returning({ agencyId: publicRefresh.agencyId, requestedByUserId: publicRefresh.requestedByUserId });
  return row;
}
