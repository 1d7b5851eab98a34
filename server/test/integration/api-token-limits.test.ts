/**
 * Personal API tokens act only inside their own agency: every admin-panel route refuses them, even
 * a staff member's; and a password reset or "sign out everywhere" revokes the owner's tokens.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiToken, session, userAccount } from '../../src/db/schema.ts';
import { registeredRoutes } from '../../src/http/plugins/auth.ts';
import { ruleFor } from '../../src/http/route-rules.ts';
import { countRows, givenPassword, tokenFromEmail } from '../support/given-auth.ts';
import { givenAgency, givenUser, signIn, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

async function givenToken(user: UserRow, agency: AgencyRow): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/agencies/${agency.id}/api_tokens`,
    headers: await signIn(t.app, t.database.db, user),
    payload: { name: 'Nightly upload' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token as string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const readAgency = (agency: AgencyRow, token: string) =>
  t.app.inject({ method: 'GET', url: `/api/agency/${agency.id}`, headers: bearer(token) });
const liveTokens = (user: UserRow) =>
  countRows(t.database.db, sql`select 1 from ${apiToken} where user_account_id = ${user.id} and revoked_at is null`);

describe('the admin panel', () => {
  it('refuses a staff member’s API token on every /admin route (403), and writes nothing', async () => {
    const agency = await givenAgency(t.database.db);
    const staff = await givenUser(t.database.db, { isPlatformAdmin: true });
    const token = await givenToken(staff, agency);
    const adminRoutes = registeredRoutes(t.app).filter((route) => route.url.startsWith('/admin/'));
    expect(adminRoutes.length).toBeGreaterThan(15);
    const users = await countRows(t.database.db, sql`select 1 from ${userAccount}`);
    for (const route of adminRoutes) {
      expect(ruleFor(route.method, route.url)?.access).toBe('platform_admin');
      const url = route.url.replace(/:\w+/g, String(agency.id));
      const payload = ['GET', 'DELETE'].includes(route.method)
        ? undefined
        : { users: [{ name: 'Sneaky', email: 'sneaky@example.test', agency_ids: [agency.id] }] };
      const res = await expectNoWrites(t.database.db, () =>
        t.app.inject({ method: route.method as 'GET', url, headers: bearer(token), payload }),
      );
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(403);
      expect(res.json().description).toMatch(/^API tokens act only inside their own agency/);
    }
    expect(await countRows(t.database.db, sql`select 1 from ${userAccount}`)).toBe(users);
    // The same staff member, signed in as themselves, still uses the panel.
    const headers = await signIn(t.app, t.database.db, staff);
    expect((await t.app.inject({ method: 'GET', url: '/admin/user/overview', headers })).statusCode).toBe(200);
    // And the token still works inside its own agency.
    expect((await readAgency(agency, token)).statusCode).toBe(200);
  });
});

describe('revoking every token of a person', () => {
  it('a password reset revokes the owner’s API tokens (and sessions), not other people’s', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const colleague = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    await givenPassword(t.database.db, user);
    const token = await givenToken(user, agency);
    const colleagueToken = await givenToken(colleague, agency);
    expect((await readAgency(agency, token)).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: '/auth/password-reset/request', payload: { email: user.email } });
    const link = tokenFromEmail(t.mailer.sent, user.email!, 'reset-password');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/auth/password-reset',
      payload: { token: link, password: 'a brand new passphrase' },
    });
    expect(reset.statusCode, reset.body).toBe(200);

    const refused = await expectNoWrites(t.database.db, () => readAgency(agency, token));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().description).toBe('This API token is unknown or has been revoked.');
    expect(await liveTokens(user)).toBe(0);
    expect((await readAgency(agency, colleagueToken)).statusCode).toBe(200);
  });

  it('"sign out everywhere" ends every session and revokes the API tokens; a token cannot ask for it', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const token = await givenToken(user, agency);
    const laptop = await signIn(t.app, t.database.db, user);
    const phone = await signIn(t.app, t.database.db, user);

    const byToken = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'POST', url: '/auth/logout-everywhere', headers: bearer(token) }),
    );
    expect(byToken.statusCode).toBe(403);
    expect(await liveTokens(user)).toBe(1);

    const res = await t.app.inject({ method: 'POST', url: '/auth/logout-everywhere', headers: laptop });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ended_sessions: 3, revoked_api_tokens: 1 });
    expect((await expectNoWrites(t.database.db, () => readAgency(agency, token))).statusCode).toBe(401);
    const init = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: phone.cookie } });
    expect(init.json().user).toBeNull();
    expect(await t.database.db.select().from(session).where(eq(session.userAccountId, user.id))).toEqual([]);
  });
});
