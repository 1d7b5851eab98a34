/**
 * The sign-in throttle counts each attempt in one statement before the password is checked, so
 * guesses sent all at once cannot slip past it, and it believes X-Forwarded-For only from the
 * proxies named in TRUST_PROXY.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { securityEvent } from '../../src/db/schema.ts';
import { MAX_LOGIN_FAILURES } from '../../src/domain/auth/login-throttle.ts';
import { givenPassword, GOOD_PASSWORD } from '../support/given-auth.ts';
import { givenUser } from '../support/given.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function appWith(config: Partial<Config> = {}): Promise<TestApp> {
  t = await createTestApp({ config });
  return t;
}

const login = (app: TestApp, email: string, password: string, forwardedFor?: string) =>
  app.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

const checkedGuesses = async (app: TestApp, userId: number) => {
  const rows = await app.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(securityEvent)
    .where(and(eq(securityEvent.userId, userId), sql`${securityEvent.details}->>'reason' = 'wrong_password'`));
  return rows[0]!.n;
};

// Argon2 checks on a loaded machine: generous time, no timing asserted.
describe('the sign-in throttle', { timeout: 180_000 }, () => {
  it(`checks only ${MAX_LOGIN_FAILURES} of 30 wrong passwords sent at once`, async () => {
    const app = await appWith();
    const user = await givenUser(app.database.db);
    await givenPassword(app.database.db, user);
    const answers = await expectNoWrites(app.database.db, () =>
      Promise.all(Array.from({ length: 30 }, (_, i) => login(app, user.email!, `wrong guess ${i}`))),
    );
    const statuses = answers.map((res) => res.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_LOGIN_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - MAX_LOGIN_FAILURES);
    expect(await checkedGuesses(app, user.id)).toBe(MAX_LOGIN_FAILURES);
    expect((await expectNoWrites(app.database.db, () => login(app, user.email!, GOOD_PASSWORD))).statusCode).toBe(429);
  });

  it('starts again after a successful sign-in', async () => {
    const app = await appWith();
    const user = await givenUser(app.database.db);
    await givenPassword(app.database.db, user);
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i += 1) await login(app, user.email!, `wrong ${i}`);
    expect((await login(app, user.email!, GOOD_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i += 1) {
      expect(
        (await expectNoWrites(app.database.db, () => login(app, user.email!, `wrong again ${i}`))).statusCode,
      ).toBe(401);
    }
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, even in production', async () => {
    const app = await appWith({ mode: 'production', trustProxy: [] });
    const user = await givenUser(app.database.db);
    await givenPassword(app.database.db, user);
    for (let i = 0; i < MAX_LOGIN_FAILURES; i += 1) {
      expect(
        (await expectNoWrites(app.database.db, () => login(app, user.email!, `wrong ${i}`, `203.0.113.${i + 1}`)))
          .statusCode,
      ).toBe(401);
    }
    expect(
      (await expectNoWrites(app.database.db, () => login(app, user.email!, GOOD_PASSWORD, '203.0.113.99'))).statusCode,
    ).toBe(429);
    const [event] = await app.database.db
      .select()
      .from(securityEvent)
      .where(eq(securityEvent.userId, user.id))
      .limit(1);
    expect(event?.clientIp).toBe('127.0.0.1');
  });

  it('counts per forwarded address when the request comes from a trusted proxy', async () => {
    const app = await appWith({ trustProxy: ['127.0.0.0/8'] });
    const user = await givenUser(app.database.db);
    await givenPassword(app.database.db, user);
    for (let i = 0; i < MAX_LOGIN_FAILURES; i += 1) await login(app, user.email!, `wrong ${i}`, '203.0.113.7');
    expect(
      (await expectNoWrites(app.database.db, () => login(app, user.email!, GOOD_PASSWORD, '203.0.113.7'))).statusCode,
    ).toBe(429);
    expect((await login(app, user.email!, GOOD_PASSWORD, '203.0.113.8')).statusCode).toBe(200);
    const [event] = await app.database.db
      .select()
      .from(securityEvent)
      .where(and(eq(securityEvent.userId, user.id), eq(securityEvent.outcome, 'success')));
    expect(event?.clientIp).toBe('203.0.113.8');
  });
});
