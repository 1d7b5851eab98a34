/** Builders and readers for the account tests: passwords, emailed links, row counts. */
import argon2 from 'argon2';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';
import { userAccount } from '../../src/db/schema.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import type { EmailMessage } from '../../src/ports.ts';
import type { UserRow } from './given.ts';

export const GOOD_PASSWORD = 'correct horse battery staple';

export async function givenPassword(db: Db, user: UserRow, password = GOOD_PASSWORD): Promise<string> {
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  await db.update(userAccount).set({ passwordHash }).where(eq(userAccount.id, user.id));
  return password;
}

/** The token of the last emailed link to `page` sent to `to`. */
export function tokenFromEmail(sent: readonly EmailMessage[], to: string, page: string): string {
  const message = [...sent].reverse().find((m) => m.to === to);
  if (!message) throw new Error(`no email was sent to ${to}`);
  const match = message.text.match(new RegExp(`/${page}\\?token=([\\w%-]+)`));
  if (!match?.[1]) throw new Error(`the email to ${to} has no /${page} link:\n${message.text}`);
  return decodeURIComponent(match[1]);
}

/** How many rows a query finds: for proving a refused request wrote nothing. */
export async function countRows(db: Db, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from (${query}) as counted`);
  return Number(row?.n ?? 0);
}

/** The session cookie a response set, ready to send back. */
export function sessionCookieFrom(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const cookies = Array.isArray(raw) ? raw : [raw];
  const session = cookies.find((c): c is string => typeof c === 'string' && c.startsWith('jc_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(raw)}`);
  return session.split(';')[0]!;
}
