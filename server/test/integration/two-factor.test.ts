/**
 * Two-factor sign-in through HTTP: enrolment, the code step after the password, replayed and
 * wrong codes, the shared throttle, one-time recovery codes, the staff and agency requirements,
 * and bad input refused with nothing written.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { securityEvent, twoFactor, twoFactorRecoveryCode } from '../../src/db/schema.ts';
import { MAX_LOGIN_FAILURES } from '../../src/domain/auth/login-throttle.ts';
import { codeAt } from '../../src/domain/auth/totp-rules.ts';
import { givenPassword, GOOD_PASSWORD, sessionCookieFrom, tokenFromEmail } from '../support/given-auth.ts';
import { givenAgency, givenUser, signIn, type SignedIn, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const STEP_MS = 30_000;
type Body = Record<string, unknown>;

const post = (url: string, payload: Body, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

const login = (user: UserRow) => post('/auth/login', { email: user.email!, password: GOOD_PASSWORD });

/** The code the person's app shows now; the clock moves on a step so the next code is new. */
function nextCode(secret: string): string {
  t.clock.advance(STEP_MS);
  return codeAt(secret, t.clock.now());
}

async function passwordUser(options: Parameters<typeof givenUser>[1] = {}): Promise<UserRow> {
  const user = await givenUser(t.database.db, options);
  await givenPassword(t.database.db, user);
  return user;
}

/** Turns two-factor sign-in on from Settings; returns the secret and the recovery codes. */
async function enrolled(user: UserRow): Promise<{ secret: string; codes: string[]; tab: SignedIn }> {
  const tab = await signIn(t.app, t.database.db, user, t.clock);
  const started = await post('/api/users/two-factor/enrolment', {}, tab);
  expect(started.statusCode).toBe(200);
  const { secret } = started.json() as { secret: string };
  const confirmed = await post('/api/users/two-factor/enrolment/confirm', { code: nextCode(secret) }, tab);
  expect(confirmed.statusCode).toBe(200);
  return { secret, codes: (confirmed.json() as { recovery_codes: string[] }).recovery_codes, tab };
}

/** The sign-in token a correct password hands out, checking the step asked for. */
async function signInToken(user: UserRow, step: 'code' | 'enrol'): Promise<string> {
  const answer = await login(user);
  expect(answer.statusCode).toBe(200);
  expect(answer.headers['set-cookie']).toBeUndefined();
  const body = answer.json() as { two_factor: { step: string; token: string } };
  expect(body.two_factor.step).toBe(step);
  return body.two_factor.token;
}

const eventsOf = (userId: number) =>
  t.database.db.select().from(securityEvent).where(eq(securityEvent.userId, userId)).orderBy(desc(securityEvent.id));

const unusedCodes = (userId: number) =>
  t.database.db
    .select()
    .from(twoFactorRecoveryCode)
    .where(and(eq(twoFactorRecoveryCode.userAccountId, userId), isNull(twoFactorRecoveryCode.usedAt)));

describe('enrolment from Settings', () => {
  it('shows a QR code and a secret, turns on with a right code, and keeps only hashes of the recovery codes', async () => {
    const user = await passwordUser();
    const tab = await signIn(t.app, t.database.db, user, t.clock);
    const started = (await post('/api/users/two-factor/enrolment', {}, tab)).json() as Body;
    expect(started.link).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((started.qr_rows as string[]).length).toBeGreaterThan(20);
    const secret = started.secret as string;

    const wrong = await expectNoWrites(t.database.db, () =>
      post('/api/users/two-factor/enrolment/confirm', { code: '000000' }, tab),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: [{ field: 'code' }] });
    expect(await unusedCodes(user.id)).toHaveLength(0);

    const right = await post('/api/users/two-factor/enrolment/confirm', { code: nextCode(secret) }, tab);
    const codes = (right.json() as { recovery_codes: string[] }).recovery_codes;
    expect(codes).toHaveLength(10);
    const stored = await unusedCodes(user.id);
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    const status = await t.app.inject({ method: 'GET', url: '/api/users/two-factor', headers: tab });
    expect(status.json()).toEqual({ enabled: true, required_by: null, has_password: true, recovery_codes_left: 10 });
    expect((await eventsOf(user.id))[0]).toMatchObject({ kind: 'two_factor_enabled', outcome: 'success' });
  });

  it('refuses to start again while it is on', async () => {
    const user = await passwordUser();
    const { tab } = await enrolled(user);
    expect(
      (await expectNoWrites(t.database.db, () => post('/api/users/two-factor/enrolment', {}, tab))).statusCode,
    ).toBe(409);
  });
});

