import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, authToken, rateCounter, session, userAccount } from '../../src/db/schema.ts';
import { MAX_LOGIN_FAILURES } from '../../src/domain/auth/login-throttle.ts';
import { countRows, givenPassword, GOOD_PASSWORD, sessionCookieFrom, tokenFromEmail } from '../support/given-auth.ts';
import { givenAgency, givenUser, signIn, type UserRow } from '../support/given.ts';
import { createTestApp } from '../support/test-app.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, headers });

const sessionsOf = (user: UserRow) =>
  countRows(t.database.db, sql`select 1 from ${session} where user_account_id = ${user.id}`);
const attemptsFor = (email: string) =>
  countRows(t.database.db, sql`select 1 from ${rateCounter} where key like ${'%' + email}`);

describe('POST /auth/login', () => {
  it('signs in with email and password and sets a safe session cookie', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    const res = await login(user.email!.toUpperCase(), GOOD_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user_id: user.id });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/jc_session=[\w-]+/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const init = await t.app.inject({
      method: 'GET',
      url: '/api/init',
      headers: { cookie: sessionCookieFrom(res.headers) },
    });
    expect(init.json().user).toMatchObject({ id: user.id, email: user.email });
  });

  it('replaces the session the browser had (rotation)', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    const before = await signIn(t.app, t.database.db, user);
    const res = await login(user.email!, GOOD_PASSWORD, before);
    expect(res.statusCode).toBe(200);
    expect(await sessionsOf(user)).toBe(1);
    const old = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: before.cookie } });
    expect(old.json().user).toBeNull();
  });

  it('answers every failure with the same 401 and starts no session', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    const noPassword = await givenUser(t.database.db);
    for (const [email, password] of [
      [user.email!, 'wrong password, long enough'],
      ['nobody-here@example.test', GOOD_PASSWORD],
      [noPassword.email!, GOOD_PASSWORD],
    ] as const) {
      const res = await expectNoWrites(t.database.db, () => login(email, password));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated', description: 'Email or password is incorrect.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await sessionsOf(user)).toBe(0);
    expect(await sessionsOf(noPassword)).toBe(0);
  });

  it('refuses a malformed email with 400 naming the field, recording nothing', async () => {
    const res = await expectNoWrites(t.database.db, () => login('not-an-email', GOOD_PASSWORD));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('email');
    expect(await attemptsFor('not-an-email')).toBe(0);
  });

  it(`refuses further attempts after ${MAX_LOGIN_FAILURES} failures, even the right password`, async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    for (let i = 0; i < MAX_LOGIN_FAILURES; i += 1) {
      expect(
        (await expectNoWrites(t.database.db, () => login(user.email!, 'a wrong guess number ' + i))).statusCode,
      ).toBe(401);
    }
    const res = await expectNoWrites(t.database.db, () => login(user.email!, GOOD_PASSWORD));
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'rate_limited', description: expect.stringContaining('Too many failed') });
    expect(await sessionsOf(user)).toBe(0);
  });
});

describe('secure cookies in production', () => {
  it('marks the session cookie Secure', async () => {
    const prod = await createTestApp({ config: { mode: 'production' } });
    try {
      const user = await givenUser(prod.database.db);
      await givenPassword(prod.database.db, user);
      const res = await prod.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: user.email, password: GOOD_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await prod.close();
    }
  });
});

