/** The Explore Data source: every value of an agency's records (02-http-api §2.6), from the replica when there is one. */
import { agencyIdParams } from '../contract/agencies.ts';
import { notModifiedBody } from '../contract/common.ts';
import { agencyDatapointsResponse } from '../contract/datapoints.ts';
import { getAgencyDatapointsVersion } from '../domain/datapoints/agency-datapoints-version.ts';
import { findAgencyDatapoints } from '../domain/datapoints/find-agency-datapoints.ts';
import type { App, AppDeps } from './app-types.ts';
import { notModified } from './conditional.ts';
import { actorOf } from './plugins/auth.ts';
import { breakdownNamesBySystem, presentDatapoint } from './presenters/datapoints.ts';
import { readerFor } from './read-replica.ts';

export function datapointRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/agencies/:agencyId/datapoints',
    { schema: { params: agencyIdParams, response: { 200: agencyDatapointsResponse, 304: notModifiedBody } } },
    async (request, reply) => {
      // The version and the answer from the same database, so a lagging replica's answer never gets a newer tag.
      const reader = await readerFor(request, deps);
      const { agencyId } = request.params;
      const version = await getAgencyDatapointsVersion(reader, actorOf(request), { agencyId });
      if (notModified(request, reply, version)) return reply.code(304).send(null);
      const { agency, datapoints } = await findAgencyDatapoints(reader, actorOf(request), agencyId);
      return {
        datapoints: datapoints.map((d) => presentDatapoint(d)),
        dimension_names_by_metric_and_disaggregation: breakdownNamesBySystem(agency.systems),
      };
    },
  );
}
