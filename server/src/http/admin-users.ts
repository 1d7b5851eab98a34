/** The admin panel's user provisioning: list, look up, create or edit, delete (02-http-api §2.10). */
import {
  adminUser,
  adminUserAgenciesResponse,
  adminUsersResponse,
  anyUserParams,
  saveUsersBody,
  saveUsersResponse,
} from '../contract/admin-users.ts';
import { deleteUser } from '../domain/users/delete-user.ts';
import { getUserWithAgencies, listUsers } from '../domain/users/find-users.ts';
import { saveUsers } from '../domain/users/save-users.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentAdminUser, presentAgencyNoTeam, presentUserSummary } from './presenters/admin-users.ts';

export function adminUserRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/admin/user/overview', { schema: { response: { 200: adminUsersResponse } } }, async (request) => ({
    users: (await listUsers(db, actorOf(request))).map(presentUserSummary),
  }));

  app.get(
    '/admin/user/:anyUserId',
    { schema: { params: anyUserParams, response: { 200: adminUser } } },
    async (request) =>
      presentAdminUser(await getUserWithAgencies(db, actorOf(request), { userId: request.params.anyUserId })),
  );

  app.get(
    '/admin/user/:anyUserId/agencies',
    { schema: { params: anyUserParams, response: { 200: adminUserAgenciesResponse } } },
    async (request) => {
      const { agencies } = await getUserWithAgencies(db, actorOf(request), { userId: request.params.anyUserId });
      return { agencies: agencies.map(presentAgencyNoTeam) };
    },
  );

  app.delete(
    '/admin/user/:anyUserId',
    { schema: { params: anyUserParams, response: { 200: adminUser } } },
    async (request) => presentAdminUser(await deleteUser(db, actorOf(request), { userId: request.params.anyUserId })),
  );

  app.put('/admin/user', { schema: { body: saveUsersBody, response: { 200: saveUsersResponse } } }, async (request) => {
    const inputs = request.body.users.map((user) => ({
      userId: user.user_account_id,
      name: user.name,
      email: user.email,
      agencyIds: user.agency_ids,
    }));
    const mail = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };
    return {
      users: (await saveUsers(db, actorOf(request), { users: inputs, now: deps.clock.now() }, mail)).map(
        presentAdminUser,
      ),
    };
  });
}
