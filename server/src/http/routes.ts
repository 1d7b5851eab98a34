/** Every route group, registered in one place. Add one line per new module. */
import type { App, AppDeps } from './app-types.ts';
import { agencySettingsRoutes } from './agency-settings.ts';
import { healthRoutes } from './health.ts';
import { metricSettingsRoutes } from './metric-settings.ts';
import { sessionRoutes } from './session.ts';

export function registerRoutes(app: App, deps: AppDeps): void {
  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  metricSettingsRoutes(app, deps);
  agencySettingsRoutes(app, deps);
}
