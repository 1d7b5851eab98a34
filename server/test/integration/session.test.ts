import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { session } from '../../src/db/schema.ts';
import { CSRF_TTL_MS } from '../../src/domain/auth/csrf.ts';
import { SESSION_IDLE_MS } from '../../src/domain/auth/sessions.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { agencyRules } from '../../src/domain/permissions.ts';
import { givenAgency, givenMembership, givenUser, signIn } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

describe('GET /api/init', () => {
  it('answers signed-out callers with no user and no CSRF token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/init' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      csrf: '',
      env: 'local',
      today: t.clock.now().toISOString().slice(0, 10),
      user: null,
      analytics: null,
    });
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
        can: expect.objectContaining({ 'reports.edit': true, 'reports.create': false }),
        grantable_roles: ['CONTRIBUTOR', 'READ_ONLY'],
      },
    ]);
    expect(body.user.staff_abilities).toBeNull();
  });

  it('names the agency the person opened last (their latest page visit), and none before any', async () => {
    const first = await givenAgency(t.database.db, { name: 'Albany Police' });
    const second = await givenAgency(t.database.db, { name: 'Bergen Jail' });
    const user = await givenUser(t.database.db, { agency: first, role: 'CONTRIBUTOR' });
    await givenMembership(t.database.db, user, second, 'READ_ONLY');
    const headers = await signIn(t.app, t.database.db, user);
    const lastAgency = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/init', headers })).json().user.last_agency_id;
    const visit = (agencyId: number) =>
      t.app.inject({ method: 'PUT', url: `/api/${user.id}/${agencyId}/page_visit`, headers, payload: {} });
    expect(await lastAgency()).toBeNull();
    expect((await visit(second.id)).statusCode).toBe(200);
    expect(await lastAgency()).toBe(second.id);
    t.clock.advance(60_000);
    await visit(first.id);
    expect(await lastAgency()).toBe(first.id);
  });
});

