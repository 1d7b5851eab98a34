/**
 * Agency-level settings: GET/PATCH /api/agencies/:id (settings, jurisdictions, systems, population),
 * the places to pick jurisdictions from, and staff's population CSV for many agencies.
 */
import { z } from 'zod';
import {
  agencySettingsResponse,
  geographiesQuery,
  geographiesResponse,
  MAX_GEOGRAPHY_RESULTS,
  updateAgencyBody,
} from '../contract/agency-settings.ts';
import { idParam, notModifiedBody, OK, okBody } from '../contract/common.ts';
import { importPopulationBody, importPopulationResponse } from '../contract/population.ts';
import { importPopulation } from '../domain/agency-settings/import-population.ts';
import { countiesOfState, geographiesByGeoid, searchGeographies } from '../domain/agency-settings/geographies.ts';
import { getAgencySettings } from '../domain/agency-settings/get-agency-settings.ts';
import { getAgencySettingsVersion } from '../domain/agency-settings/agency-settings-version.ts';
import { updateAgencySettings } from '../domain/agency-settings/update-agency-settings.ts';
import { recordSecurityEvent } from '../db/queries/security-events.ts';
import type { App, AppDeps } from './app-types.ts';
import { notModified } from './conditional.ts';
import { actorOf } from './plugins/auth.ts';
import { eventSource } from './plugins/security-events.ts';
import { presentAgencySettings } from './presenters/agency-settings.ts';

const params = z.object({ agencyId: idParam });

export function agencySettingsRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:agencyId',
    { schema: { params, response: { 200: agencySettingsResponse, 304: notModifiedBody } } },
    async (request, reply) => {
      const input = { agencyId: request.params.agencyId };
      const version = await getAgencySettingsVersion(db, actorOf(request), input);
      if (notModified(request, reply, version)) return reply.code(304).send(null);
      return presentAgencySettings(await getAgencySettings(db, actorOf(request), input));
    },
  );

  app.patch(
    '/api/agencies/:agencyId',
    { schema: { params, body: updateAgencyBody, response: { 200: okBody } } },
    async (request) => {
      const { agencyId } = request.params;
      await updateAgencySettings(db, actorOf(request), { agencyId, ...request.body });
      const requirement = request.body.settings?.find((s) => s.setting_type === 'REQUIRE_TWO_FACTOR');
      if (requirement) {
        const event = { ...eventSource(request, deps.clock), kind: 'two_factor_required_changed', agencyId } as const;
        await recordSecurityEvent(db, { ...event, details: { required: requirement.value } });
      }
      return OK;
    },
  );

  app.get(
    '/api/geographies',
    { schema: { querystring: geographiesQuery, response: { 200: geographiesResponse } } },
    (request) => {
      const { search, geoids, state } = request.query;
      const found = [
        ...(search === undefined ? [] : searchGeographies(search, MAX_GEOGRAPHY_RESULTS)),
        ...geographiesByGeoid(geoids ?? []),
        ...(state === undefined ? [] : countiesOfState(state)),
      ];
      return { geographies: found.map(({ countyCode, ...place }) => ({ ...place, county_code: countyCode })) };
    },
  );

  app.put(
    '/admin/population',
    { schema: { body: importPopulationBody, response: { 200: importPopulationResponse } } },
    async (request) => importPopulation(db, actorOf(request), request.body),
  );
}
