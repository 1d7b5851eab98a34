/**
 * Session bootstrap and sign-out: GET /api/init, GET /api/env, GET /app_public_config.js,
 * POST /auth/logout(-everywhere).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { type AnalyticsJson, initResponse, signedOutEverywhereResponse } from '../contract/session.ts';
import { issueCsrfToken } from '../domain/auth/csrf.ts';
import { endSession, SESSION_COOKIE } from '../domain/auth/sessions.ts';
import { signOutEverywhere } from '../domain/auth/sign-out-everywhere.ts';
import { staffAbilities } from '../domain/permissions.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import { findLastVisitedAgency } from '../domain/users/find-last-visited-agency.ts';
import { findMyAgencies } from '../domain/users/find-my-agencies.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentSessionUser } from './presenters/session.ts';

/**
 * The person as analytics sees them: a keyed hash of their id, the same on every visit, that
 * nobody outside the server can turn back into the user.
 */
function analyticsUserId(appSecret: string, userId: number): string {
  return createHmac('sha256', appSecret).update(`analytics:${userId}`).digest('hex').slice(0, 32);
}

function analyticsFor(deps: AppDeps, userId: number | null): AnalyticsJson | null {
  const segment = deps.config.segment;
  if (!segment) return null;
  const user_id = userId === null ? null : analyticsUserId(deps.appSecret, userId);
  return { write_key: segment.writeKey, cdn_url: segment.cdnUrl, api_url: segment.apiUrl, user_id };
}

export function environmentName(deps: AppDeps): string {
  return deps.config.mode === 'production' ? 'production' : 'local';
}

/**
 * The reference's `/app_public_config.js`: a script setting `window.APP_CONFIG` and
 * `window.SEGMENT_KEY` for pages that load it before sign-in. Only what any visitor may see (the
 * Segment write key is public by design: browsers send it with every event); no secret.
 * `<` is escaped so the text stays inert even inside an inline `<script>`.
 */
function publicConfigScript(deps: AppDeps): string {
  const analytics = analyticsFor(deps, null);
  const config = {
    environment: environmentName(deps),
    public_url: deps.config.publicUrl,
    single_sign_on: deps.config.oidc !== undefined,
    analytics: analytics && { write_key: analytics.write_key, cdn_url: analytics.cdn_url, api_url: analytics.api_url },
  };
  const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `window.APP_CONFIG = ${js(config)};\nwindow.SEGMENT_KEY = ${js(analytics?.write_key ?? null)};\n`;
}

export function sessionRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/api/init', { config: { public: true }, schema: { response: { 200: initResponse } } }, async (request) => {
    const env = environmentName(deps);
    const today = utcDate(deps.clock.now());
    if (!request.actor) return { csrf: '', env, today, user: null, analytics: analyticsFor(deps, null) };
    const csrf = request.session ? issueCsrfToken(deps.appSecret, request.session.csrfSecret, deps.clock.now()) : '';
    const agencies = await findMyAgencies(db, request.actor);
    const lastAgencyId = await findLastVisitedAgency(db, request.actor);
    const user = presentSessionUser(request.actor, agencies, lastAgencyId, staffAbilities(request.actor));
    return { csrf, env, today, user, analytics: analyticsFor(deps, request.actor.userId) };
  });

  app.get(
    '/api/env',
    { config: { public: true }, schema: { response: { 200: z.object({ env: z.string() }) } } },
    async () => ({ env: environmentName(deps) }),
  );

  app.get('/app_public_config.js', { config: { public: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(publicConfigScript(deps)),
  );

  app.post('/auth/logout', { config: { securityEvent: 'sign_out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(200).send();
  });

  app.post(
    '/auth/logout-everywhere',
    { schema: { response: { 200: signedOutEverywhereResponse } } },
    async (request, reply) => {
      const ended = await signOutEverywhere(db, actorOf(request), deps.clock.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended_sessions: ended.sessions, revoked_api_tokens: ended.apiTokens };
    },
  );
}
