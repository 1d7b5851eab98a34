/**
 * The key that signs CSRF tokens. Production must configure it (config refuses to start without
 * it); development generates one on first start and keeps it in the database, so restarts do
 * not invalidate open tabs.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { appSecret } from '../../db/schema.ts';
import { newSecretToken } from './tokens.ts';

const NAME = 'session_secret';

export async function resolveAppSecret(db: Executor, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.insert(appSecret).values({ name: NAME, value: newSecretToken() }).onConflictDoNothing();
  const [row] = await db.select().from(appSecret).where(eq(appSecret.name, NAME));
  if (!row) throw new Error('The generated session secret could not be stored.');
  return row.value;
}
