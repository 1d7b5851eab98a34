/** The security events trail (sign-ins, credential and role changes, admin actions, exports). */
import { z } from 'zod';
import { idParam } from './common.ts';

export const SECURITY_EVENT_KINDS = [
  'sign_in',
  'sign_out',
  'password_changed',
  'password_reset_requested',
  'email_change_requested',
  'email_changed',
  'two_factor_enabled',
  'two_factor_disabled',
  'two_factor_recovery_code_used',
  'two_factor_recovery_codes_renewed',
  'two_factor_required_changed',
  'api_token_created',
  'api_token_revoked',
  'member_invited',
  'member_role_changed',
  'member_removed',
  'admin_action',
  'export',
] as const;
export const securityEventKind = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof securityEventKind>;

export const securityEventOutcome = z.enum(['success', 'failure']);
export type SecurityEventOutcome = z.infer<typeof securityEventOutcome>;

/** Most events one page shows; the CSV export takes up to MAX_EVENTS_EXPORTED. */
export const MAX_EVENTS_PER_PAGE = 200;
export const MAX_EVENTS_EXPORTED = 50_000;

const day = z.iso.date('must be a date (YYYY-MM-DD)');

const filters = z.object({
  /** The person acting or the one the event is about. */
  user_id: idParam.optional(),
  /** Part of the email of the person acting (or the email a failed sign-in tried). */
  email: z.string().trim().max(254).optional(),
  kind: securityEventKind.optional(),
  /** First and last day (UTC), both included. */
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_PER_PAGE).default(50),
  offset: z.coerce.number().int().min(0).max(MAX_EVENTS_EXPORTED).default(0),
});
const datesInOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const datesProblem = { message: 'must not be after "to"', path: ['from'] };

/** An agency admin's list: their own agency's events. */
export const securityEventsQuery = filters.refine(datesInOrder, datesProblem);
export type SecurityEventsQuery = z.infer<typeof securityEventsQuery>;

/** The staff list: every agency's events, or one agency's. */
export const adminSecurityEventsQuery = filters
  .extend({ agency_id: idParam.optional() })
  .refine(datesInOrder, datesProblem);
export type AdminSecurityEventsQuery = z.infer<typeof adminSecurityEventsQuery>;

export const securityEventItem = z.object({
  id: z.number(),
  occurred_at: z.string(),
  kind: securityEventKind,
  outcome: securityEventOutcome,
  user_id: z.number().nullable(),
  user_email: z.string().nullable(),
  subject_user_id: z.number().nullable(),
  subject_email: z.string().nullable(),
  agency_id: z.number().nullable(),
  agency_name: z.string().nullable(),
  client_ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type SecurityEventItem = z.infer<typeof securityEventItem>;

export const securityEventsResponse = z.object({ events: z.array(securityEventItem), total: z.number() });
export type SecurityEventsResponse = z.infer<typeof securityEventsResponse>;
