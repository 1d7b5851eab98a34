/** The signed-in user: start-up data, own name and email, page visits and reminder emails (02-http-api §2.1). */
import { OK, okBody } from '../contract/common.ts';
import {
  ownMembershipParams,
  subscriptionBody,
  updateUserBody,
  updateUserResponse,
  userDropdownBody,
  userDropdownResponse,
} from '../contract/users.ts';
import { loadUserDropdown } from '../domain/users/load-user-dropdown.ts';
import { recordPageVisit, updateSubscription } from '../domain/users/update-own-membership.ts';
import { updateOwnProfile } from '../domain/auth/update-own-profile.ts';
import { recordSecurityEvent } from '../db/queries/security-events.ts';
import type { App, AppDeps } from './app-types.ts';
import { eventSource } from './plugins/security-events.ts';
import { actorOf } from './plugins/auth.ts';

export function userRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const mail = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  app.put(
    '/api/user_dropdown',
    { schema: { body: userDropdownBody, response: { 200: userDropdownResponse } } },
    async (request) => {
      const dropdown = await loadUserDropdown(db, actorOf(request));
      return {
        agency_id_to_dropdown_names: dropdown.agencies.map((a) => ({
          agency_id: a.agencyId,
          dropdown_name: a.dropdownName,
        })),
        user_id: dropdown.userId,
      };
    },
  );

  app.patch(
    '/api/users',
    { schema: { body: updateUserBody, response: { 200: updateUserResponse } } },
    async (request) => {
      const result = await updateOwnProfile(db, actorOf(request), { ...request.body, now: deps.clock.now() }, mail);
      if (result.emailConfirmationSentTo) {
        const details = { new_email: result.emailConfirmationSentTo };
        await recordSecurityEvent(db, { ...eventSource(request, deps.clock), kind: 'email_change_requested', details });
      }
      return { ...OK, email_confirmation_sent_to: result.emailConfirmationSentTo };
    },
  );

  app.put(
    '/api/:userId/:agencyId/page_visit',
    { schema: { params: ownMembershipParams, response: { 200: okBody } } },
    async (request) => {
      await recordPageVisit(db, actorOf(request), { ...request.params, now: deps.clock.now() });
      return OK;
    },
  );

  app.put(
    '/api/agency/:agencyId/subscription/:userId',
    { schema: { params: ownMembershipParams, body: subscriptionBody, response: { 200: okBody } } },
    async (request) => {
      await updateSubscription(db, actorOf(request), {
        ...request.params,
        isSubscribed: request.body.is_subscribed,
        daysAfterTimePeriodToSendEmail: request.body.days_after_time_period_to_send_email,
      });
      return OK;
    },
  );
}
