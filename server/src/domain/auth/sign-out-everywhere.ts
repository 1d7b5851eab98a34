/** "Sign out everywhere": ends every session of the person asking and revokes their API tokens. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertNotApiToken } from '../permissions.ts';
import { endAllAccess } from './sessions.ts';

export async function signOutEverywhere(db: Executor, actor: Actor, now: Date) {
  assertNotApiToken(actor, 'sign you out everywhere');
  const userId = actor.userId;
  if (userId === null) throw notFound('Your user account');
  return db.transaction((tx) => endAllAccess(tx, userId, now));
}
