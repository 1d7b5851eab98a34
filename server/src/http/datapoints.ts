/** The Explore Data source: every value of an agency's records (02-http-api §2.6), from the replica when there is one. */
import { agencyIdParams } from '../contract/agencies.ts';
import { agencyDatapointsResponse } from '../contract/datapoints.ts';
import { findAgencyDatapoints } from '../domain/datapoints/find-agency-datapoints.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { breakdownNamesBySystem, presentDatapoint } from './presenters/datapoints.ts';
import { readerFor } from './read-replica.ts';

export function datapointRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/agencies/:agencyId/datapoints',
    { schema: { params: agencyIdParams, response: { 200: agencyDatapointsResponse } } },
    async (request) => {
      const reader = await readerFor(request, deps);
      const { agency, datapoints } = await findAgencyDatapoints(reader, actorOf(request), request.params.agencyId);
      return {
        datapoints: datapoints.map((d) => presentDatapoint(d)),
        dimension_names_by_metric_and_disaggregation: breakdownNamesBySystem(agency.systems),
      };
    },
  );
}
