import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { securityEvent } from '../../src/db/schema.ts';
import { givenPassword, GOOD_PASSWORD } from '../support/given-auth.ts';
import { recordSecurityEvent } from '../../src/db/queries/security-events.ts';
import { runSecurityEventsPurgeJob } from '../../src/jobs/purge-security-events.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const DAY = 86_400_000;

const eventsFor = (email: string) =>
  t.database.db.select().from(securityEvent).where(eq(securityEvent.userEmail, email)).orderBy(desc(securityEvent.id));

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });

describe('sign-in events', () => {
  it('records a successful sign-in with who and from where', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    expect((await login(user.email!, GOOD_PASSWORD)).statusCode).toBe(200);
    const [event] = await eventsFor(user.email!);
    expect(event).toMatchObject({
      kind: 'sign_in',
      outcome: 'success',
      userId: user.id,
      clientIp: '127.0.0.1',
      details: { method: 'password' },
    });
  });

  it('records each refused sign-in with its reason, though the answer is the same', async () => {
    const user = await givenUser(t.database.db);
    await givenPassword(t.database.db, user);
    expect((await expectNoWrites(t.database.db, () => login(user.email!, 'not the password'))).statusCode).toBe(401);
    expect((await expectNoWrites(t.database.db, () => login('nobody-here@example.test', 'whatever'))).statusCode).toBe(
      401,
    );
    const [wrong] = await eventsFor(user.email!);
    expect(wrong).toMatchObject({ outcome: 'failure', userId: user.id, details: { reason: 'wrong_password' } });
    const [unknown] = await eventsFor('nobody-here@example.test');
    expect(unknown).toMatchObject({ outcome: 'failure', userId: null, details: { reason: 'unknown_email' } });
  });
});

