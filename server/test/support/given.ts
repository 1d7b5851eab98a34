/**
 * Tenant-per-test builders: each test makes its own agencies and users, so tests never depend on
 * shared seed data and files can share one PostgreSQL database. Other areas add their builders in
 * given-<area>.ts beside this file.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../src/db/schema.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { createSession, SESSION_COOKIE } from '../../src/domain/auth/sessions.ts';
import type { App } from '../../src/http/app-types.ts';
import { systemClock, type Clock } from '../../src/ports.ts';

import type { AgencyRow } from '../../src/db/queries/agencies.ts';

export type { AgencyRow };
export type UserRow = typeof userAccount.$inferSelect;

export type AgencyFields = Partial<typeof source.$inferInsert>;

const unique = () => randomUUID().slice(0, 8);

export async function givenAgency(db: Db, overrides: AgencyFields = {}): Promise<AgencyRow> {
  const [agency] = await db
    .insert(source)
    .values({
      name: `Test Agency ${unique()}`,
      type: 'agency',
      systems: ['LAW_ENFORCEMENT'],
      stateCode: 'us_ca',
      isSuperagency: false,
      ...overrides,
    })
    .returning();
  return agency!;
}

/**
 * A superagency (SUPERAGENCY plus `sectors`, law enforcement unless told) with one child agency
 * (law enforcement unless `child` says otherwise): the set-up of every superagency test.
 */
export async function givenSuperagencyWithChild(
  db: Db,
  options: { sectors?: string[]; name?: string; child?: AgencyFields } = {},
): Promise<{ superagency: AgencyRow; child: AgencyRow }> {
  const superagency = await givenAgency(db, {
    ...(options.name === undefined ? {} : { name: options.name }),
    systems: ['SUPERAGENCY', ...(options.sectors ?? ['LAW_ENFORCEMENT'])],
    isSuperagency: true,
  });
  const child = await givenAgency(db, { ...options.child, superAgencyId: superagency.id });
  return { superagency, child };
}

export async function givenUser(
  db: Db,
  options: {
    agency?: AgencyRow;
    role?: AgencyRole | null;
    isPlatformAdmin?: boolean;
    email?: string;
    name?: string;
  } = {},
): Promise<UserRow> {
  const id = unique();
  const [user] = await db
    .insert(userAccount)
    .values({
      name: options.name ?? `Test User ${id}`,
      email: options.email ?? `user-${id}@example.test`,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      emailVerifiedAt: new Date(),
    })
    .returning();
  if (options.agency) await givenMembership(db, user!, options.agency, options.role ?? 'AGENCY_ADMIN');
  return user!;
}

export async function givenMembership(
  db: Db,
  user: UserRow,
  agency: AgencyRow,
  role: AgencyRole | null,
): Promise<void> {
  await db
    .insert(agencyUserAccountAssociation)
    .values({ agencyId: agency.id, userAccountId: user.id, role, invitationStatus: 'ACCEPTED' });
}

/** `user`'s membership of `agency` as stored (its role, reminders, guidance progress), if any. */
export async function storedMembership(db: Db, agency: AgencyRow, user: UserRow) {
  const [row] = await db
    .select()
    .from(agencyUserAccountAssociation)
    .where(
      and(
        eq(agencyUserAccountAssociation.agencyId, agency.id),
        eq(agencyUserAccountAssociation.userAccountId, user.id),
      ),
    );
  return row;
}

/** Request headers of a signed-in browser tab: the session cookie and a CSRF token. */
export type SignedIn = Record<'cookie' | 'x-csrf-token', string>;

export async function signIn(app: App, db: Db, user: UserRow, clock: Clock = systemClock): Promise<SignedIn> {
  const { token } = await createSession(db, user.id, clock.now());
  const cookie = `${SESSION_COOKIE}=${token}`;
  const init = await app.inject({ method: 'GET', url: '/api/init', headers: { cookie } });
  return { cookie, 'x-csrf-token': (init.json() as { csrf: string }).csrf };
}
