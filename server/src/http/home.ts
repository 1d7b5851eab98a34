/** The Home page's data in one call, and the member's onboarding guidance progress (02-http-api §2.3). */
import { agencyIdParams } from '../contract/agencies.ts';
import { guidanceProgressResponse, homeResponse, updateGuidanceBody } from '../contract/home.ts';
import { getGuidanceProgress } from '../domain/home/get-guidance-progress.ts';
import { getHomeOverview } from '../domain/home/get-home-overview.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import { updateGuidanceProgress } from '../domain/home/update-guidance-progress.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentHome } from './presenters/home.ts';

export function homeRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/home/:agencyId',
    { schema: { params: agencyIdParams, response: { 200: homeResponse } } },
    async (request) => {
      const today = utcDate(deps.clock.now());
      return presentHome(await getHomeOverview(db, actorOf(request), { ...request.params, today }));
    },
  );

  app.get(
    '/api/users/agencies/:agencyId/guidance',
    { schema: { params: agencyIdParams, response: { 200: guidanceProgressResponse } } },
    async (request) => ({ guidance_progress: await getGuidanceProgress(db, actorOf(request), request.params) }),
  );

  app.put(
    '/api/users/agencies/:agencyId/guidance',
    { schema: { params: agencyIdParams, body: updateGuidanceBody, response: { 200: guidanceProgressResponse } } },
    async (request) => {
      const input = { agencyId: request.params.agencyId, topic: request.body.updated_topic };
      return { guidance_progress: await updateGuidanceProgress(db, actorOf(request), input) };
    },
  );
}