describe('GET /api/init analytics', () => {
  const segment = { writeKey: 'key-1', cdnUrl: 'https://cdn.segment.test', apiUrl: 'https://api.segment.test/v1' };
  const analyticsOf = async (cookie?: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/init', headers: cookie ? { cookie } : {} });
    return { analytics: res.json().analytics, csp: String(res.headers['content-security-policy']) };
  };

  it('is off without SEGMENT_KEY: nothing for the web app, nothing more in connect-src', async () => {
    expect(await analyticsOf()).toEqual({ analytics: null, csp: expect.stringContaining("connect-src 'self';") });
  });

  it('gives the set-up and an opaque id per person, the same on each visit, and lets the page reach Segment', async () => {
    t.config.segment = segment;
    try {
      const agency = await givenAgency(t.database.db);
      const [ada, bob] = [await givenUser(t.database.db, { agency }), await givenUser(t.database.db, { agency })];
      const adaCookie = (await signIn(t.app, t.database.db, ada)).cookie;
      const first = await analyticsOf(adaCookie);
      expect(first.analytics).toEqual({
        write_key: 'key-1',
        cdn_url: 'https://cdn.segment.test',
        api_url: 'https://api.segment.test/v1',
        user_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect((await analyticsOf(adaCookie)).analytics.user_id).toBe(first.analytics.user_id);
      const bobs = await analyticsOf((await signIn(t.app, t.database.db, bob)).cookie);
      expect(bobs.analytics.user_id).not.toBe(first.analytics.user_id);
      expect((await analyticsOf()).analytics.user_id).toBeNull();
      expect(first.csp).toContain("connect-src 'self' https://cdn.segment.test https://api.segment.test;");
    } finally {
      t.config.segment = undefined;
    }
  });
});

describe('GET /app_public_config.js', () => {
  /** Runs the script as a page would, and returns the globals it set. */
  const load = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/app_public_config.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const window: Record<string, unknown> = {};
    new Function('window', res.body)(window);
    return { window, body: res.body };
  };

  it('sets APP_CONFIG for pages loaded before sign-in, and no Segment key when analytics is off', async () => {
    const { window } = await load();
    expect(window).toEqual({
      APP_CONFIG: { environment: 'local', public_url: t.config.publicUrl, single_sign_on: false, analytics: null },
      SEGMENT_KEY: null,
    });
  });

  it("gives Segment's public write key when configured, and nothing secret", async () => {
    t.config.segment = {
      writeKey: 'key-</script>',
      cdnUrl: 'https://cdn.segment.test',
      apiUrl: 'https://api.segment.test/v1',
    };
    try {
      const { window, body } = await load();
      expect(window.SEGMENT_KEY).toBe('key-</script>');
      expect(window.APP_CONFIG).toMatchObject({
        analytics: {
          write_key: 'key-</script>',
          cdn_url: 'https://cdn.segment.test',
          api_url: 'https://api.segment.test/v1',
        },
      });
      expect(body).not.toContain('</script>');
      expect(body).not.toContain(t.config.sessionSecret!);
    } finally {
      t.config.segment = undefined;
    }
  });
});

describe('GET /api/init abilities', () => {
  const initAs = async (role: AgencyRole | null, isPlatformAdmin = false) => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { isPlatformAdmin });
    await givenMembership(t.database.db, user, agency, role);
    const { cookie } = await signIn(t.app, t.database.db, user);
    const res = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie } });
    return res.json().user;
  };
  /** The actions allowed, as the web app reads them. */
  const allowed = (can: Record<string, boolean>) =>
    Object.entries(can)
      .filter(([, yes]) => yes)
      .map(([action]) => action);
  const VIEW = ['agency.view', 'team.view', 'membership.edit_own', 'metrics.view', 'reports.view', 'uploads.view'];
  const EDIT = [
    'agency.rename_children',
    'team.invite',
    'reports.edit',
    'reports.publish',
    'uploads.create',
    'api_tokens.manage',
  ];
  const ADMIN = ['agency.edit', 'team.manage', 'metrics.edit', 'reports.create', 'security_events.view'];

  it.each([
    ['READ_ONLY', VIEW, []],
    [null, VIEW, []],
    ['CONTRIBUTOR', [...VIEW, ...EDIT], ['CONTRIBUTOR', 'READ_ONLY']],
    ['AGENCY_ADMIN', [...VIEW, ...EDIT, ...ADMIN], ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']],
  ] as const)('gives a %s member exactly what the permission table allows', async (role, actions, roles) => {
    const user = await initAs(role);
    const [agency] = user.agencies;
    expect(Object.keys(agency.can).sort()).toEqual(Object.keys(agencyRules).sort());
    expect(allowed(agency.can).sort()).toEqual([...actions].sort());
    expect(agency.grantable_roles).toEqual(roles);
    expect(user.staff_abilities).toBeNull();
  });

  it('lets agency admins delete neither records nor uploads; Justice Counts staff may, everywhere', async () => {
    const admin = await initAs('AGENCY_ADMIN');
    expect(admin.agencies[0].can).toMatchObject({ 'reports.delete': false, 'uploads.delete': false });
    const staff = await initAs('CONTRIBUTOR', true);
    expect(allowed(staff.agencies[0].can)).toEqual(Object.keys(agencyRules));
    expect(allowed(staff.staff_abilities.can)).toEqual(Object.keys(agencyRules));
    expect(staff.staff_abilities.grantable_roles).toEqual(['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);
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
    const res = await expectNoWrites(t.database.db, () => t.app.inject({ method: 'POST', url: '/auth/logout' }));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without a token, keeping the session', async () => {
    const user = await givenUser(t.database.db);
    const { cookie } = await signIn(t.app, t.database.db, user);
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_invalid', description: expect.stringContaining('missing') });
    expect(await t.database.db.select().from(session).where(eq(session.userAccountId, user.id))).toHaveLength(1);
  });

  it('refuses a forged token', async () => {
    const user = await givenUser(t.database.db);
    const { cookie, 'x-csrf-token': csrf } = await signIn(t.app, t.database.db, user);
    const forged = `${csrf.split('.')[0]}.AAAA${csrf.slice(-10)}`;
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/logout',
        headers: { cookie, 'x-csrf-token': forged },
      }),
    );
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
      const res = await expectNoWrites(t.database.db, () =>
        t.app.inject({ method: 'POST', url: '/auth/logout', headers }),
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().description).toContain('The CSRF token has expired.');
    } finally {
      t.clock.set(new Date());
    }
  });
});
