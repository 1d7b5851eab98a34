/** An agency with its team, its child agencies, and child agencies' upload names (02-http-api §2.1–§2.2). */
import {
  agencyIdParams,
  agencyWithTeamResponse,
  childAgenciesResponse,
  customNameBody,
  agencySimple,
} from '../contract/agencies.ts';
import { findChildAgencies, renameChildAgency } from '../domain/agencies/child-agencies.ts';
import { getAgencyWithTeam } from '../domain/agencies/get-agency-with-team.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentAgencyFull, presentAgencySimple } from './presenters/agencies.ts';

export function agencyRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/agency/:agencyId',
    { schema: { params: agencyIdParams, response: { 200: agencyWithTeamResponse } } },
    async (request) => {
      const { userId, agencies } = await getAgencyWithTeam(db, actorOf(request), request.params);
      return { id: userId, agencies: agencies.map(presentAgencyFull) };
    },
  );

  app.get(
    '/api/agencies/:agencyId/children',
    { schema: { params: agencyIdParams, response: { 200: childAgenciesResponse } } },
    async (request) => ({
      child_agencies: (await findChildAgencies(db, actorOf(request), request.params)).map(presentAgencySimple),
    }),
  );

  app.put(
    '/api/agency/:agencyId/custom-name',
    { schema: { params: agencyIdParams, body: customNameBody, response: { 200: agencySimple } } },
    async (request) => {
      const input = { agencyId: request.params.agencyId, customChildAgencyName: request.body.custom_child_agency_name };
      return presentAgencySimple(await renameChildAgency(db, actorOf(request), input));
    },
  );
}