describe('password reset', () => {
  const requestReset = (email: string) =>
    t.app.inject({ method: 'POST', url: '/auth/password-reset/request', payload: { email } });
  const reset = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/auth/password-reset', payload: { token, password } });
  const hashOf = async (user: UserRow) =>
    (await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id)))[0]?.passwordHash;

  it('answers the same whether or not the email has an account', async () => {
    const sentBefore = t.mailer.sent.length;
    const res = await requestReset('no-account-here@example.test');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', status_code: 200 });
    expect(t.mailer.sent.length).toBe(sentBefore);
  });

  it('emails a link that sets a new password once and signs out everywhere else', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    const elsewhere = await signIn(t.app, t.database.db, user);
    expect((await requestReset(user.email!)).statusCode).toBe(200);
    const token = tokenFromEmail(t.mailer.sent, user.email!, 'reset-password');

    const res = await reset(token, 'a brand new passphrase');
    expect(res.statusCode).toBe(200);
    expect(await sessionsOf(user)).toBe(1);
    const old = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: elsewhere.cookie } });
    expect(old.json().user).toBeNull();
    expect((await login(user.email!, 'a brand new passphrase')).statusCode).toBe(200);

    const again = await expectNoWrites(t.database.db, () => reset(token, 'yet another passphrase'));
    expect(again.statusCode).toBe(400);
    expect(again.json().description).toContain('already been used');
  });

  it('refuses a weak password, naming the rule, and keeps the link usable', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    const hash = await hashOf(user);
    await requestReset(user.email!);
    const token = tokenFromEmail(t.mailer.sent, user.email!, 'reset-password');
    for (const [password, rule] of [
      ['short', 'be at least 10 characters'],
      ['zzzzzzzzzzzz', 'not repeat one character'],
      [user.email!, 'not be your email'],
    ] as const) {
      const res = await expectNoWrites(t.database.db, () => reset(token, password));
      expect(res.statusCode).toBe(400);
      expect(res.json().description).toContain(`password: must ${rule}`);
    }
    expect(await hashOf(user)).toBe(hash);
    const unused = await t.database.db
      .select()
      .from(authToken)
      .where(and(eq(authToken.userAccountId, user.id), eq(authToken.kind, 'PASSWORD_RESET')));
    expect(unused.map((row) => row.usedAt)).toEqual([null]);
  });

  it('refuses a link after an hour', async () => {
    const user = await givenUser(t.database.db);
    await requestReset(user.email!);
    const token = tokenFromEmail(t.mailer.sent, user.email!, 'reset-password');
    t.clock.advance(60 * 60 * 1000 + 1);
    try {
      const res = await expectNoWrites(t.database.db, () => reset(token, 'a brand new passphrase'));
      expect(res.statusCode).toBe(400);
      expect(res.json().description).toMatch(/token: this password reset link expired on .*request a new one/);
      expect(await hashOf(user)).toBeNull();
    } finally {
      t.clock.set(new Date());
    }
  });
});

describe('accepting an invitation', () => {
  async function invited() {
    const agency = await givenAgency(t.database.db, { name: 'Harbor County Jail' });
    const admin = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    const email = `invitee-${agency.id}@example.test`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/users`,
      headers: await signIn(t.app, t.database.db, admin),
      payload: { invite_name: 'Ivy Invitee', invite_email: email },
    });
    expect(res.statusCode).toBe(200);
    const [user] = await t.database.db.select().from(userAccount).where(eq(userAccount.email, email));
    return { agency, email, user: user!, token: tokenFromEmail(t.mailer.sent, email, 'accept-invite') };
  }
  const accept = (payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/auth/accept-invite', payload });
  const statusOf = async (userId: number) =>
    (
      await t.database.db
        .select({ status: agencyUserAccountAssociation.invitationStatus })
        .from(agencyUserAccountAssociation)
        .where(eq(agencyUserAccountAssociation.userAccountId, userId))
    ).map((row) => row.status);

  it('shows who is invited where, then sets name and password, accepts and signs in', async () => {
    const { email, user, token } = await invited();
    const summary = await t.app.inject({ method: 'GET', url: `/auth/invitation?token=${token}` });
    expect(summary.json()).toEqual({
      email,
      name: 'Ivy Invitee',
      agency_name: 'Harbor County Jail',
      has_account: false,
    });

    const res = await accept({ token, name: 'Ivy I. Invitee', password: 'my own passphrase' });
    expect(res.statusCode).toBe(200);
    expect(await statusOf(user.id)).toEqual(['ACCEPTED']);
    const [row] = await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id));
    expect(row).toMatchObject({ name: 'Ivy I. Invitee', emailVerifiedAt: expect.any(Date) });
    const init = await t.app.inject({
      method: 'GET',
      url: '/api/init',
      headers: { cookie: sessionCookieFrom(res.headers) },
    });
    expect(init.json().user.email).toBe(email);
  });

  it('refuses a weak password and writes nothing', async () => {
    const { user, token } = await invited();
    const res = await expectNoWrites(t.database.db, () => accept({ token, name: 'Ivy', password: 'tooshort' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toBe('password: must be at least 10 characters long (got 8)');
    expect(await statusOf(user.id)).toEqual(['PENDING']);
    const [row] = await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id));
    expect(row?.passwordHash).toBeNull();
    expect(await sessionsOf(user)).toBe(0);
  });

  it('works once', async () => {
    const { token } = await invited();
    expect((await accept({ token, name: 'Ivy', password: 'my own passphrase' })).statusCode).toBe(200);
    const again = await expectNoWrites(t.database.db, () =>
      accept({ token, name: 'Mallory', password: 'another passphrase' }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().description).toContain('this invitation link has already been used');
  });

  it('expires after 7 days', async () => {
    const { user, token } = await invited();
    t.clock.advance(7 * 24 * 60 * 60 * 1000 + 1);
    try {
      const res = await expectNoWrites(t.database.db, () =>
        accept({ token, name: 'Ivy', password: 'my own passphrase' }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().description).toContain('this invitation link expired on');
      expect(await statusOf(user.id)).toEqual(['PENDING']);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('refuses a made-up token', async () => {
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: '/auth/invitation?token=made-up' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('this invitation link is not valid');
  });
});
