/** Pure rules about user names, emails and roles, shared by every way a user is created. */
import { AGENCY_ROLES, type AgencyRole } from '../actor.ts';
import { invalid } from '../errors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_LENGTH = 255;

/** Emails are compared and stored in lower case, so one person has one account. */
export function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > MAX_LENGTH || !EMAIL.test(normalized)) {
    throw invalid('email', `"${email}" is not an email address; use the form name@example.org`);
  }
  return normalized;
}

export function checkUserName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('name', 'must not be empty');
  if (trimmed.length > MAX_LENGTH) {
    throw invalid('name', `must be at most ${MAX_LENGTH} characters (got ${trimmed.length})`);
  }
  return trimmed;
}

export function checkRole(role: string): AgencyRole {
  const found = AGENCY_ROLES.find((r) => r === role);
  if (!found) throw invalid('role', `"${role}" is not a role; choose from ${AGENCY_ROLES.join(', ')}`);
  return found;
}

/** The memberships to add and remove so a user belongs to exactly the wanted agencies. */
export function accessChanges(
  current: readonly number[],
  wanted: readonly number[],
): { add: number[]; remove: number[] } {
  const have = new Set(current);
  const want = new Set(wanted);
  return {
    add: [...want].filter((id) => !have.has(id)),
    remove: [...have].filter((id) => !want.has(id)),
  };
}
