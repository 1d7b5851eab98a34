/**
 * Builds `request.actor` once per request from the session cookie or a bearer token (a personal
 * API token or a JWT from the configured identity provider), refuses signed-out requests to
 * every route not marked `config: { public: true }`, and checks the CSRF token on
 * cookie-authenticated writes. Bearer-token requests need no CSRF token. The drop-folder route
 * takes only its own secret (drop-folder-auth.ts).
 *
 * It also records every route as it is registered and puts the route's rule from
 * route-rules.ts in front of its handler, so agency routes refuse outsiders (404) and members
 * without the role (403) before anything else happens.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { loadActor, type Actor } from '../../domain/actor.ts';
import { actorFromApiToken, API_TOKEN_PREFIX } from '../../domain/auth/api-tokens.ts';
import { CSRF_HEADER, verifyCsrfToken } from '../../domain/auth/csrf.ts';
import { findLiveSession, SESSION_COOKIE, type SessionRow } from '../../domain/auth/sessions.ts';
import { findUserForIdentity } from '../../domain/auth/sign-in-with-identity.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertPlatformAdmin, type AgencyOrId } from '../../domain/permissions.ts';
import type { App, AppDeps } from '../app-types.ts';
import { identityProviderFor } from '../oidc.ts';
import { dropFolderCaller } from '../drop-folder-auth.ts';
import { checkAgencyGate } from '../agency-gate.ts';
import { ruleFor, type RouteRule } from '../route-rules.ts';
import { limitRequest } from './rate-limit.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
    /** The agency the route gate read and checked, for the handler to pass on instead of reading it again. */
    agency: AgencyRow | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthenticated = (why: string) => new DomainError('unauthenticated', why);

async function actorFromJwt(deps: AppDeps, token: string): Promise<Actor> {
  const provider = identityProviderFor(deps.config);
  if (!provider) {
    throw unauthenticated('invalid_header: bearer JWTs are not accepted here: single sign-on is not configured.');
  }
  const identity = await provider.verifyAccessToken(token);
  const userId = await findUserForIdentity(deps.database.db, identity, deps.clock.now());
  const actor = userId === undefined ? undefined : await loadActor(deps.database.db, userId, 'bearer_jwt');
  if (!actor) {
    throw unauthenticated(
      "invalid_claims: no Justice Counts Publisher account has this token's subject or verified email; ask to be invited.",
    );
  }
  return actor;
}

async function actorFromBearer(deps: AppDeps, token: string): Promise<Actor> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return actorFromJwt(deps, token);
  const actor = await actorFromApiToken(deps.database.db, token, deps.clock.now());
  if (!actor) throw unauthenticated('This API token is unknown or has been revoked.');
  return actor;
}

async function authenticate(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const parts = header.trim().split(/\s+/);
    if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'bearer' || !parts[1]) {
      throw unauthenticated('invalid_header: the Authorization header must be "Bearer <token>".');
    }
    request.actor = await actorFromBearer(deps, parts[1]);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const live = await findLiveSession(deps.database.db, token, deps.clock.now());
  if (!live) return;
  request.session = live.session;
  request.actor = live.actor;
}

/** One registered route, as the route walk test enumerates them. */
export interface RegisteredRoute {
  method: string;
  url: string;
  isPublic: boolean;
}

const routesOf = new WeakMap<object, RegisteredRoute[]>();

/** Every route registered after the auth plugin (all API routes), in registration order. */
export function registeredRoutes(app: App): readonly RegisteredRoute[] {
  return routesOf.get(app) ?? [];
}

/** Checks the route's rule before the body is even validated: outsiders learn nothing. */
function gateFor(rule: RouteRule | undefined, deps: AppDeps) {
  if (rule?.access === 'platform_admin') {
    return async (request: FastifyRequest) => assertPlatformAdmin(actorOf(request));
  }
  if (rule?.access !== 'agency') return undefined;
  return async (request: FastifyRequest) => checkAgencyGate(deps.database.db, actorOf(request), rule, request);
}

function watchRoutes(app: App, deps: AppDeps): void {
  const routes: RegisteredRoute[] = [];
  routesOf.set(app, routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods.filter((m) => m !== 'HEAD')) {
      routes.push({ method, url: route.url, isPublic: route.config?.public === true });
      const gate = gateFor(ruleFor(method, route.url), deps);
      if (!gate) continue;
      const existing = route.preValidation;
      route.preValidation = [gate, ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing])];
    }
  });
}

export async function registerAuth(app: App, deps: AppDeps, appSecret: string): Promise<void> {
  // The secret signs short-lived cookies such as the single sign-on checks (oidc.ts).
  await app.register(fastifyCookie, { secret: appSecret });
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('agency', null);
  watchRoutes(app, deps);
  app.addHook('onRequest', async (request, reply) => {
    // Unmatched paths go straight to the 404 handler, signed in or not.
    if (!request.routeOptions.url) return;
    const rule = ruleFor(request.method, request.routeOptions.url);
    try {
      if (rule?.access === 'drop_folder') request.actor = dropFolderCaller(deps, request.headers.authorization);
      else await authenticate(request, deps);
    } finally {
      // Failed authentications count too (by address), and an exceeded limit answers first.
      await limitRequest(request, reply, deps);
    }
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

/** The agency of `agencyId` as the route gate read it for this request, or just the id when it did not. */
export function gatedAgency(request: FastifyRequest, agencyId: number): AgencyOrId {
  return request.agency?.id === agencyId ? request.agency : agencyId;
}
