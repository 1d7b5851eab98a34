/** The Home page's data in one call (02-http-api §2.3). */
import { agencyIdParams } from '../contract/agencies.ts';
import { homeResponse } from '../contract/home.ts';
import { getHomeOverview } from '../domain/home/get-home-overview.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentHome } from './presenters/home.ts';

export function homeRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/home/:agencyId',
    { schema: { params: agencyIdParams, response: { 200: homeResponse } } },
    async (request) => presentHome(await getHomeOverview(db, actorOf(request), request.params)),
  );
}
