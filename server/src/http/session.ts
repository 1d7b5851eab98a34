/** Session bootstrap and sign-out: GET /api/init, GET /api/env, POST /auth/logout. */
import { z } from 'zod';
import { initResponse } from '../contract/session.ts';
import { issueCsrfToken } from '../domain/auth/csrf.ts';
import { endSession, SESSION_COOKIE } from '../domain/auth/sessions.ts';
import { findMyAgencies } from '../domain/users/find-my-agencies.ts';
import type { App, AppDeps } from './app-types.ts';
import { presentSessionUser } from './presenters/session.ts';

export function environmentName(deps: AppDeps): string {
  return deps.config.mode === 'production' ? 'production' : 'local';
}

export function sessionRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/api/init', { config: { public: true }, schema: { response: { 200: initResponse } } }, async (request) => {
    const env = environmentName(deps);
    if (!request.actor) return { csrf: '', env, user: null };
    const csrf = request.session ? issueCsrfToken(deps.appSecret, request.session.csrfSecret, deps.clock.now()) : '';
    return { csrf, env, user: presentSessionUser(request.actor, await findMyAgencies(db, request.actor)) };
  });

  app.get(
    '/api/env',
    { config: { public: true }, schema: { response: { 200: z.object({ env: z.string() }) } } },
    async () => ({ env: environmentName(deps) }),
  );

  app.post('/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(200).send();
  });
}
