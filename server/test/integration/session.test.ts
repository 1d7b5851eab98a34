import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../../src/db/schema.ts';
import { CSRF_TTL_MS } from '../../src/domain/auth/csrf.ts';
import { SESSION_IDLE_MS } from '../../src/domain/auth/sessions.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/init', () => {
  it('answers signed-out callers with no user and no CSRF token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/init' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ csrf: '', env: 'local', user: null });
  });

  it('returns the user, their agencies and roles, and a CSRF token', async () => {
    const agency = await givenAgency(t.database.db, { name: 'Springfield Police' });
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const headers = await signIn(t.app, t.database.db, user);
    const res = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: headers.cookie } });
    const body = res.json();
    expect(body.csrf).toMatch(/^\d+\.[\w-]+$/);
    expect(body.user).toMatchObject({ id: user.id, email: user.email, isPlatformAdmin: false });
    expect(body.user.agencies).toEqual([
      {
        id: agency.id,
        name: 'Springfield Police',
        systems: ['LAW_ENFORCEMENT'],
        role: 'CONTRIBUTOR',
        is_superagency: false,
        super_agency_id: null,
        is_dashboard_enabled: false,
      },
    ]);
  });
});

describe('sessions', () => {
  it('end after being idle too long', async () => {
    const user = await givenUser(t.database.db);
    const headers = await signIn(t.app, t.database.db, user, t.clock);
    t.clock.advance(SESSION_IDLE_MS + 1000);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: headers.cookie } });
      expect(res.json().user).toBeNull();
    } finally {
      t.clock.set(new Date());
    }
  });

  it('end at sign-out, server-side', async () => {
    const user = await givenUser(t.database.db);
    const headers = await signIn(t.app, t.database.db, user);
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers });
    expect(res.statusCode).toBe(200);
    const rows = await t.database.db.select().from(session).where(eq(session.userAccountId, user.id));
    expect(rows).toEqual([]);
    const after = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: headers.cookie } });
    expect(after.json().user).toBeNull();
  });

  it('refuse signed-out callers on routes that need sign-in with 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without a token, keeping the session', async () => {
    const user = await givenUser(t.database.db);
    const { cookie } = await signIn(t.app, t.database.db, user);
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_invalid', description: expect.stringContaining('missing') });
    expect(await t.database.db.select().from(session).where(eq(session.userAccountId, user.id))).toHaveLength(1);
  });

  it('refuses a forged token', async () => {
    const user = await givenUser(t.database.db);
    const { cookie, 'x-csrf-token': csrf } = await signIn(t.app, t.database.db, user);
    const forged = `${csrf.split('.')[0]}.AAAA${csrf.slice(-10)}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie, 'x-csrf-token': forged },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().description).toContain('The CSRF token is invalid.');
  });

  it("says 'The CSRF token has expired.' for an old token, as the web client expects", async () => {
    const user = await givenUser(t.database.db);
    const headers = await signIn(t.app, t.database.db, user, t.clock);
    t.clock.advance(CSRF_TTL_MS + 1000);
    try {
      // Keep the session alive across the jump by making it look recently used.
      await t.database.db.update(session).set({ lastSeenAt: t.clock.now() }).where(eq(session.userAccountId, user.id));
      const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().description).toContain('The CSRF token has expired.');
    } finally {
      t.clock.set(new Date());
    }
  });
});
