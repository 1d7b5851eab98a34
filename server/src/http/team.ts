/** Team management: invite, change a member's role, remove a member or revoke an invitation. */
import { agencyIdParams, changeMemberRoleBody, inviteMemberBody, removeMemberBody } from '../contract/agencies.ts';
import { OK, okBody } from '../contract/common.ts';
import { changeMemberRole } from '../domain/agencies/change-member-role.ts';
import { inviteMember } from '../domain/agencies/invite-member.ts';
import { removeMember } from '../domain/agencies/remove-member.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';

const params = agencyIdParams;
const response = { 200: okBody };

export function teamRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const mail = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  app.post(
    '/api/agencies/:agencyId/users',
    { config: { securityEvent: 'member_invited' }, schema: { params, body: inviteMemberBody, response } },
    async (request) => {
      const { invite_name: name, invite_email: email, invite_role: role } = request.body;
      await inviteMember(
        db,
        actorOf(request),
        { agencyId: request.params.agencyId, name, email, role, now: deps.clock.now() },
        mail,
      );
      return OK;
    },
  );

  app.patch(
    '/api/agencies/:agencyId/users',
    { config: { securityEvent: 'member_role_changed' }, schema: { params, body: changeMemberRoleBody, response } },
    async (request) => {
      await changeMemberRole(db, actorOf(request), { agencyId: request.params.agencyId, ...request.body });
      return OK;
    },
  );

  app.delete(
    '/api/agencies/:agencyId/users',
    { config: { securityEvent: 'member_removed' }, schema: { params, body: removeMemberBody, response } },
    async (request) => {
      await removeMember(db, actorOf(request), {
        agencyId: request.params.agencyId,
        ...request.body,
        now: deps.clock.now(),
      });
      return OK;
    },
  );
}
