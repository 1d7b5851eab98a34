/**
 * Email through real SMTP: the app's own mailer (SMTP_URL set) talks to an SMTP server on
 * loopback; the test reads the invitation that arrived and follows its link.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import { emailOutbox } from '../../src/db/schema.ts';
import { createMailer } from '../../src/email/create-mailer.ts';
import type { App } from '../../src/http/app-types.ts';
import { systemClock } from '../../src/ports.ts';
import { sessionCookieFrom } from '../support/given-auth.ts';
import { bodyOf, type LoopbackSmtp, startLoopbackSmtp } from '../support/loopback-smtp.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { testConfig } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

let smtp: LoopbackSmtp;
let app: App;
let database: Database;
const publicUrl = 'http://publisher.example.test';

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  database = await openTestDatabase();
  const config = testConfig({ smtpUrl: smtp.url, publicUrl });
  app = await buildApp({ database, config, mailer: createMailer(database, config), clock: systemClock });
});
afterAll(async () => {
  await app.close();
  await database.close();
  await smtp.close();
});

describe('invitation email over SMTP', () => {
  it('arrives at the SMTP server with a link that accepts the invitation', async () => {
    const agency = await givenAgency(database.db, { name: 'Mailing County' });
    const admin = await givenUser(database.db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    const email = `smtp-invitee-${agency.id}@example.test`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/users`,
      headers: await signIn(app, database.db, admin),
      payload: { invite_name: 'Sam Smtp', invite_email: email },
    });
    expect(res.statusCode).toBe(200);

    const message = smtp.arrived.find((m) => m.to.includes(email));
    expect(message, 'the invitation reached the SMTP server').toBeDefined();
    expect(message!.raw).toMatch(/Subject: You are invited to Mailing County/);
    const body = bodyOf(message!.raw);
    expect(body).toContain('Ada Admin has invited you to join Mailing County');
    const link = body.match(/(http:\/\/publisher\.example\.test\/accept-invite\?token=\S+)/)?.[1];
    expect(link).toBeDefined();

    const token = new URL(link!).searchParams.get('token')!;
    const summary = await app.inject({ method: 'GET', url: `/auth/invitation?token=${encodeURIComponent(token)}` });
    expect(summary.json()).toMatchObject({ email, agency_name: 'Mailing County', has_account: false });
    const accepted = await app.inject({
      method: 'POST',
      url: '/auth/accept-invite',
      payload: { token, name: 'Sam Smtp', password: 'arrived by smtp, really' },
    });
    expect(accepted.statusCode).toBe(200);
    const init = await app.inject({
      method: 'GET',
      url: '/api/init',
      headers: { cookie: sessionCookieFrom(accepted.headers) },
    });
    expect(init.json().user.agencies.map((a: { name: string }) => a.name)).toEqual(['Mailing County']);

    const [outbox] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(outbox?.sentAt).toBeInstanceOf(Date);
    expect(outbox?.subject).toMatch(/^You are invited to Mailing County/);
    expect(outbox?.textBody, 'the body with its link is purged once sent').toBe('');
  });
});
