/** The security events trail: staff see every agency's in the admin panel, agency admins their own. */
import { agencyIdParams } from '../contract/agencies.ts';
import {
  adminSecurityEventsQuery,
  MAX_EVENTS_EXPORTED,
  securityEventsQuery,
  securityEventsResponse,
} from '../contract/security-events.ts';
import {
  findAgencySecurityEvents,
  findSecurityEventsForStaff,
} from '../domain/security-events/find-security-events.ts';
import type { App, AppDeps } from './app-types.ts';
import { sendCsv } from './csv-reply.ts';
import { actorOf, gatedAgency } from './plugins/auth.ts';
import { presentSecurityEvent, securityEventsCsv } from './presenters/security-events.ts';

const everything = { limit: MAX_EVENTS_EXPORTED, offset: 0 };
const exported = { securityEvent: 'export' } as const;

export function securityEventRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/admin/security-events',
    { schema: { querystring: adminSecurityEventsQuery, response: { 200: securityEventsResponse } } },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const found = await findSecurityEventsForStaff(db, actorOf(request), filter, { limit, offset });
      return { events: found.events.map(presentSecurityEvent), total: found.total };
    },
  );

  app.get(
    '/admin/security-events/csv',
    { config: exported, schema: { querystring: adminSecurityEventsQuery } },
    async (request, reply) => {
      const found = await findSecurityEventsForStaff(db, actorOf(request), request.query, everything);
      return sendCsv(reply, 'security-events.csv', securityEventsCsv(found.events));
    },
  );

  app.get(
    '/api/agencies/:agencyId/security-events',
    {
      schema: { params: agencyIdParams, querystring: securityEventsQuery, response: { 200: securityEventsResponse } },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const agency = gatedAgency(request, request.params.agencyId);
      const found = await findAgencySecurityEvents(db, actorOf(request), agency, filter, { limit, offset });
      return { events: found.events.map(presentSecurityEvent), total: found.total };
    },
  );

  app.get(
    '/api/agencies/:agencyId/security-events/csv',
    { config: exported, schema: { params: agencyIdParams, querystring: securityEventsQuery } },
    async (request, reply) => {
      const agency = gatedAgency(request, request.params.agencyId);
      const found = await findAgencySecurityEvents(db, actorOf(request), agency, request.query, everything);
      const fileName = `security-events-agency-${request.params.agencyId}.csv`;
      return sendCsv(reply, fileName, securityEventsCsv(found.events));
    },
  );
}
