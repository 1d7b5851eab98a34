/**
 * Rate limits are counted in the database: two app instances on one database share each count,
 * as two server processes behind a load balancer do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import type { App } from '../../src/http/app-types.ts';
import { givenUser, signIn } from '../support/given.ts';
import { openPrivateDatabase } from '../support/empty-database.ts';
import { recordingMailer, testClock, testConfig } from '../support/test-app.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const clock = testClock();
const mailer = recordingMailer();
const databases: Database[] = [];
let first: App;
let second: App;

beforeAll(async () => {
  const database = await openPrivateDatabase();
  // On PostgreSQL the second instance has its own connection pool; the embedded engine is one process.
  const { driver } = database;
  const other =
    driver.engine === 'postgres' ? await openDatabase({ url: driver.pool.options.connectionString }) : database;
  // The second pool closes first: closing the first drops the database.
  databases.push(...(other === database ? [] : [other]), database);
  const config = testConfig({ rateLimits: { public: 4, api: 3, auth: 2 } });
  first = await buildApp({ database, config, mailer, clock });
  second = await buildApp({ database: other, config, mailer, clock });
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  for (const database of databases) await database.close();
});

const fromAddress = (address: string) => ({ remoteAddress: address });

describe('signed-out requests, per client address', () => {
  it('shares one count between instances and answers 429 with Retry-After once it is used up', async () => {
    const get = (app: App) => app.inject({ method: 'GET', url: '/api/agencies', ...fromAddress('198.51.100.1') });
    for (const app of [first, second, first, second]) expect((await get(app)).statusCode).toBe(200);
    const refused = await expectNoWrites(databases[0]!.db, () => get(second));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', description: expect.stringContaining('Too many') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another address has its own allowance, and /health is never limited.
    expect(
      (await first.inject({ method: 'GET', url: '/api/agencies', ...fromAddress('198.51.100.2') })).statusCode,
    ).toBe(200);
    const health = await first.inject({ method: 'GET', url: '/health', ...fromAddress('198.51.100.1') });
    expect(health.statusCode).toBe(200);
  });

  it('counts failed sign-ins by bearer token against the address', async () => {
    const headers = { authorization: 'Bearer jc_not-a-real-token' };
    const call = () => first.inject({ method: 'GET', url: '/api/init', headers, ...fromAddress('198.51.100.3') });
    for (let i = 0; i < 4; i += 1) expect((await expectNoWrites(databases[0]!.db, () => call())).statusCode).toBe(401);
    expect((await expectNoWrites(databases[0]!.db, () => call())).statusCode).toBe(429);
  });

  it('starts counting again once the minute has passed', async () => {
    const get = () => first.inject({ method: 'GET', url: '/api/agencies', ...fromAddress('198.51.100.4') });
    for (let i = 0; i < 4; i += 1) await get();
    expect((await expectNoWrites(databases[0]!.db, () => get())).statusCode).toBe(429);
    clock.advance(61_000);
    expect((await get()).statusCode).toBe(200);
  });
});

describe('signed-in requests, per user', () => {
  it('limits each user on their own, across instances', async () => {
    const database = databases[0]!;
    const busy = await signIn(first, database.db, await givenUser(database.db), clock);
    const calm = await signIn(first, database.db, await givenUser(database.db), clock);
    // signIn itself made one request per user.
    expect((await second.inject({ method: 'GET', url: '/api/init', headers: busy })).statusCode).toBe(200);
    expect((await first.inject({ method: 'GET', url: '/api/init', headers: busy })).statusCode).toBe(200);
    expect(
      (await expectNoWrites(databases[0]!.db, () => second.inject({ method: 'GET', url: '/api/init', headers: busy })))
        .statusCode,
    ).toBe(429);
    expect((await second.inject({ method: 'GET', url: '/api/init', headers: calm })).statusCode).toBe(200);
  });
});

describe('account pages, stricter per address', () => {
  it('refuses the third password-reset request in a minute and sends nothing for it', async () => {
    const user = await givenUser(databases[0]!.db);
    const ask = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/auth/password-reset/request',
        payload: { email: user.email },
        ...fromAddress('198.51.100.5'),
      });
    expect((await ask(first)).statusCode).toBe(200);
    expect((await ask(second)).statusCode).toBe(200);
    const sentBefore = mailer.sent.length;
    const refused = await expectNoWrites(databases[0]!.db, () => ask(first));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(mailer.sent.length).toBe(sentBefore);
  });
});

describe('a limit of 0', () => {
  it('turns the limit off', async () => {
    const database = databases[0]!;
    const unlimited = await buildApp({ database, config: testConfig(), mailer, clock });
    try {
      for (let i = 0; i < 8; i += 1) {
        const res = await unlimited.inject({ method: 'GET', url: '/api/agencies', ...fromAddress('198.51.100.6') });
        expect(res.statusCode).toBe(200);
      }
    } finally {
      await unlimited.close();
    }
  });
});
