/**
 * Reads that may come from a streaming replica (DATABASE_REPLICA_URL): the public pages and
 * Explore Data. A replica lags behind the primary, so after a signed-in person's successful write
 * the answer carries the primary's log position in a cookie, and their next such read goes to the
 * replica only once it has replayed that far; until then, to the primary. Without a replica,
 * everything reads the primary.
 */
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/database.ts';
import { currentWalPosition, hasReplayed } from '../db/queries/wal-positions.ts';
import type { App, AppDeps } from './app-types.ts';

export const WROTE_COOKIE = 'jc_wrote';
const LOG_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Past an hour any replica worth using has caught up. */
const WROTE_MAX_AGE_S = 3600;

export function registerReadYourWrites(app: App, deps: AppDeps): void {
  if (!deps.readReplica) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400 || !request.actor?.userId) return payload;
    reply.setCookie(WROTE_COOKIE, await currentWalPosition(deps.database.db), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.mode === 'production',
      maxAge: WROTE_MAX_AGE_S,
    });
    return payload;
  });
}

/** The database to read this request's data from: the replica when it has everything the caller wrote. */
export async function readerFor(request: FastifyRequest, deps: AppDeps): Promise<Executor> {
  const replica = deps.readReplica;
  if (!replica) return deps.database.db;
  const wrote = request.cookies[WROTE_COOKIE];
  if (wrote === undefined) return replica.db;
  // A cookie we did not write cannot be trusted to say what is safe: read the primary.
  if (!LOG_POSITION.test(wrote)) return deps.database.db;
  return (await hasReplayed(replica.db, wrote)) ? replica.db : deps.database.db;
}