describe('signing in with a code', () => {
  it('asks for a code after the password and signs in only with a right one', async () => {
    const user = await passwordUser();
    const { secret } = await enrolled(user);
    const token = await signInToken(user, 'code');

    const wrong = await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code: '123456' }));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await eventsOf(user.id))[0]).toMatchObject({ kind: 'sign_in', outcome: 'failure' });

    const right = await post('/auth/two-factor', { token, code: nextCode(secret) });
    expect(right.statusCode).toBe(200);
    const cookie = sessionCookieFrom(right.headers);
    const init = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie } });
    expect(init.json()).toMatchObject({ user: { email: user.email } });
    expect((await eventsOf(user.id))[0]).toMatchObject({ kind: 'sign_in', details: { two_factor: 'totp' } });
    // The sign-in token is used up with the session.
    expect(
      (await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code: nextCode(secret) })))
        .statusCode,
    ).toBe(400);
  });

  it('refuses a code that was already accepted', async () => {
    const user = await passwordUser();
    const { secret } = await enrolled(user);
    const code = nextCode(secret);
    expect((await post('/auth/two-factor', { token: await signInToken(user, 'code'), code })).statusCode).toBe(200);
    const token = await signInToken(user, 'code');
    const replayed = await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code }));
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ description: expect.stringContaining('used already') });
  });

  it(`stops checking codes after ${MAX_LOGIN_FAILURES} wrong ones, even a right one`, async () => {
    const user = await passwordUser();
    const { secret } = await enrolled(user);
    const token = await signInToken(user, 'code');
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
      expect(
        (await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code: `00000${i}` }))).statusCode,
      ).toBe(401);
    }
    const throttled = await expectNoWrites(t.database.db, () =>
      post('/auth/two-factor', { token, code: nextCode(secret) }),
    );
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['set-cookie']).toBeUndefined();
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const user = await passwordUser();
    const { codes } = await enrolled(user);
    const typed = codes[0]!.toLowerCase().replace('-', ' ');
    const used = await post('/auth/two-factor', { token: await signInToken(user, 'code'), code: typed });
    expect(used.statusCode).toBe(200);
    expect(await unusedCodes(user.id)).toHaveLength(9);
    expect((await eventsOf(user.id)).map((e) => e.kind)).toContain('two_factor_recovery_code_used');
    const token = await signInToken(user, 'code');
    const again = await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code: codes[0]! }));
    expect(again.statusCode).toBe(401);
  });

  it('asks for the code after a password reset too', async () => {
    const user = await passwordUser();
    await enrolled(user);
    await post('/auth/password-reset/request', { email: user.email! });
    const token = tokenFromEmail(t.mailer.sent, user.email!, 'reset-password');
    const reset = await post('/auth/password-reset', { token, password: 'a brand new password here' });
    expect(reset.statusCode).toBe(200);
    expect(reset.headers['set-cookie']).toBeUndefined();
    expect(reset.json()).toMatchObject({ two_factor: { step: 'code' } });
  });
});

