/** Agency-level settings: GET/PATCH /api/agencies/:id (settings, jurisdictions, systems). */
import { z } from 'zod';
import { agencySettingsResponse, updateAgencyBody } from '../contract/agency-settings.ts';
import { idParam, OK, okBody } from '../contract/common.ts';
import { getAgencySettings } from '../domain/agency-settings/get-agency-settings.ts';
import { updateAgencySettings } from '../domain/agency-settings/update-agency-settings.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentAgencySettings } from './presenters/agency-settings.ts';

const params = z.object({ agencyId: idParam });

export function agencySettingsRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:agencyId',
    { schema: { params, response: { 200: agencySettingsResponse } } },
    async (request) =>
      presentAgencySettings(await getAgencySettings(db, actorOf(request), { agencyId: request.params.agencyId })),
  );

  app.patch(
    '/api/agencies/:agencyId',
    { schema: { params, body: updateAgencyBody, response: { 200: okBody } } },
    async (request) => {
      await updateAgencySettings(db, actorOf(request), { agencyId: request.params.agencyId, ...request.body });
      return OK;
    },
  );
}
