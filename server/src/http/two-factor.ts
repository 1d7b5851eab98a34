/**
 * Two-factor sign-in: the public step after the password (a code, or enrolment when it is
 * required), and a signed-in person's own settings. Code checks share the sign-in throttle.
 */
import { OK, okBody } from '../contract/common.ts';
import {
  enrolledAtSignInResponse,
  enrolmentResponse,
  ownCodeBody,
  recoveryCodesResponse,
  signInCodeBody,
  signInStepBody,
  twoFactorStatusResponse,
} from '../contract/two-factor.ts';
import { signedInResponse } from '../contract/auth.ts';
import type { Enrolment } from '../domain/auth/enrolment.ts';
import {
  getMyTwoFactor,
  renewMyRecoveryCodes,
  confirmMyEnrolment,
  startMyEnrolment,
  turnOffMyTwoFactor,
} from '../domain/auth/manage-two-factor.ts';
import { confirmEnrolmentAtSignIn, signInWithCode, startEnrolmentAtSignIn } from '../domain/auth/sign-in-steps.ts';
import type { App, AppDeps } from './app-types.ts';
import { handOverSession } from './auth.ts';
import { actorOf } from './plugins/auth.ts';

/** Signed-out steps, with the stricter per-address rate limit of the other account pages. */
const open = { public: true, accountLimit: true } as const;

const presentEnrolment = (enrolment: Enrolment) => ({
  secret: enrolment.secret,
  link: enrolment.link,
  qr_rows: enrolment.qrRows,
});

function signInStepRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  app.post(
    '/auth/two-factor',
    { config: open, schema: { body: signInCodeBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const result = await signInWithCode(db, { ...request.body, clientIp: request.ip, now: deps.clock.now() });
      await handOverSession(request, reply, deps, result.token);
      return { user_id: result.userId };
    },
  );
  app.post(
    '/auth/two-factor/enrolment',
    { config: open, schema: { body: signInStepBody, response: { 200: enrolmentResponse } } },
    async (request) =>
      presentEnrolment(
        await startEnrolmentAtSignIn(db, { ...request.body, clientIp: request.ip, now: deps.clock.now() }),
      ),
  );
  app.post(
    '/auth/two-factor/enrolment/confirm',
    { config: open, schema: { body: signInCodeBody, response: { 200: enrolledAtSignInResponse } } },
    async (request, reply) => {
      const result = await confirmEnrolmentAtSignIn(db, {
        ...request.body,
        clientIp: request.ip,
        now: deps.clock.now(),
      });
      await handOverSession(request, reply, deps, result.token);
      return { user_id: result.userId, recovery_codes: result.recoveryCodes };
    },
  );
}

function ownSettingsRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  /** The code with where and when it was entered. */
  const codeInput = (request: { body: { code: string }; ip: string }) => ({
    code: request.body.code,
    clientIp: request.ip,
    now: deps.clock.now(),
  });
  app.get('/api/users/two-factor', { schema: { response: { 200: twoFactorStatusResponse } } }, async (request) => {
    const state = await getMyTwoFactor(db, actorOf(request));
    return {
      enabled: state.enabled,
      required_by: state.requiredBy,
      has_password: state.hasPassword,
      recovery_codes_left: state.recoveryCodesLeft,
    };
  });
  app.post('/api/users/two-factor/enrolment', { schema: { response: { 200: enrolmentResponse } } }, async (request) =>
    presentEnrolment(await startMyEnrolment(db, actorOf(request), { now: deps.clock.now() })),
  );
  app.post(
    '/api/users/two-factor/enrolment/confirm',
    {
      config: { securityEvent: 'two_factor_enabled' },
      schema: { body: ownCodeBody, response: { 200: recoveryCodesResponse } },
    },
    async (request) => ({
      recovery_codes: await confirmMyEnrolment(db, actorOf(request), codeInput(request)),
    }),
  );
  app.post(
    '/api/users/two-factor/recovery-codes',
    {
      config: { securityEvent: 'two_factor_recovery_codes_renewed' },
      schema: { body: ownCodeBody, response: { 200: recoveryCodesResponse } },
    },
    async (request) => ({
      recovery_codes: await renewMyRecoveryCodes(db, actorOf(request), codeInput(request)),
    }),
  );
  app.delete(
    '/api/users/two-factor',
    { config: { securityEvent: 'two_factor_disabled' }, schema: { body: ownCodeBody, response: { 200: okBody } } },
    async (request) => {
      await turnOffMyTwoFactor(db, actorOf(request), codeInput(request));
      return OK;
    },
  );
}

export function twoFactorRoutes(app: App, deps: AppDeps): void {
  signInStepRoutes(app, deps);
  ownSettingsRoutes(app, deps);
}
