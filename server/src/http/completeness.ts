/** Completeness and timeliness (issue 18 item 4): an agency's, a superagency's children's, and every agency's for staff. */
import { agencyIdParams } from '../contract/agencies.ts';
import {
  agencyCompletenessResponse,
  staffCompletenessResponse,
  superagencyCompletenessResponse,
} from '../contract/completeness.ts';
import { findCompletenessForStaff } from '../domain/completeness/find-completeness-for-staff.ts';
import { getAgencyCompleteness } from '../domain/completeness/get-agency-completeness.ts';
import { getSuperagencyCompleteness } from '../domain/completeness/get-superagency-completeness.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from './app-types.ts';
import { sendCsv } from './csv-reply.ts';
import { actorOf, gatedAgency } from './plugins/auth.ts';
import {
  agencyCompletenessCsv,
  presentAgencyCompleteness,
  presentStaffCompleteness,
  presentSuperagencyCompleteness,
  staffCompletenessCsv,
  superagencyCompletenessCsv,
} from './presenters/completeness.ts';

export function completenessRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const today = () => utcDate(deps.clock.now());
  /** What every view of one agency (JSON and its CSV twin) asks the domain with. */
  const agencyInput = (request: FastifyRequest, agencyId: number) => ({
    agency: gatedAgency(request, agencyId),
    today: today(),
  });

  app.get(
    '/api/agencies/:agencyId/completeness',
    { schema: { params: agencyIdParams, response: { 200: agencyCompletenessResponse } } },
    async (request) => {
      const input = agencyInput(request, request.params.agencyId);
      return presentAgencyCompleteness(await getAgencyCompleteness(db, actorOf(request), input));
    },
  );

  app.get(
    '/api/agencies/:agencyId/completeness/csv',
    { schema: { params: agencyIdParams } },
    async (request, reply) => {
      const input = agencyInput(request, request.params.agencyId);
      const found = await getAgencyCompleteness(db, actorOf(request), input);
      return sendCsv(reply, `completeness-agency-${found.agency.id}.csv`, agencyCompletenessCsv(found));
    },
  );

  app.get(
    '/api/agencies/:agencyId/children/completeness',
    { schema: { params: agencyIdParams, response: { 200: superagencyCompletenessResponse } } },
    async (request) => {
      const input = agencyInput(request, request.params.agencyId);
      return presentSuperagencyCompleteness(await getSuperagencyCompleteness(db, actorOf(request), input));
    },
  );

  app.get(
    '/api/agencies/:agencyId/children/completeness/csv',
    { schema: { params: agencyIdParams } },
    async (request, reply) => {
      const input = agencyInput(request, request.params.agencyId);
      const found = await getSuperagencyCompleteness(db, actorOf(request), input);
      return sendCsv(reply, `completeness-child-agencies-${found.agency.id}.csv`, superagencyCompletenessCsv(found));
    },
  );

  app.get('/admin/completeness', { schema: { response: { 200: staffCompletenessResponse } } }, async (request) =>
    presentStaffCompleteness(await findCompletenessForStaff(db, actorOf(request), { today: today() })),
  );

  app.get('/admin/completeness/csv', async (request, reply) => {
    const found = await findCompletenessForStaff(db, actorOf(request), { today: today() });
    return sendCsv(reply, 'completeness-all-agencies.csv', staffCompletenessCsv(found));
  });
}
