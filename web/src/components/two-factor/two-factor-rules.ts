/** The rules of the two-factor screens, kept apart from React so they can be tested alone. */
import { twoFactorCode } from '@jc/server/contract';
import { fieldErrors } from '../../api/errors.ts';

export type CodeKind = 'app' | 'recovery';

/** What the person typed, as the server takes it: an app code without the spaces some apps show. */
export function cleanCode(code: string, kind: CodeKind): string {
  return kind === 'app' ? code.replace(/\s/g, '') : code.trim();
}

/** Why a code cannot be right before it is sent, if it cannot. */
export function codeProblem(code: string, kind: CodeKind): string | undefined {
  const cleaned = cleanCode(code, kind);
  if (kind === 'app') return /^\d{6}$/.test(cleaned) ? undefined : 'Enter the six-digit code your app shows.';
  return twoFactorCode.safeParse(cleaned).success && !/^\d{6}$/.test(cleaned)
    ? undefined
    : 'Enter one of your recovery codes, like ABCDE-FGHJK.';
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The recovery codes as a text file to keep somewhere safe. */
export function recoveryCodesText(codes: readonly string[], email: string): string {
  return [
    `Justice Counts Publisher recovery codes${email ? ` for ${email}` : ''}`,
    'Each code signs you in once instead of a code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** The sign-in token has run out (ten minutes) or was used: only starting again helps. */
export function isSignInExpired(error: unknown): boolean {
  return fieldErrors(error).token !== undefined;
}

export const SIGN_IN_EXPIRED =
  'This sign-in has expired or was already used. Sign in again with your email and password.';
