/**
 * Built-in accounts: password sign-in, invitations, password reset and email confirmation.
 * Every route here is public (the person is not signed in yet); each successful one that signs
 * somebody in replaces any session the browser had with a new one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInvitationBody,
  authMethodsResponse,
  invitationQuery,
  invitationResponse,
  loginBody,
  passwordResetBody,
  passwordResetRequestBody,
  signedInResponse,
  verifyEmailBody,
  verifyEmailResponse,
} from '../contract/auth.ts';
import { OK, okBody } from '../contract/common.ts';
import { acceptInvitation, getInvitation } from '../domain/auth/accept-invitation.ts';
import { confirmEmailChange } from '../domain/auth/confirm-email-change.ts';
import { requestPasswordReset, resetPassword } from '../domain/auth/reset-password.ts';
import { endSession, SESSION_COOKIE, SESSION_MAX_MS } from '../domain/auth/sessions.ts';
import { signInWithPassword } from '../domain/auth/sign-in-with-password.ts';
import type { App, AppDeps } from './app-types.ts';

const open = { public: true } as const;

/** Ends the browser's previous session (if any) and hands it the new one. */
export async function handOverSession(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  sessionToken: string,
): Promise<void> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await endSession(deps.database.db, previous);
  reply.setCookie(SESSION_COOKIE, sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.mode === 'production',
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function authRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const mail = { clock: deps.clock, mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  app.get('/auth/methods', { config: open, schema: { response: { 200: authMethodsResponse } } }, async () => ({
    password: true,
    oidc: deps.config.oidc !== undefined,
  }));

  app.post(
    '/auth/login',
    { config: open, schema: { body: loginBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const result = await signInWithPassword(db, { ...request.body, clientIp: request.ip }, deps.clock);
      await handOverSession(request, reply, deps, result.token);
      return { user_id: result.userId };
    },
  );

  app.post(
    '/auth/password-reset/request',
    { config: open, schema: { body: passwordResetRequestBody, response: { 200: okBody } } },
    async (request) => {
      await requestPasswordReset(db, request.body, mail);
      return OK;
    },
  );

  app.post(
    '/auth/password-reset',
    { config: open, schema: { body: passwordResetBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const result = await resetPassword(db, request.body, deps.clock);
      await handOverSession(request, reply, deps, result.token);
      return { user_id: result.userId };
    },
  );

  app.get(
    '/auth/invitation',
    { config: open, schema: { querystring: invitationQuery, response: { 200: invitationResponse } } },
    async (request) => {
      const invitation = await getInvitation(db, request.query.token, deps.clock);
      return {
        email: invitation.email,
        name: invitation.name,
        agency_name: invitation.agencyName,
        has_account: invitation.hasAccount,
      };
    },
  );

  app.post(
    '/auth/accept-invite',
    { config: open, schema: { body: acceptInvitationBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const result = await acceptInvitation(db, request.body, deps.clock);
      await handOverSession(request, reply, deps, result.token);
      return { user_id: result.userId };
    },
  );

  app.post(
    '/auth/verify-email',
    { config: open, schema: { body: verifyEmailBody, response: { 200: verifyEmailResponse } } },
    async (request) => {
      const { email } = await confirmEmailChange(db, request.body, deps.clock);
      return { email };
    },
  );
}
