/** Every route group, registered in one place. Add one line per new module. */
import type { App, AppDeps } from './app-types.ts';
import { adminAgencyRoutes } from './admin-agencies.ts';
import { adminMetricRoutes } from './admin-metrics.ts';
import { adminUserRoutes } from './admin-users.ts';
import { agencyRoutes } from './agencies.ts';
import { apiTokenRoutes } from './api-tokens.ts';
import { authRoutes } from './auth.ts';
import { oidcRoutes } from './oidc.ts';
import { teamRoutes } from './team.ts';
import { userRoutes } from './users.ts';
import { agencySettingsRoutes } from './agency-settings.ts';
import { healthRoutes } from './health.ts';
import { openApiRoutes } from './openapi.ts';
import { openDataRoutes } from './open-data.ts';
import { homeRoutes } from './home.ts';
import { metricSettingsRoutes } from './metric-settings.ts';
import { datapointRoutes } from './datapoints.ts';
import { publicDataRoutes } from './public-data.ts';
import { reportRoutes } from './reports.ts';
import { securityEventRoutes } from './security-events.ts';
import { sessionRoutes } from './session.ts';
import { twoFactorRoutes } from './two-factor.ts';
import { uploadRoutes } from './uploads.ts';

export function registerRoutes(app: App, deps: AppDeps): void {
  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  authRoutes(app, deps);
  twoFactorRoutes(app, deps);
  oidcRoutes(app, deps);
  userRoutes(app, deps);
  agencyRoutes(app, deps);
  teamRoutes(app, deps);
  apiTokenRoutes(app, deps);
  metricSettingsRoutes(app, deps);
  agencySettingsRoutes(app, deps);
  reportRoutes(app, deps);
  datapointRoutes(app, deps);
  uploadRoutes(app, deps);
  homeRoutes(app, deps);
  publicDataRoutes(app, deps);
  openDataRoutes(app, deps);
  adminUserRoutes(app, deps);
  adminAgencyRoutes(app, deps);
  adminMetricRoutes(app, deps);
  securityEventRoutes(app, deps);
  openApiRoutes(app);
}
