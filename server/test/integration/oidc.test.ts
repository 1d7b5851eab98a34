/**
 * Single sign-on through the full redirect flow against a real OpenID Connect provider
 * (oidc-provider with its development login and consent pages) on loopback. The browser is
 * played by hand: redirects are followed one by one, cookies carried, forms submitted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { session, userAccount } from '../../src/db/schema.ts';
import { givenAgency, givenUser } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';

let providerServer: Server;
let issuer!: string;
/** What the provider says about each account (the login typed on its sign-in page). */
const accounts = new Map<string, { email: string; email_verified: boolean; name: string }>();

async function startProvider(redirectUri: string): Promise<void> {
  providerServer = createServer();
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'publisher',
        client_secret: 'publisher-secret',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
  });
  providerServer.on('request', provider.callback());
}

const publicUrl = 'http://127.0.0.1:3000';
await startProvider(`${publicUrl}/auth/oidc/callback`);
afterAll(() => providerServer.close());
const { t } = await testFile({
  config: { publicUrl, oidc: { issuer, clientId: 'publisher', clientSecret: 'publisher-secret' } },
});

/** Cookies of one site, as a browser would keep them. */
class CookieJar {
  private cookies = new Map<string, string>();
  store(setCookie: string[] | string | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function formOf(html: string, login: string): { action: string; body: URLSearchParams } {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`no form on the provider page:\n${html.slice(0, 500)}`);
  const body = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    body.set(name!, value!);
  }
  if (html.includes('name="login"')) {
    body.set('login', login);
    body.set('password', 'anything');
  }
  return { action: action.replaceAll('&amp;', '&'), body };
}

/**
 * Starts at our /auth/oidc/login, signs in at the provider as `login`, and returns our
 * callback's answer plus the session cookie it set (if any).
 */
async function signInThroughProvider(login: string, returnTo = '/agency/1/settings') {
  const app = new CookieJar();
  const idp = new CookieJar();
  const start = await t.app.inject({
    method: 'GET',
    url: `/auth/oidc/login?return_to=${encodeURIComponent(returnTo)}`,
  });
  expect(start.statusCode).toBe(302);
  app.store(start.headers['set-cookie'] as string[]);
  let next: { url: string; method: string; body?: URLSearchParams } = { url: start.headers.location!, method: 'GET' };
  for (let step = 0; step < 20; step += 1) {
    if (next.url.startsWith(t.config.publicUrl)) {
      const res = await t.app.inject({
        method: 'GET',
        url: next.url.slice(t.config.publicUrl.length),
        headers: { cookie: app.header() },
      });
      app.store(res.headers['set-cookie'] as string[]);
      return { res, cookie: app.header() };
    }
    const res = await fetch(new URL(next.url, issuer), {
      method: next.method,
      body: next.body,
      redirect: 'manual',
      headers: { cookie: idp.header() },
    });
    idp.store(res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (location) {
      next = { url: new URL(location, issuer).href, method: 'GET' };
      continue;
    }
    const form = formOf(await res.text(), login);
    next = { url: new URL(form.action, issuer).href, method: 'POST', body: form.body };
  }
  throw new Error('the sign-in flow did not come back to the app');
}

describe('single sign-on (OpenID Connect)', () => {
  it('signs a known user in through the full redirect flow and reaches /api/init', async () => {
    const agency = await givenAgency(t.database.db, { name: 'SSO County' });
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    accounts.set(`idp-${user.id}`, { email: user.email!.toUpperCase(), email_verified: true, name: 'From IdP' });

    const { res, cookie } = await signInThroughProvider(`idp-${user.id}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/agency/1/settings');
    expect(String(res.headers['set-cookie'])).toMatch(/jc_session=.*HttpOnly.*SameSite=Lax/);

    const init = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie } });
    expect(init.json().user).toMatchObject({
      id: user.id,
      email: user.email,
      agencies: [{ id: agency.id, name: 'SSO County' }],
    });
    const [row] = await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id));
    expect(row?.auth0UserId).toBe(`idp-${user.id}`);

    const secondTime = await signInThroughProvider(`idp-${user.id}`, '//evil.example/steal');
    expect(secondTime.res.headers.location).toBe('/');
  });

  it('refuses people without an account, with a reason the sign-in page explains', async () => {
    accounts.set('stranger', { email: 'stranger@example.test', email_verified: true, name: 'Stranger' });
    const { res } = await signInThroughProvider('stranger');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in?sso_error=sso_unknown_user');
    expect(res.headers['set-cookie']).not.toContain('jc_session');
    const rows = await t.database.db.select().from(userAccount).where(eq(userAccount.auth0UserId, 'stranger'));
    expect(rows).toEqual([]);
  });

  it('does not match an email the provider has not verified', async () => {
    const user = await givenUser(t.database.db);
    accounts.set(`unverified-${user.id}`, { email: user.email!, email_verified: false, name: 'Unverified' });
    const { res } = await signInThroughProvider(`unverified-${user.id}`);
    expect(res.headers.location).toBe('/sign-in?sso_error=sso_unknown_user');
    const sessions = await t.database.db.select().from(session).where(eq(session.userAccountId, user.id));
    expect(sessions).toEqual([]);
  });

  it('refuses a callback without the browser cookie that started the flow', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/auth/oidc/callback?code=stolen&state=guess' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in?sso_error=sso_failed');
  });

  it('is announced to the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/auth/methods' });
    expect(res.json()).toEqual({ password: true, oidc: true });
  });
});
