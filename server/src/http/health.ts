import { sql } from 'drizzle-orm';
import { healthResponse } from '../contract/common.ts';
import { appVersion } from '../version.ts';
import type { App, AppDeps } from './app-types.ts';

export function healthRoutes(app: App, { database }: AppDeps): void {
  app.get('/health', { config: { public: true }, schema: { response: { 200: healthResponse } } }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: database.engine, version: appVersion };
  });
}
