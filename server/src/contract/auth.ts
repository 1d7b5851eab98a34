/** Sign-in, invitations, password reset, email confirmation and personal API tokens. */
import { z } from 'zod';
import { email, personName, requiredName, text } from './common.ts';
import { twoFactorStep } from './two-factor.ts';

/** Longest password the policy allows; longer ones are refused before any hashing. */
export const MAX_PASSWORD_CHARS = 200;
export const MIN_PASSWORD_CHARS = 10;
const MAX_TOKEN_CHARS = 200;

const password = text.min(1, 'must not be empty').max(MAX_PASSWORD_CHARS);
const linkToken = text.trim().min(1, 'must not be empty').max(MAX_TOKEN_CHARS);

/**
 * Whether a link's token can be one the server issued (32 random bytes, base64url): the web app
 * says a cut-short or mistyped link is not valid before anyone fills in its form.
 */
export const looksLikeLinkToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const loginBody = z.object({ email, password });
export type LoginBody = z.infer<typeof loginBody>;

/** Signed in, or (with two-factor sign-in) told the next step; then no session exists yet. */
export const signedInResponse = z.object({ user_id: z.number(), two_factor: twoFactorStep.optional() });
export type SignedInResponse = z.infer<typeof signedInResponse>;

/** Which ways of signing in this server offers; the sign-in page shows the matching buttons. */
export const authMethodsResponse = z.object({ password: z.boolean(), oidc: z.boolean() });
export type AuthMethodsResponse = z.infer<typeof authMethodsResponse>;

export const passwordResetRequestBody = z.object({ email });
export const passwordResetBody = z.object({ token: linkToken, password });
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

export const invitationQuery = z.object({ token: linkToken });
export const invitationResponse = z.object({
  email: z.string(),
  name: z.string().nullable(),
  agency_name: z.string().nullable(),
  /** An existing account confirms with its password instead of choosing one. */
  has_account: z.boolean(),
});
export type InvitationResponse = z.infer<typeof invitationResponse>;

export const acceptInvitationBody = z.object({ token: linkToken, name: personName.optional(), password });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const verifyEmailBody = z.object({ token: linkToken });
export const verifyEmailResponse = z.object({ email: z.string() });

/** Why single sign-on sent the browser back to the sign-in page (`/sign-in?sso_error=…`). */
export const SSO_ERRORS = ['sso_unknown_user', 'sso_failed', 'sso_not_configured'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

export const createApiTokenBody = z.object({ name: requiredName });
export const apiTokenSummary = z.object({
  id: z.number(),
  name: z.string(),
  agency_id: z.number(),
  owner_name: z.string().nullable(),
  owner_email: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummary>;
/** The secret is in this answer only; afterwards only its hash exists. */
export const apiTokenCreatedResponse = apiTokenSummary.extend({ token: z.string() });
export const apiTokenListResponse = z.object({ api_tokens: z.array(apiTokenSummary) });
