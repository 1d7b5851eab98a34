/**
 * Security events in words for agency analysts and staff: what happened ("Signed in", "Two-factor
 * turned on"), and the details the server kept (how someone signed in, why a sign-in was refused).
 */
import type { SecurityEventItem, SecurityEventKind } from '@jc/server/contract';
import { roleLabel } from '../../rules/role-labels.ts';
import type { AgencyRole } from '../../api/session.ts';

export const KIND_WORDS: Record<SecurityEventKind, string> = {
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  password_changed: 'Password changed',
  password_reset_requested: 'Password reset requested',
  email_change_requested: 'Email change requested',
  email_changed: 'Email changed',
  two_factor_enabled: 'Two-factor turned on',
  two_factor_disabled: 'Two-factor turned off',
  two_factor_recovery_code_used: 'Recovery code used',
  two_factor_recovery_codes_renewed: 'New recovery codes made',
  two_factor_required_changed: 'Two-factor requirement changed',
  api_token_created: 'API token created',
  api_token_revoked: 'API token revoked',
  member_invited: 'Member invited',
  member_role_changed: 'Member’s role changed',
  member_removed: 'Member removed',
  admin_action: 'Admin Panel change',
  export: 'Data exported',
};

/** Why a sign-in was refused. */
const REASONS: Record<string, string> = {
  unknown_email: 'no account uses this email',
  wrong_password: 'wrong password',
  no_password: 'the account has no password (it uses single sign-on)',
  throttled: 'too many attempts',
  wrong_code: 'wrong two-factor code',
  unknown_identity: 'single sign-on for an email with no account',
};

const METHODS: Record<string, string> = {
  password: 'With a password',
  single_sign_on: 'With single sign-on',
  reset_link: 'With a password reset link',
};

const SECOND_FACTORS: Record<string, string> = {
  totp: 'and a code from the app',
  recovery_code: 'and a recovery code',
  enrolled: 'after setting up two-factor sign-in',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The event's name: what happened, or for a refused sign-in, why. */
export function eventTitle(event: SecurityEventItem): string {
  if (event.kind === 'sign_in' && event.outcome === 'failure') {
    const reason = REASONS[text(event.details.reason) ?? ''];
    return reason ? `Sign-in refused: ${reason}` : 'Sign-in refused';
  }
  if (event.kind === 'two_factor_required_changed' && typeof event.details.required === 'boolean') {
    return event.details.required ? 'Two-factor required for members' : 'Two-factor no longer required for members';
  }
  return event.outcome === 'failure' ? `${KIND_WORDS[event.kind]} (refused)` : KIND_WORDS[event.kind];
}

const ROLES = new Set<string>(['JUSTICE_COUNTS_ADMIN', 'AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);
const roleWords = (value: unknown) => {
  const role = text(value);
  return role && ROLES.has(role) ? `Role: ${roleLabel(role as AgencyRole)}` : undefined;
};

/** The details worth a sentence; the CSV keeps all of them. */
export function eventDetails(event: SecurityEventItem): string {
  const d = event.details;
  const method = METHODS[text(d.method) ?? ''];
  const secondFactor = SECOND_FACTORS[text(d.two_factor) ?? ''];
  const parts = [
    method && (secondFactor ? `${method} ${secondFactor}` : method),
    d.at_sign_in === true ? 'While signing in' : undefined,
    event.kind.startsWith('member_') && text(d.invite_email ?? d.email)
      ? `Member: ${text(d.invite_email ?? d.email)}`
      : undefined,
    roleWords(d.role ?? d.invite_role),
    text(d.new_email) && `New email: ${text(d.new_email)}`,
    text(d.name) && event.kind.startsWith('api_token') ? `Token “${text(d.name)}”` : undefined,
    typeof d.rows === 'number' ? `${d.rows.toLocaleString('en-US')} rows` : undefined,
    event.kind === 'admin_action' ? text(d.route) : undefined,
  ];
  return parts.filter(Boolean).join('. ');
}

/** When, in the reader's own time zone, to the second. */
export function eventTime(occurredAt: string): string {
  return new Date(occurredAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' });
}
