/**
 * Recomputes the public figures (snapshot and release) of every agency a save has asked for
 * (db/queries/public-refresh.ts), one agency per transaction so a failure keeps the others'.
 * Several server processes may run it at once: each takes rows the others do not hold.
 */
import type { Executor } from '../../db/database.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import { takePublicRefresh } from '../../db/queries/public-refresh.ts';

/** Returns how many agencies it refreshed. */
export async function refreshPublicFigures(db: Executor, input: { now: Date }): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const pending = await takePublicRefresh(tx);
      if (!pending) return false;
      await recordPublicRelease(tx, { agencyId: pending.agencyId, userId: pending.requestedByUserId, now: input.now });
      return true;
    });
    if (!done) return refreshed;
    refreshed += 1;
  }
}
