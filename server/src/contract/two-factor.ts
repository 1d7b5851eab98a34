/** Two-factor sign-in: the step after the password, and a person's own settings. */
import { z } from 'zod';
import { text } from './common.ts';

/** A six-digit code from an app, or a recovery code such as ABCDE-FGHJK (spaces and dashes allowed). */
export const twoFactorCode = text
  .trim()
  .min(1, 'must not be empty')
  .max(20)
  .regex(/^(\d{6}|[A-Za-z0-9][A-Za-z0-9 -]{8,18})$/, 'must be the six-digit code from your app or a recovery code');

/** What a password sign-in answers when a second step is needed instead of a session. */
export const twoFactorStep = z.object({
  /** code: enter a code; enrol: set up two-factor sign-in first (it is required). */
  step: z.enum(['code', 'enrol']),
  /** Carries the sign-in to that step; valid for ten minutes, once. */
  token: z.string(),
});

const signInToken = text.trim().min(1, 'must not be empty').max(200);

export const signInStepBody = z.object({ token: signInToken });
export const signInCodeBody = z.object({ token: signInToken, code: twoFactorCode });
export const ownCodeBody = z.object({ code: twoFactorCode });

export const enrolmentResponse = z.object({
  /** The secret as text, for typing into an app by hand. */
  secret: z.string(),
  /** The otpauth:// link the QR code holds. */
  link: z.string(),
  /** The QR code: rows of '1' (dark) and '0' (light). */
  qr_rows: z.array(z.string()),
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponse>;

/** Shown once; only their hashes are kept. */
export const recoveryCodesResponse = z.object({ recovery_codes: z.array(z.string()) });

export const enrolledAtSignInResponse = recoveryCodesResponse.extend({ user_id: z.number() });

export const twoFactorStatusResponse = z.object({
  enabled: z.boolean(),
  /** Why it cannot be turned off: staff always, or an agency the person belongs to. */
  required_by: z.enum(['staff', 'agency']).nullable(),
  /** False for single sign-on accounts, whose provider's own checks apply. */
  has_password: z.boolean(),
  recovery_codes_left: z.number(),
});
export type TwoFactorStatusResponse = z.infer<typeof twoFactorStatusResponse>;
