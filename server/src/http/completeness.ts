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
import type { z, ZodType } from 'zod';
import type { Executor } from '../db/database.ts';
import type { Actor } from '../domain/actor.ts';
import type { AgencyOrId } from '../domain/permissions.ts';
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

/** A view of one agency: JSON at `path`, and its CSV twin at `path/csv`, both from one domain read. */
interface AgencyView<Found extends { agency: { id: number } }, Response extends ZodType> {
  path: string;
  response: Response;
  read: (db: Executor, actor: Actor, input: { agency: AgencyOrId; today: string }) => Promise<Found>;
  present: (found: Found) => z.infer<Response>;
  csv: (found: Found) => string;
  /** The CSV file's name before the agency's id. */
  fileName: string;
}

export function completenessRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const today = () => utcDate(deps.clock.now());

  function agencyView<Found extends { agency: { id: number } }, Response extends ZodType>(
    view: AgencyView<Found, Response>,
  ) {
    const find = (request: FastifyRequest, agencyId: number) =>
      view.read(db, actorOf(request), { agency: gatedAgency(request, agencyId), today: today() });
    // present() already answers to the view's own schema; Fastify sees only that one is there.
    const response: ZodType = view.response;
    app.get(view.path, { schema: { params: agencyIdParams, response: { 200: response } } }, async (request) =>
      view.present(await find(request, request.params.agencyId)),
    );
    app.get(`${view.path}/csv`, { schema: { params: agencyIdParams } }, async (request, reply) => {
      const found = await find(request, request.params.agencyId);
      return sendCsv(reply, `${view.fileName}-${found.agency.id}.csv`, view.csv(found));
    });
  }

  agencyView({
    path: '/api/agencies/:agencyId/completeness',
    response: agencyCompletenessResponse,
    read: getAgencyCompleteness,
    present: presentAgencyCompleteness,
    csv: agencyCompletenessCsv,
    fileName: 'completeness-agency',
  });
  agencyView({
    path: '/api/agencies/:agencyId/children/completeness',
    response: superagencyCompletenessResponse,
    read: getSuperagencyCompleteness,
    present: presentSuperagencyCompleteness,
    csv: superagencyCompletenessCsv,
    fileName: 'completeness-child-agencies',
  });

  app.get('/admin/completeness', { schema: { response: { 200: staffCompletenessResponse } } }, async (request) =>
    presentStaffCompleteness(await findCompletenessForStaff(db, actorOf(request), { today: today() })),
  );

  app.get('/admin/completeness/csv', async (request, reply) => {
    const found = await findCompletenessForStaff(db, actorOf(request), { today: today() });
    return sendCsv(reply, 'completeness-all-agencies.csv', staffCompletenessCsv(found));
  });
}
