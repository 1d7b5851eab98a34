/**
 * Builds `request.actor` once per request from the session cookie or a bearer token, refuses
 * signed-out requests to every route not marked `config: { public: true }`, and checks the CSRF
 * token on cookie-authenticated writes. Bearer-token requests need no CSRF token.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { loadActor, type Actor } from '../../domain/actor.ts';
import { actorFromApiToken, API_TOKEN_PREFIX } from '../../domain/auth/api-tokens.ts';
import { CSRF_HEADER, verifyCsrfToken } from '../../domain/auth/csrf.ts';
import { findLiveSession, SESSION_COOKIE, type SessionRow } from '../../domain/auth/sessions.ts';
import { DomainError } from '../../domain/errors.ts';
import type { App, AppDeps } from '../app-types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthenticated = (why: string) => new DomainError('unauthenticated', why);

async function actorFromBearer(deps: AppDeps, token: string): Promise<Actor> {
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const actor = await actorFromApiToken(deps.database.db, token, deps.clock);
    if (!actor) throw unauthenticated('This API token is unknown or has been revoked.');
    return actor;
  }
  throw unauthenticated('Bearer tokens from an identity provider are not accepted: single sign-on is not configured.');
}

async function authenticate(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw unauthenticated('The Authorization header must be "Bearer <token>".');
    }
    request.actor = await actorFromBearer(deps, token);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const live = await findLiveSession(deps.database.db, token, deps.clock);
  if (!live) return;
  const actor = await loadActor(deps.database.db, live.userAccountId, 'session');
  if (!actor) return;
  request.session = live;
  request.actor = actor;
}

export async function registerAuth(app: App, deps: AppDeps, appSecret: string): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Unmatched paths go straight to the 404 handler, signed in or not.
    if (!request.routeOptions.url) return;
    await authenticate(request, deps);
    if (!request.actor) {
      if (request.routeOptions.config.public) return;
      throw unauthenticated('Sign in to continue.');
    }
    if (request.session && UNSAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      verifyCsrfToken(
        appSecret,
        request.session.csrfSecret,
        typeof header === 'string' ? header : undefined,
        deps.clock.now(),
      );
    }
  });
}

/** The actor of a route that requires sign-in (the hook above guarantees there is one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated('Sign in to continue.');
  return request.actor;
}
