/**
 * Secrets never reach the log: the test reads every line the app wrote while handling requests
 * that carry tokens in their query strings, and an SQL failure whose bound parameters are secrets.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import type { App } from '../../src/http/app-types.ts';
import { loggerOptions } from '../../src/http/log-options.ts';
import { systemClock } from '../../src/ports.ts';
import { recordingMailer, testConfig } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

const lines: string[] = [];
const captured = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});
let app: App;
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({
    database,
    config: testConfig(),
    mailer: recordingMailer(),
    clock: systemClock,
    logger: loggerOptions('info', captured),
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the log', () => {
  it('records requests with their query values redacted', async () => {
    lines.length = 0;
    const token = 'invitation-token-4f2a9c';
    await app.inject({ method: 'GET', url: `/auth/invitation?token=${token}&x=1` });
    await app.inject({ method: 'GET', url: `/oidc/callback?code=sso-code-77&state=sso-state-88` });
    const written = lines.join('');
    expect(written).toContain('/auth/invitation?token=[redacted]&x=[redacted]');
    for (const secret of [token, 'sso-code-77', 'sso-state-88']) expect(written).not.toContain(secret);
  });

  it('records a failed query without its bound parameters', async () => {
    lines.length = 0;
    const secret = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LWhhc2g';
    const failure = await database.db.execute(sql`select ${secret}::int`).catch((error: unknown) => error);
    expect(String(failure), 'the error itself carries the parameter').toContain(secret);
    app.log.error({ err: failure }, 'request failed');
    const written = lines.join('');
    expect(written).toContain('Failed query: select $1::int');
    expect(written).not.toContain(secret);
    expect(written).not.toContain('c2VjcmV0LWhhc2g');
  });
});
