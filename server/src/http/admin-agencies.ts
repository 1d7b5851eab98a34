/** The admin panel's agency provisioning: list, look up, create or edit, delete, copy settings (02-http-api §2.10). */
import { AGENCY_SYSTEMS } from '@jc/catalogue';
import {
  adminAgenciesResponse,
  adminAgencyResponse,
  adminTeamResponse,
  anyAgencyParams,
  copyToChildrenBody,
  copyToChildrenResponse,
  saveAgencyBody,
  saveAgencyResponse,
  superAgencyParams,
} from '../contract/admin-agencies.ts';
import { agencyNoTeam } from '../contract/admin-users.ts';
import { deleteAgency } from '../domain/agencies/delete-agency.ts';
import {
  getAgencyForAdmin,
  getAgencyTeamForAdmin,
  getAgencyWithTeamForAdmin,
  listAgenciesForAdmin,
} from '../domain/agencies/find-agencies-for-admin.ts';
import { saveAgency } from '../domain/agencies/save-agency.ts';
import { copyToChildAgencies } from '../domain/metric-settings/copy-to-child-agencies.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import {
  presentAdminAgency,
  presentAdminMetric,
  presentCopyResult,
  presentSavedAgency,
} from './presenters/admin-agencies.ts';
import { presentAgencyNoTeam } from './presenters/admin-users.ts';
import { presentMember } from './presenters/agencies.ts';

export function adminAgencyRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/admin/agency/overview', { schema: { response: { 200: adminAgenciesResponse } } }, async (request) => ({
    agencies: (await listAgenciesForAdmin(db, actorOf(request))).map(presentAdminAgency),
    systems: [...AGENCY_SYSTEMS],
  }));

  app.get(
    '/admin/agency/:anyAgencyId/team',
    { schema: { params: anyAgencyParams, response: { 200: adminTeamResponse } } },
    async (request) => ({
      team: (await getAgencyTeamForAdmin(db, actorOf(request), { agencyId: request.params.anyAgencyId })).map(
        presentMember,
      ),
    }),
  );

  app.get(
    '/admin/agency/:anyAgencyId',
    { schema: { params: anyAgencyParams, response: { 200: adminAgencyResponse } } },
    async (request) => {
      const { agency, metrics } = await getAgencyForAdmin(db, actorOf(request), {
        agencyId: request.params.anyAgencyId,
      });
      return { agency: presentAgencyNoTeam(agency), metrics: metrics.map(presentAdminMetric) };
    },
  );

  app.delete(
    '/admin/agency/:anyAgencyId',
    { schema: { params: anyAgencyParams, response: { 200: agencyNoTeam } } },
    async (request) =>
      presentAgencyNoTeam(await deleteAgency(db, actorOf(request), { agencyId: request.params.anyAgencyId })),
  );

  app.put(
    '/admin/agency',
    { schema: { body: saveAgencyBody, response: { 200: saveAgencyResponse } } },
    async (request) => {
      const body = request.body;
      const actor = actorOf(request);
      const input = {
        agencyId: body.agency_id ?? null,
        name: body.name,
        stateCode: body.state_code,
        systems: body.systems,
        superAgencyId: body.super_agency_id,
        isSuperagency: body.is_superagency,
        isDashboardEnabled: body.is_dashboard_enabled,
        isSteppingUpAgency: body.is_stepping_up_agency,
        fipsCountyCode: body.fips_county_code,
        childAgencyIds: body.child_agency_ids,
        description: body.agency_description,
        url: body.agency_url,
        team: body.team?.map((member) => ({ userId: member.user_account_id, role: member.role })),
        now: deps.clock.now(),
      };
      const agencyId = await saveAgency(db, actor, input);
      return presentSavedAgency(await getAgencyWithTeamForAdmin(db, actor, { agencyId }));
    },
  );

  app.post(
    '/admin/agency/:superAgencyId/child-agency/copy',
    { schema: { params: superAgencyParams, body: copyToChildrenBody, response: { 200: copyToChildrenResponse } } },
    async (request) => {
      const input = {
        superAgencyId: request.params.superAgencyId,
        metricKeys: request.body.metric_definition_key_subset,
        childAgencyIds: request.body.child_agency_id_subset,
        now: deps.clock.now(),
      };
      return presentCopyResult(await copyToChildAgencies(db, actorOf(request), input));
    },
  );
}
