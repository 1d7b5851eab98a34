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
  type SignedInResponse,
  verifyEmailBody,
  verifyEmailResponse,
} from '../contract/auth.ts';
import { OK, okBody } from '../contract/common.ts';
import { acceptInvitation, getInvitation } from '../domain/auth/accept-invitation.ts';
import { confirmEmailChange } from '../domain/auth/confirm-email-change.ts';
import { requestPasswordReset, resetPassword } from '../domain/auth/reset-password.ts';
import { endSession, SESSION_COOKIE, SESSION_MAX_MS } from '../domain/auth/sessions.ts';
import { signInWithPassword } from '../domain/auth/sign-in-with-password.ts';
import type { SignInOutcome } from '../domain/auth/sign-in-steps.ts';
import { recordSecurityEvent } from '../db/queries/security-events.ts';
import type { App, AppDeps } from './app-types.ts';
import { eventSource } from './plugins/security-events.ts';

/** Signed-out account pages, with the stricter per-address rate limit. */
const open = { public: true, accountLimit: true } as const;

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

/** A session for the browser, or the two-factor step to take before one (no session yet). */
async function answerSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  outcome: SignInOutcome,
): Promise<SignedInResponse> {
  if ('twoFactor' in outcome) return { user_id: outcome.userId, two_factor: outcome.twoFactor };
  await handOverSession(request, reply, deps, outcome.token);
  return { user_id: outcome.userId };
}

export function authRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const mail = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  app.get(
    '/auth/methods',
    { config: { public: true }, schema: { response: { 200: authMethodsResponse } } },
    async () => ({
      password: true,
      oidc: deps.config.oidc !== undefined,
    }),
  );

  app.post(
    '/auth/login',
    { config: open, schema: { body: loginBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const outcome = await signInWithPassword(db, { ...request.body, clientIp: request.ip, now: deps.clock.now() });
      return answerSignIn(request, reply, deps, outcome);
    },
  );

  app.post(
    '/auth/password-reset/request',
    { config: open, schema: { body: passwordResetRequestBody, response: { 200: okBody } } },
    async (request) => {
      await requestPasswordReset(db, { ...request.body, now: deps.clock.now() }, mail);
      const source = { ...eventSource(request, deps.clock), userEmail: request.body.email };
      await recordSecurityEvent(db, { ...source, kind: 'password_reset_requested' });
      return OK;
    },
  );

  app.post(
    '/auth/password-reset',
    { config: open, schema: { body: passwordResetBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const result = await resetPassword(db, { ...request.body, now: deps.clock.now() });
      const details = { method: 'reset_link' };
      await recordSecurityEvent(db, {
        ...eventSource(request, deps.clock),
        kind: 'password_changed',
        userId: result.userId,
        details,
      });
      return answerSignIn(request, reply, deps, result);
    },
  );

  app.get(
    '/auth/invitation',
    { config: open, schema: { querystring: invitationQuery, response: { 200: invitationResponse } } },
    async (request) => {
      const invitation = await getInvitation(db, request.query.token, deps.clock.now());
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
      return answerSignIn(request, reply, deps, await acceptInvitation(db, { ...request.body, now: deps.clock.now() }));
    },
  );

  app.post(
    '/auth/verify-email',
    { config: open, schema: { body: verifyEmailBody, response: { 200: verifyEmailResponse } } },
    async (request) => {
      const { email } = await confirmEmailChange(db, { ...request.body, now: deps.clock.now() });
      await recordSecurityEvent(db, { ...eventSource(request, deps.clock), kind: 'email_changed', userEmail: email });
      return { email };
    },
  );
}
