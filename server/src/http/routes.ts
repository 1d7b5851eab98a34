/** Every route group, registered in one place. Add one line per new module. */
import type { App, AppDeps } from './app-types.ts';
import { healthRoutes } from './health.ts';
import { sessionRoutes } from './session.ts';

export function registerRoutes(app: App, deps: AppDeps): void {
  healthRoutes(app, deps);
  sessionRoutes(app, deps);
}
