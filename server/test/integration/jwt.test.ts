/**
 * Bearer tokens: JWTs from the configured issuer (checked against its JWKS, served here by a
 * loopback server with a locally generated RS256 key) and personal API tokens.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { apiToken, userAccount } from '../../src/db/schema.ts';
import { countRows } from '../support/given-auth.ts';
import { givenAgency, givenUser, signIn, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const AUDIENCE = 'https://publisher.example.test/api';
let issuerServer: Server;
let issuer!: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

async function startIssuer(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  signingKey = privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  issuerServer = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? {
            issuer,
            jwks_uri: `${issuer}/jwks`,
            authorization_endpoint: `${issuer}/auth`,
            token_endpoint: `${issuer}/token`,
          }
        : { keys: [jwk] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
}

await startIssuer();
afterAll(() => issuerServer.close());
const { t } = await testFile({
  config: { oidc: { issuer, clientId: 'publisher', clientSecret: 'secret' }, jwtAudience: AUDIENCE },
});

interface TokenOptions {
  sub: string;
  claims?: Record<string, unknown>;
  audience?: string;
  expiresIn?: string | number;
  key?: CryptoKey;
}
function jwt({ sub, claims = {}, audience = AUDIENCE, expiresIn = '5m', key = signingKey }: TokenOptions) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
const getAgency = (agency: AgencyRow, token: string) =>
  t.app.inject({ method: 'GET', url: `/api/agency/${agency.id}`, headers: { authorization: `Bearer ${token}` } });
const subjectOf = async (user: UserRow) =>
  (await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id)))[0]?.auth0UserId;

describe('bearer JWTs', () => {
  it('sign in the user with the stored subject, and need no CSRF token for writes', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    await t.database.db
      .update(userAccount)
      .set({ auth0UserId: `oidc|${user.id}` })
      .where(eq(userAccount.id, user.id));
    const token = await jwt({ sub: `oidc|${user.id}` });
    expect((await getAgency(agency, token)).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'PUT',
      url: `/api/${user.id}/${agency.id}/page_visit`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(write.statusCode).toBe(200);
  });

  it('match a verified email once and remember the subject', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const token = await jwt({ sub: `oidc|email-${user.id}`, claims: { email: user.email, email_verified: true } });
    expect((await getAgency(agency, token)).statusCode).toBe(200);
    expect(await subjectOf(user)).toBe(`oidc|email-${user.id}`);
  });

  it('refuse forged, foreign-audience, expired and unverified tokens with 401 and write nothing', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const claims = { email: user.email, email_verified: true };
    const cases: [Promise<string> | string, string][] = [
      [jwt({ sub: 'x', claims, key: strangerKey }), 'invalid_header: the bearer token signature is not valid.'],
      [jwt({ sub: 'x', claims, audience: 'https://elsewhere.test' }), `invalid_claims: the bearer token's "aud" claim`],
      [
        jwt({ sub: 'x', claims, expiresIn: Math.floor(Date.now() / 1000) - 60 }),
        'token_expired: the bearer token has expired',
      ],
      [
        jwt({ sub: 'x', claims: { email: user.email, email_verified: false } }),
        'invalid_claims: no Justice Counts Publisher account',
      ],
      ['not.a.jwt', 'invalid_header: unable to parse the bearer token'],
    ];
    for (const [token, text] of cases) {
      const res = await expectNoWrites(t.database.db, async () => getAgency(agency, await token));
      expect(res.statusCode, text).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated', description: expect.stringContaining(text) });
    }
    expect(await subjectOf(user)).toBeNull();
  });

  it('refuse a malformed Authorization header', async () => {
    const agency = await givenAgency(t.database.db);
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'GET',
        url: `/api/agency/${agency.id}`,
        headers: { authorization: 'Basic abc' },
      }),
    );
    expect(res.statusCode).toBe(401);
    expect(res.json().description).toContain('invalid_header');
  });
});

describe('personal API tokens', () => {
  const tokensUrl = (agency: AgencyRow) => `/api/agencies/${agency.id}/api_tokens`;
  const liveTokens = (user: UserRow) =>
    countRows(t.database.db, sql`select 1 from ${apiToken} where user_account_id = ${user.id} and revoked_at is null`);

  it('are shown once, listed without secrets, scoped to one agency and revocable', async () => {
    const agency = await givenAgency(t.database.db);
    const other = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    await t.database.db.insert(apiToken).values({
      userAccountId: user.id,
      agencyId: other.id,
      name: 'x',
      tokenHash: `h${user.id}`,
      revokedAt: new Date(),
    });
    const headers = await signIn(t.app, t.database.db, user);
    const created = await t.app.inject({
      method: 'POST',
      url: tokensUrl(agency),
      headers,
      payload: { name: 'Nightly upload' },
    });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json();
    expect(token).toMatch(/^jc_pat_[\w-]{40,}$/);
    const [stored] = await t.database.db.select().from(apiToken).where(eq(apiToken.id, id));
    expect(stored?.tokenHash).not.toContain(token);

    const list = await t.app.inject({ method: 'GET', url: tokensUrl(agency), headers });
    expect(list.json().api_tokens).toEqual([
      expect.objectContaining({ id, name: 'Nightly upload', agency_id: agency.id }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await getAgency(agency, token)).statusCode).toBe(200);
    const elsewhere = await expectNoWrites(t.database.db, () => getAgency(other, token));
    expect(elsewhere.statusCode).toBe(404);
    const more = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: tokensUrl(agency),
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'more' },
      }),
    );
    expect(more.statusCode).toBe(403);
    expect(more.json().description).toBe('API tokens cannot manage API tokens; sign in as yourself to do it.');

    expect((await t.app.inject({ method: 'DELETE', url: `${tokensUrl(agency)}/${id}`, headers })).statusCode).toBe(200);
    const revoked = await expectNoWrites(t.database.db, () => getAgency(agency, token));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().description).toBe('This API token is unknown or has been revoked.');
  });

  it('are refused to read-only members and outsiders, with nothing written', async () => {
    const agency = await givenAgency(t.database.db);
    const reader = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    const outsider = await givenUser(t.database.db, { agency: await givenAgency(t.database.db) });
    for (const [user, status] of [
      [reader, 403],
      [outsider, 404],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: tokensUrl(agency),
        headers: await signIn(t.app, t.database.db, user),
        payload: { name: 'x' },
      });
      expect(res.statusCode).toBe(status);
      expect(await liveTokens(user)).toBe(0);
    }
  });
});