describe('who must use it', () => {
  it('leads staff without it to enrol before their first session, and will not let them turn it off', async () => {
    const staff = await passwordUser({ isPlatformAdmin: true });
    const token = await signInToken(staff, 'enrol');
    expect(
      (await expectNoWrites(t.database.db, () => post('/auth/two-factor', { token, code: '123456' }))).statusCode,
    ).toBe(401);
    const started = await post('/auth/two-factor/enrolment', { token });
    const { secret } = started.json() as { secret: string };
    const confirmed = await post('/auth/two-factor/enrolment/confirm', { token, code: nextCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    expect((confirmed.json() as { recovery_codes: string[] }).recovery_codes).toHaveLength(10);
    const cookie = sessionCookieFrom(confirmed.headers);
    const init = (await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie } })).json() as Body;
    const tab = { cookie, 'x-csrf-token': init.csrf as string };
    const off = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/users/two-factor',
        payload: { code: nextCode(secret) },
        headers: tab,
      }),
    );
    expect(off.statusCode).toBe(409);
    expect(await signInToken(staff, 'code')).toBeTruthy();
  });

  it("leads members to enrol once their agency's admin requires it, and records the change", async () => {
    const agency = await givenAgency(t.database.db);
    const admin = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const member = await passwordUser({ agency, role: 'CONTRIBUTOR' });
    const setting = { settings: [{ setting_type: 'REQUIRE_TWO_FACTOR', value: true }] };
    const asMember = await signIn(t.app, t.database.db, member, t.clock);
    const refused = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/agencies/${agency.id}`,
        payload: setting,
        headers: asMember,
      }),
    );
    expect(refused.statusCode).toBe(403);
    expect(sessionCookieFrom((await login(member)).headers)).toMatch(/^jc_session=/);

    const asAdmin = await signIn(t.app, t.database.db, admin, t.clock);
    const url = `/api/agencies/${agency.id}`;
    expect((await t.app.inject({ method: 'PATCH', url, payload: setting, headers: asAdmin })).statusCode).toBe(200);
    expect((await eventsOf(admin.id))[0]).toMatchObject({
      kind: 'two_factor_required_changed',
      agencyId: agency.id,
      details: { required: true },
    });
    expect(await signInToken(member, 'enrol')).toBeTruthy();
  });
});

describe('turning it off', () => {
  it('needs a right code, then deletes the secret and the recovery codes', async () => {
    const user = await passwordUser();
    const { secret, tab } = await enrolled(user);
    const off = (code: string) =>
      t.app.inject({ method: 'DELETE', url: '/api/users/two-factor', payload: { code }, headers: tab });
    expect((await expectNoWrites(t.database.db, () => off('999999'))).statusCode).toBe(401);
    expect((await off(nextCode(secret))).statusCode).toBe(200);
    expect(await t.database.db.select().from(twoFactor).where(eq(twoFactor.userAccountId, user.id))).toHaveLength(0);
    expect(await unusedCodes(user.id)).toHaveLength(0);
    expect((await eventsOf(user.id))[0]).toMatchObject({ kind: 'two_factor_disabled' });
    expect(sessionCookieFrom((await login(user)).headers)).toMatch(/^jc_session=/);
  });
});

describe('bad input', () => {
  it('names the field and writes nothing', async () => {
    const user = await passwordUser();
    const { secret, tab } = await enrolled(user);
    const token = await signInToken(user, 'code');
    const before = (await eventsOf(user.id)).length;
    const cases: [string, Body, string][] = [
      ['/auth/two-factor', { token, code: 'abc' }, 'code'],
      ['/auth/two-factor', { token, code: '12345\u0000' }, 'code'],
      ['/auth/two-factor', { token: 'x\u0000y', code: '123456' }, 'token'],
      ['/auth/two-factor', { token: 'not-a-sign-in-token', code: '123456' }, 'token'],
      ['/auth/two-factor', { code: '123456' }, 'token'],
      ['/auth/two-factor/enrolment', { token: 42 }, 'token'],
      ['/api/users/two-factor/recovery-codes', { code: ['123456'] }, 'code'],
    ];
    for (const [url, payload, field] of cases) {
      const answer = await expectNoWrites(t.database.db, () => post(url, payload, url.startsWith('/api') ? tab : {}));
      expect(answer.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(JSON.stringify(answer.json())).toContain(field);
    }
    expect((await eventsOf(user.id)).length).toBe(before);
    expect(await unusedCodes(user.id)).toHaveLength(10);
    // The sign-in token still works: nothing above used it up.
    expect((await post('/auth/two-factor', { token, code: nextCode(secret) })).statusCode).toBe(200);
  });
});