describe('GET /admin/security-events and /api/agencies/:agencyId/security-events', () => {
  it('records team and token changes with the agency, shows them to its admin and to staff', async () => {
    const agency = await givenAgency(t.database.db);
    const admin = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const headers = await signIn(t.app, t.database.db, admin, t.clock);
    const invite = {
      invite_name: 'New Analyst',
      invite_email: `analyst-${agency.id}@example.test`,
      invite_role: 'CONTRIBUTOR',
    };
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/users`,
      headers,
      payload: invite,
    });
    expect(invited.statusCode).toBe(200);
    const token = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/api_tokens`,
      headers,
      payload: { name: 'nightly export' },
    });
    expect(token.statusCode).toBe(200);

    const own = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/security-events`, headers });
    expect(own.statusCode).toBe(200);
    const kinds = own.json().events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['api_token_created', 'member_invited']);
    expect(own.json().events[1]).toMatchObject({
      user_id: admin.id,
      agency_id: agency.id,
      agency_name: agency.name,
      client_ip: '127.0.0.1',
      details: { invite_email: invite.invite_email, invite_role: 'CONTRIBUTOR' },
    });
    expect(JSON.stringify(own.json())).not.toContain(token.json().token);

    const staff = await signIn(
      t.app,
      t.database.db,
      await givenUser(t.database.db, { isPlatformAdmin: true }),
      t.clock,
    );
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/admin/security-events?agency_id=${agency.id}&kind=member_invited`,
      headers: staff,
    });
    expect(filtered.json()).toMatchObject({ total: 1, events: [{ kind: 'member_invited' }] });
    const csv = await t.app.inject({
      method: 'GET',
      url: `/admin/security-events/csv?agency_id=${agency.id}`,
      headers: staff,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('time,kind,outcome');
    expect(csv.body).toContain('api_token_created');
    // The export is itself recorded.
    const exports = await t.app.inject({ method: 'GET', url: '/admin/security-events?kind=export', headers: staff });
    expect(exports.json().events[0]).toMatchObject({
      kind: 'export',
      details: { route: 'GET /admin/security-events/csv' },
    });
  });

  it('records admin panel changes as admin actions', async () => {
    const staffUser = await givenUser(t.database.db, { isPlatformAdmin: true });
    const staff = await signIn(t.app, t.database.db, staffUser, t.clock);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/admin/vendors',
      headers: staff,
      payload: { name: 'Audit Vendor', url: '' },
    });
    expect(res.statusCode).toBeLessThan(300);
    const list = await t.app.inject({
      method: 'GET',
      url: `/admin/security-events?user_id=${staffUser.id}`,
      headers: staff,
    });
    expect(list.json().events[0]).toMatchObject({ kind: 'admin_action', details: { route: 'PUT /admin/vendors' } });
  });

  it('hides an agency from outsiders (404), refuses contributors (403) and non-staff (403)', async () => {
    const agency = await givenAgency(t.database.db);
    const outsider = await signIn(t.app, t.database.db, await givenUser(t.database.db), t.clock);
    const contributor = await signIn(
      t.app,
      t.database.db,
      await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' }),
      t.clock,
    );
    const url = `/api/agencies/${agency.id}/security-events`;
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url, headers: outsider }))).statusCode,
    ).toBe(404);
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url, headers: contributor })))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await expectNoWrites(t.database.db, () =>
          t.app.inject({ method: 'GET', url: '/admin/security-events', headers: contributor }),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url: '/admin/security-events' })))
        .statusCode,
    ).toBe(401);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const staff = await signIn(
      t.app,
      t.database.db,
      await givenUser(t.database.db, { isPlatformAdmin: true }),
      t.clock,
    );
    for (const [query, field] of [
      ['kind=coffee_break', 'kind'],
      ['from=2026-13-01', 'from'],
      ['from=2026-05-02&to=2026-05-01', 'from'],
      ['limit=100000', 'limit'],
      ['user_id=abc', 'user_id'],
    ] as const) {
      const res = await expectNoWrites(t.database.db, () =>
        t.app.inject({ method: 'GET', url: `/admin/security-events?${query}`, headers: staff }),
      );
      expect(res.statusCode, query).toBe(400);
      expect(res.json().description, query).toContain(field);
    }
  });

  it('filters by days, both included', async () => {
    const staff = await signIn(
      t.app,
      t.database.db,
      await givenUser(t.database.db, { isPlatformAdmin: true }),
      t.clock,
    );
    const email = `dated-${Date.now()}@example.test`;
    for (const at of ['2025-03-01T23:59:00Z', '2025-03-02T00:00:00Z', '2025-03-03T00:00:00Z']) {
      await recordSecurityEvent(t.database.db, { kind: 'sign_in', userId: null, userEmail: email, at: new Date(at) });
    }
    const res = await t.app.inject({
      method: 'GET',
      url: `/admin/security-events?email=${encodeURIComponent(email)}&from=2025-03-02&to=2025-03-02`,
      headers: staff,
    });
    expect(res.json().total).toBe(1);
  });

  it('names the person of an event recorded with only who they are, and finds it by their email', async () => {
    const staff = await signIn(
      t.app,
      t.database.db,
      await givenUser(t.database.db, { isPlatformAdmin: true }),
      t.clock,
    );
    const user = await givenUser(t.database.db);
    await recordSecurityEvent(t.database.db, { kind: 'two_factor_recovery_code_used', userId: user.id });
    const res = await t.app.inject({
      method: 'GET',
      url: `/admin/security-events?email=${encodeURIComponent(user.email!)}`,
      headers: staff,
    });
    expect(res.json()).toMatchObject({
      total: 1,
      events: [{ kind: 'two_factor_recovery_code_used', user_id: user.id, user_email: user.email }],
    });
  });
});

describe('retention', () => {
  it('the daily job deletes events older than the retention period, once a day', async () => {
    const email = `old-${Date.now()}@example.test`;
    // The job runs once per day and remembers it in the database: a day of its own per run keeps a re-run
    // against the same PostgreSQL database from finding today's run already done.
    const now = new Date(Date.UTC(2100, 0, 1) + (Math.floor(Date.now() / 60_000) % 1_000_000) * DAY);
    const daysBefore = (days: number) => new Date(now.getTime() - days * DAY);
    await recordSecurityEvent(t.database.db, { kind: 'sign_in', userId: null, userEmail: email, at: daysBefore(61) });
    await recordSecurityEvent(t.database.db, { kind: 'sign_in', userId: null, userEmail: email, at: daysBefore(2) });
    const first = await runSecurityEventsPurgeJob(t.database.db, { now, retentionDays: 30 });
    expect(first.ran).toBe(true);
    expect((await eventsFor(email)).map((e) => e.occurredAt.getTime())).toEqual([daysBefore(2).getTime()]);
    expect((await runSecurityEventsPurgeJob(t.database.db, { now, retentionDays: 30 })).ran).toBe(false);
  });
});
