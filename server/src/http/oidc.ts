/**
 * Single sign-on with the configured OpenID Connect provider. /auth/oidc/login sends the browser
 * to the provider, keeping the one-time PKCE verifier, state and nonce in a short-lived signed
 * cookie; /auth/oidc/callback checks them, matches the person to an account and signs them in.
 * Failures send the browser back to the sign-in page with a reason code it explains.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SsoError } from '../contract/auth.ts';
import type { Config } from '../config.ts';
import {
  createIdentityProvider,
  type AuthorizationChecks,
  type IdentityProvider,
} from '../domain/auth/identity-provider.ts';
import { signInWithIdentity, UnknownIdentityError } from '../domain/auth/sign-in-with-identity.ts';
import type { App, AppDeps } from './app-types.ts';
import { handOverSession } from './auth.ts';
import { eventSource } from './plugins/security-events.ts';
import { recordSecurityEvent } from '../db/queries/security-events.ts';

const CHECKS_COOKIE = 'jc_oidc';
const CHECKS_PATH = '/auth/oidc';
const CHECKS_TTL_MS = 10 * 60 * 1000;
const MAX_RETURN_TO = 2_000;

const providers = new WeakMap<Config, IdentityProvider>();

/** The app's identity provider, created once per configuration; undefined when SSO is off. */
export function identityProviderFor(config: Config): IdentityProvider | undefined {
  if (!config.oidc) return undefined;
  let provider = providers.get(config);
  if (!provider) {
    provider = createIdentityProvider({
      ...config.oidc,
      redirectUri: `${config.publicUrl}/auth/oidc/callback`,
      jwtAudience: config.jwtAudience,
      allowHttp: config.mode !== 'production',
    });
    providers.set(config, provider);
  }
  return provider;
}

interface StoredChecks extends AuthorizationChecks {
  returnTo: string;
  expiresAt: number;
}

/** Only paths on this site, so the sign-in cannot be turned into a redirect elsewhere. */
function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : '/';
}

function readChecks(request: FastifyRequest, now: number): StoredChecks | undefined {
  const raw = request.cookies[CHECKS_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  if (!unsigned?.valid || unsigned.value === null) return undefined;
  try {
    const checks = JSON.parse(unsigned.value) as StoredChecks;
    return checks.expiresAt > now ? checks : undefined;
  } catch {
    return undefined;
  }
}

const backToSignIn = (reply: FastifyReply, reason: SsoError) => reply.redirect(`/sign-in?sso_error=${reason}`);

export function oidcRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const cookieOptions = {
    path: CHECKS_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.mode === 'production',
  } as const;

  app.get(
    '/auth/oidc/login',
    {
      config: { public: true },
      schema: { querystring: z.object({ return_to: z.string().max(MAX_RETURN_TO).optional() }) },
    },
    async (request, reply) => {
      const provider = identityProviderFor(deps.config);
      if (!provider) return backToSignIn(reply, 'sso_not_configured');
      const { url, checks } = await provider.startAuthorization();
      const stored: StoredChecks = {
        ...checks,
        returnTo: safeReturnTo(request.query.return_to),
        expiresAt: deps.clock.now().getTime() + CHECKS_TTL_MS,
      };
      reply.setCookie(CHECKS_COOKIE, JSON.stringify(stored), {
        ...cookieOptions,
        signed: true,
        maxAge: CHECKS_TTL_MS / 1000,
      });
      return reply.redirect(url.href);
    },
  );

  app.get('/auth/oidc/callback', { config: { public: true } }, async (request, reply) => {
    const provider = identityProviderFor(deps.config);
    if (!provider) return backToSignIn(reply, 'sso_not_configured');
    const checks = readChecks(request, deps.clock.now().getTime());
    reply.clearCookie(CHECKS_COOKIE, cookieOptions);
    if (!checks) return backToSignIn(reply, 'sso_failed');
    let identity;
    try {
      identity = await provider.finishAuthorization(new URL(request.url, deps.config.publicUrl), checks);
    } catch (error) {
      request.log.warn({ err: error }, 'single sign-on callback refused');
      return backToSignIn(reply, 'sso_failed');
    }
    const event = { ...eventSource(request, deps.clock), kind: 'sign_in', userEmail: identity.email ?? null } as const;
    try {
      const result = await signInWithIdentity(db, identity, deps.clock.now());
      await handOverSession(request, reply, deps, result.token);
      await recordSecurityEvent(db, { ...event, userId: result.userId, details: { method: 'single_sign_on' } });
    } catch (error) {
      if (!(error instanceof UnknownIdentityError)) throw error;
      const details = { method: 'single_sign_on', reason: 'unknown_identity' };
      await recordSecurityEvent(db, { ...event, outcome: 'failure', details });
      return backToSignIn(reply, 'sso_unknown_user');
    }
    return reply.redirect(checks.returnTo);
  });
}
