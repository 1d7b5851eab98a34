/** The signed-in user's own account and per-agency preferences (02-http-api §2.1). */
import { z } from 'zod';
import { email, idParam, MAX_EMAIL_CHARS, MAX_NAME_CHARS, okBody, personName, text } from './common.ts';

/** The reference's client sends its identity here; the server takes identity from the session. */
export const userDropdownBody = z
  .object({
    name: text.max(MAX_NAME_CHARS).nullable().optional(),
    email: text.max(MAX_EMAIL_CHARS).nullable().optional(),
    email_verified: z.boolean().optional(),
  })
  .optional();

export const userDropdownResponse = z.object({
  agency_id_to_dropdown_names: z.array(z.object({ agency_id: z.number(), dropdown_name: z.string() })),
  user_id: z.number(),
});
export type UserDropdownResponse = z.infer<typeof userDropdownResponse>;

/** Unchanged fields come as null, as the reference's client sends them. */
export const updateUserBody = z.object({
  name: personName.nullable().optional(),
  email: email.nullable().optional(),
  onboarding_topics_completed: z.unknown().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const updateUserResponse = okBody.extend({
  /** Set when the email is changing: the new address, where the confirmation link went. */
  email_confirmation_sent_to: z.string().nullable(),
});
export type UpdateUserResponse = z.infer<typeof updateUserResponse>;

export const ownMembershipParams = z.object({ userId: idParam, agencyId: idParam });

export const MAX_REMINDER_DAYS = 1000;
export const subscriptionBody = z.object({
  is_subscribed: z.boolean(),
  days_after_time_period_to_send_email: z
    .number()
    .int()
    .min(0, 'must not be negative (negative_days_after_time_period_to_send_email)')
    .max(MAX_REMINDER_DAYS)
    .nullable()
    .optional(),
});
export type SubscriptionBody = z.infer<typeof subscriptionBody>;
